import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/server/db/client.ts';
import { migrateDatabase } from '../../src/server/db/migrate.ts';
import { seedTestCity } from './app.ts';

/** The template databases of one `npm run test:pg` run. */
export interface PgTemplates {
  /** Migrated, empty. */
  migrated: string;
  /** Migrated, with the official calendar and the two demo townships (seedTestCity). */
  seeded: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgTemplates: PgTemplates | undefined;
  }
}

async function run(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * Global setup of vitest.config.ts. With DATABASE_URL (`npm run test:pg`), migrates one
 * database and seeds a copy of it once for the whole run; every test database is then a
 * copy (CREATE DATABASE … TEMPLATE), not migrated and seeded file by file — seconds each,
 * argon2 hashing of the demo passwords included. Both are dropped at the end of the run.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const url = process.env.DATABASE_URL;
  if (!url) return undefined;
  const base = `luoshi_tpl_${process.pid}_${Date.now().toString(36)}`;
  const templates: PgTemplates = { migrated: `${base}_m`, seeded: `${base}_s` };
  const at = (name: string) => {
    const target = new URL(url);
    target.pathname = `/${name}`;
    return target.toString();
  };
  const drop = async () => {
    for (const name of [templates.seeded, templates.migrated]) {
      await run(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  };
  try {
    await run(url, `CREATE DATABASE ${templates.migrated}`);
    const migrated = await openDatabase({ url: at(templates.migrated), poolSize: 1 });
    await migrateDatabase(migrated).finally(() => migrated.close());
    await run(url, `CREATE DATABASE ${templates.seeded} TEMPLATE ${templates.migrated}`);
    const seeded = await openDatabase({ url: at(templates.seeded), poolSize: 1 });
    await seedTestCity(seeded.db).finally(() => seeded.close());
  } catch (error) {
    await drop();
    throw error;
  }
  project.provide('pgTemplates', templates);
  return drop;
}
