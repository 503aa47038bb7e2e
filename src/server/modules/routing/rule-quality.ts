import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';

export interface RuleQuality {
  /** Dispatches for which the rule was the suggestion. */
  dispatches: number;
  /** Of those, dispatches to the rule's lead unit. */
  followed: number;
  /** Returns the centre agreed to (wrong unit) after a dispatch that followed the rule. */
  returned: number;
}

/**
 * R1, C7: measured routing quality per rule — how often the centre followed the
 * suggestion and how often such a dispatch came back as a wrong unit. From the events
 * of the dispatches and the returns ledger, so a bad rule shows itself.
 */
export async function ruleQuality(db: Db, ruleIds: readonly string[]): Promise<Map<string, RuleQuality>> {
  const result = new Map<string, RuleQuality>(
    ruleIds.map((id) => [id, { dispatches: 0, followed: 0, returned: 0 }]),
  );
  if (ruleIds.length === 0) return result;
  const ids = sql.join(
    ruleIds.map((id) => sql`${id}`),
    sql`, `,
  );
  type DispatchRow = { rule_id: string; dispatches: string | number; followed: string | number };
  const dispatches = await db.execute(sql`
    SELECT payload->>'suggestedRuleId' AS rule_id, count(*) AS dispatches,
           count(*) FILTER (WHERE payload->>'followedSuggestion' = 'true') AS followed
      FROM events
     WHERE kind = 'case.dispatch' AND payload->>'suggestedRuleId' IN (${ids})
     GROUP BY 1`);
  for (const row of rowsOf<DispatchRow>(dispatches)) {
    const q = result.get(row.rule_id);
    if (q) Object.assign(q, { dispatches: Number(row.dispatches), followed: Number(row.followed) });
  }
  const returns = await db.execute(sql`
    SELECT routing_rule_id::text AS rule_id, count(*) AS returned
      FROM case_returns
     WHERE decision = 'agreed' AND routing_rule_id::text IN (${ids})
     GROUP BY 1`);
  for (const row of rowsOf<{ rule_id: string; returned: string | number }>(returns)) {
    const q = result.get(row.rule_id);
    if (q) q.returned = Number(row.returned);
  }
  return result;
}

/** node-postgres answers { rows }, PGlite's drizzle driver too; accept both shapes. */
function rowsOf<T>(answer: unknown): T[] {
  if (Array.isArray(answer)) return answer as T[];
  return ((answer as { rows?: T[] }).rows ?? []) as T[];
}
