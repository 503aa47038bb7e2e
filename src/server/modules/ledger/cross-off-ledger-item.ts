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
import { closeItemDuties } from './ledger-duties.ts';
import { planLedgerAction } from './ledger-flow.ts';
import { lockVisibleItem } from './ledger-guard.ts';

/**
 * S5, S8 (and R7's special ledger): the owner crosses a done item off (销号) with a
 * reason. Its completion clock is met (late, if it was breached) and its running report
 * clocks are cancelled; breaches stay on the record. The units hear of it.
 */
export async function crossOffLedgerItem(options: {
  db: Db;
  clock: Clock;
  calendar: WorkCalendar;
  caller: Caller;
  itemId: string;
  reason: string;
  defaultWarnRatio: number;
}): Promise<LedgerItemRow> {
  const { caller, clock } = options;
  const reason = options.reason.trim();
  if (!reason)
    throw badRequest('REASON_REQUIRED', '请写明销号理由', 'Give the reason for crossing off', 'reason');
  return options.db.transaction(async (tx) => {
    const { item, paths } = await lockVisibleItem(tx, caller, options.itemId);
    requireOwner(caller, item.kind, paths.lead);
    const state = planLedgerAction(item.state, 'cross_off');
    const now = clock.now();
    await closeItemDuties({ ...options, db: tx }, item, reason);
    const [updated] = await tx
      .update(ledgerItems)
      .set({ state, crossedOffAt: now, crossedOffBy: caller === 'system' ? null : caller.id })
      .where(eq(ledgerItems.id, item.id))
      .returning();
    if (!updated) throw new Error('ledger item update returned nothing');
    await appendEvent({
      db: tx,
      at: now,
      actor: eventActor(caller),
      subject: { type: 'ledger_item', id: item.id },
      kind: 'ledger.item_crossed_off',
      payload: { reason },
    });
    for (const unitId of [item.leadUnitId, ...item.cooperatingUnitIds]) {
      await notify({
        db: tx,
        at: now,
        to: { unitId },
        kind: 'ledger.item_crossed_off',
        subject: { type: 'ledger_item', id: item.id },
        title: { zh: `已销号：${item.title}`, en: `Crossed off: ${item.title}` },
        data: { reason },
      });
    }
    return updated;
  });
}
