import { eq } from 'drizzle-orm';
import type { Clock } from '../../core/clock.ts';
import { badRequest } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import { type Caller, eventActor } from '../auth/index.ts';
import type { WorkCalendar } from '../calendar/index.ts';
import { appendEvent, notify } from '../events/index.ts';
import type { LedgerItemRow } from './ledger.repository.ts';
import { ledgerItems } from './ledger.tables.ts';
import { requireOwner } from './ledger-access.ts';
import { fixedDueRule } from './ledger-due.ts';
import { completionRuleOf, openCompletionDuty, openReportDuty } from './ledger-duties.ts';
import { planLedgerAction } from './ledger-flow.ts';
import { lockVisibleItem } from './ledger-guard.ts';

/**
 * The owner reopens a crossed-off item with a reason (the work proved not done). It is
 * open again and counted (`reopened` + 1); a new report clock opens from now, and a
 * completion clock when the due time — a new `dueAt`, else the item's — lies ahead
 * (a passed due time is not renewed without a new one: give `dueAt`).
 */
export async function reopenLedgerItem(options: {
  db: Db;
  clock: Clock;
  calendar: WorkCalendar;
  caller: Caller;
  itemId: string;
  reason: string;
  /** A new due time for the reopened work. */
  dueAt?: Date | undefined;
  defaultWarnRatio: number;
}): Promise<LedgerItemRow> {
  const { caller, clock } = options;
  const reason = options.reason.trim();
  if (!reason)
    throw badRequest('REASON_REQUIRED', '请写明重新打开的理由', 'Give the reason for reopening', 'reason');
  const now = clock.now();
  if (options.dueAt) fixedDueRule(now, options.dueAt); // a past due time is refused before anything is written
  return options.db.transaction(async (tx) => {
    const { item, paths } = await lockVisibleItem(tx, caller, options.itemId);
    requireOwner(caller, item.kind, paths.lead);
    const state = planLedgerAction(item.state, 'reopen');
    const ruleId = await completionRuleOf(tx, item);
    const [updated] = await tx
      .update(ledgerItems)
      .set({
        state,
        reopened: item.reopened + 1,
        crossedOffAt: null,
        crossedOffBy: null,
        dueAt: options.dueAt ?? item.dueAt,
      })
      .where(eq(ledgerItems.id, item.id))
      .returning();
    if (!updated) throw new Error('ledger item update returned nothing');
    const duties = { ...options, db: tx };
    await openReportDuty(duties, updated);
    if (updated.dueAt && updated.dueAt > now)
      await openCompletionDuty(duties, updated, ruleId, updated.dueAt);
    const payload = { reason, reopened: updated.reopened, dueAt: updated.dueAt?.toISOString() ?? null };
    await appendEvent({
      db: tx,
      at: now,
      actor: eventActor(caller),
      subject: { type: 'ledger_item', id: item.id },
      kind: 'ledger.item_reopened',
      payload,
    });
    for (const unitId of [item.leadUnitId, ...item.cooperatingUnitIds]) {
      await notify({
        db: tx,
        at: now,
        to: { unitId },
        kind: 'ledger.item_reopened',
        subject: { type: 'ledger_item', id: item.id },
        title: { zh: `重新打开，请继续落实：${item.title}`, en: `Reopened, carry on: ${item.title}` },
        data: payload,
      });
    }
    return updated;
  });
}
