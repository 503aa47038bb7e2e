import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';

/** Both drivers answer a raw statement with `{rows}`. */
async function rows<T>(db: Db, statement: SQL): Promise<T[]> {
  return ((await db.execute(statement)) as unknown as { rows: T[] }).rows;
}

export interface DutyRow {
  id: string;
  ruleId: string;
  subjectType: string;
  subjectId: string;
  unitId: string;
  unitName: string;
  dueAt: Date | string;
  warnAt: Date | string;
  state: 'running' | 'breached';
  /** The case, ledger item or session the duty is about: its page and its name. */
  caseId: string | null;
  caseNumber: string | null;
  caseState: string | null;
  category: string | null;
  categoryZh: string | null;
  categoryEn: string | null;
  ledgerItemId: string | null;
  sessionId: string | null;
  title: string | null;
}

/**
 * The duties owed by `unitIds` that still call for action: running, or breached and not
 * ended since (met, cancelled or waived: a breach stays on the list until it is dealt
 * with). Paused duties wait for their module and are not listed. Overdue first, then by due time; each with what it is about.
 */
export function openDutiesOf(db: Db, unitIds: readonly string[], limit: number) {
  if (unitIds.length === 0) return Promise.resolve([]);
  const ids = sql.join(
    unitIds.map((id) => sql`${id}`),
    sql`, `,
  );
  return rows<DutyRow>(
    db,
    sql`SELECT o.id, o.rule_id AS "ruleId", o.subject_type AS "subjectType", o.subject_id AS "subjectId",
               o.unit_id AS "unitId", u.name AS "unitName", o.due_at AS "dueAt", o.warn_at AS "warnAt",
               o.state,
               c.id AS "caseId", c.number AS "caseNumber", c.state AS "caseState", c.category,
               cat.name_zh AS "categoryZh", cat.name_en AS "categoryEn",
               coalesce(li.id, lr.item_id) AS "ledgerItemId",
               coalesce(cs.id, ci.session_id) AS "sessionId",
               coalesce(li.title, lri.title, ci.title, cs.title) AS "title"
        FROM obligations o
        JOIN org_units u ON u.id = o.unit_id
        LEFT JOIN case_tasks ct ON o.subject_type = 'case_task' AND ct.id::text = o.subject_id
        LEFT JOIN cases c ON c.id::text = (CASE
          WHEN o.subject_type = 'case' THEN o.subject_id
          WHEN o.subject_type = 'case_task' THEN ct.case_id::text END)
        LEFT JOIN categories cat ON cat.code = c.category
        LEFT JOIN ledger_items li ON o.subject_type = 'ledger_item' AND li.id::text = o.subject_id
        LEFT JOIN ledger_reports lr ON o.subject_type = 'ledger_report' AND lr.id::text = o.subject_id
        LEFT JOIN ledger_items lri ON lri.id = lr.item_id
        LEFT JOIN consultation_items ci ON o.subject_type = 'consultation_item' AND ci.id::text = o.subject_id
        LEFT JOIN consultation_sessions cs ON o.subject_type = 'consultation_session' AND cs.id::text = o.subject_id
        WHERE o.unit_id IN (${ids})
          AND (o.state = 'running' OR (o.state = 'breached' AND o.ended_at IS NULL))
        ORDER BY (o.state = 'breached') DESC, o.due_at ASC
        LIMIT ${limit}`,
  );
}
