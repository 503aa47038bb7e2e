import { createHash, randomUUID } from 'node:crypto';
import type { Clock } from '../../core/clock.ts';
import { AppError } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import { type Caller, eventActor } from '../auth/index.ts';
import { appendEvent } from '../events/index.ts';
import { listCategories } from './categories.repository.ts';
import { type CheckedRule, checkRuleRow, dayOf } from './check-rule-row.ts';
import { createRule } from './create-rule.ts';
import { unitsOf } from './rules.repository.ts';
import { overlappingRules, unitsByCode } from './rules-file.repository.ts';
import {
  CODE_SEPARATOR,
  RULE_COLUMNS,
  type RuleColumn,
  type RuleImportIssue,
  readRulesSheet,
} from './rules-sheet.ts';

/** 422 IMPORT_INVALID: the file has errors, listed in `errors`; nothing was written. */
export class RulesImportInvalidError extends AppError {
  readonly errors: RuleImportIssue[];

  constructor(errors: RuleImportIssue[]) {
    super({
      status: 422,
      code: 'IMPORT_INVALID',
      zh: `导入文件有 ${errors.length} 处错误，未导入任何规则`,
      en: `The file has ${errors.length} error(s); no rule was imported`,
    });
    this.errors = errors;
  }
}

interface PlannedRule {
  row: number;
  input: CheckedRule;
  /** Category (or `*` for a fallback) and area: rules with the same key may not overlap (R1). */
  key: string;
}

/** The sheet column that answers for a createRule refusal's field. */
function columnOfField(field: string | undefined, code: string): RuleColumn {
  if (code === 'OUT_OF_SCOPE' || field === 'areaUnitId') return RULE_COLUMNS.areaCode;
  if (field === 'leadUnitId') return RULE_COLUMNS.leadCode;
  if (field?.startsWith('cooperatingUnitIds')) return RULE_COLUMNS.cooperatingCodes;
  if (field === 'basis') return RULE_COLUMNS.basis;
  if (field === 'validTo') return RULE_COLUMNS.validTo;
  if (field === 'validFrom' || code === 'RULE_OVERLAP') return RULE_COLUMNS.validFrom;
  return RULE_COLUMNS.categoryCode;
}

/**
 * R1: adds responsibility rules from an .xlsx file in the export's layout — all or
 * nothing. Every cell is checked first (codes that name no category or unit, a
 * principle other than 法定/商定/指定, no basis, bad dates, two rows overlapping for the
 * same category and area); then every clean row goes through `createRule` — its kinds,
 * scope and overlap checks — inside one transaction. Any problem anywhere: 422 with
 * every problem, each at its row and column, and the transaction rolled back. An import
 * only adds: a row overlapping an existing rule is refused, since replacing a rule
 * (R1, `replacesId`) is a decision taken one rule at a time through the API.
 */
export async function importRules(options: {
  db: Db;
  clock: Clock;
  caller: Caller;
  /** The bytes of the .xlsx file (sheet 权责清单, see docs/IMPORT.md). */
  content: Uint8Array;
}): Promise<{ created: number }> {
  const { db } = options;
  const sheet = await readRulesSheet(options.content);
  if (sheet.rows.length === 0)
    throw new AppError({
      status: 400,
      code: 'BAD_FILE',
      zh: '“权责清单”工作表没有数据行',
      en: 'The 权责清单 sheet has no data rows',
    });
  const errors: RuleImportIssue[] = [...sheet.issues];
  const unreadable = new Set(sheet.issues.map((i) => `${i.row} ${i.column}`));
  const units = await unitsByCode(
    db,
    sheet.rows.flatMap((r) => [r.areaCode, r.leadCode, ...r.cooperatingCodes.split(CODE_SEPARATOR)]),
  );
  const categories = new Map((await listCategories(db)).map((c) => [c.code, c]));
  const now = options.clock.now();

  const planned: PlannedRule[] = [];
  for (const r of sheet.rows) {
    const before = errors.length;
    const report = (column: RuleColumn, code: string, zh: string, en: string) => {
      if (!unreadable.has(`${r.row} ${column}`))
        errors.push({ row: r.row, column, code, message: zh, message_en: en });
    };
    const input = checkRuleRow(r, { units, categories, now }, report);
    const hadUnreadable = sheet.issues.some((i) => i.row === r.row);
    if (input && errors.length === before && !hadUnreadable) {
      const key = `${input.categoryCode ?? '*'} ${input.areaUnitId}`;
      const from = input.validFrom;
      const to = input.validTo ?? null;
      // R1: two rows of the file may not both be valid at once for one category and area.
      const other = planned.find(
        (p) =>
          p.key === key &&
          (p.input.validTo === undefined || p.input.validTo > from) &&
          (to === null || p.input.validFrom < to),
      );
      if (other)
        report(
          RULE_COLUMNS.validFrom,
          'RULE_OVERLAP',
          `与第 ${other.row} 行同一类别、同一适用范围的有效期重叠`,
          `Overlaps row ${other.row}: same category and area valid at the same time`,
        );
      else planned.push({ row: r.row, input, key });
    }
  }

  return db.transaction(async (tx) => {
    for (const p of planned) {
      try {
        // A savepoint of its own: a refused row leaves the rows before it in place.
        await createRule({ db: tx, clock: options.clock, caller: options.caller, input: p.input });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        errors.push(await refusal(tx, p, error));
      }
    }
    if (errors.length > 0) {
      // Throwing rolls the transaction back: not one rule of the file stays.
      const order: string[] = Object.values(RULE_COLUMNS);
      errors.sort((a, b) => a.row - b.row || order.indexOf(a.column) - order.indexOf(b.column));
      throw new RulesImportInvalidError(errors);
    }
    await appendEvent({
      db: tx,
      at: now,
      actor: eventActor(options.caller),
      subject: { type: 'rules_import', id: randomUUID() },
      kind: 'routing.rules_imported',
      // Each rule has its own routing.rule_created event; this one ties them to the file.
      payload: {
        rows: sheet.rows.length,
        created: planned.length,
        sha256: createHash('sha256').update(options.content).digest('hex'),
      },
    });
    return { created: planned.length };
  });

  /** A createRule refusal as an issue at the row's column; an overlap names the rule already there. */
  async function refusal(tx: Db, p: PlannedRule, error: AppError): Promise<RuleImportIssue> {
    const column = columnOfField(error.field, error.code);
    const base = { row: p.row, column, code: error.code };
    if (error.code !== 'RULE_OVERLAP')
      return { ...base, message: error.messageZh, message_en: error.messageEn };
    const [existing] = await overlappingRules(
      tx,
      p.input.categoryCode,
      p.input.areaUnitId,
      p.input.validFrom,
      p.input.validTo ?? null,
    );
    const lead = existing
      ? ((await unitsOf(tx, [existing.leadUnitId])).get(existing.leadUnitId)?.name ?? '')
      : '';
    const since = existing ? dayOf(existing.validFrom) : '';
    return {
      ...base,
      message: `与现有规则（${lead ? `牵头单位${lead}，` : ''}自 ${since} 起）有效期重叠；导入只新增规则，替代现有规则请通过权责清单接口逐条办理`,
      message_en: `Overlaps an existing rule (${lead ? `lead ${lead}, ` : ''}from ${since}); an import only adds rules — replace a rule through the API, one at a time`,
    };
  }
}
