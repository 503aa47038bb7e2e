/**
 * Case intake (C1, C6) through the real HTTP server, against a raw single-row INSERT of
 * the same case row into the same database. Target: HTTP ÷ raw ≥ 0.5 on PostgreSQL.
 *
 * The server is built as `luoshi serve` builds it (openContext + buildServer, the demo
 * city seeded, logging silent, no scanner loop) and listens on 127.0.0.1 at a random
 * port; autocannon sends POST /api/cases from a worker thread over 8 keep-alive
 * connections as the demo grid worker, each request with its own Idempotency-Key. The
 * raw baseline sends one `INSERT INTO cases …` per row with the column values of a case
 * the API wrote, 8 at a time over the server's own pool. On PostgreSQL a third, smaller
 * run times every statement to show where an intake spends its database time.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { parseConfig } from '../../src/server/config.ts';
import { systemClock } from '../../src/server/core/clock.ts';
import { toIsoShanghai } from '../../src/server/core/time.ts';
import type { AppContext } from '../../src/server/http/context.ts';
import { buildServer } from '../../src/server/http/server.ts';
import { openContext } from '../../src/server/main.ts';
import { DEMO_PASSWORD, seedDemo } from '../../src/server/seed/demo.ts';
import { type Measurement, median, type Suite, time } from '../harness.ts';
import { profileStatements, type StatementStats } from '../statement-profile.ts';

const CONCURRENCY = 8;
const REQUESTS = {
  postgresql: Number(process.env.BENCH_INTAKE_REQUESTS ?? 2000),
  pglite: Number(process.env.BENCH_INTAKE_REQUESTS ?? 500),
};
const WARMUP = 100;

type Kind = 'pglite' | 'postgresql';

/** A server context on a fresh database: a new PostgreSQL database, or PGlite in a temporary directory. */
async function withContext(kind: Kind, run: (ctx: AppContext) => Promise<void>): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (kind === 'postgresql' && !url) return;
  const dataDir = kind === 'pglite' ? mkdtempSync(join(tmpdir(), 'luoshi-bench-intake-')) : undefined;
  const name = `luoshi_bench_intake_${randomBytes(4).toString('hex')}`;
  let target: string | undefined;
  if (kind === 'postgresql' && url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(url);
    u.pathname = `/${name}`;
    target = u.toString();
  }
  try {
    const config = parseConfig({
      DEMO_MODE: 'true',
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'silent',
      ...(target ? { DATABASE_URL: target } : { DATA_DIR: dataDir }),
    });
    const ctx = await openContext(config, systemClock);
    try {
      await run(ctx);
    } finally {
      await ctx.database.close();
    }
  } finally {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    if (target && url) {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  }
}

/** The grid worker's call: a point inside their grid, the 住建局 proposed (C6's six elements). */
async function callBody(ctx: AppContext): Promise<string> {
  const [grid] = await ctx.database.query<{ boundary: { coordinates: number[][][] } }>(
    `SELECT boundary FROM org_units WHERE code = '370782001001001'`,
  );
  const [dept] = await ctx.database.query<{ id: string }>(
    `SELECT id FROM org_units WHERE code = 'D370782-ZJJ'`,
  );
  const ring = grid?.boundary.coordinates[0] ?? [];
  const xs = ring.map((p) => p[0] as number);
  const ys = ring.map((p) => p[1] as number);
  return JSON.stringify({
    category: 'safety.housing',
    occurredAt: toIsoShanghai(new Date(Date.now() - 3_600_000)),
    lng: (Math.min(...xs) + Math.max(...xs)) / 2,
    lat: (Math.min(...ys) + Math.max(...ys)) / 2,
    address: '密州街道兴华社区 3 号楼',
    party: '3 号楼住户',
    situation: '外墙瓷砖脱落，砸坏一辆电动车',
    demand: '尽快排查并修复外墙',
    proposedUnitId: dept?.id,
  });
}

async function login(base: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'gridworker', password: DEMO_PASSWORD }),
  });
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('luoshi_sid='));
  if (response.status !== 200 || !cookie) throw new Error(`login failed: ${response.status}`);
  return cookie.split(';')[0] as string;
}

/** `amount` intakes over CONCURRENCY connections (or `connections`); every one must be a 201. */
async function fire(base: string, cookie: string, body: string, amount: number, connections = CONCURRENCY) {
  const loop = performance.eventLoopUtilization();
  const started = performance.now();
  const result = await autocannon({
    url: `${base}/api/cases`,
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'idempotency-key': 'bench-[<id>]' },
    body,
    connections,
    amount,
    workers: 1,
    idReplacement: true,
    timeout: 60,
  });
  // autocannon's own duration counts whole 1 s sampling ticks; the wall clock is finer.
  const seconds = (performance.now() - started) / 1000;
  if (result['2xx'] !== amount || result.non2xx || result.errors || result.timeouts) {
    throw new Error(
      `intake run: ${result['2xx']} of ${amount} answered 2xx (non2xx ${result.non2xx}, errors ${result.errors})`,
    );
  }
  return {
    perSecond: Math.round(amount / seconds),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    seconds: Math.round(seconds * 100) / 100,
    // How busy the server's event loop (this thread) was: near 1, the server's CPU is the limit.
    serverLoopBusy: Math.round(performance.eventLoopUtilization(loop).utilization * 100) / 100,
  };
}

