import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { type OrgUnitRow, orgUnits } from '../org/index.ts';
import { categories, responsibilityRules } from './routing.tables.ts';
import { type RuleRow, type Suggestion, suggestRule } from './suggest.ts';

/** Rules that could route `category` (or its 大类) anywhere on `path`, fallbacks included. */
export async function candidateRules(
  db: Db,
  category: string,
  parent: string | null,
  path: string,
): Promise<RuleRow[]> {
  const areaIds = path.split('/').filter(Boolean);
  if (areaIds.length === 0) return [];
  const codes = parent ? [category, parent] : [category];
  return db
    .select()
    .from(responsibilityRules)
    .where(
      and(
        inArray(responsibilityRules.areaUnitId, areaIds),
        or(inArray(responsibilityRules.categoryCode, codes), eq(responsibilityRules.fallback, true)),
      ),
    );
}

/**
 * C7, R1: the suggestion for a case of `category` at the place `place` (a grid or
 * another unit) at `at`; the category must exist (the caller has checked it).
 */
export async function suggestFor(db: Db, category: string, place: OrgUnitRow, at: Date): Promise<Suggestion> {
  const [cat] = await db.select().from(categories).where(eq(categories.code, category));
  const parent = cat?.parentCode ?? null;
  const rules = await candidateRules(db, category, parent, place.path);
  const depths = new Map(
    place.path
      .split('/')
      .filter(Boolean)
      .map((id, i) => [id, i + 1]),
  );
  return suggestRule(rules, {
    category,
    parent,
    areaPath: place.path,
    at,
    depthOf: (id) => depths.get(id) ?? 0,
  });
}

export async function findRule(db: Db, id: string): Promise<RuleRow | undefined> {
  const [row] = await db.select().from(responsibilityRules).where(eq(responsibilityRules.id, id));
  return row;
}

/** Rules of a category (or fallbacks) at exactly this area, still valid at or after `from`. */
export async function rulesAt(db: Db, categoryCode: string | null, areaUnitId: string): Promise<RuleRow[]> {
  return db
    .select()
    .from(responsibilityRules)
    .where(
      and(
        eq(responsibilityRules.areaUnitId, areaUnitId),
        categoryCode === null
          ? and(isNull(responsibilityRules.categoryCode), eq(responsibilityRules.fallback, true))
          : eq(responsibilityRules.categoryCode, categoryCode),
      ),
    )
    .for('update');
}

export async function unitsOf(db: Db, ids: string[]): Promise<Map<string, OrgUnitRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select()
    .from(orgUnits)
    .where(inArray(orgUnits.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}
