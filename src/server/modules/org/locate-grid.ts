import { z } from 'zod';
import { badRequest, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../auth/index.ts';
import type { GridIndex } from './grid-index.ts';
import { ancestorsOf } from './grids.repository.ts';
import { findOrgUnit } from './org.repository.ts';
import { personView, presentPerson, presentUnit, unitView } from './org.views.ts';
import { activeGridHead } from './people.repository.ts';

export const locateView = z.object({
  grid: unitView,
  community: unitView.nullable(),
  township: unitView.nullable(),
  district: unitView.nullable(),
  gridHead: personView.nullable(),
});

/**
 * Point → grid (C5: a demand from any channel goes to the grid where it happened):
 * the grid, its community, township and district, and its grid head.
 */
export async function locateGrid(options: {
  db: Db;
  index: GridIndex;
  actor: Actor;
  lat: number;
  lng: number;
}) {
  const { lat, lng } = options;
  if (!(Math.abs(lat) <= 90) || !(Math.abs(lng) <= 180)) {
    throw badRequest(
      'BAD_COORDINATES',
      '经纬度超出范围',
      'Latitude or longitude out of range',
      Math.abs(lat) > 90 ? 'lat' : 'lng',
    );
  }
  const gridId = options.index.locate(lng, lat);
  if (!gridId) throw notFound('Grid at this point', '该位置所在网格');
  const grid = await findOrgUnit(options.db, gridId);
  if (!grid) throw notFound('Grid at this point', '该位置所在网格');
  const ancestors = await ancestorsOf(options.db, grid.path);
  const of = (kind: string) => ancestors.find((a) => a.kind === kind) ?? null;
  const head = await activeGridHead(options.db, grid.id);
  const community = of('community');
  return {
    grid: presentUnit(grid),
    community: community ? presentUnit(community) : null,
    township: of('township') ? presentUnit(of('township') as NonNullable<ReturnType<typeof of>>) : null,
    district: of('district') ? presentUnit(of('district') as NonNullable<ReturnType<typeof of>>) : null,
    gridHead: head ? presentPerson(options.actor, head.person, grid.path, grid.name) : null,
  };
}
