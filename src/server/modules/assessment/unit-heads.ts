import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';

/** The head post of each unit kind (G3 定人定岗): who answers for the unit (A4, A5). */
export const HEAD_ROLES: Record<string, string> = {
  grid: 'grid_head',
  community: 'community_secretary',
  township: 'township_leader',
  department: 'dept_head',
  enterprise: 'dept_head',
  agency: 'agency_head',
};

export interface UnitHead {
  unitId: string;
  unitName: string;
  unitKind: string;
  /** The head post's role, e.g. 'grid_head'. */
  post: string;
  personId: string | null;
  /** The holder's name; null when nobody held the post on that day. */
  name: string | null;
}

/** The calendar day (China time) of an instant, as YYYY-MM-DD. */
export const chinaDay = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * A4, A5: the holder of each unit's head post on a given day (posts run from starts_on to
 * ends_on inclusive, so a handed-over post names who held it then, not who holds it now).
 * Units are returned in the order asked; an empty post has a null person.
 */
export async function unitHeadsOn(db: Db, unitIds: readonly string[], day: string): Promise<UnitHead[]> {
  if (unitIds.length === 0) return [];
  const result = (await db.execute(sql`
    SELECT u.id AS unit_id, u.name AS unit_name, u.kind AS unit_kind, h.role, h.person_id, h.person_name
    FROM org_units u
    LEFT JOIN LATERAL (
      SELECT p.role, pe.id AS person_id, pe.name AS person_name
      FROM posts p JOIN people pe ON pe.id = p.person_id
      WHERE p.unit_id = u.id
        AND p.role = CASE u.kind WHEN 'grid' THEN 'grid_head' WHEN 'community' THEN 'community_secretary'
          WHEN 'township' THEN 'township_leader' WHEN 'agency' THEN 'agency_head' ELSE 'dept_head' END
        AND p.starts_on <= ${day}::date AND (p.ends_on IS NULL OR p.ends_on >= ${day}::date)
      ORDER BY p.starts_on DESC, pe.name
      LIMIT 1
    ) h ON true
    WHERE u.id IN (${sql.join(
      unitIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})
  `)) as unknown as { rows: Record<string, unknown>[] };
  const byId = new Map(result.rows.map((r) => [String(r.unit_id), r]));
  return unitIds.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    const kind = String(r.unit_kind);
    return [
      {
        unitId: id,
        unitName: String(r.unit_name),
        unitKind: kind,
        post: (r.role as string | null) ?? HEAD_ROLES[kind] ?? 'dept_head',
        personId: (r.person_id as string | null) ?? null,
        name: (r.person_name as string | null) ?? null,
      },
    ];
  });
}
