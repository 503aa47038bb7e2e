import { and, asc, desc, eq, gte, ilike, inArray, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { events } from '../events/index.ts';
import { obligations } from '../obligations/index.ts';
import { type OrgUnitRow, orgUnits } from '../org/index.ts';
import { caseNumberCounters, cases } from './cases.tables.ts';

export type CaseRow = typeof cases.$inferSelect;

export async function findCase(db: Db, id: string, forUpdate = false): Promise<CaseRow | undefined> {
  const query = db.select().from(cases).where(eq(cases.id, id));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

export async function unitsById(db: Db, ids: (string | null)[]): Promise<Map<string, OrgUnitRow>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.select().from(orgUnits).where(inArray(orgUnits.id, wanted));
  return new Map(rows.map((r) => [r.id, r]));
}

/** The unit and its ancestors, root first (from the materialised path). */
export async function ancestorsOfPath(db: Db, path: string): Promise<OrgUnitRow[]> {
  const ids = path.split('/').filter(Boolean);
  if (ids.length === 0) return [];
  const rows = await db.select().from(orgUnits).where(inArray(orgUnits.id, ids));
  return rows.sort((a, b) => a.level - b.level);
}

/** The command centre of a division (C7), when it has one. */
export async function centreOf(db: Db, areaId: string): Promise<OrgUnitRow | undefined> {
  const [row] = await db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.parentId, areaId), eq(orgUnits.kind, 'centre')))
    .orderBy(asc(orgUnits.code))
    .limit(1);
  return row;
}

/** The next daily serial for a number prefix (`370782-20260921`), atomically. */
export async function nextSerial(db: Db, prefix: string): Promise<number> {
  const [row] = await db
    .insert(caseNumberCounters)
    .values({ prefix, last: 1 })
    .onConflictDoUpdate({
      target: caseNumberCounters.prefix,
      set: { last: sql`${caseNumberCounters.last} + 1` },
    })
    .returning({ last: caseNumberCounters.last });
  if (!row) throw new Error('case number counter returned nothing');
  return row.last;
}

/** The case's duties (C4–C11), oldest first. */
export function caseObligations(db: Db, caseId: string) {
  return db
    .select()
    .from(obligations)
    .where(and(eq(obligations.subjectType, 'case'), eq(obligations.subjectId, caseId)))
    .orderBy(asc(obligations.createdAt), asc(obligations.startedAt));
}

/** The duties of a case still owed: running, paused, or breached and not yet met. */
export function owedObligations(db: Db, caseId: string, ruleIds?: string[]) {
  return db
    .select()
    .from(obligations)
    .where(
      and(
        eq(obligations.subjectType, 'case'),
        eq(obligations.subjectId, caseId),
        or(
          inArray(obligations.state, ['running', 'paused']),
          and(eq(obligations.state, 'breached'), isNull(obligations.metAt)),
        ),
        ruleIds ? inArray(obligations.ruleId, ruleIds) : undefined,
      ),
    );
}

/** The case's timeline: its events in order. */
export function caseEvents(db: Db, caseId: string) {
  return db
    .select()
    .from(events)
    .where(and(eq(events.subjectType, 'case'), eq(events.subjectId, caseId)))
    .orderBy(asc(events.id));
}

export interface ListCasesQuery {
  /** Org path prefixes the caller may read; ['/'] for all. */
  scope: string[];
  /** Any of these states. */
  states?: string[] | undefined;
  raisedBy?: string | undefined;
  /** A category code; a 大类 takes its 小类. */
  category?: string | undefined;
  createdFrom?: Date | undefined;
  /** Exclusive. */
  createdBefore?: Date | undefined;
  /** An ILIKE pattern matched against the number and the address. */
  search?: string | undefined;
  limit: number;
}

/** Cases whose place (grid, or the raiser's unit), centre area or lead unit lies in scope. */
/** The clock a case's list row shows: its earliest duty still owed. */
export interface NextDuty {
  ruleId: string;
  unitId: string;
  state: 'running' | 'breached';
  dueAt: Date;
  warnAt: Date;
  warnedAt: Date | null;
}

/**
 * Per case, the duty on the case (C4 approval, C7 triage, C8–C11 report and check) still
 * owed that falls due first: running, or breached and not met since. Paused duties have
 * no clock and are left out; cases without one are missing from the map.
 */
export async function nextDutiesOf(db: Db, caseIds: readonly string[]): Promise<Map<string, NextDuty>> {
  if (caseIds.length === 0) return new Map();
  const rows = await db
    .select({
      caseId: obligations.subjectId,
      ruleId: obligations.ruleId,
      unitId: obligations.unitId,
      state: obligations.state,
      dueAt: obligations.dueAt,
      warnAt: obligations.warnAt,
      warnedAt: obligations.warnedAt,
    })
    .from(obligations)
    .where(
      and(
        eq(obligations.subjectType, 'case'),
        inArray(obligations.subjectId, [...caseIds]),
        or(
          eq(obligations.state, 'running'),
          and(eq(obligations.state, 'breached'), isNull(obligations.metAt)),
        ),
      ),
    )
    .orderBy(asc(obligations.dueAt), asc(obligations.ruleId));
  const next = new Map<string, NextDuty>();
  for (const row of rows) {
    if (next.has(row.caseId)) continue;
    next.set(row.caseId, { ...row, state: row.state === 'breached' ? 'breached' : 'running' });
  }
  return next;
}

export async function listCases(db: Db, query: ListCasesQuery): Promise<CaseRow[]> {
  if (query.scope.length === 0) return [];
  const place = alias(orgUnits, 'place');
  const area = alias(orgUnits, 'area');
  const lead = alias(orgUnits, 'lead');
  const inScope: SQL | undefined = query.scope.includes('/')
    ? undefined
    : or(
        ...query.scope.flatMap((p) => [
          sql`${place.path} LIKE ${`${p}%`}`,
          sql`${area.path} LIKE ${`${p}%`}`,
          sql`${lead.path} LIKE ${`${p}%`}`,
        ]),
      );
  const rows = await db
    .select({ c: cases })
    .from(cases)
    .innerJoin(place, eq(place.id, sql`coalesce(${cases.gridId}, ${cases.raiserUnitId})`))
    .innerJoin(area, eq(area.id, cases.areaUnitId))
    .leftJoin(lead, eq(lead.id, cases.leadUnitId))
    .where(
      and(
        inScope,
        query.states ? inArray(cases.state, query.states) : undefined,
        query.raisedBy ? eq(cases.raisedBy, query.raisedBy) : undefined,
        query.category
          ? or(
              eq(cases.category, query.category),
              sql`${cases.category} LIKE ${`${query.category.replace(/[\\%_]/g, '\\$&')}.%`}`,
            )
          : undefined,
        query.createdFrom ? gte(cases.createdAt, query.createdFrom) : undefined,
        query.createdBefore ? lt(cases.createdAt, query.createdBefore) : undefined,
        query.search ? or(ilike(cases.number, query.search), ilike(cases.address, query.search)) : undefined,
      ),
    )
    .orderBy(desc(cases.createdAt), desc(cases.number))
    .limit(query.limit);
  return rows.map((r) => r.c);
}
