import { randomBytes } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, fromPglite, openDatabase } from '../../src/server/db/client.ts';
import { migrateDatabase } from '../../src/server/db/migrate.ts';
import type { PgTemplates } from './pg-templates.ts';

export interface TestDatabase extends Database {
  /** Drops the per-test PostgreSQL database (PGlite just closes). */
  destroy(): Promise<void>;
  /** The test database's URL on PostgreSQL (a second pool plays a second server process). */
  url?: string;
}

let template: Promise<PGlite> | undefined;

export type PgTemplateKind = keyof PgTemplates;

/**
 * The name of the run's template database of that kind on PostgreSQL (made once by
 * pg-templates.ts, the global setup), or undefined on PGlite or when a file runs alone
 * outside that setup: then each database is migrated (and seeded) itself.
 */
export function pgTemplate(kind: PgTemplateKind): string | undefined {
  return process.env.DATABASE_URL ? inject('pgTemplates')?.[kind] : undefined;
}

/** Migrating takes seconds on PGlite; each worker migrates once and clones the result. */
export function migratedTemplate(): Promise<PGlite> {
  template ??= (async () => {
    const database = await openDatabase({ dataDir: 'memory://' });
    await migrateDatabase(database);
    if (database.driver.kind !== 'pglite') throw new Error('template must be PGlite');
    return database.driver.client;
  })();
  return template;
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or —
 * when DATABASE_URL is set (`npm run test:pg`) — a new database created on that
 * PostgreSQL server and dropped afterwards, so files never share state.
 */
export async function createTestDatabase(
  options: {
    /** PGlite: the database to clone (default: migrated only). */
    template?: () => Promise<PGlite>;
    /** PostgreSQL: the run's template database to copy (default: migrated only). */
    pgTemplate?: PgTemplateKind;
  } = {},
): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    // clone() is typed as the interface but returns a PGlite instance.
    const source = await (options.template ?? migratedTemplate)();
    const database = await fromPglite((await source.clone()) as PGlite);
    return { ...database, destroy: () => database.close() };
  }
  const name = `luoshi_t_${randomBytes(6).toString('hex')}`;
  const template = pgTemplate(options.pgTemplate ?? 'migrated');
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = await openDatabase({ url: target.toString(), poolSize: 5 });
  if (!template) await migrateDatabase(database);
  return {
    ...database,
    url: target.toString(),
    destroy: async () => {
      await database.close();
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

/**
 * A digest of every table's rows (sessions excepted: reading touches them), to show
 * that a refused request changed nothing.
 */
export async function snapshot(database: Database): Promise<Record<string, string>> {
  const tables = await database.query<{ name: string }>(
    "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
  );
  const result: Record<string, string> = {};
  for (const { name } of tables) {
    if (name === 'sessions') continue;
    const [row] = await database.query<{ digest: string | null }>(
      `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM "${name}" t`,
    );
    result[name] = row?.digest ?? '';
  }
  return result;
}
