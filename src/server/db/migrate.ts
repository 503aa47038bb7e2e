import { fileURLToPath } from 'node:url';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { Database } from './client.ts';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

/** Arbitrary constant: the advisory lock that lets one process migrate at a time. */
const MIGRATION_LOCK = 7_370_782;

/**
 * Applies the generated migrations (the same files on both databases). On
 * PostgreSQL several server processes may start together, so they take turns
 * under an advisory lock held on one dedicated connection; PGlite has a single
 * connection and needs none.
 */
export async function migrateDatabase(database: Database): Promise<void> {
  const driver = database.driver;
  if (driver.kind === 'pglite') {
    await migratePglite(drizzlePglite(driver.client), { migrationsFolder: MIGRATIONS_FOLDER });
    return;
  }
  const client = await driver.pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await migratePg(drizzlePg(client), { migrationsFolder: MIGRATIONS_FOLDER });
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}

/** Number of migrations applied, for /api/health. */
export async function appliedMigrations(database: Database): Promise<number> {
  const rows = await database.query<{ n: string | number }>(
    'SELECT count(*) AS n FROM drizzle.__drizzle_migrations',
  );
  return Number(rows[0]?.n ?? 0);
}