/** `total` single-row inserts copying a case the API wrote, CONCURRENCY at a time. */
async function rawInserts(ctx: AppContext, total: number, tag: string) {
  const [template] = await ctx.database.query<Record<string, unknown>>(
    `SELECT * FROM cases WHERE raised_by IS NOT NULL ORDER BY created_at DESC LIMIT 1`,
  );
  if (!template) throw new Error('no case to copy');
  const columns = Object.keys(template).filter((c) => c !== 'id');
  const text = `INSERT INTO cases (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`;
  const latencies: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < total) {
      const i = next++;
      const values = columns.map((c) => (c === 'number' ? `${tag}-${i}` : template[c]));
      const start = performance.now();
      await ctx.database.query(text, values);
      latencies.push(performance.now() - start);
    }
  };
  const run = await time(() => Promise.all(Array.from({ length: CONCURRENCY }, worker)));
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    perSecond: Math.round((total / run.ms) * 1000),
    p50Ms: Math.round(median(latencies) * 100) / 100,
    p99Ms: Math.round((sorted[Math.floor(sorted.length * 0.99)] ?? 0) * 100) / 100,
    seconds: Math.round(run.ms / 10) / 100,
  };
}

async function intakeBench(kind: Kind): Promise<Measurement[]> {
  const out: Measurement[] = [];
  await withContext(kind, async (ctx) => {
    const seeded = await time(() => seedDemo({ db: ctx.db, clock: ctx.clock, settings: ctx.auth }));
    await ctx.grids.reload(ctx.db);
    const app = await buildServer({ ctx });
    try {
      const address = await app.listen({ host: '127.0.0.1', port: 0 });
      const cookie = await login(address);
      const body = await callBody(ctx);
      const requests = REQUESTS[kind];
      await fire(address, cookie, body, WARMUP);
      // Other work on the machine skews every figure; the 1-minute load average says how much there was.
      const loadBefore = Math.round((loadavg()[0] ?? 0) * 100) / 100;
      const http = await fire(address, cookie, body, requests);
      await rawInserts(ctx, WARMUP, 'warm');
      const raw = await rawInserts(ctx, requests, 'raw');
      const ratio = Math.round((http.perSecond / raw.perSecond) * 1000) / 1000;
      const common = { concurrency: CONCURRENCY, requests, warmup: WARMUP, loadBefore };
      out.push(
        {
          name: `intake.http.${kind}`,
          unit: 'req/s',
          value: http.perSecond,
          detail: {
            ...common,
            ...http,
            seedSeconds: Math.round(seeded.ms / 1000),
            client: 'autocannon 9.0.0, 1 worker thread',
          },
        },
        {
          name: `intake.raw-insert.${kind}`,
          unit: 'rows/s',
          value: raw.perSecond,
          detail: { ...common, ...raw },
        },
        {
          name: `intake.ratio.${kind}`,
          unit: 'HTTP ÷ raw',
          value: ratio,
          ...(kind === 'postgresql'
            ? { target: { value: 0.5, unit: 'HTTP ÷ raw', comparison: '≥', met: ratio >= 0.5 } }
            : {}),
        },
      );
      if (kind === 'postgresql') out.push(await profile(address, cookie, body, Math.min(requests, 1000)));
    } finally {
      await app.close();
    }
  });
  return out;
}

/** PostgreSQL only: one intake alone (1 connection), then 8 at once with every statement timed. */
async function profile(base: string, cookie: string, body: string, requests: number): Promise<Measurement> {
  const serial = await fire(base, cookie, body, Math.min(requests, 300), 1);
  const profiler = profileStatements();
  let statements: StatementStats[] = [];
  let concurrent: Awaited<ReturnType<typeof fire>>;
  try {
    concurrent = await fire(base, cookie, body, requests);
  } finally {
    statements = profiler.stop();
  }
  const perRequest = statements.map((s) => ({
    ...s,
    msPerRequest: Math.round((s.totalMs / requests) * 100) / 100,
  }));
  return {
    name: 'intake.profile.postgresql',
    unit: 'db ms/request',
    value: Math.round((statements.reduce((n, s) => n + s.totalMs, 0) / requests) * 100) / 100,
    detail: {
      note: 'database time of each statement kind (send to answer, lock waits included), summed over 8 connections',
      serial: { connections: 1, ...serial },
      concurrent: { connections: CONCURRENCY, requests, ...concurrent },
      statementsPerRequest: Math.round(statements.reduce((n, s) => n + s.count, 0) / requests),
      statements: perRequest,
    },
  };
}

export const intake: Suite = {
  name: 'intake',
  run: async () => [...(await intakeBench('postgresql')), ...(await intakeBench('pglite'))],
};
