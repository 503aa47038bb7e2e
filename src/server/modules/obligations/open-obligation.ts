import { randomUUID } from 'node:crypto';
import type { Clock } from '../../core/clock.ts';
import { badRequest } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import { type Caller, eventActor, requireAccess } from '../auth/index.ts';
import { parseDeadlineRule, type WorkCalendar } from '../calendar/index.ts';
import { appendEvent, notify } from '../events/index.ts';
import { findOrgUnit } from '../org/index.ts';
import { dueTimes } from './due-time.ts';
import { type ObligationRow, ruleSettings } from './obligations.repository.ts';
import { obligations } from './obligations.tables.ts';

export interface OpenObligationOptions {
  db: Db;
  clock: Clock;
  calendar: WorkCalendar;
  caller: Caller;
  /** What the duty is about: a case, a ledger item, a document, a meeting, a report. */
  subject: { type: string; id: string };
  /** The rule of RULES.md that creates the duty (C8, R8, D4…). */
  ruleId: string;
  /** The unit that owes it. */
  unitId: string;
  /** The person who owes it, when there is one. */
  personId?: string | null | undefined;
  /** Deadline rule text; when absent, the rule's configured default. */
  deadline?: string | undefined;
  /** When the duty starts; now when absent. */
  startedAt?: Date | undefined;
  /** Warning after this share of the window; the rule's setting, else the default. */
  warnRatio?: number | undefined;
  /** The deployment's default warn ratio (config OBLIGATION_WARN_RATIO). */
  defaultWarnRatio: number;
}

export const RULE_ID_PATTERN = /^[A-Z]\d{1,2}$/;

/** Opens a duty: computes its due and warning times on the work calendar and tells the unit. */
export async function openObligation(options: OpenObligationOptions): Promise<ObligationRow> {
  const { db, caller } = options;
  if (!RULE_ID_PATTERN.test(options.ruleId)) {
    throw badRequest(
      'BAD_RULE_ID',
      '规则编号须为 RULES.md 中的编号，如 C8',
      'ruleId must be a RULES.md id such as C8',
      'ruleId',
    );
  }
  const unit = await findOrgUnit(db, options.unitId);
  if (!unit) throw badRequest('ORG_UNIT_NOT_FOUND', '责任单位不存在', 'Responsible unit not found', 'unitId');
  requireAccess(caller, 'obligation.manage', unit.path);
  const settings = await ruleSettings(db, options.ruleId);
  const deadline = options.deadline ?? settings?.deadline ?? undefined;
  if (!deadline) {
    throw badRequest(
      'NO_DEADLINE',
      `规则 ${options.ruleId} 没有默认期限，请给出期限`,
      `Rule ${options.ruleId} has no default deadline; give one`,
      'deadline',
    );
  }
  parseDeadlineRule(deadline); // a bad rule is refused before anything is written
  const warnRatio = options.warnRatio ?? settings?.warnRatio ?? options.defaultWarnRatio;
  const now = options.clock.now();
  const startedAt = options.startedAt ?? now;
  const times = dueTimes(options.calendar, {
    startedAt,
    deadline,
    extendedDueAt: null,
    pauses: [],
    warnRatio,
  });

  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(obligations)
      .values({
        id: randomUUID(),
        subjectType: options.subject.type,
        subjectId: options.subject.id,
        ruleId: options.ruleId,
        unitId: unit.id,
        personId: options.personId ?? null,
        deadline,
        startedAt,
        ...times,
        extendedDueAt: null,
        warnRatio,
        state: 'running',
        createdAt: now,
      })
      .returning();
    if (!row) throw new Error('obligation insert returned nothing');
    const payload = {
      ruleId: row.ruleId,
      unitId: row.unitId,
      deadline,
      dueAt: row.dueAt.toISOString(),
      duty: options.subject,
    };
    await appendEvent({
      db: tx,
      at: now,
      actor: eventActor(caller),
      subject: { type: 'obligation', id: row.id },
      kind: 'obligation.opened',
      payload,
    });
    await notify({
      db: tx,
      at: now,
      to: { unitId: row.unitId, accountId: row.personId },
      kind: 'obligation.opened',
      subject: { type: 'obligation', id: row.id },
      title: { zh: `新的待办（${row.ruleId}）`, en: `New duty (${row.ruleId})` },
      data: payload,
    });
    return row;
  });
}
