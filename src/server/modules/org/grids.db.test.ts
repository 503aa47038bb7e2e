import type { Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { snapshot } from '../../../../test/helpers/db.ts';

let t: TestApp;
let admin: string;
let township: string;

beforeAll(async () => {
  t = await createTestApp({ env: { SESSION_IDLE_MINUTES: '1440' } });
  admin = await t.login('sysadmin');
  const [row] = await t.database.query<{ id: string }>("SELECT id FROM org_units WHERE code = '370782001'");
  township = row?.id ?? '';
});
afterAll(async () => {
  await t.close();
});

/** The centre of a demo grid's rectangle. */
function centre(boundary: Polygon): [number, number] {
  const ring = boundary.coordinates[0] as number[][];
  const xs = ring.map((p) => p[0] as number);
  const ys = ring.map((p) => p[1] as number);
  return [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2];
}

const exportTownship = async () =>
  JSON.parse(
    (
      await t.app.inject({
        method: 'GET',
        url: `/api/org/units/${township}/grids.geojson`,
        headers: { cookie: admin },
      })
    ).body,
  ) as {
    type: 'FeatureCollection';
    features: { type: 'Feature'; properties: { code: string }; geometry: Polygon }[];
  };
const put = (body: unknown) =>
  t.app.inject({
    method: 'PUT',
    url: `/api/org/units/${township}/grids.geojson`,
    headers: { cookie: admin },
    payload: body as object,
  });

describe('grid geometry', () => {
  it('G3: locate answers for a point in every demo grid, with its community, township, district and head', async () => {
    const grids = await t.database.query<{ id: string; code: string; boundary: Polygon }>(
      "SELECT id, code, boundary FROM org_units WHERE kind = 'grid' AND boundary IS NOT NULL",
    );
    expect(grids.length).toBeGreaterThan(50);
    const index = t.ctx.grids.current();
    for (const grid of grids) {
      const [lng, lat] = centre(grid.boundary);
      expect(index.locate(lng, lat), grid.code).toBe(grid.id);
    }
    const first = grids.find((g) => g.code === '370782001001001');
    const [lng, lat] = centre(first?.boundary as Polygon);
    const worker = await t.login('gridworker');
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/grids/locate?lat=${lat}&lng=${lng}`,
      headers: { cookie: worker },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      grid: { code: '370782001001001' },
      community: { code: '370782001001', name: '兴华社区' },
      township: { code: '370782001', name: '密州街道' },
      district: { code: '370782', name: '诸城市' },
      gridHead: { name: '李网格长' },
    });
  });

  it('answers 404 outside every grid and 400 for impossible coordinates', async () => {
    const outside = await t.app.inject({
      method: 'GET',
      url: '/api/grids/locate?lat=39.9&lng=116.4',
      headers: { cookie: admin },
    });
    expect(outside.statusCode).toBe(403); // administrators do no business: locate is for the people at work
    const dispatcher = await t.login('dispatcher');
    const nowhere = await t.app.inject({
      method: 'GET',
      url: '/api/grids/locate?lat=39.9&lng=116.4',
      headers: { cookie: dispatcher },
    });
    expect(nowhere.statusCode).toBe(404);
    const impossible = await t.app.inject({
      method: 'GET',
      url: '/api/grids/locate?lat=95&lng=116.4',
      headers: { cookie: dispatcher },
    });
    expect(impossible.json().error).toMatchObject({ code: 'BAD_COORDINATES', field: 'lat' });
  });

  it('G3: the demo grids of a township neither overlap nor leave gaps', async () => {
    const report = await t.app.inject({
      method: 'GET',
      url: `/api/org/units/${township}/coverage`,
      headers: { cookie: admin },
    });
    expect(report.json().overlaps).toEqual([]);
    expect(report.json().uncoveredM2).toBeLessThan(1);
    expect(report.json().townshipM2).toBeGreaterThan(1_000_000);
  });

  it('G3: refuses overlapping grids, naming the pair and the area, and changes nothing', async () => {
    const collection = await exportTownship();
    const grids = collection.features.filter((f) => f.properties.code.length === 15);
    const [a, b] = grids as [(typeof grids)[0], (typeof grids)[0]];
    // Grow grid a over its eastern neighbour b.
    const ring = a.geometry.coordinates[0] as number[][];
    const east = Math.max(...(b.geometry.coordinates[0] as number[][]).map((p) => p[0] as number));
    a.geometry = {
      type: 'Polygon',
      coordinates: [
        ring.map(([x, y]) => [
          x === Math.max(...ring.map((p) => p[0] as number)) ? east : (x as number),
          y as number,
        ]),
      ],
    };
    const before = await snapshot(t.database);
    const response = await put({ type: 'FeatureCollection', features: [a] });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe('GRID_OVERLAP');
    expect(response.json().error.message).toContain(`${a.properties.code} 与 ${b.properties.code}`);
    expect(await snapshot(t.database)).toEqual(before);
  });

  it('refuses invalid GeoJSON with the feature at fault', async () => {
    const bowtie = {
      type: 'Feature',
      properties: { code: '370782001001001' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [119, 36],
            [119.1, 36.1],
            [119.1, 36],
            [119, 36.1],
            [119, 36],
          ],
        ],
      },
    };
    const response = await put({ type: 'FeatureCollection', features: [bowtie] });
    expect(response.json().error).toMatchObject({ code: 'BAD_GEOJSON', field: 'features.0.geometry' });
    const square = {
      type: 'Polygon',
      coordinates: [
        [
          [119, 36],
          [119.1, 36],
          [119.1, 36.1],
          [119, 36.1],
          [119, 36],
        ],
      ],
    };
    const unknown = await put({
      type: 'FeatureCollection',
      features: [{ ...bowtie, geometry: square, properties: { code: '370782002001001' } }],
    });
    expect(unknown.json().error.code).toBe('UNKNOWN_GRID');
    const notCollection = await put({ type: 'Feature', features: [] });
    expect(notCollection.statusCode).toBe(400);
  });

  it('G3: a valid import reports the uncovered area and the index follows at once', async () => {
    const collection = await exportTownship();
    const grid = collection.features.find((f) => f.properties.code === '370782001001001');
    if (!grid) throw new Error('grid 370782001001001 not exported');
    const [lng, lat] = centre(grid.geometry);
    const ring = grid.geometry.coordinates[0] as number[][];
    const west = Math.min(...ring.map((p) => p[0] as number));
    // Shrink the grid to its western tenth of the way to its centre: the centre is left in no grid.
    const east = west + (lng - west) / 5;
    grid.geometry = {
      type: 'Polygon',
      coordinates: [ring.map(([x, y]) => [(x as number) > west ? east : (x as number), y as number])],
    };
    const response = await put({ type: 'FeatureCollection', features: [grid] });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ overlaps: [], updated: 1 });
    expect(response.json().uncoveredM2).toBeGreaterThan(1000);
    const dispatcher = await t.login('dispatcher');
    const gone = await t.app.inject({
      method: 'GET',
      url: `/api/grids/locate?lat=${lat}&lng=${lng}`,
      headers: { cookie: dispatcher },
    });
    expect(gone.statusCode).toBe(404);
    const [event] = await t.database.query<{ kind: string }>(
      "SELECT kind FROM events WHERE kind = 'org.grid_boundaries_imported'",
    );
    expect(event).toBeDefined();
  });
});
