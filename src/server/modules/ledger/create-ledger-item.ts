import type { Clock } from '../../core/clock.ts';
import { AppError, badRequest } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import { type Caller, eventActor } from '../auth/index.ts';
import { parseDeadlineRule, type WorkCalendar } from '../calendar/index.ts';
import { appendEvent, notify } from '../events/index.ts';
import { type LedgerItemRow, unitsById } from './ledger.repository.ts';
import { ledgerItems } from './ledger.tables.ts';
import { requireOwner } from './ledger-access.ts';
import { fixedDueRule } from './ledger-due.ts';
import { openCompletionDuty, openReportDuty } from './ledger-duties.ts';
import { ledgerKind } from './ledger-kinds.ts';

export interface LedgerItemInput {
  /** The ledger the item goes on: consultation, supervision, meeting, documents (ledger-kinds.ts). */
  kind: string;
  /** Where the item came from (a consultation item, a meeting decision…): both or neither. */
  sourceType?: string | undefined;
  sourceId?: string | undefined;
  title: string;
  content: string;
  /** The unit that carries the item out and owes its reports. */
  leadUnitId: string;
  cooperatingUnitIds?: string[] | undefined;
  /** When it must be done; opens a completion clock. */
  dueAt?: Date | undefined;
  /** Rule id of the completion clock; the kind's default (R7 for consultation items) when absent. */
  dueRuleId?: string | undefined;
  /** Deadline rule of each periodic written report, e.g. `M+1@15` (R8). */
  reportRule?: string | undefined;
}

/** Units that can carry out an item (the same kinds that can handle cases). */
const HANDLING_KINDS = ['department', 'enterprise', 'agency', 'township', 'office', 'community'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const RULE_ID = /^[A-Z]\d{1,2}$/;

/**
 * R7, S8: puts an item on a ledger — lead and cooperating units, deadline, periodic
 * reports — and tells the units. Opens the lead unit's first report clock (R8) when
 * `reportRule` is set and its completion clock when `dueAt` is. Runs inside the
 * caller's transaction when given one (a savepoint), so a consultation decision and
 * its ledger item commit together or not at all.
 */
export async function createLedgerItem(options: {
  db: Db;
  clock: Clock;
  calendar: WorkCalendar;
  /** The ledger's owner (ledger-kinds.ts) or 'system'. */
  caller: Caller;
  input: LedgerItemInput;
  defaultWarnRatio: number;
}): Promise<LedgerItemRow> {
  const { input, caller, clock } = options;
  const kind = ledgerKind(input.kind);
  const title = input.title.trim();
  const content = input.content.trim();
  if (!title) throw badRequest('TITLE_REQUIRED', '请填写事项名称', 'Give the title', 'title');
  if (!content) throw badRequest('CONTENT_REQUIRED', '请填写事项内容', 'Give the content', 'content');
  const sourceType = input.sourceType?.trim() || null;
  const sourceId = input.sourceId ?? null;
  if (!sourceType !== !sourceId)
    throw badRequest(
      'SOURCE_INCOMPLETE',
      '来源类型和来源编号须同时给出',
      'Give both sourceType and sourceId, or neither',
      sourceType ? 'sourceId' : 'sourceType',
    );
  if (sourceId && !UUID.test(sourceId))
    throw badRequest('BAD_SOURCE_ID', '来源编号须为 UUID', 'sourceId must be a UUID', 'sourceId');
  const reportRule = input.reportRule?.trim() || null;
  if (reportRule) checkRule(reportRule);
  const dueRuleId = input.dueRuleId ?? kind.dueRuleId;
  if (!RULE_ID.test(dueRuleId) || dueRuleId === kind.reportRuleId)
    throw badRequest(
      'BAD_DUE_RULE',
      `完成期限的规则编号须为 RULES.md 中的编号，且不能是报告规则 ${kind.reportRuleId}`,
      `dueRuleId must be a RULES.md id other than the report rule ${kind.reportRuleId}`,
      'dueRuleId',
    );
  const now = clock.now();
  if (input.dueAt) fixedDueRule(now, input.dueAt); // refuses a past or far due time before writing

  const cooperating = [...new Set(input.cooperatingUnitIds ?? [])];
  const units = await unitsById(options.db, [input.leadUnitId, ...cooperating]);
  const lead = units.get(input.leadUnitId);
  if (!lead || !HANDLING_KINDS.includes(lead.kind))
    throw badRequest(
      'BAD_LEAD_UNIT',
      '牵头单位不存在或不能承办',
      'The lead unit does not exist or cannot carry out items',
      'leadUnitId',
    );
  cooperating.forEach((id, i) => {
    const unit = units.get(id);
    if (!unit || id === lead.id || !HANDLING_KINDS.includes(unit.kind))
      throw badRequest(
        'BAD_COOPERATING_UNIT',
        '配合单位不存在、不能承办或与牵头单位相同',
        'A cooperating unit does not exist, cannot carry out items, or is the lead',
        `cooperatingUnitIds.${i}`,
      );
  });
  requireOwner(caller, input.kind, lead.path);

  return options.db.transaction(async (tx) => {
    const [item] = await tx
      .insert(ledgerItems)
      .values({
        kind: input.kind,
        sourceType,
        sourceId,
        title,
        content,
        leadUnitId: lead.id,
        cooperatingUnitIds: cooperating,
        dueAt: input.dueAt ?? null,
        reportRule,
        state: 'open',
        createdBy: caller === 'system' ? null : caller.id,
        createdAt: now,
      })
      .returning();
    if (!item) throw new Error('ledger item insert returned nothing');
    const duties = { ...options, db: tx };
    await openReportDuty(duties, item);
    if (input.dueAt) await openCompletionDuty(duties, item, dueRuleId, input.dueAt);
    const payload = {
      kind: item.kind,
      title,
      leadUnitId: lead.id,
      cooperatingUnitIds: cooperating,
      dueAt: item.dueAt?.toISOString() ?? null,
      reportRule,
      ...(sourceType ? { source: { type: sourceType, id: sourceId } } : {}),
    };
    await appendEvent({
      db: tx,
      at: now,
      actor: eventActor(caller),
      subject: { type: 'ledger_item', id: item.id },
      kind: 'ledger.item_created',
      payload,
    });
    for (const unitId of [lead.id, ...cooperating]) {
      await notify({
        db: tx,
        at: now,
        to: { unitId },
        kind: 'ledger.item_created',
        subject: { type: 'ledger_item', id: item.id },
        title:
          unitId === lead.id
            ? { zh: `请牵头落实：${title}`, en: `You lead: ${title}` }
            : { zh: `请配合落实：${title}`, en: `You cooperate on: ${title}` },
        data: { ...payload, lead: unitId === lead.id },
      });
    }
    return item;
  });
}

/** A bad report rule is refused naming the input's field. */
function checkRule(rule: string): void {
  try {
    parseDeadlineRule(rule);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    throw badRequest('BAD_RULE', error.messageZh, error.messageEn, 'reportRule');
  }
}
