import { and, eq, gt, inArray, isNull, or } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { type OrgUnitRow, orgUnits } from '../org/index.ts';
import { responsibilityRules } from './routing.tables.ts';
import type { RuleRow } from './suggest.ts';

/** Keeps each IN list well below the 65 535 parameters one statement may carry. */
const CHUNK = 1000;

export async function unitsByCode(db: Db, codes: string[]): Promise<Map<string, OrgUnitRow>> {
  const unique = [...new Set(codes)];
  const found = new Map<string, OrgUnitRow>();
  for (let i = 0; i < unique.length; i += CHUNK) {
    const rows = await db
      .select()
      .from(orgUnits)
      .where(inArray(orgUnits.code, unique.slice(i, i + CHUNK)));
    for (const row of rows) found.set(row.code, row);
  }
  return found;
}

/** Rules valid at `at` or later (the catalogue as it stands and its scheduled changes), with their area's path. */
export async function currentRules(db: Db, at: Date): Promise<(RuleRow & { areaPath: string })[]> {
  const rows = await db
    .select({ rule: responsibilityRules, areaPath: orgUnits.path })
    .from(responsibilityRules)
    .innerJoin(orgUnits, eq(orgUnits.id, responsibilityRules.areaUnitId))
    .where(or(isNull(responsibilityRules.validTo), gt(responsibilityRules.validTo, at)));
  return rows.map((r) => ({ ...r.rule, areaPath: r.areaPath }));
}

/** The rules for a category (or fallbacks) at exactly this area that are valid at some time in [from, to). */
export async function overlappingRules(
  db: Db,
  categoryCode: string | null,
  areaUnitId: string,
  from: Date,
  to: Date | null,
): Promise<RuleRow[]> {
  const rows = await db
    .select()
    .from(responsibilityRules)
    .where(
      and(
        eq(responsibilityRules.areaUnitId, areaUnitId),
        categoryCode === null
          ? and(isNull(responsibilityRules.categoryCode), eq(responsibilityRules.fallback, true))
          : eq(responsibilityRules.categoryCode, categoryCode),
        or(isNull(responsibilityRules.validTo), gt(responsibilityRules.validTo, from)),
      ),
    );
  return rows.filter((r) => to === null || r.validFrom < to);
}
