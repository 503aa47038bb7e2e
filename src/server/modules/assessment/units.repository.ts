import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';

/** The direct children of a unit of the given kinds, by code. */
export async function childUnitIds(db: Db, parentId: string, kinds: readonly string[]): Promise<string[]> {
  const result = (await db.execute(
    sql`SELECT id FROM org_units
        WHERE parent_id = ${parentId}
          AND kind IN (${sql.join(
            kinds.map((k) => sql`${k}`),
            sql`, `,
          )})
        ORDER BY code`,
  )) as unknown as { rows: { id: string }[] };
  return result.rows.map((r) => r.id);
}
