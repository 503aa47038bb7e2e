import type { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, migratedTemplate, type TestDatabase } from '../../../test/helpers/db.ts';
import { parseConfig } from '../config.ts';
import { ManualClock } from '../core/clock.ts';
import { fromPglite } from '../db/client.ts';
import { authSettingsFrom } from '../modules/auth/index.ts';
import { CalendarStore, seedOfficialCalendar } from '../modules/calendar/index.ts';
import { verifyChain } from '../modules/events/index.ts';
import { MemoryFileStore } from '../modules/files/index.ts';
import { GridIndexStore } from '../modules/org/index.ts';
import { seedDemo } from './demo.ts';
import { type DemoHistoryReport, demoHistoryStart, seedDemoHistory } from './demo-history.ts';

/** The history ends on Wednesday 2026-11-04 at noon: October's last days and a complete week before it. */
const END = new Date('2026-11-04T12:00:00+08:00');
const DAYS = 10;
const CITY_SINCE = demoHistoryStart(END, DAYS);
const settings = authSettingsFrom(parseConfig({ DEMO_MODE: 'true', LOG_LEVEL: 'silent' }));

let seeded: Promise<PGlite> | undefined;
/** On PGlite the two-township demo city is seeded once for the file and cloned for each history. */
async function seedCity(database: TestDatabase): Promise<void> {
  const clock = new ManualClock(CITY_SINCE);
  await seedOfficialCalendar({ db: database.db, clock });
  await seedDemo({ db: database.db, clock, settings, townships: 2 });
}
async function cityDatabase(): Promise<TestDatabase> {
  if (process.env.DATABASE_URL) {
    const database = await createTestDatabase();
    await seedCity(database);
    return database;
  }
  seeded ??= (async () => {
    const database = await fromPglite((await (await migratedTemplate()).clone()) as PGlite);
    await seedCity({ ...database, destroy: () => database.close() });
    if (database.driver.kind !== 'pglite') throw new Error('template must be PGlite');
    return database.driver.client;
  })();
  const template = seeded;
  return createTestDatabase({ template: () => template });
}

async function replay(database: TestDatabase, options: { days: number; cases: number; seed: number }) {
  return seedDemoHistory({
    db: database.db,
    clock: new ManualClock(END),
    calendar: await new CalendarStore().reload(database.db),
    grids: await new GridIndexStore().reload(database.db),
    files: new MemoryFileStore(),
    settings,
    warnRatio: 0.8,
    photoMaxBytes: 10 * 1024 * 1024,
    ...options,
  });
}

const count = async (database: TestDatabase, text: string, params: unknown[] = []) =>
  Number((await database.query<{ n: number }>(text, params))[0]?.n ?? -1);

