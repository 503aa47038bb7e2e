import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, openDatabase } from '../src/server/db/client.ts';
import { migrateDatabase } from '../src/server/db/migrate.ts';

export interface Measurement {
  name: string;
  unit: string;
  value: number;
  /** The target, when it names one, and whether this run reached it. */
  target?: { value: number; unit: string; met: boolean; comparison: string };
  detail?: Record<string, unknown>;
}

export interface Suite {
  name: string;
  run(): Promise<Measurement[]>;
}

export async function time<T>(run: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await run();
  return { ms: performance.now() - start, result };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * Runs `run` on a fresh migrated database: in-memory PGlite, or a new database on the
 * PostgreSQL of DATABASE_URL (skipped when it is unset), dropped afterwards.
 */
export async function withDatabase(
  kind: 'pglite' | 'postgresql',
  run: (db: Database) => Promise<void>,
): Promise<void> {
  if (kind === 'pglite') {
    const database = await openDatabase({ dataDir: 'memory://' });
    await migrateDatabase(database);
    try {
      await run(database);
    } finally {
      await database.close();
    }
    return;
  }
  const url = process.env.DATABASE_URL;
  if (!url) return;
  const name = `luoshi_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = await openDatabase({ url: target.toString(), poolSize: 8 });
  try {
    await migrateDatabase(database);
    await run(database);
  } finally {
    await database.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}
