import { and, asc, eq, inArray } from 'drizzle-orm';
import { notFound } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import { type Actor, requireAccess } from '../auth/index.ts';
import { findOrgUnit, type OrgUnitRow } from '../org/index.ts';
import { consultationItemCases, consultationItems, consultationSessions } from './consultation.tables.ts';

export type SessionRow = typeof consultationSessions.$inferSelect;
export type ItemRow = typeof consultationItems.$inferSelect;

/** A session the caller may act on (`action` over its area); outside the scope it does not exist. */
export async function sessionInScope(
  db: Db,
  actor: Actor,
  id: string,
  action: 'consultation.read' | 'consultation.manage',
  forUpdate = false,
): Promise<{ session: SessionRow; area: OrgUnitRow }> {
  const query = db.select().from(consultationSessions).where(eq(consultationSessions.id, id));
  const [session] = forUpdate ? await query.for('update') : await query;
  const area = session ? await findOrgUnit(db, session.areaUnitId) : undefined;
  if (!session || !area) throw notFound('Session', '会商会议');
  try {
    requireAccess(actor, action, area.path);
  } catch {
    throw notFound('Session', '会商会议');
  }
  return { session, area };
}

export async function itemsOfSession(db: Db, sessionId: string): Promise<ItemRow[]> {
  return db
    .select()
    .from(consultationItems)
    .where(eq(consultationItems.sessionId, sessionId))
    .orderBy(asc(consultationItems.createdAt), asc(consultationItems.id));
}

export async function itemsByIds(db: Db, ids: string[]): Promise<ItemRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(consultationItems).where(inArray(consultationItems.id, ids)).for('update');
}

/** The cases waiting on an item. */
export async function casesOfItem(db: Db, itemId: string): Promise<string[]> {
  const rows = await db
    .select({ caseId: consultationItemCases.caseId })
    .from(consultationItemCases)
    .where(eq(consultationItemCases.itemId, itemId));
  return rows.map((r) => r.caseId);
}

/** Items of an area in a state (the queue: 'queued'). */
export async function itemsInState(db: Db, areaUnitId: string, state: ItemRow['state']): Promise<ItemRow[]> {
  return db
    .select()
    .from(consultationItems)
    .where(and(eq(consultationItems.areaUnitId, areaUnitId), eq(consultationItems.state, state)))
    .orderBy(asc(consultationItems.createdAt));
}
