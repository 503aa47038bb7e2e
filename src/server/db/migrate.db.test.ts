import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { appliedMigrations, MIGRATIONS_FOLDER, migrateDatabase } from './migrate.ts';
import * as schema from './schema.ts';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.destroy();
});

const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as {
  entries: { tag: string }[];
};

describe('migrations', () => {
  it('applies every generated migration', async () => {
    expect(await appliedMigrations(database)).toBe(journal.entries.length);
  });

  it('creates every table and column the code declares', async () => {
    const tables = (Object.values(schema) as unknown[]).filter((value): value is PgTable =>
      is(value, PgTable),
    );
    expect(tables.length).toBeGreaterThanOrEqual(6);
    for (const table of tables) {
      const config = getTableConfig(table);
      const columns = await database.query<{ column_name: string }>(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1",
        [config.name],
      );
      expect(columns.map((c) => c.column_name).sort(), config.name).toEqual(
        config.columns.map((c) => c.name).sort(),
      );
    }
  });

  it('is a no-op when run again', async () => {
    await migrateDatabase(database);
    expect(await appliedMigrations(database)).toBe(journal.entries.length);
  });

  it('installs the append-only trigger on events', async () => {
    const triggers = await database.query<{ tgname: string }>(
      "SELECT tgname FROM pg_trigger WHERE tgrelid = 'events'::regclass AND NOT tgisinternal ORDER BY tgname",
    );
    // Beside them, the assessment's dirty-day trigger (migration 0012, docs/ASSESSMENT.md).
    expect(triggers.map((t) => t.tgname)).toEqual([
      'events_assessment_inserted',
      'events_no_truncate',
      'events_no_update_delete',
    ]);
  });
});
