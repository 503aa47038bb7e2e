import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';

export interface ChainLink {
  unitId: string;
  unitName: string;
  unitKind: string;
  level: number;
  /** 'post' for the holder of the unit's accountable post, 'contract' for a contractor (G4). */
  link: 'post' | 'contract';
  /** The post's role, or the contract's kind. */
  role: string;
  personId: string;
  personName: string;
  phone: string | null;
  /** The contractor's own unit (contracts only). */
  fromUnitName: string | null;
}

/**
 * G3/G4: who answers for a grid, from the bottom up, in one query: the grid head, the
 * community secretary, and the contractors of the grid, its community, township and
 * district. Escalation (C15) and tracing responsibility (A4) read this.
 */
export async function responsibilityChain(db: Db, gridId: string): Promise<ChainLink[]> {
  const result = (await db.execute(sql`
    WITH target AS (SELECT path FROM org_units WHERE id = ${gridId}),
    ancestors AS (
      SELECT u.id, u.name, u.kind, u.level FROM org_units u, target WHERE target.path LIKE u.path || '%'
    )
    SELECT a.id AS unit_id, a.name AS unit_name, a.kind AS unit_kind, a.level, 'post' AS link, p.role,
           pe.id AS person_id, pe.name AS person_name, pe.phone, NULL AS from_unit_name
    FROM ancestors a
    JOIN posts p ON p.unit_id = a.id AND p.ends_on IS NULL AND p.role IN ('grid_head', 'community_secretary')
    JOIN people pe ON pe.id = p.person_id
    UNION ALL
    SELECT a.id, a.name, a.kind, a.level, 'contract', c.kind, pe.id, pe.name, pe.phone, f.name
    FROM ancestors a
    JOIN contracts c ON c.unit_id = a.id AND c.ends_on IS NULL
    JOIN people pe ON pe.id = c.person_id
    JOIN org_units f ON f.id = c.from_unit_id
    ORDER BY level DESC, link DESC, person_name
  `)) as unknown as { rows: Record<string, unknown>[] };
  return result.rows.map((r) => ({
    unitId: String(r.unit_id),
    unitName: String(r.unit_name),
    unitKind: String(r.unit_kind),
    level: Number(r.level),
    link: r.link === 'contract' ? 'contract' : 'post',
    role: String(r.role),
    personId: String(r.person_id),
    personName: String(r.person_name),
    phone: (r.phone as string | null) ?? null,
    fromUnitName: (r.from_unit_name as string | null) ?? null,
  }));
}
