import type { OrgUnitRow } from '../org/index.ts';
import type { CategoryRow } from './categories.repository.ts';
import type { RuleInput } from './create-rule.ts';
import { PRINCIPLES, type Principle } from './routing.tables.ts';
import {
  CODE_SEPARATOR,
  PRINCIPLE_LABELS,
  parseSheetDay,
  RULE_COLUMNS,
  type RuleColumn,
  type RuleSheetRow,
} from './rules-sheet.ts';

/** A checked row: createRule's input with its start resolved (an empty 生效日期 is the import's time). */
export type CheckedRule = RuleInput & { validFrom: Date };

export type ReportIssue = (column: RuleColumn, code: string, zh: string, en: string) => void;

export interface RowLookups {
  /** Units by code, for every code the file names. */
  units: Map<string, OrgUnitRow>;
  /** Every category by code, retired ones included. */
  categories: Map<string, CategoryRow>;
  /** The import's time: the start of a row without 生效日期. */
  now: Date;
}

/** A sheet day (`YYYY-MM-DD`) as 00:00 of that day in Asia/Shanghai. */
const startOfDay = (day: string) => new Date(`${day}T00:00:00+08:00`);
/** The Asia/Shanghai day of an instant. */
export const dayOf = (date: Date) => new Date(date.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * R1: a row's cells as a createRule input — or undefined when a cell is wrong, each
 * wrong cell reported at its column (several per row when several are wrong). What
 * needs the database beyond the lookups (unit kinds, scope, overlap with existing
 * rules) is createRule's to check.
 */
export function checkRuleRow(
  r: RuleSheetRow,
  lookups: RowLookups,
  report: ReportIssue,
): CheckedRule | undefined {
  const { units, categories, now } = lookups;
  const C = RULE_COLUMNS;
  const fallback = r.fallback === '是' ? true : r.fallback === '否' || r.fallback === '' ? false : null;
  if (fallback === null)
    report(C.fallback, 'BAD_FALLBACK', '属地兜底请填“是”或“否”', 'Fallback (属地兜底) is 是 or 否');
  const category = r.categoryCode ? categories.get(r.categoryCode) : undefined;
  if (fallback && r.categoryCode)
    report(
      C.categoryCode,
      'FALLBACK_WITH_CATEGORY',
      '属地兜底规则不针对具体类别，请留空事项类别',
      'A fallback rule has no category; leave it empty',
    );
  else if (fallback === false && !r.categoryCode)
    report(C.categoryCode, 'CATEGORY_REQUIRED', '请填写事项类别编码', 'Give the category code');
  else if (r.categoryCode && (!category || category.retiredAt))
    report(
      C.categoryCode,
      'UNKNOWN_CATEGORY',
      `事项类别“${r.categoryCode}”不存在或已停用`,
      `Unknown or retired category "${r.categoryCode}"`,
    );

  const unitAt = (column: RuleColumn, code: string, what: { zh: string; en: string }) => {
    if (!code) {
      report(column, 'UNIT_REQUIRED', `请填写${what.zh}编码`, `Give the ${what.en}'s code`);
      return undefined;
    }
    const unit = units.get(code);
    if (!unit) report(column, 'UNKNOWN_UNIT', `组织编码 ${code} 不存在`, `No org unit has the code ${code}`);
    return unit;
  };
  const area = unitAt(C.areaCode, r.areaCode, { zh: '适用范围', en: 'area' });
  const lead = unitAt(C.leadCode, r.leadCode, { zh: '牵头单位', en: 'lead unit' });
  const cooperating = r.cooperatingCodes
    .split(CODE_SEPARATOR)
    .filter(Boolean)
    .map((code) => unitAt(C.cooperatingCodes, code, { zh: '配合单位', en: 'cooperating unit' }));

  const principle = parsePrinciple(r.principle);
  if (!principle)
    report(
      C.principle,
      'BAD_PRINCIPLE',
      '确定方式请填“法定”“商定”或“指定”（R1）',
      'The principle is 法定, 商定 or 指定 (R1)',
    );
  if (!r.basis)
    report(
      C.basis,
      'BASIS_REQUIRED',
      '请写明依据（法规文件条款或会商决定）',
      'Give the basis (law, document, article or decision)',
    );
  else if (r.basis.length > 2000)
    report(C.basis, 'TOO_LONG', '依据最多 2000 个字', 'The basis has at most 2000 characters');

  const day = (column: RuleColumn, text: string) => {
    if (!text) return undefined;
    const parsed = parseSheetDay(text);
    if (!parsed)
      report(
        column,
        'BAD_DATE',
        `日期“${text}”无效，请填写 YYYY-MM-DD 或日期格式单元格`,
        `"${text}" is not a date: use YYYY-MM-DD or a date cell`,
      );
    return parsed ? startOfDay(parsed) : null;
  };
  const validFrom = day(C.validFrom, r.validFrom);
  const validTo = day(C.validTo, r.validTo);
  const start = validFrom ?? now;
  if (validTo && validFrom !== null && validTo <= start)
    report(
      C.validTo,
      'BAD_VALIDITY',
      `失效日期须晚于生效日期（${dayOf(start)}）`,
      `The end date must be after the start (${dayOf(start)})`,
    );

  if (!area || !lead || !principle || fallback === null || validFrom === null || validTo === null)
    return undefined;
  if (cooperating.some((u) => !u)) return undefined;
  return {
    categoryCode: fallback ? null : r.categoryCode,
    areaUnitId: area.id,
    leadUnitId: lead.id,
    cooperatingUnitIds: (cooperating as OrgUnitRow[]).map((u) => u.id),
    principle,
    basis: r.basis,
    fallback,
    validFrom: start,
    validTo: validTo ?? undefined,
  };
}

/** 法定 / 商定 / 指定, or the API's codes (statutory…). */
function parsePrinciple(text: string): Principle | null {
  const byLabel = (Object.entries(PRINCIPLE_LABELS) as [Principle, string][]).find(([, l]) => l === text);
  if (byLabel) return byLabel[0];
  return (PRINCIPLES as readonly string[]).includes(text) ? (text as Principle) : null;
}
