import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import * as schema from './schema.ts';

export type Schema = typeof schema;

/**
 * The database handle every use case and repository receives. A transaction is a
 * Db too, so a use case can be called inside a larger transaction unchanged.
 */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export type DbKind = 'pglite' | 'postgresql';

export interface Database {
  db: Db;
  kind: DbKind;
  /** Runs raw SQL and returns its rows; for migrations, tests and tools only. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
  /** The driver underneath, for the migrator and tools that need a dedicated connection. */
  driver: { kind: 'pglite'; client: PGlite } | { kind: 'postgresql'; pool: pg.Pool };
}

export interface OpenDatabaseOptions {
  /** PostgreSQL URL; when absent the embedded PGlite is used. */
  url?: string | undefined;
  /** PGlite data directory, or `memory://` for an in-memory database. */
  dataDir?: string;
  poolSize?: number;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.url) {
    // Every session works in UTC on the wire (a startup parameter, so no query races the
    // first one); presentation converts to Asia/Shanghai.
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      options: '-c TimeZone=UTC',
    });
    // An idle connection that dies (server restart, failover) must not crash the
    // process: the pool drops it and the next query opens a new one.
    pool.on('error', () => undefined);
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return {
      db,
      kind: 'postgresql',
      query: async <T>(text: string, params?: unknown[]) => (await pool.query(text, params)).rows as T[],
      close: () => pool.end(),
      driver: { kind: 'postgresql', pool },
    };
  }
  const dir = options.dataDir ?? './data';
  let dataDir: string | undefined;
  if (dir !== 'memory://') {
    dataDir = resolve(dir, 'pglite');
    mkdirSync(dataDir, { recursive: true });
  }
  const client = new PGlite(dataDir);
  await client.waitReady;
  return fromPglite(client);
}

/** Wraps an open PGlite instance (also a clone, which tests use to skip migrating). */
export async function fromPglite(client: PGlite): Promise<Database> {
  await client.exec("SET TIME ZONE 'UTC'");
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    query: async <T>(text: string, params?: unknown[]) => (await client.query<T>(text, params)).rows,
    close: () => client.close(),
    driver: { kind: 'pglite', client },
  };
}
