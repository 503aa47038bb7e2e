import { sql } from 'drizzle-orm';
import type { Clock } from '../../core/clock.ts';
import type { Db } from '../../db/client.ts';
import { appendEvent, notify } from '../events/index.ts';

export interface ScanObligationsOptions {
  db: Db;
  clock: Clock;
  /** Rows handled per transaction; the scan loops until none are left. */
  batchSize?: number;
}

interface ScannedRow {
  id: string;
  rule_id: string;
  unit_id: string;
  person_id: string | null;
  subject_type: string;
  subject_id: string;
  due_at: string | Date;
}

/**
 * The one scanner: turns obligations past their warning time into a warning and
 * those past their due time into a breach, each exactly once. Rows are claimed with
 * FOR UPDATE SKIP LOCKED and changed in the same statement, so two server processes
 * scanning together never both write the same warning or breach.
 */
export async function scanObligations(
  options: ScanObligationsOptions,
): Promise<{ warned: number; breached: number }> {
  const now = options.clock.now();
  const batch = options.batchSize ?? 500;
  let warned = 0;
  let breached = 0;
  // Breaches first: an obligation past both times gets its breach, not a stale warning.
  for (;;) {
    const n = await step(options.db, now, batch, 'breach');
    breached += n;
    if (n < batch) break;
  }
  for (;;) {
    const n = await step(options.db, now, batch, 'warn');
    warned += n;
    if (n < batch) break;
  }
  return { warned, breached };
}

async function step(db: Db, now: Date, batch: number, what: 'warn' | 'breach'): Promise<number> {
  return db.transaction(async (tx) => {
    const statement =
      what === 'breach'
        ? sql`UPDATE obligations SET state = 'breached', breached_at = due_at, version = version + 1
              WHERE id IN (SELECT id FROM obligations WHERE state = 'running' AND due_at <= ${now}
                           ORDER BY due_at LIMIT ${batch} FOR UPDATE SKIP LOCKED)
                AND state = 'running'
              RETURNING id, rule_id, unit_id, person_id, subject_type, subject_id, due_at`
        : sql`UPDATE obligations SET warned_at = ${now}, version = version + 1
              WHERE id IN (SELECT id FROM obligations WHERE state = 'running' AND warned_at IS NULL
                             AND warn_at <= ${now}
                           ORDER BY warn_at LIMIT ${batch} FOR UPDATE SKIP LOCKED)
                AND state = 'running' AND warned_at IS NULL
              RETURNING id, rule_id, unit_id, person_id, subject_type, subject_id, due_at`;
    // Both drivers answer raw statements with `{rows}`.
    const result = (await tx.execute(statement)) as unknown as { rows: ScannedRow[] };
    for (const row of result.rows) {
      const dueAt = new Date(row.due_at);
      const payload = {
        ruleId: row.rule_id,
        unitId: row.unit_id,
        duty: { type: row.subject_type, id: row.subject_id },
        dueAt: dueAt.toISOString(),
      };
      const kind = what === 'breach' ? 'obligation.breached' : 'obligation.warned';
      await appendEvent({
        db: tx,
        at: now,
        actor: null,
        subject: { type: 'obligation', id: row.id },
        kind,
        payload,
      });
      await notify({
        db: tx,
        at: now,
        to: { unitId: row.unit_id, accountId: row.person_id },
        kind,
        subject: { type: 'obligation', id: row.id },
        title:
          what === 'breach'
            ? { zh: `已超期（${row.rule_id}）`, en: `Overdue (${row.rule_id})` }
            : { zh: `即将到期（${row.rule_id}）`, en: `Due soon (${row.rule_id})` },
        data: payload,
      });
    }
    return result.rows.length;
  });
}
