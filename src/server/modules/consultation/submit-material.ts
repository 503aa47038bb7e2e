import { and, eq, inArray } from 'drizzle-orm';
import type { Clock } from '../../core/clock.ts';
import { badRequest, conflict, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import { type Actor, authorize, eventActor } from '../auth/index.ts';
import { appendEvent } from '../events/index.ts';
import { meetObligation, obligations } from '../obligations/index.ts';
import { consultationItems, consultationMaterials } from './consultation.tables.ts';
import { unitsOfIds } from './units.repository.ts';

/** R9: an involved unit submits its written material on an item before the meeting. */
export async function submitMaterial(options: {
  db: Db;
  clock: Clock;
  actor: Actor;
  itemId: string;
  input: { unitId: string; content: string };
}): Promise<typeof consultationMaterials.$inferSelect> {
  const content = options.input.content.trim();
  if (!content) throw badRequest('CONTENT_REQUIRED', '请填写书面材料', 'Write the material', 'content');
  return options.db.transaction(async (tx) => {
    const [item] = await tx
      .select()
      .from(consultationItems)
      .where(eq(consultationItems.id, options.itemId))
      .for('update');
    const unit = (await unitsOfIds(tx, [options.input.unitId])).get(options.input.unitId);
    // Only the involved units themselves submit; for anyone else the item does not exist.
    if (
      !item ||
      !unit ||
      !item.involvedUnitIds.includes(unit.id) ||
      !authorize(options.actor, 'consultation.material', { orgPath: unit.path })
    )
      throw notFound('Item', '会商议题');
    if (item.state !== 'on_agenda')
      throw conflict('ITEM_STATE', '议题不在会前阶段', 'The item is not awaiting its meeting');
    const now = options.clock.now();
    const [row] = await tx
      .insert(consultationMaterials)
      .values({ itemId: item.id, unitId: unit.id, content, submittedBy: options.actor.id, submittedAt: now })
      .returning();
    if (!row) throw new Error('material insert returned nothing');
    const owed = await tx
      .select()
      .from(obligations)
      .where(
        and(
          eq(obligations.subjectType, 'consultation_item'),
          eq(obligations.subjectId, item.id),
          eq(obligations.ruleId, 'R9'),
          eq(obligations.unitId, unit.id),
          inArray(obligations.state, ['running', 'breached']),
        ),
      );
    for (const o of owed)
      if (!o.metAt)
        await meetObligation({ db: tx, clock: options.clock, caller: 'system', obligationId: o.id });
    await appendEvent({
      db: tx,
      at: now,
      actor: eventActor(options.actor),
      subject: { type: 'consultation_item', id: item.id },
      kind: 'consultation.material_submitted',
      payload: { unitId: unit.id, materialId: row.id },
    });
    return row;
  });
}
