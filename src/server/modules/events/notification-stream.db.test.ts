import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { NotificationBus } from './notification-bus.ts';
import { notify } from './notify.ts';

/** Counts live subscriptions, to show that a closed stream lets go of the bus. */
class CountingBus extends NotificationBus {
  active = 0;

  override subscribe(listener: () => void): () => void {
    const unsubscribe = super.subscribe(listener);
    this.active += 1;
    let done = false;
    return () => {
      if (!done) this.active -= 1;
      done = true;
      unsubscribe();
    };
  }
}

interface SseEvent {
  event: string;
  id: string | undefined;
  data: unknown;
}

/** A real HTTP client of the stream: fetch, read chunks, split into events. */
async function openStream(base: string, cookie: string, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const response = await fetch(`${base}/api/notifications/stream`, {
    headers: { cookie, ...headers },
    signal: controller.signal,
  });
  const reader = response.body?.getReader();
  if (!reader) throw new Error('no body');
  const decoder = new TextDecoder();
  const queue: SseEvent[] = [];
  const comments: string[] = [];
  let buffer = '';
  let ended = false;

  const pump = async (timeoutMs: number): Promise<void> => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('no event in time')), timeoutMs);
    });
    try {
      const { value, done } = await Promise.race([reader.read(), timeout]);
      if (done) {
        ended = true;
        return;
      }
      buffer += decoder.decode(value, { stream: true });
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const fields = new Map<string, string>();
        for (const line of block.split('\n')) {
          if (line.startsWith(':')) comments.push(line);
          else {
            const colon = line.indexOf(':');
            fields.set(line.slice(0, colon), line.slice(colon + 1).trimStart());
          }
        }
        const data = fields.get('data');
        if (data !== undefined)
          queue.push({
            event: fields.get('event') ?? 'message',
            id: fields.get('id'),
            data: JSON.parse(data),
          });
      }
    } finally {
      clearTimeout(timer);
    }
  };

  return {
    response,
    comments,
    /** The next event (or fails after the timeout). */
    async next(timeoutMs = 5000): Promise<SseEvent> {
      for (;;) {
        const event = queue.shift();
        if (event) return event;
        if (ended) throw new Error('stream ended');
        await pump(timeoutMs);
      }
    },
    /** Events read until `predicate` holds for them. */
    async until(predicate: (events: SseEvent[]) => boolean, timeoutMs = 5000): Promise<SseEvent[]> {
      const events: SseEvent[] = [];
      while (!predicate(events)) events.push(await this.next(timeoutMs));
      return events;
    },
    /** True once the server has ended the stream. */
    async endsWithin(timeoutMs: number): Promise<boolean> {
      const deadline = Date.now() + timeoutMs;
      while (!ended && Date.now() < deadline) {
        await pump(deadline - Date.now()).catch(() => undefined);
      }
      return ended;
    },
    close: () => controller.abort(),
  };
}

let t: TestApp;
let base: string;
let bus: CountingBus;
const cookies: Record<string, string> = {};
let ids: Record<string, string>;
let units: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  // Routes read ctx.bus per request, so swapping it here is what they use.
  bus = new CountingBus();
  t.ctx.bus = bus;
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  for (const name of ['gridworker', 'gridhead', 'dispatcher']) cookies[name] = await t.login(name);
  const accountRows = await t.database.query<{ username: string; id: string }>(
    'SELECT username, id FROM accounts',
  );
  ids = Object.fromEntries(accountRows.map((r) => [r.username, r.id]));
  const unitRows = await t.database.query<{ code: string; id: string }>('SELECT code, id FROM org_units');
  units = Object.fromEntries(unitRows.map((r) => [r.code, r.id]));
});
afterAll(async () => {
  await t.close();
});

async function send(to: { accountId?: string; unitId?: string }, subject: string): Promise<string> {
  await t.ctx.db.transaction((tx) =>
    notify({
      db: tx,
      at: t.clock.now(),
      to,
      kind: 'obligation.breached',
      subject: { type: 'obligation', id: subject },
      title: { zh: `${subject}已超时`, en: `${subject} is overdue` },
    }),
  );
  t.clock.advance(1000);
  const [row] = await t.database.query<{ id: string }>('SELECT id FROM notifications WHERE subject_id = $1', [
    subject,
  ]);
  return row?.id ?? '';
}

