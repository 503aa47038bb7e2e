import type { Clock } from '../../core/clock.ts';
import type { Db } from '../../db/client.ts';
import { appendEvent } from './append-event.ts';
import { type ChainReport, verifyChain } from './verify-chain.ts';

export interface RunChainVerificationOptions {
  db: Db;
  clock: Clock;
  /** The audit administrator who asked; the check itself becomes part of the trail. */
  actor: { id: string; orgUnitId: string | null };
}

/** Verifies the chain and records who verified it and what was found (the auditor is audited too). */
export async function runChainVerification(options: RunChainVerificationOptions): Promise<ChainReport> {
  const report = await verifyChain({ db: options.db });
  await options.db.transaction((tx) =>
    appendEvent({
      db: tx,
      at: options.clock.now(),
      actor: options.actor,
      subject: { type: 'audit_chain', id: 'all' },
      kind: 'audit.chain_verified',
      payload: {
        ok: report.ok,
        checked: report.checked,
        problem: report.problem
          ? { stream: report.problem.stream, seq: report.problem.seq, kind: report.problem.kind }
          : null,
      },
    }),
  );
  return report;
}
