/**
 * `npm run bench`: benchmarks of the platform, each writing bench/results/<name>.json.
 * Speed is measured here, never asserted in tests. With DATABASE_URL set, the database
 * benchmarks also run on that PostgreSQL (in a fresh database they drop afterwards).
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import pg from 'pg';
import { type Database, openDatabase } from '../src/server/db/client.ts';
import { migrateDatabase } from '../src/server/db/migrate.ts';
import { hashPassword, verifyPassword } from '../src/server/modules/auth/passwords.ts';
import { appendEvent, verifyChain } from '../src/server/modules/events/index.ts';

const RESULTS = new URL('./results/', import.meta.url);

interface Measurement {
  name: string;
  unit: string;
  value: number;
  detail?: Record<string, unknown>;
}

async function time<T>(run: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await run();
  return { ms: performance.now() - start, result };
}

async function withDatabase(kind: 'pglite' | 'postgresql', run: (db: Database) => Promise<void>) {
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

async function eventsBench(kind: 'pglite' | 'postgresql'): Promise<Measurement[]> {
  const out: Measurement[] = [];
  await withDatabase(kind, async (database) => {
    const n = 3000;
    const at = new Date();
    const append = await time(async () => {
      for (let i = 0; i < n; i++) {
        await database.db.transaction((tx) =>
          appendEvent({
            db: tx,
            at,
            actor: null,
            subject: { type: 'bench', id: String(i) },
            kind: 'bench.appended',
            payload: { i, note: '网格呼叫 部门报到' },
          }),
        );
      }
    });
    out.push({
      name: `events.append.${kind}`,
      unit: 'events/s',
      value: Math.round((n / append.ms) * 1000),
      detail: { events: n, ms: Math.round(append.ms), oneTransactionEach: true },
    });
    const verify = await time(() => verifyChain({ db: database.db }));
    if (!verify.result.ok) throw new Error('bench chain broken');
    out.push({
      name: `events.verify.${kind}`,
      unit: 'events/s',
      value: Math.round((verify.result.checked / verify.ms) * 1000),
      detail: { events: verify.result.checked, ms: Math.round(verify.ms) },
    });
  });
  return out;
}

async function passwordBench(): Promise<Measurement[]> {
  const hash = await hashPassword('Bench#2026pass');
  const rounds = 20;
  const verify = await time(async () => {
    for (let i = 0; i < rounds; i++) await verifyPassword(hash, 'Bench#2026pass');
  });
  return [
    { name: 'auth.argon2id.verify', unit: 'ms/login', value: Math.round((verify.ms / rounds) * 10) / 10 },
  ];
}

const measurements = [
  ...(await passwordBench()),
  ...(await eventsBench('pglite')),
  ...(await eventsBench('postgresql')),
];
mkdirSync(RESULTS, { recursive: true });
const report = {
  suite: 'foundation',
  at: new Date().toISOString(),
  node: process.version,
  cpus: cpus().length,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  postgresql: Boolean(process.env.DATABASE_URL),
  measurements,
};
writeFileSync(new URL('foundation.json', RESULTS), `${JSON.stringify(report, null, 2)}\n`);
for (const m of measurements) console.log(`${m.name.padEnd(28)} ${String(m.value).padStart(10)} ${m.unit}`);
console.log('written to bench/results/foundation.json');
