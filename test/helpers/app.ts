import type { PGlite } from '@electric-sql/pglite';
import type { FastifyInstance } from 'fastify';
import { parseConfig } from '../../src/server/config.ts';
import { ManualClock } from '../../src/server/core/clock.ts';
import { type Db, fromPglite } from '../../src/server/db/client.ts';
import type { AppContext } from '../../src/server/http/context.ts';
import { buildServer } from '../../src/server/http/server.ts';
import { authSettingsFrom } from '../../src/server/modules/auth/index.ts';
import { CalendarStore, seedOfficialCalendar } from '../../src/server/modules/calendar/index.ts';
import { NotificationBus } from '../../src/server/modules/events/index.ts';
import { MemoryFileStore } from '../../src/server/modules/files/index.ts';
import { GridIndexStore } from '../../src/server/modules/org/index.ts';
import { DEMO_PASSWORD, seedDemo } from '../../src/server/seed/demo.ts';
import { createTestDatabase, migratedTemplate, pgTemplate, type TestDatabase } from './db.ts';

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  clock: ManualClock;
  database: TestDatabase;
  /** Logs a demo (or other) account in and returns its session cookie header value. */
  login(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  extraRoutes?: (app: FastifyInstance, ctx: AppContext) => void;
  /** Seed the demo city (default true). */
  seed?: boolean;
  logStream?: { write(line: string): void };
  notificationKeepAliveMs?: number;
}

/** The clock every test app starts at (a Friday, 09:00 in Asia/Shanghai). */
const START = '2026-09-18T09:00:00+08:00';

let seededTemplate: Promise<PGlite> | undefined;

/**
 * On PGlite, the official calendar and the two demo townships are seeded once per
 * worker (argon2 hashing of every demo password included) and each test app clones the
 * result. The seeded rows do not depend on a test's env: demo accounts are always made
 * in demo mode, at START.
 */
function seededPglite(): Promise<PGlite> {
  seededTemplate ??= (async () => {
    const database = await fromPglite((await (await migratedTemplate()).clone()) as PGlite);
    await seedTestCity(database.db);
    if (database.driver.kind !== 'pglite') throw new Error('template must be PGlite');
    return database.driver.client;
  })();
  return seededTemplate;
}

/**
 * What every seeded test app starts from: the official calendar and the two demo
 * townships, at START. Also the seeded template database of `npm run test:pg`
 * (pg-templates.ts).
 */
export async function seedTestCity(db: Db): Promise<void> {
  const clock = new ManualClock(START);
  const settings = authSettingsFrom(parseConfig({ LOG_LEVEL: 'silent', DEMO_MODE: 'true' }));
  await seedOfficialCalendar({ db, clock });
  await seedDemo({ db, clock, settings: { ...settings, demoMode: true }, townships: 2 });
}

/** The whole HTTP server on a fresh database with a clock the test moves. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const seed = options.seed ?? true;
  // A seeded template: cloned on PGlite, or copied on PostgreSQL when the run made one.
  const fromTemplate = seed && (!process.env.DATABASE_URL || pgTemplate('seeded') !== undefined);
  const database = await createTestDatabase(
    fromTemplate ? { template: seededPglite, pgTemplate: 'seeded' } : {},
  );
  const config = parseConfig({ LOG_LEVEL: 'silent', DEMO_MODE: 'true', ...options.env });
  const clock = new ManualClock(START);
  const ctx: AppContext = {
    database,
    db: database.db,
    clock,
    config,
    auth: authSettingsFrom(config),
    version: 'test',
    calendar: new CalendarStore(),
    bus: new NotificationBus(),
    grids: new GridIndexStore(),
    files: new MemoryFileStore(),
  };
  if (!fromTemplate) await seedOfficialCalendar({ db: ctx.db, clock });
  await ctx.calendar.reload(ctx.db);
  // Two townships (密州街道, 龙都街道) of the demo city: enough for every test, quick to seed.
  if (seed && !fromTemplate) {
    await seedDemo({ db: ctx.db, clock, settings: { ...ctx.auth, demoMode: true }, townships: 2 });
  }
  if (seed) await ctx.grids.reload(ctx.db);
  const app = await buildServer({
    ctx,
    extraRoutes: options.extraRoutes,
    logStream: options.logStream,
    notificationKeepAliveMs: options.notificationKeepAliveMs,
  });
  await app.ready();
  return {
    app,
    ctx,
    clock,
    database,
    login: async (username, password = DEMO_PASSWORD) => {
      const response = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password },
      });
      if (response.statusCode !== 200)
        throw new Error(`login ${username}: ${response.statusCode} ${response.body}`);
      const cookie = response.cookies.find((c) => c.name === 'luoshi_sid');
      if (!cookie) throw new Error('no session cookie');
      return `luoshi_sid=${cookie.value}`;
    },
    close: async () => {
      await app.close();
      await database.destroy();
    },
  };
}
