import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { snapshot } from '../../../../test/helpers/db.ts';
import { openDatabase } from '../../db/client.ts';
import { appendEvent } from './append-event.ts';
import { verifyWebhookSignature } from './webhook-signature.ts';
import { runWebhookWorkerOnce } from './webhook-worker.ts';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

let t: TestApp;
let receiver: Server;
let hookBase: string;
const received: Received[] = [];
let admin: string;

/** A receiver that records every request; the path says how it answers. */
function startReceiver(): Promise<Server> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      const path = request.url ?? '';
      received.push({ path, headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      if (path.startsWith('/fail')) response.writeHead(500).end('broken');
      else if (path.startsWith('/redirect')) response.writeHead(302, { location: '/ok/elsewhere' }).end();
      else if (path.startsWith('/slow')) setTimeout(() => response.writeHead(200).end(), 1500);
      else response.writeHead(204).end();
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

beforeAll(async () => {
  t = await createTestApp();
  receiver = await startReceiver();
  hookBase = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  admin = await t.login('sysadmin');
});
afterAll(async () => {
  await t.close();
  receiver.closeAllConnections();
  await new Promise((resolve) => receiver.close(resolve));
});

const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, cookie = admin) =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

async function register(path: string, kinds: string[]): Promise<{ id: string; secret: string }> {
  const response = await call('POST', '/api/webhooks', {
    url: `${hookBase}${path}`,
    kinds,
    description: path,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function event(kind: string, stream = 'global', payload: Record<string, unknown> = {}) {
  const stored = await t.ctx.db.transaction((tx) =>
    appendEvent({
      db: tx,
      at: t.clock.now(),
      actor: null,
      subject: { type: 'obligation', id: `${kind}-${received.length}` },
      kind,
      payload,
      stream,
    }),
  );
  return stored.id.toString();
}

const run = (options: { timeoutMs?: number } = {}) =>
  runWebhookWorkerOnce({ db: t.ctx.db, clock: t.clock, ...options });
const at = (path: string) => received.filter((r) => r.path === path);

async function deliveries(id: string) {
  const response = await call('GET', `/api/webhooks/${id}/deliveries`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items as {
    kind: string;
    state: string;
    attemptCount: number;
    nextAttemptAt: string | null;
    attempts: { attempt: number; statusCode: number | null; error: string | null; durationMs: number }[];
  }[];
}

describe('webhook administration', () => {
  it('lets only the system administrator manage webhooks', async () => {
    for (const who of ['secadmin', 'auditor', 'leader', 'gridworker']) {
      const cookie = await t.login(who);
      expect((await call('GET', '/api/webhooks', undefined, cookie)).statusCode, who).toBe(403);
      const create = await call(
        'POST',
        '/api/webhooks',
        { url: `${hookBase}/ok/x`, kinds: ['obligation.*'], description: '' },
        cookie,
      );
      expect(create.statusCode, who).toBe(403);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/webhooks' })).statusCode).toBe(401);
  });

  it('returns the secret at creation only, and never writes it into an event', async () => {
    const { id, secret } = await register('/ok/secret', ['obligation.breached']);
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const listed = (await call('GET', '/api/webhooks')).json().items;
    expect(listed.find((w: { id: string }) => w.id === id)).toMatchObject({
      url: `${hookBase}/ok/secret`,
      kinds: ['obligation.breached'],
      active: true,
    });
    const patched = await call('PATCH', `/api/webhooks/${id}`, { kinds: ['obligation.*'] });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().kinds).toEqual(['obligation.*']);
    expect((await call('DELETE', `/api/webhooks/${id}`)).statusCode).toBe(204);
    const responses = [
      (await call('GET', '/api/webhooks')).body,
      patched.body,
      (await call('GET', `/api/webhooks/${id}/deliveries`)).body,
    ];
    for (const body of responses) {
      expect(body).not.toContain(secret);
      expect(body).not.toContain('"secret"');
    }
    const trail = await t.database.query<{ kind: string; payload: unknown }>(
      "SELECT kind, payload FROM events WHERE subject_type = 'webhook' AND subject_id = $1 ORDER BY id",
      [id],
    );
    expect(trail.map((e) => e.kind)).toEqual(['webhook.registered', 'webhook.changed', 'webhook.removed']);
    expect(trail[1]?.payload).toEqual({
      changes: { kinds: { from: ['obligation.breached'], to: ['obligation.*'] } },
    });
    const [{ n } = { n: '' }] = await t.database.query<{ n: string }>(
      'SELECT count(*)::text AS n FROM events WHERE payload::text LIKE $1',
      [`%${secret}%`],
    );
    expect(n).toBe('0');
  });

  it('keeps a removed webhook and its log; removing twice writes one event', async () => {
    const { id } = await register('/ok/removed', ['obligation.*']);
    await event('obligation.breached');
    await run();
    expect((await call('DELETE', `/api/webhooks/${id}`)).statusCode).toBe(204);
    expect((await call('DELETE', `/api/webhooks/${id}`)).statusCode).toBe(204);
    const listed = (await call('GET', '/api/webhooks')).json().items.find((w: { id: string }) => w.id === id);
    expect(listed.active).toBe(false);
    expect((await deliveries(id)).map((d) => d.state)).toEqual(['delivered']);
    const [{ n } = { n: '' }] = await t.database.query<{ n: string }>(
      "SELECT count(*)::text AS n FROM events WHERE kind = 'webhook.removed' AND subject_id = $1",
      [id],
    );
    expect(n).toBe('1');
    // Nothing is queued for a removed webhook.
    await event('obligation.breached');
    await run();
    expect(await deliveries(id)).toHaveLength(1);
    expect(at('/ok/removed')).toHaveLength(1);
  });

  it('refuses bad input with 400 and changes nothing', async () => {
    const { id } = await register('/ok/bad-input', ['obligation.*']);
    await call('DELETE', `/api/webhooks/${id}`);
    const before = await snapshot(t.database);
    const cases: [string, 'POST' | 'PATCH' | 'GET' | 'DELETE', string, object | undefined, string][] = [
      ['ftp', 'POST', '/api/webhooks', { url: 'ftp://x.example/', kinds: ['a.b'] }, 'WEBHOOK_URL_INVALID'],
      ['not a url', 'POST', '/api/webhooks', { url: 'not a url', kinds: ['a.b'] }, 'WEBHOOK_URL_INVALID'],
      [
        'credentials',
        'POST',
        '/api/webhooks',
        { url: 'https://user:pw@x.example/', kinds: ['a.b'] },
        'WEBHOOK_URL_CREDENTIALS',
      ],
      ['star', 'POST', '/api/webhooks', { url: `${hookBase}/ok`, kinds: ['*'] }, 'VALIDATION'],
      ['no kinds', 'POST', '/api/webhooks', { url: `${hookBase}/ok`, kinds: [] }, 'VALIDATION'],
      [
        'unknown field',
        'POST',
        '/api/webhooks',
        { url: `${hookBase}/ok`, kinds: ['a.b'], x: 1 },
        'VALIDATION',
      ],
      ['bad uuid', 'PATCH', '/api/webhooks/nope', { active: true }, 'VALIDATION'],
      ['patch unknown field', 'PATCH', `/api/webhooks/${id}`, { secret: 'mine' }, 'VALIDATION'],
      ['patch ftp', 'PATCH', `/api/webhooks/${id}`, { url: 'ftp://x.example/' }, 'WEBHOOK_URL_INVALID'],
      ['delete body', 'DELETE', `/api/webhooks/${id}`, { x: 1 }, 'VALIDATION'],
      ['limit', 'GET', `/api/webhooks/${id}/deliveries?limit=0`, undefined, 'VALIDATION'],
    ];
    for (const [name, method, url, payload, code] of cases) {
      const response = await call(method, url, payload);
      expect(response.statusCode, name).toBe(400);
      expect(response.json().error.code, name).toBe(code);
    }
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await call('PATCH', `/api/webhooks/${unknown}`, { active: true })).statusCode).toBe(404);
    expect((await call('DELETE', `/api/webhooks/${unknown}`)).statusCode).toBe(404);
    expect((await call('GET', `/api/webhooks/${unknown}/deliveries`)).statusCode).toBe(404);
    expect(await snapshot(t.database)).toEqual(before);
  });
});

describe('webhook delivery', () => {
  it('sends matching events, signed with the secret, from every stream', async () => {
    await event('obligation.breached'); // before registration: not sent
    const prefix = await register('/ok/prefix', ['obligation.*']);
    const exact = await register('/ok/exact', ['obligation.breached']);
    const breached = await event('obligation.breached', 'global', { unit: '密州街道', hours: 2 });
    await event('obligation.warned');
    await event('obligations.other'); // not under "obligation."
    await event('auth.login_failed');
    const elsewhere = await event('obligation.met', 'district-370782');
    const report = await run();
    expect(report).toMatchObject({ delivered: 4, retrying: 0, failed: 0 });

    const kindsAt = (path: string) => at(path).map((r) => r.headers['x-luoshi-event']);
    expect(kindsAt('/ok/prefix')).toEqual(['obligation.breached', 'obligation.warned', 'obligation.met']);
    expect(kindsAt('/ok/exact')).toEqual(['obligation.breached']);

    const request = at('/ok/exact')[0];
    if (!request) throw new Error('nothing received');
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers['x-luoshi-delivery']).toMatch(/^[0-9a-f-]{36}$/);
    const timestamp = Number(request.headers['x-luoshi-timestamp']);
    expect(timestamp).toBe(Math.floor(t.clock.now().getTime() / 1000));
    const signature = String(request.headers['x-luoshi-signature']);
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(exact.secret, timestamp, request.body, signature)).toBe(true);
    expect(verifyWebhookSignature(prefix.secret, timestamp, request.body, signature)).toBe(false);
    expect(JSON.parse(request.body)).toEqual({
      id: breached,
      kind: 'obligation.breached',
      occurredAt: '2026-09-18T09:00:00+08:00',
      subject: { type: 'obligation', id: expect.any(String) },
      actorId: null,
      payload: { unit: '密州街道', hours: 2 },
    });
    expect(JSON.parse(at('/ok/prefix')[2]?.body ?? '{}').id).toBe(elsewhere);

    // Nothing new: a second pass sends nothing again.
    expect(await run()).toMatchObject({ queued: 0, delivered: 0 });
    expect(at('/ok/prefix')).toHaveLength(3);
    const log = await deliveries(prefix.id);
    expect(log.map((d) => d.state)).toEqual(['delivered', 'delivered', 'delivered']);
    expect(log[0]?.attempts).toEqual([
      {
        attempt: 1,
        attemptedAt: expect.stringMatching(/\+08:00$/),
        statusCode: 204,
        error: null,
        durationMs: expect.any(Number),
      },
    ]);
    for (const hook of [prefix, exact]) await call('DELETE', `/api/webhooks/${hook.id}`);
  });

  it('retries a failing endpoint after 30 s, 2 min, 10 min, 1 h and 6 h, then gives up', async () => {
    const { id } = await register('/fail/retry', ['obligation.breached']);
    await event('obligation.breached');
    expect(await run()).toMatchObject({ queued: 1, retrying: 1 });
    let [delivery] = await deliveries(id);
    expect(delivery).toMatchObject({ state: 'pending', attemptCount: 1 });
    expect(delivery?.attempts[0]).toMatchObject({ attempt: 1, statusCode: 500, error: 'HTTP 500' });

    const waits = [0.5, 2, 10, 60, 360];
    for (const [i, minutes] of waits.entries()) {
      // A moment before it is due, nothing is sent.
      t.clock.advance(minutes * 60_000 - 1000);
      await run();
      expect(at('/fail/retry'), `before retry ${i + 1}`).toHaveLength(i + 1);
      t.clock.advance(1000);
      await run();
      expect(at('/fail/retry'), `retry ${i + 1}`).toHaveLength(i + 2);
    }
    // Hours have passed: the administrator's session has run out meanwhile.
    admin = await t.login('sysadmin');
    [delivery] = await deliveries(id);
    expect(delivery).toMatchObject({ state: 'failed', attemptCount: 6, nextAttemptAt: null });
    expect(delivery?.attempts.map((a) => a.attempt)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(delivery?.attempts.every((a) => a.statusCode === 500 && a.durationMs >= 0)).toBe(true);

    t.clock.advanceMinutes(24 * 60);
    await run();
    expect(at('/fail/retry')).toHaveLength(6);
    admin = await t.login('sysadmin');
    await call('DELETE', `/api/webhooks/${id}`);
  });

  it('logs network errors, timeouts and redirects as failed attempts', async () => {
    const closed = await startReceiver();
    const closedUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/gone`;
    await new Promise((resolve) => closed.close(resolve));
    const hooks = [
      await register('/slow/timeout', ['test.failure']),
      await register('/redirect/x', ['test.failure']),
      (
        await call('POST', '/api/webhooks', { url: closedUrl, kinds: ['test.failure'], description: '' })
      ).json(),
    ];
    await event('test.failure');
    expect(await run({ timeoutMs: 300 })).toMatchObject({ retrying: 3 });
    const [slow, redirect, gone] = await Promise.all(hooks.map(async (h) => (await deliveries(h.id))[0]));
    expect(slow?.attempts[0]).toMatchObject({ statusCode: null, error: 'timeout after 300 ms' });
    expect(redirect?.attempts[0]).toMatchObject({ statusCode: 302, error: 'HTTP 302' });
    expect(gone?.attempts[0]).toMatchObject({
      statusCode: null,
      error: expect.stringContaining('ECONNREFUSED'),
    });
    for (const hook of hooks) await call('DELETE', `/api/webhooks/${hook.id}`);
  });

  it('pauses and resumes from the present: events while inactive are not sent', async () => {
    const { id } = await register('/ok/pause', ['pause.*']);
    await call('PATCH', `/api/webhooks/${id}`, { active: false });
    await event('pause.during');
    await run();
    await call('PATCH', `/api/webhooks/${id}`, { active: true });
    await event('pause.after');
    await run();
    expect(at('/ok/pause').map((r) => r.headers['x-luoshi-event'])).toEqual(['pause.after']);
    await call('DELETE', `/api/webhooks/${id}`);
  });

  it('sends a delivery once when two workers run at the same time', async () => {
    // On PostgreSQL the second worker has its own pool, as a second server process would.
    const second = t.database.url ? await openDatabase({ url: t.database.url, poolSize: 3 }) : undefined;
    try {
      const { id } = await register('/ok/race', ['race.*']);
      for (let round = 0; round < 5; round++) {
        await event(`race.round${round}`);
        await event(`race.round${round}`, 'district-370782');
        await Promise.all([
          runWebhookWorkerOnce({ db: t.ctx.db, clock: t.clock }),
          runWebhookWorkerOnce({ db: second?.db ?? t.ctx.db, clock: t.clock }),
        ]);
      }
      const sent = at('/ok/race').map((r) => r.headers['x-luoshi-delivery']);
      expect(sent).toHaveLength(10);
      expect(new Set(sent).size).toBe(10);
      const log = await deliveries(id);
      expect(log.every((d) => d.state === 'delivered' && d.attempts.length === 1)).toBe(true);
      await call('DELETE', `/api/webhooks/${id}`);
    } finally {
      await second?.close();
    }
  });
});
