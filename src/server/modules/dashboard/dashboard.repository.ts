import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';

/** Both drivers answer a raw statement with `{rows}`. */
async function rows<T>(db: Db, statement: SQL): Promise<T[]> {
  return ((await db.execute(statement)) as unknown as { rows: T[] }).rows;
}

export interface OverdueUnit {
  unitId: string;
  name: string;
  kind: string;
  overdue: number;
}

/**
 * The units of a subtree with the most duties overdue now — any rule, the same test as
 * A1's "overdue now" (running past due, or breached and not met since) — most first.
 */
export function overdueByUnit(db: Db, path: string, now: Date, limit: number) {
  return rows<OverdueUnit>(
    db,
    sql`SELECT u.id AS "unitId", u.name AS "name", u.kind AS "kind", count(*)::int AS "overdue"
        FROM obligations o JOIN org_units u ON u.id = o.unit_id
        WHERE u.path LIKE ${`${path}%`}
          AND ((o.state = 'running' AND o.due_at <= ${now}) OR (o.state = 'breached' AND o.met_at IS NULL))
        GROUP BY u.id, u.name, u.kind
        ORDER BY count(*) DESC, u.name
        LIMIT ${limit}`,
  );
}

export interface GridDensity {
  gridId: string;
  code: string;
  name: string;
  /** Cases raised in the period whose place is this grid. */
  cases: number;
  /** The grid's boundary (GeoJSON Polygon or MultiPolygon), when asked for and known. */
  boundary?: unknown;
}

/** The grids of a subtree with the cases raised in [from, to) in each, for the density map. */
export function gridDensity(db: Db, path: string, from: Date, to: Date, geometry: boolean) {
  return rows<GridDensity>(
    db,
    sql`SELECT g.id AS "gridId", g.code AS "code", g.name AS "name",
               coalesce(n.cases, 0) AS "cases"${geometry ? sql`, g.boundary AS "boundary"` : sql``}
        FROM org_units g
        LEFT JOIN (
          SELECT c.grid_id, count(*)::int AS cases FROM cases c
          WHERE c.created_at >= ${from} AND c.created_at < ${to} AND c.grid_id IS NOT NULL
          GROUP BY c.grid_id
        ) n ON n.grid_id = g.id
        WHERE g.kind = 'grid' AND g.path LIKE ${`${path}%`}
        ORDER BY g.code`,
  );
}
