import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { notFound } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import { type Actor, requireAccess } from '../auth/index.ts';
import { findOrgUnit } from '../org/index.ts';
import { consultationSessions, SESSION_STATES } from './consultation.tables.ts';

/** The sessions list's filters, shared by `GET /api/consultation/sessions` and its export. */
export const sessionsQuery = z.strictObject({
  areaUnitId: z.uuid(),
  /** R2: the monthly session or an extra one. */
  kind: z.enum(['monthly', 'extra']).optional(),
  state: z.enum(SESSION_STATES).optional(),
});
export type SessionsFilters = z.infer<typeof sessionsQuery>;

/** R2–R7: the sessions of an area the caller reads the consultation of, newest first. */
export async function listSessions(options: { db: Db; actor: Actor; filters: SessionsFilters }) {
  const { db, filters } = options;
  const area = await findOrgUnit(db, filters.areaUnitId);
  if (!area) throw notFound('Unit', '单位', 'areaUnitId');
  requireAccess(options.actor, 'consultation.read', area.path);
  const rows = await db
    .select()
    .from(consultationSessions)
    .where(
      and(
        eq(consultationSessions.areaUnitId, area.id),
        filters.kind ? eq(consultationSessions.kind, filters.kind) : undefined,
        filters.state ? eq(consultationSessions.state, filters.state) : undefined,
      ),
    )
    .orderBy(desc(consultationSessions.createdAt));
  return { area, rows };
}
