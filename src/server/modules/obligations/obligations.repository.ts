import { and, asc, desc, eq, gte, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { orgUnits } from '../org/index.ts';
import { obligationRuleSettings, obligations } from './obligations.tables.ts';

export type ObligationRow = typeof obligations.$inferSelect;

export async function findObligation(
  db: Db,
  id: string,
  forUpdate = false,
): Promise<ObligationRow | undefined> {
  const query = db.select().from(obligations).where(eq(obligations.id, id));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

/** The obligation with the org path of its unit, for scope checks. */
export async function findObligationWithPath(db: Db, id: string, forUpdate = false) {
  const row = await findObligation(db, id, forUpdate);
  if (!row) return undefined;
  const [unit] = await db.select({ path: orgUnits.path }).from(orgUnits).where(eq(orgUnits.id, row.unitId));
  return { row, orgPath: unit?.path ?? '/' };
}

export async function ruleSettings(db: Db, ruleId: string) {
  const [row] = await db
    .select()
    .from(obligationRuleSettings)
    .where(eq(obligationRuleSettings.ruleId, ruleId));
  return row;
}

export type ObligationFilter = 'all' | 'running' | 'due_soon' | 'overdue';

export interface ListObligationsQuery {
  /** Org path prefixes the caller may see; ['/'] for all. */
  scope: string[];
  subject?: { type: string; id: string } | undefined;
  unitId?: string | undefined;
  filter: ObligationFilter;
  now: Date;
  limit: number;
}

function inScope(scope: string[]) {
  if (scope.includes('/')) return undefined;
  if (scope.length === 0) return sql`false`;
  return or(...scope.map((p) => sql`${orgUnits.path} LIKE ${`${p}%`}`));
}

/** Obligations of a subject or a unit: running, due soon (past their warning), overdue, or all. */
export async function listObligations(db: Db, query: ListObligationsQuery) {
  const filters = {
    all: undefined,
    running: inArray(obligations.state, ['running', 'paused']),
    due_soon: and(eq(obligations.state, 'running'), lte(obligations.warnAt, query.now)),
    overdue: and(eq(obligations.state, 'breached'), isNull(obligations.metAt)),
  };
  return db
    .select({ obligation: obligations, unitName: orgUnits.name })
    .from(obligations)
    .innerJoin(orgUnits, eq(orgUnits.id, obligations.unitId))
    .where(
      and(
        inScope(query.scope),
        query.subject ? eq(obligations.subjectType, query.subject.type) : undefined,
        query.subject ? eq(obligations.subjectId, query.subject.id) : undefined,
        query.unitId ? eq(obligations.unitId, query.unitId) : undefined,
        filters[query.filter],
      ),
    )
    .orderBy(query.filter === 'all' ? desc(obligations.startedAt) : asc(obligations.dueAt))
    .limit(query.limit);
}

export interface ObligationCounts {
  unitId: string;
  ruleId: string;
  opened: number;
  running: number;
  met: number;
  metOnTime: number;
  breached: number;
  metLate: number;
  waived: number;
  cancelled: number;
}

/**
 * Counts per unit and rule of the obligations started in [from, to): the figures the
 * assessment builds its rates from. A breach met late counts as breached and as met late.
 */
export async function countObligations(
  db: Db,
  query: { from: Date; to: Date; scope: string[]; unitId?: string | undefined },
): Promise<ObligationCounts[]> {
  const n = (condition: ReturnType<typeof sql>) => sql<number>`count(*) filter (where ${condition})::int`;
  return db
    .select({
      unitId: obligations.unitId,
      ruleId: obligations.ruleId,
      opened: sql<number>`count(*)::int`,
      running: n(sql`${obligations.state} in ('running', 'paused')`),
      met: n(sql`${obligations.metAt} is not null`),
      metOnTime: n(sql`${obligations.state} = 'met'`),
      breached: n(sql`${obligations.state} = 'breached'`),
      metLate: n(sql`${obligations.state} = 'breached' and ${obligations.metAt} is not null`),
      waived: n(sql`${obligations.state} = 'waived'`),
      cancelled: n(sql`${obligations.state} = 'cancelled'`),
    })
    .from(obligations)
    .innerJoin(orgUnits, eq(orgUnits.id, obligations.unitId))
    .where(
      and(
        gte(obligations.startedAt, query.from),
        lt(obligations.startedAt, query.to),
        inScope(query.scope),
        query.unitId ? eq(obligations.unitId, query.unitId) : undefined,
      ),
    )
    .groupBy(obligations.unitId, obligations.ruleId)
    .orderBy(obligations.unitId, obligations.ruleId);
}

/** Running or paused obligations whose window may touch [fromDay, toDay] (coarse; callers check exactly). */
export async function activeObligationsAround(db: Db, from: Date, to: Date | null) {
  return db
    .select()
    .from(obligations)
    .where(
      and(
        inArray(obligations.state, ['running', 'paused']),
        gte(obligations.dueAt, from),
        to ? lt(obligations.startedAt, to) : undefined,
      ),
    )
    .for('update');
}
