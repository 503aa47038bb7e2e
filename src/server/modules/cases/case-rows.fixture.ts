import type { Database } from '../../db/client.ts';

/** A case row as the flow would have left it, for report tests that skip the flow (C13). */
export interface CaseRowSpec {
  category: string;
  state: string;
  createdAt: string;
  /** 密州街道 (A, 370782001) or 龙都街道 (B, 370782002) of the demo city. */
  township?: 'A' | 'B';
  /** When it reached a closed state: closing writes feedback and feedback_at (C12). */
  closedAt?: string;
  rating?: 'satisfied' | 'unsatisfied';
  rounds?: number;
  slaClass?: string;
  /** Led by the 住建局 (D370782-ZJJ). */
  lead?: boolean;
}

/**
 * Writes case rows and their duties straight into the demo city's tables (FKs kept),
 * so report tests do not depend on every step of the case flow.
 */
export function caseRowWriter(database: Database, units: Record<string, string>) {
  let serial = 0;
  return {
    async insertCase(row: CaseRowSpec): Promise<string> {
      serial += 1;
      const township = row.township === 'B' ? '370782002' : '370782001';
      const [inserted] = await database.query<{ id: string }>(
        `INSERT INTO cases (number, state, raiser_role, raiser_unit_id, channel, category, occurred_at,
           grid_id, community_id, township_id, party, situation, demand, area_unit_id, level, lead_unit_id,
           sla_class, rounds, feedback, feedback_at, rating, created_at, updated_at)
         VALUES ($1, $2, 'grid_worker', $3, 'grid_app', $4, $5, $3, $6, $7, '住户', '情形', '诉求', $7,
           'township', $8, $9, $10, $11, $12, $13, $5, $5) RETURNING id`,
        [
          `370782-T-${String(serial).padStart(4, '0')}`,
          row.state,
          units[`${township}001001`],
          row.category,
          row.createdAt,
          units[`${township}001`],
          units[township],
          row.lead ? units['D370782-ZJJ'] : null,
          row.slaClass ?? null,
          row.rounds ?? 1,
          row.closedAt ? `答复 ${serial}` : null,
          row.closedAt ?? null,
          row.rating ?? null,
        ],
      );
      if (!inserted) throw new Error('case insert returned nothing');
      return inserted.id;
    },

    /** A duty of a case (rule, owing unit by code, state, due time; met time for a late one). */
    async duty(caseId: string, rule: string, unitCode: string, state: string, due: string, metAt?: string) {
      await database.query(
        `INSERT INTO obligations (subject_type, subject_id, rule_id, unit_id, deadline, started_at, base_due_at,
           due_at, warn_at, warn_ratio, state, met_at, breached_at, created_at)
         VALUES ('case', $1, $2, $3, '2h', $4::timestamptz - interval '2 hours', $4, $4, $4, 0.8, $5, $6,
           CASE WHEN $5 = 'breached' THEN $4::timestamptz END, $4)`,
        [caseId, rule, units[unitCode], due, state, metAt ?? null],
      );
    },
  };
}
