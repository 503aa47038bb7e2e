import type { Clock } from '../../core/clock.ts';
import { toIsoShanghai } from '../../core/time.ts';
import type { Db } from '../../db/client.ts';
import { type Caller, scopeOf } from '../auth/index.ts';
import { listCategories } from './categories.repository.ts';
import { unitsOf } from './rules.repository.ts';
import { currentRules } from './rules-file.repository.ts';
import { PRINCIPLE_LABELS, type RuleSheetEntry, writeRulesSheet } from './rules-sheet.ts';

export interface RulesFilter {
  category?: string | undefined;
  area?: string | undefined;
}

/** The web's filter (features/routing/rules-model.ts `filterRules`): category, 属地兜底 only, area. */
function matches(
  rule: { categoryCode: string | null; fallback: boolean; areaUnitId: string },
  filter: RulesFilter,
) {
  if (filter.area && rule.areaUnitId !== filter.area) return false;
  if (filter.category === 'fallback') return rule.fallback;
  if (filter.category) {
    const code = rule.categoryCode ?? '';
    return code === filter.category || code.startsWith(`${filter.category}.`);
  }
  return true;
}

/** The Shanghai calendar day of an instant: `YYYY-MM-DD`. */
const dayOf = (date: Date) => toIsoShanghai(date).slice(0, 10);

/**
 * R1: the responsibility catalogue (权责清单) as an .xlsx workbook (rules-sheet.ts) —
 * the rules valid now or later, ended ones left out (their history is in the events).
 * A caller sees what `GET /api/routing/rules` shows them: rules whose area lies in
 * their `routing.read` scope, or above it (a wider rule that reaches in). Sorted by the
 * catalogue's order, then area code and start; fallback rules (属地兜底) last.
 * Times become days in Asia/Shanghai: a rule starting at 09:00 is written with its day,
 * and the import reads a day as from 00:00 (docs/IMPORT.md).
 */
export async function exportRules(options: {
  db: Db;
  clock: Clock;
  caller: Caller;
  /** The rules page's filters: a category code (a 大类 takes its 小类) or `fallback`, and an area. */
  filter?: RulesFilter;
}): Promise<Buffer> {
  const { db } = options;
  const scope = options.caller === 'system' ? ['/'] : scopeOf(options.caller, 'routing.read');
  const rules = (await currentRules(db, options.clock.now())).filter(
    (r) =>
      scope.some((s) => r.areaPath.startsWith(s) || s.startsWith(r.areaPath)) &&
      matches(r, options.filter ?? {}),
  );
  const units = await unitsOf(
    db,
    rules.flatMap((r) => [r.areaUnitId, r.leadUnitId, ...r.cooperatingUnitIds]),
  );
  const categories = new Map((await listCategories(db)).map((c, i) => [c.code, { ...c, order: i }]));
  const unit = (id: string) => units.get(id);
  const orderOf = (code: string | null) =>
    code === null ? Number.MAX_SAFE_INTEGER : (categories.get(code)?.order ?? Number.MAX_SAFE_INTEGER - 1);
  rules.sort(
    (a, b) =>
      orderOf(a.categoryCode) - orderOf(b.categoryCode) ||
      (a.categoryCode ?? '').localeCompare(b.categoryCode ?? '') ||
      (unit(a.areaUnitId)?.code ?? '').localeCompare(unit(b.areaUnitId)?.code ?? '') ||
      a.validFrom.getTime() - b.validFrom.getTime(),
  );

  const entries: RuleSheetEntry[] = rules.map((r) => {
    const category = r.categoryCode ? categories.get(r.categoryCode) : undefined;
    const group = category?.parentCode ? categories.get(category.parentCode) : category;
    return {
      categoryGroup: group?.nameZh ?? '',
      categoryCode: r.categoryCode ?? '',
      categoryName: category?.nameZh ?? '',
      areaCode: unit(r.areaUnitId)?.code ?? '',
      areaName: unit(r.areaUnitId)?.name ?? '',
      leadCode: unit(r.leadUnitId)?.code ?? '',
      leadName: unit(r.leadUnitId)?.name ?? '',
      cooperatingCodes: r.cooperatingUnitIds.map((id) => unit(id)?.code ?? '').join('、'),
      principle: PRINCIPLE_LABELS[r.principle],
      basis: r.basis,
      fallback: r.fallback ? '是' : '否',
      validFrom: dayOf(r.validFrom),
      validTo: r.validTo ? dayOf(r.validTo) : '',
    };
  });
  return writeRulesSheet(entries);
}
