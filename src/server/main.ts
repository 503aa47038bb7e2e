import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { type Config, parseConfig } from './config.ts';
import { type Clock, systemClock } from './core/clock.ts';
import { type Database, openDatabase } from './db/client.ts';
import { migrateDatabase } from './db/migrate.ts';
import type { AppContext } from './http/context.ts';
import { buildServer } from './http/server.ts';
import { authSettingsFrom } from './modules/auth/index.ts';
import { CalendarStore, seedOfficialCalendar } from './modules/calendar/index.ts';
import { NotificationBus, startWebhookWorker } from './modules/events/index.ts';
import { fileStoreFor } from './modules/files/index.ts';
import { GridIndexStore } from './modules/org/index.ts';
import { startScanLoop } from './scan-loop.ts';
import { seedDemoCity } from './seed/seed-demo-city.ts';
import { VERSION } from './version.ts';

export const WEB_DIST = fileURLToPath(new URL('../../dist/web', import.meta.url));

export interface StartAppOptions {
  /** Environment to read the config from (process.env for the real server). */
  env: Record<string, string | undefined>;
  clock?: Clock;
}

export interface RunningApp {
  url: string;
  app: FastifyInstance;
  config: Config;
  database: Database;
  /** True when this start seeded the demo city. */
  seeded: boolean;
  close(): Promise<void>;
}

/** Opens the database, migrates it, seeds the demo city when empty in demo mode, and listens. */
export async function startApp(options: StartAppOptions): Promise<RunningApp> {
  const config = parseConfig(options.env);
  const ctx = await openContext(config, options.clock ?? systemClock);
  try {
    // The demo city, and its month of history unless DEMO_HISTORY=false (progress at info level).
    const log = ['info', 'debug', 'trace'].includes(config.LOG_LEVEL) ? console.log : undefined;
    const seeded = config.DEMO_MODE
      ? (await seedDemoCity({ ctx, history: config.DEMO_HISTORY, log })) !== false
      : false;
    const app = await buildServer({ ctx, webDir: WEB_DIST });
    const address = await app.listen({ port: config.PORT, host: config.HOST });
    const scanner = startScanLoop(ctx, app.log);
    const webhooks = startWebhookWorker(ctx, {
      intervalMs: config.WEBHOOK_INTERVAL_SECONDS * 1000,
      onError: (err) => app.log.error({ err }, 'webhook worker pass failed'),
    });
    const port = new URL(address).port;
    const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;
    return {
      url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
      app,
      config,
      database: ctx.database,
      seeded,
      close: async () => {
        await scanner.stop();
        await webhooks.stop();
        await app.close();
        await ctx.database.close();
      },
    };
  } catch (error) {
    await ctx.database.close();
    throw error;
  }
}

/** The context every route and command works in: migrated database, clock, settings. */
export async function openContext(config: Config, clock: Clock): Promise<AppContext> {
  const database = await openDatabase({
    url: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    poolSize: config.DATABASE_POOL_SIZE,
  });
  try {
    await migrateDatabase(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  const calendar = new CalendarStore();
  const grids = new GridIndexStore();
  await seedOfficialCalendar({ db: database.db, clock });
  await calendar.reload(database.db);
  await grids.reload(database.db);
  return {
    database,
    db: database.db,
    clock,
    config,
    auth: authSettingsFrom(config),
    version: VERSION,
    calendar,
    files: fileStoreFor(config.DATA_DIR),
    bus: new NotificationBus(),
    grids,
  };
}
