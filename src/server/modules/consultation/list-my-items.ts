import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { type Actor, authorize } from '../auth/index.ts';
import type { ItemRow, SessionRow } from './consultation.repository.ts';
import { consultationItems, consultationMaterials, consultationSessions } from './consultation.tables.ts';
import { unitsOfIds } from './units.repository.ts';

export interface MyItem {
  item: ItemRow;
  session: SessionRow;
  /** The involved units the caller speaks for, and whether each has sent its material (R9). */
  units: { unitId: string; name: string; submittedAt: Date | null }[];
}

/**
 * R9, R7: the items on an agenda (or decided at a meeting) that involve a unit the caller
 * works for — where it owes written material before the meeting, and where it reads the
 * minutes once issued.
 */
export async function listMyItems(db: Db, actor: Actor): Promise<MyItem[]> {
  const rows = await db
    .select({ item: consultationItems, session: consultationSessions })
    .from(consultationItems)
    .innerJoin(consultationSessions, eq(consultationSessions.id, consultationItems.sessionId))
    .where(inArray(consultationItems.state, ['on_agenda', 'decided', 'to_leaders']))
    .orderBy(consultationSessions.meetingAt)
    .limit(500);
  const units = await unitsOfIds(
    db,
    rows.flatMap((r) => r.item.involvedUnitIds),
  );
  const mine = rows
    .map((r) => ({
      ...r,
      unitIds: r.item.involvedUnitIds.filter((id) => {
        const unit = units.get(id);
        return unit !== undefined && authorize(actor, 'consultation.material', { orgPath: unit.path });
      }),
    }))
    .filter((r) => r.unitIds.length > 0);
  if (mine.length === 0) return [];
  const materials = await db
    .select({
      itemId: consultationMaterials.itemId,
      unitId: consultationMaterials.unitId,
      at: consultationMaterials.submittedAt,
    })
    .from(consultationMaterials)
    .where(
      and(
        inArray(
          consultationMaterials.itemId,
          mine.map((r) => r.item.id),
        ),
      ),
    );
  return mine.map((r) => ({
    item: r.item,
    session: r.session,
    units: r.unitIds.map((unitId) => ({
      unitId,
      name: units.get(unitId)?.name ?? '',
      submittedAt: materials.find((m) => m.itemId === r.item.id && m.unitId === unitId)?.at ?? null,
    })),
  }));
}