const waitFor = async (check: () => boolean, timeoutMs = 3000) => {
  const deadline = Date.now() + timeoutMs;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  return check();
};

describe('notification stream (server-sent events)', () => {
  it('sends the unread count on connect, then each new notification when the bus wakes', async () => {
    await send({ accountId: ids.gridworker }, 'before-connect');
    const stream = await openStream(base, cookies.gridworker ?? '');
    try {
      expect(stream.response.status).toBe(200);
      expect(stream.response.headers.get('content-type')).toContain('text/event-stream');
      expect(await stream.next()).toEqual({ event: 'unread', id: undefined, data: { unreadCount: 1 } });

      // Someone else's notification is committed first; only the own one may arrive.
      await send({ accountId: ids.gridhead }, 'not-mine');
      const mine = await send({ accountId: ids.gridworker }, 'S1');
      bus.wake();
      const notification = await stream.next();
      expect(notification).toMatchObject({
        event: 'notification',
        id: mine,
        data: {
          id: mine,
          kind: 'obligation.breached',
          subjectType: 'obligation',
          subjectId: 'S1',
          title: 'S1已超时',
          titleEn: 'S1 is overdue',
          data: {},
          read: false,
          to: 'person',
          unitId: null,
        },
      });
      expect((notification.data as { createdAt: string }).createdAt).toMatch(/\+08:00$/);
      expect(await stream.next()).toEqual({ event: 'unread', id: undefined, data: { unreadCount: 2 } });
    } finally {
      stream.close();
    }
  });

  it('carries notifications of a unit where the person holds a role', async () => {
    const stream = await openStream(base, cookies.dispatcher ?? '');
    try {
      await stream.next(); // unread
      const id = await send({ unitId: units['370782001'] }, 'unit-1');
      bus.wake();
      expect(await stream.next()).toMatchObject({
        event: 'notification',
        id,
        data: { to: 'unit', unitId: units['370782001'] },
      });
    } finally {
      stream.close();
    }
  });

  it('replays only what came after Last-Event-ID', async () => {
    const seen = await send({ accountId: ids.gridworker }, 'R1');
    const missed1 = await send({ accountId: ids.gridworker }, 'R2');
    const missed2 = await send({ accountId: ids.gridworker }, 'R3');
    const stream = await openStream(base, cookies.gridworker ?? '', { 'last-event-id': seen });
    try {
      const events = await stream.until((e) => e.filter((x) => x.event === 'unread').length === 2);
      expect(events.filter((e) => e.event === 'notification').map((e) => e.id)).toEqual([missed1, missed2]);
      expect(events[0]).toEqual({ event: 'unread', id: undefined, data: { unreadCount: 5 } });
    } finally {
      stream.close();
    }
  });

  it('lets go of the bus when the client disconnects', async () => {
    expect(await waitFor(() => bus.active === 0)).toBe(true);
    const streams = [
      await openStream(base, cookies.gridworker ?? ''),
      await openStream(base, cookies.gridhead ?? ''),
    ];
    for (const s of streams) await s.next();
    expect(bus.active).toBe(2);
    for (const s of streams) s.close();
    expect(await waitFor(() => bus.active === 0)).toBe(true);
  });
});

describe('stream lifetime', () => {
  it('pings, ends at logout and at server close', async () => {
    const short = await createTestApp({
      notificationKeepAliveMs: 100,
    });
    let closed = false;
    try {
      await short.app.listen({ port: 0, host: '127.0.0.1' });
      const url = `http://127.0.0.1:${(short.app.server.address() as AddressInfo).port}`;
      const cookie = await short.login('gridworker');
      const stream = await openStream(url, cookie);
      await stream.next();
      expect(await stream.endsWithin(300)).toBe(false); // reads the pings meanwhile
      expect(stream.comments).toContain(': ping');

      await short.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
      expect(await stream.endsWithin(3000)).toBe(true);

      const other = await openStream(url, await short.login('gridhead'));
      await other.next();
      // Closing the server must not wait for the open stream to go away by itself.
      const closing = short.close().then(() => {
        closed = true;
      });
      expect(await other.endsWithin(3000)).toBe(true);
      await closing;
    } finally {
      if (!closed) await short.close();
    }
  });

  it('refuses a stream without a session before it starts', async () => {
    const response = await fetch(`${base}/api/notifications/stream`);
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
  });
});
