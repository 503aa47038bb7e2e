/**
 * Issue 4: point → grid lookups per second over 10 000 grids (target ≥ 100 000/s), and
 * subtree queries over a 100 000-unit tree on PGlite and PostgreSQL.
 */
import type { Database } from '../../src/server/db/client.ts';
import { GridIndex } from '../../src/server/modules/org/index.ts';
import { rectPolygon, splitColumns, splitRows } from '../../src/server/seed/demo-geometry.ts';
import { type Measurement, median, type Suite, time, withDatabase } from '../harness.ts';

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

function locateBench(): Measurement[] {
  // 100 × 100 grids tiling a county-sized box.
  const grids = splitRows([119.05, 35.7, 119.75, 36.25], 100).flatMap((row, r) =>
    splitColumns(row, 100).map((rect, c) => ({ id: `${r}-${c}`, boundary: rectPolygon(rect) })),
  );
  const index = new GridIndex(grids);
  const next = random(4);
  const points = Array.from(
    { length: 200_000 },
    () => [119.05 + next() * 0.7, 35.7 + next() * 0.55] as const,
  );
  let found = 0;
  const rounds: number[] = [];
  for (let round = 0; round < 5; round++) {
    const start = performance.now();
    for (const [lng, lat] of points) if (index.locate(lng, lat)) found++;
    rounds.push(performance.now() - start);
  }
  const rate = Math.round((points.length / median(rounds)) * 1000);
  return [
    {
      name: 'org.locate',
      unit: 'lookups/s',
      value: rate,
      target: { value: 100_000, unit: 'lookups/s', comparison: '≥', met: rate >= 100_000 },
      detail: { grids: grids.length, points: points.length, foundShare: found / (points.length * 5) },
    },
  ];
}

/** A 100 000-unit tree: 1 city, 10 districts, 200 townships, 5 000 communities, 95 000 grids. */
async function fillTree(database: Database): Promise<number> {
  await database.query(`
    INSERT INTO org_units (id, parent_id, code, name, kind, level, path, created_at)
    SELECT md5('c0')::uuid, NULL, 'Bc0', '压测市', 'city', 0, '/' || md5('c0')::uuid || '/', now()`);
  const levels: [kind: string, per: number, prefix: string][] = [
    ['district', 10, 'd'],
    ['township', 20, 't'],
    ['community', 25, 'm'],
    ['grid', 19, 'g'],
  ];
  let parents = 1;
  let parentPrefix = 'c';
  for (const [level, [kind, per, prefix]] of levels.entries()) {
    await database.query(
      `INSERT INTO org_units (id, parent_id, code, name, kind, level, path, created_at)
       SELECT md5($1 || i)::uuid, p.id, 'B' || $1 || i, $2 || i, $2, $3, p.path || md5($1 || i)::uuid || '/', now()
       FROM generate_series(0, $4::int - 1) AS i
       JOIN org_units p ON p.id = md5($5 || (i / $6::int))::uuid`,
      [prefix, kind, level + 1, parents * per, parentPrefix, per],
    );
    parents *= per;
    parentPrefix = prefix;
  }
  await database.query('ANALYZE org_units');
  const [row] = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM org_units');
  if ((row?.n ?? 0) < 100_000) throw new Error(`the bench tree has ${row?.n} units, not 100 000`);
  return row?.n ?? 0;
}

async function subtreeBench(kind: 'pglite' | 'postgresql'): Promise<Measurement[]> {
  const out: Measurement[] = [];
  await withDatabase(kind, async (database) => {
    const fill = await time(() => fillTree(database));
    const [township] = await database.query<{ path: string }>(
      "SELECT path FROM org_units WHERE code = 'Bt7'",
    );
    const [district] = await database.query<{ path: string }>(
      "SELECT path FROM org_units WHERE code = 'Bd3'",
    );
    for (const [name, path] of [
      ['township', township?.path],
      ['district', district?.path],
    ] as const) {
      const ms: number[] = [];
      let rows = 0;
      for (let i = 0; i < 20; i++) {
        const run = await time(() =>
          database.query<{ id: string }>("SELECT id, code, kind FROM org_units WHERE path LIKE $1 || '%'", [
            path,
          ]),
        );
        ms.push(run.ms);
        rows = run.result.length;
      }
      out.push({
        name: `org.subtree.${name}.${kind}`,
        unit: 'ms/query',
        value: Math.round(median(ms) * 100) / 100,
        detail: { units: fill.result, rowsReturned: rows, fillMs: Math.round(fill.ms) },
      });
    }
  });
  return out;
}

export const org: Suite = {
  name: 'org',
  run: async () => [
    ...locateBench(),
    ...(await subtreeBench('postgresql')),
    ...(await subtreeBench('pglite')),
  ],
};
