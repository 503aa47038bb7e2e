import type { Clock } from '../../core/clock.ts';
import { badRequest } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import { type Caller, eventActor, requireAccess } from '../auth/index.ts';
import { parseDeadlineRule } from '../calendar/index.ts';
import { appendEvent } from '../events/index.ts';
import { obligationRuleSettings } from './obligations.tables.ts';
import { RULE_ID_PATTERN } from './open-obligation.ts';

export interface SetRuleSettingsOptions {
  db: Db;
  clock: Clock;
  caller: Caller;
  ruleId: string;
  /** Default deadline of duties under this rule (null: callers must give one). */
  deadline: string | null;
  /** Share of the window after which to warn, 0.05–1 (null: the deployment default). */
  warnRatio: number | null;
}

/** An administrator sets a rule's default deadline and warning point (another city sets other limits). */
export async function setRuleSettings(options: SetRuleSettingsOptions) {
  requireAccess(options.caller, 'obligation.rules');
  if (!RULE_ID_PATTERN.test(options.ruleId)) {
    throw badRequest(
      'BAD_RULE_ID',
      '规则编号须为 RULES.md 中的编号，如 C8',
      'ruleId must be a RULES.md id such as C8',
      'ruleId',
    );
  }
  if (options.deadline !== null) parseDeadlineRule(options.deadline);
  const now = options.clock.now();
  return options.db.transaction(async (tx) => {
    const values = { deadline: options.deadline, warnRatio: options.warnRatio, updatedAt: now };
    const [row] = await tx
      .insert(obligationRuleSettings)
      .values({ ruleId: options.ruleId, ...values })
      .onConflictDoUpdate({ target: obligationRuleSettings.ruleId, set: values })
      .returning();
    await appendEvent({
      db: tx,
      at: now,
      actor: eventActor(options.caller),
      subject: { type: 'obligation_rule', id: options.ruleId },
      kind: 'obligation.rule_settings_changed',
      payload: { deadline: options.deadline, warnRatio: options.warnRatio },
    });
    return row;
  });
}
