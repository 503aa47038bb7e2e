import bbox from '@turf/bbox';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { and, eq, isNotNull } from 'drizzle-orm';
import Flatbush from 'flatbush';
import type { Db } from '../../db/client.ts';
import type { Area } from './grid-geometry.ts';
import { orgUnits } from './org.tables.ts';

interface IndexedGrid {
  id: string;
  boundary: Area;
}

/**
 * Point → grid in memory: a static R-tree (flatbush) over the grids' bounding boxes,
 * then an exact point-in-polygon test on the few candidates. Rebuilt from the
 * database whenever boundaries change (and at every scanner pass, for other processes).
 */
export class GridIndex {
  private readonly grids: IndexedGrid[];
  private readonly tree: Flatbush | null;

  constructor(grids: IndexedGrid[]) {
    this.grids = grids;
    if (grids.length === 0) {
      this.tree = null;
      return;
    }
    this.tree = new Flatbush(grids.length);
    for (const grid of grids) {
      const [minX, minY, maxX, maxY] = bbox(grid.boundary);
      this.tree.add(minX, minY, maxX, maxY);
    }
    this.tree.finish();
  }

  get size(): number {
    return this.grids.length;
  }

  /** The grid containing the point (on a shared edge: the first found), or null. */
  locate(lng: number, lat: number): string | null {
    if (!this.tree) return null;
    for (const i of this.tree.search(lng, lat, lng, lat)) {
      const grid = this.grids[i] as IndexedGrid;
      if (booleanPointInPolygon([lng, lat], grid.boundary)) return grid.id;
    }
    return null;
  }
}

/** Holds a process's grid index. */
export class GridIndexStore {
  private index = new GridIndex([]);

  current(): GridIndex {
    return this.index;
  }

  async reload(db: Db): Promise<GridIndex> {
    const rows = await db
      .select({ id: orgUnits.id, boundary: orgUnits.boundary })
      .from(orgUnits)
      .where(and(eq(orgUnits.kind, 'grid'), isNotNull(orgUnits.boundary)));
    this.index = new GridIndex(rows.map((r) => ({ id: r.id, boundary: r.boundary as Area })));
    return this.index;
  }
}