describe('the demo history', () => {
  let database: TestDatabase;
  let report: DemoHistoryReport;

  beforeAll(async () => {
    database = await cityDatabase();
    report = await replay(database, { days: DAYS, cases: 150, seed: 11 });
  }, 600_000);
  afterAll(() => database?.destroy());

  it('replays every step through the use cases, and leaves the last cases open at various steps', async () => {
    expect(report.failures).toEqual([]);
    expect(report.calls).toBeGreaterThan(40);
    expect(await count(database, 'SELECT count(*)::int AS n FROM cases')).toBe(report.calls);
    expect(report.states.closed).toBeGreaterThan(10);
    const open = Object.entries(report.states).filter(
      ([state]) => !['closed', 'closed_at_grid', 'refused', 'merged'].includes(state),
    );
    expect(open.length).toBeGreaterThanOrEqual(2);
    // Nothing in the history happens after its end or before the city existed.
    expect(
      await count(
        database,
        'SELECT count(*)::int AS n FROM events WHERE occurred_at > $1 OR occurred_at < $2',
        [END, CITY_SINCE],
      ),
    ).toBe(0);
  });

  it('keeps the hash-chained event log intact', async () => {
    const chain = await verifyChain({ db: database.db });
    expect(chain.problem).toBeNull();
    expect(chain.ok).toBe(true);
    expect(chain.checked).toBeGreaterThan(1000);
  });

  it('C12: every closed case carries feedback to its raiser', async () => {
    expect(
      await count(
        database,
        `SELECT count(*)::int AS n FROM cases WHERE state IN ('closed', 'closed_at_grid', 'refused', 'merged')`,
      ),
    ).toBeGreaterThan(10);
    expect(
      await count(
        database,
        `SELECT count(*)::int AS n FROM cases WHERE state IN ('closed', 'closed_at_grid', 'refused', 'merged')
           AND (coalesce(feedback, '') = '' OR feedback_at IS NULL)`,
      ),
    ).toBe(0);
  });

  it('C8–C11: no duty of a closed case still runs, and every duty done late was breached first', async () => {
    const running = `SELECT count(*)::int AS n FROM obligations o
      LEFT JOIN case_tasks t ON o.subject_type = 'case_task' AND t.id::text = o.subject_id
      JOIN cases c ON c.id::text = CASE WHEN o.subject_type = 'case' THEN o.subject_id ELSE t.case_id::text END
      WHERE o.state IN ('running', 'paused') AND c.state IN ('closed', 'closed_at_grid', 'refused', 'merged')`;
    expect(await count(database, running)).toBe(0);
    // The scanner ran as time passed: a late duty is breached (and met later), never just met.
    expect(
      await count(
        database,
        `SELECT count(*)::int AS n FROM obligations WHERE state = 'met' AND met_at > due_at`,
      ),
    ).toBe(0);
    const late = await database.query<{ rule_id: string; n: number }>(
      `SELECT rule_id, count(*)::int AS n FROM obligations WHERE state = 'breached' GROUP BY rule_id`,
    );
    expect(late.map((r) => r.rule_id)).toEqual(expect.arrayContaining(['C8', 'C9']));
    expect(
      await count(database, `SELECT count(*)::int AS n FROM events WHERE kind = 'obligation.breached'`),
    ).toBe(late.reduce((sum, r) => sum + r.n, 0));
  });

  it('C8: most dispatches are signed in time and some late', async () => {
    const [sign] = await database.query<{ due: number; late: number }>(
      `SELECT count(*)::int AS due, count(*) FILTER (WHERE state = 'breached')::int AS late
       FROM obligations WHERE rule_id = 'C8' AND state IN ('met', 'breached')`,
    );
    expect(sign?.due).toBeGreaterThan(30);
    expect(sign?.late).toBeGreaterThan(0);
    expect((sign?.late ?? 0) / (sign?.due ?? 1)).toBeLessThan(0.4);
  });

  it('C4: a grid worker’s call to a city department is approved by the township leader before triage', async () => {
    const toCity = await database.query<{ id: string }>(
      `SELECT c.id FROM cases c JOIN org_units u ON u.id = c.proposed_unit_id
       WHERE c.raiser_role = 'grid_worker' AND u.kind IN ('department', 'enterprise')
         AND EXISTS (SELECT 1 FROM events e WHERE e.subject_id = c.id::text AND e.kind = 'case.dispatch')`,
    );
    expect(toCity.length).toBeGreaterThan(3);
    for (const { id } of toCity) {
      const kinds = (
        await database.query<{ kind: string }>(
          `SELECT kind FROM events WHERE subject_type = 'case' AND subject_id = $1 ORDER BY id`,
          [id],
        )
      ).map((r) => r.kind);
      expect(kinds.slice(0, 3)).toEqual([
        'case.raised',
        'case.forward_to_township',
        'case.approve_as_township',
      ]);
    }
  });

  it('R1, C7: the centres dispatch to the lead unit the responsibility catalogue suggests', async () => {
    const first = await database.query<{ followed: boolean | null; suggestion: string }>(
      `SELECT DISTINCT ON (subject_id) (payload->>'followedSuggestion')::boolean AS followed,
              payload->>'suggestion' AS suggestion
       FROM events WHERE kind = 'case.dispatch' ORDER BY subject_id, id`,
    );
    expect(first.length).toBeGreaterThan(30);
    for (const dispatch of first) expect(dispatch).toEqual({ followed: true, suggestion: 'rule' });
    expect(
      await count(database, `SELECT count(*)::int AS n FROM case_tasks`),
      'some dispatches name cooperating units',
    ).toBeGreaterThan(0);
  });

  it('A1, A2: publishes the district’s monthly rankings and the streets’ weekly agency rankings, with ranked units', async () => {
    const rankings = await database.query<{ kind: string; subject: string; period: string; ranked: number }>(
      `SELECT u.kind, r.subject, r.period_kind AS period,
              (SELECT count(*)::int FROM jsonb_array_elements(r.rows) e WHERE e->>'rank' IS NOT NULL) AS ranked
       FROM rankings r JOIN org_units u ON u.id = r.area_unit_id ORDER BY u.kind, r.subject, u.code`,
    );
    expect(rankings.map(({ kind, subject, period }) => `${kind} ${subject} ${period}`)).toEqual([
      'district department month',
      'district township month',
      'township agency week',
      'township agency week',
    ]);
    expect(report.rankings).toBe(4);
    const township = rankings.find((r) => r.subject === 'township');
    expect(township?.ranked).toBeGreaterThan(0);
    // The busier street's week ranks some of its agencies; a quiet week may list them all apart.
    expect(Math.max(...rankings.filter((r) => r.period === 'week').map((r) => r.ranked))).toBeGreaterThan(0);
  });

  it('A3: derives the commendation and warning lists of every published ranking with ranked units', async () => {
    const alerts = await database.query<{ kind: string; source_id: string }>(
      `SELECT kind, source_id FROM assessment_alerts WHERE source_type = 'ranking'`,
    );
    expect(alerts.length).toBe(report.alerts);
    expect(alerts.some((a) => a.kind === 'commendation')).toBe(true);
    const withRanked = await count(
      database,
      `SELECT count(*)::int AS n FROM rankings r
       WHERE EXISTS (SELECT 1 FROM jsonb_array_elements(r.rows) e WHERE e->>'rank' IS NOT NULL)`,
    );
    expect(new Set(alerts.map((a) => a.source_id)).size).toBe(withRanked);
  });
});

describe('the demo history’s randomness', () => {
  it('is deterministic: the same seed gives the same cases in the same states', async () => {
    const states = async (seed: number) => {
      const database = await cityDatabase();
      try {
        const report = await replay(database, { days: 2, cases: 150, seed });
        expect(report.failures).toEqual([]);
        // Awaited here: the database is destroyed in `finally` right after.
        return await database.query<Record<string, unknown>>(
          `SELECT number, category, state, rounds, rating, level FROM cases ORDER BY number`,
        );
      } finally {
        await database.destroy();
      }
    };
    const first = await states(5);
    expect(first.length).toBeGreaterThan(3);
    expect(await states(5)).toEqual(first);
  }, 600_000);
});
