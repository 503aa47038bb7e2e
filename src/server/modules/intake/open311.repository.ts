import { and, desc, eq, gte, inArray, lte, not, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { CASE_STATES, cases } from '../cases/index.ts';
import { type OrgUnitRow, orgUnits } from '../org/index.ts';
import type { IntakeCaseRow } from './intake.repository.ts';

/** States whose type is closed (C12: each reached only with feedback). */
export const CLOSED_STATES = Object.entries(CASE_STATES)
  .filter(([, type]) => type === 'closed')
  .map(([state]) => state);

export interface Open311Query {
  /** Case numbers; when given, every other filter but the jurisdiction is ignored (the spec). */
  numbers?: string[] | undefined;
  serviceCodes?: string[] | undefined;
  from: Date;
  to: Date;
  statuses?: ('open' | 'closed')[] | undefined;
  /** The jurisdiction's org path: only cases whose centre area lies under it. */
  jurisdictionPath?: string | undefined;
  limit: number;
}

/**
 * Requests handed in through Open311 (channel open311), newest first. Cases raised on
 * other channels (grid calls, hotline, petitions) are never public.
 */
export async function listOpen311Cases(db: Db, query: Open311Query): Promise<IntakeCaseRow[]> {
  const filters: (SQL | undefined)[] = [eq(cases.channel, 'open311')];
  if (query.numbers) {
    filters.push(inArray(cases.number, query.numbers));
  } else {
    filters.push(gte(cases.createdAt, query.from), lte(cases.createdAt, query.to));
    if (query.serviceCodes) filters.push(inArray(cases.category, query.serviceCodes));
    const statuses = new Set(query.statuses ?? []);
    if (statuses.size === 1) {
      const closed = inArray(cases.state, CLOSED_STATES);
      filters.push(statuses.has('closed') ? closed : not(closed));
    }
  }
  if (query.jurisdictionPath) {
    filters.push(
      sql`${cases.areaUnitId} IN (SELECT ${orgUnits.id} FROM ${orgUnits} WHERE ${orgUnits.path} LIKE ${`${query.jurisdictionPath}%`})`,
    );
  }
  return db
    .select()
    .from(cases)
    .where(and(...filters))
    .orderBy(desc(cases.createdAt), desc(cases.number))
    .limit(query.limit);
}

/** A city or district (county) by its division code: the Open311 jurisdiction_id. */
export async function findJurisdiction(db: Db, code: string): Promise<OrgUnitRow | undefined> {
  const [row] = await db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.code, code), inArray(orgUnits.kind, ['city', 'district'])));
  return row;
}

/** One request handed in through Open311, by its service_request_id (the case number). */
export async function findOpen311Case(
  db: Db,
  number: string,
  jurisdictionPath?: string,
): Promise<IntakeCaseRow | undefined> {
  const [row] = await listOpen311Cases(db, {
    numbers: [number],
    from: new Date(0),
    to: new Date(0),
    jurisdictionPath,
    limit: 1,
  });
  return row;
}
