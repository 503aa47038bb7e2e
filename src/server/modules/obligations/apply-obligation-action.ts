import { eq } from 'drizzle-orm';
import type { Clock } from '../../core/clock.ts';
import { conflict, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import { type Action, type Caller, eventActor, requireAccess } from '../auth/index.ts';
import { appendEvent } from '../events/index.ts';
import { nextState, type ObligationAction } from './obligation-flow.ts';
import { findObligationWithPath, type ObligationRow } from './obligations.repository.ts';
import { obligations } from './obligations.tables.ts';

const PAST: Record<ObligationAction, string> = {
  meet: 'met',
  pause: 'paused',
  resume: 'resumed',
  extend: 'extended',
  waive: 'waived',
  cancel: 'cancelled',
  warn: 'warned',
  breach: 'breached',
};

export interface ApplyObligationActionOptions {
  db: Db;
  clock: Clock;
  caller: Caller;
  obligationId: string;
  action: ObligationAction;
  /** The policy action the caller needs on the obligation's unit. */
  access: Action;
  /** Optimistic check: refuse when the obligation changed since the caller read it. */
  expectedVersion?: number | undefined;
  /** The columns this action changes besides the state (given the locked row and now). */
  change: (row: ObligationRow, now: Date) => Partial<typeof obligations.$inferInsert>;
  payload?: Record<string, unknown>;
}

/**
 * The one way an obligation changes: lock it, check the caller's scope, the state
 * table and the version, write the change and its event in one transaction.
 */
export async function applyObligationAction(options: ApplyObligationActionOptions): Promise<ObligationRow> {
  const { db, caller } = options;
  return db.transaction(async (tx) => {
    const found = await findObligationWithPath(tx, options.obligationId, true);
    if (!found) throw notFound('Obligation', '义务');
    requireAccess(caller, options.access, found.orgPath);
    const { row } = found;
    if (options.expectedVersion !== undefined && options.expectedVersion !== row.version) {
      throw conflict(
        'VERSION_CONFLICT',
        '该义务已被他人修改，请刷新后重试',
        'The obligation changed meanwhile; reload and retry',
      );
    }
    let state = nextState(row.state, options.action, row.metAt);
    const now = options.clock.now();
    // Met after its due time before the scanner saw it: the breach happened all the same
    // (at the due time), so it is recorded as met late, as if the scan had run.
    const unseenBreach =
      options.action === 'meet' && row.state === 'running' && now.getTime() > row.dueAt.getTime();
    if (unseenBreach) state = 'breached';
    const [updated] = await tx
      .update(obligations)
      .set({
        ...options.change(row, now),
        ...(unseenBreach ? { breachedAt: row.dueAt } : {}),
        state,
        version: row.version + 1,
      })
      .where(eq(obligations.id, row.id))
      .returning();
    if (!updated) throw new Error('obligation update returned nothing');
    const late = options.action === 'meet' && (row.state === 'breached' || unseenBreach);
    await appendEvent({
      db: tx,
      at: now,
      actor: eventActor(caller),
      subject: { type: 'obligation', id: row.id },
      kind: late ? 'obligation.met_late' : `obligation.${PAST[options.action]}`,
      payload: {
        ruleId: row.ruleId,
        unitId: row.unitId,
        duty: { type: row.subjectType, id: row.subjectId },
        from: row.state,
        to: state,
        dueAt: updated.dueAt.toISOString(),
        ...options.payload,
      },
    });
    return updated;
  });
}
