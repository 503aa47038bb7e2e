import { and, eq, inArray } from 'drizzle-orm';
import type { Clock } from '../../core/clock.ts';
import { badRequest, conflict, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import { type Actor, eventActor, requireAccess } from '../auth/index.ts';
import { cases } from '../cases/index.ts';
import { appendEvent } from '../events/index.ts';
import { findOrgUnit } from '../org/index.ts';
import { requireCaseCategory } from '../routing/index.ts';
import type { ItemRow } from './consultation.repository.ts';
import { consultationItemCases, consultationItems, type ItemSource } from './consultation.tables.ts';
import { unitsExist } from './units.ts';

export interface ItemInput {
  areaUnitId: string;
  source: ItemSource;
  title: string;
  description: string;
  categoryCode?: string | undefined;
  placeUnitId?: string | undefined;
  involvedUnitIds?: string[] | undefined;
  /** Cases marked unclear (state in_consultation) that wait on this item. */
  caseIds?: string[] | undefined;
}

/**
 * R4: the 社管办 enters an unclear-responsibility matter — from cases marked unclear, a
 * leader's assignment, media or netizens, or the platform. Cases attached must be
 * waiting in the consultation queue and on no other open item.
 */
export async function addItem(options: {
  db: Db;
  clock: Clock;
  actor: Actor;
  input: ItemInput;
}): Promise<ItemRow> {
  const { input, actor } = options;
  const title = input.title.trim();
  const description = input.description.trim();
  if (!title) throw badRequest('TITLE_REQUIRED', '请填写问题名称', 'Give the title', 'title');
  if (!description)
    throw badRequest('DESCRIPTION_REQUIRED', '请描述问题', 'Describe the matter', 'description');
  const caseIds = [...new Set(input.caseIds ?? [])];
  if (input.source === 'case' && caseIds.length === 0)
    throw badRequest(
      'CASES_REQUIRED',
      '来源为案件时请选择待会商的案件',
      'Choose the waiting cases',
      'caseIds',
    );
  return options.db.transaction(async (tx) => {
    const area = await findOrgUnit(tx, input.areaUnitId);
    if (!area) throw notFound('Unit', '单位');
    requireAccess(actor, 'consultation.manage', area.path);
    if (input.categoryCode) await requireCaseCategory(tx, input.categoryCode, 'categoryCode');
    const involved = [...new Set(input.involvedUnitIds ?? [])];
    await unitsExist(tx, involved, 'involvedUnitIds');
    if (input.placeUnitId) await unitsExist(tx, [input.placeUnitId], 'placeUnitId');
    if (caseIds.length > 0) {
      const waiting = await tx
        .select({ id: cases.id, state: cases.state })
        .from(cases)
        .where(inArray(cases.id, caseIds))
        .for('update');
      const taken = await tx
        .select({ caseId: consultationItemCases.caseId })
        .from(consultationItemCases)
        .innerJoin(consultationItems, eq(consultationItems.id, consultationItemCases.itemId))
        .where(
          and(
            inArray(consultationItemCases.caseId, caseIds),
            inArray(consultationItems.state, ['queued', 'on_agenda']),
          ),
        );
      if (
        waiting.length !== caseIds.length ||
        waiting.some((c) => c.state !== 'in_consultation') ||
        taken.length > 0
      ) {
        throw conflict(
          'CASE_NOT_WAITING',
          '所选案件须处于待会商状态且未列入其他议题',
          'The cases must wait for the consultation and be on no other item',
        );
      }
    }
    const now = options.clock.now();
    const [item] = await tx
      .insert(consultationItems)
      .values({
        areaUnitId: area.id,
        source: input.source,
        title,
        description,
        categoryCode: input.categoryCode ?? null,
        placeUnitId: input.placeUnitId ?? null,
        involvedUnitIds: involved,
        state: 'queued',
        createdBy: actor.id,
        createdAt: now,
      })
      .returning();
    if (!item) throw new Error('item insert returned nothing');
    if (caseIds.length > 0)
      await tx.insert(consultationItemCases).values(caseIds.map((caseId) => ({ itemId: item.id, caseId })));
    await appendEvent({
      db: tx,
      at: now,
      actor: eventActor(actor),
      subject: { type: 'consultation_item', id: item.id },
      kind: 'consultation.item_added',
      payload: {
        source: input.source,
        title,
        categoryCode: item.categoryCode,
        involvedUnitIds: involved,
        caseIds,
      },
    });
    return item;
  });
}
