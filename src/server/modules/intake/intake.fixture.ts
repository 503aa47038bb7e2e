import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts';

/** A test app at Monday 2026-09-21 09:00 with the org unit ids by code and a point inside a grid. */
export interface IntakeFixture {
  t: TestApp;
  units: Record<string, string>;
  /** The centre of demo grid 370782001001001 (密州街道). */
  inGrid: { lat: number; lng: number };
  /** The centre of a grid in the other seeded township. */
  inOtherTownship: { lat: number; lng: number; gridCode: string };
  admin: string;
  /** Registers a source through the API and returns its id and key. */
  source(input: {
    code: string;
    channel?: string;
    areaCode?: string;
    open311?: boolean;
  }): Promise<{ id: string; key: string }>;
}

function centreOf(ring: number[][]): { lat: number; lng: number } {
  const xs = ring.map((p) => p[0] as number);
  const ys = ring.map((p) => p[1] as number);
  return { lng: (Math.min(...xs) + Math.max(...xs)) / 2, lat: (Math.min(...ys) + Math.max(...ys)) / 2 };
}

export async function intakeFixture(): Promise<IntakeFixture> {
  const t = await createTestApp({ env: { SESSION_IDLE_MINUTES: '1440', SESSION_ABSOLUTE_HOURS: '168' } });
  t.clock.set('2026-09-21T09:00:00+08:00');
  const rows = await t.database.query<{ code: string; id: string }>('SELECT code, id FROM org_units');
  const units = Object.fromEntries(rows.map((r) => [r.code, r.id]));
  const grids = await t.database.query<{ code: string; boundary: { coordinates: number[][][] } }>(
    `SELECT code, boundary FROM org_units WHERE kind = 'grid' AND (code = $1 OR code NOT LIKE '370782001%')
     ORDER BY code = $1 DESC, code LIMIT 2`,
    ['370782001001001'],
  );
  const [home, other] = grids;
  if (!home || !other) throw new Error('the demo city lacks the grids the tests need');
  const admin = await t.login('sysadmin');
  return {
    t,
    units,
    inGrid: centreOf(home.boundary.coordinates[0] ?? []),
    inOtherTownship: { ...centreOf(other.boundary.coordinates[0] ?? []), gridCode: other.code },
    admin,
    source: async (input) => {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/intake/sources',
        headers: { cookie: admin },
        payload: {
          code: input.code,
          name: `来源 ${input.code}`,
          channel: input.channel ?? 'hotline',
          areaUnitId: units[input.areaCode ?? '370782'],
          open311: input.open311 ?? false,
        },
      });
      if (response.statusCode !== 201) throw new Error(`source ${input.code}: ${response.body}`);
      return { id: response.json().id, key: response.json().key };
    },
  };
}
