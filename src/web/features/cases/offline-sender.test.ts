import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api.ts';
import type { CaseView, NewCall } from './case-types.ts';
import { type CallStore, type CallTransport, newQueuedCall, type QueuedCall } from './offline-queue.ts';
import { createOfflineSender, RETRY_EVERY_MS } from './offline-sender.ts';

function memoryStore() {
  const rows = new Map<string, QueuedCall>();
  const store: CallStore & { rows: typeof rows } = {
    rows,
    all: async () => [...rows.values()].map((call) => structuredClone(call)),
    put: async (call) => {
      rows.set(call.key, structuredClone(call));
    },
    delete: async (key) => {
      rows.delete(key);
    },
  };
  return store;
}

/** A server that takes a while to answer, so two rounds could overlap if the sender let them. */
function slowServer() {
  const posts: string[] = [];
  let up = true;
  const transport: CallTransport = {
    uploadPhoto: async () => 'file',
    raise: async (_body: NewCall, key: string) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (!up) throw new ApiError({ status: 0, code: 'NETWORK', message: '断网', message_en: 'offline' });
      posts.push(key);
      return { id: `case-${key}`, number: key } as CaseView;
    },
  };
  return { transport, posts, setUp: (value: boolean) => (up = value) };
}

const saved = (key: string, accountId = 'worker') =>
  newQueuedCall({
    key,
    accountId,
    savedAt: `2026-09-21T08:30:0${key.length}.000Z`,
    body: { category: 'utility.water', channel: 'grid_app' },
    values: {},
    position: null,
    photos: [],
  });

const tick = () => new Promise((resolve) => setTimeout(resolve, 30));

describe('offline call sender', () => {
  it('C1: sends at start, on the online event and on the timer, each call once', async () => {
    const store = memoryStore();
    const server = slowServer();
    const events = new EventTarget();
    let online = false;
    let timer: (() => void) | undefined;
    const sender = createOfflineSender({
      store,
      transport: server.transport,
      online: () => online,
      events,
      setInterval: (run, ms) => {
        expect(ms).toBe(RETRY_EVERY_MS);
        timer = run;
        return 1;
      },
      clearInterval: () => {
        timer = undefined;
      },
    });
    await store.put(saved('a'));
    await store.put(saved('b', 'someone-else'));

    // Offline at start: nothing goes, the account's call is listed.
    const stop = sender.start('worker');
    await tick();
    expect(server.posts).toEqual([]);
    expect(sender.state().calls.map((c) => c.key)).toEqual(['a']);

    const flushed: string[][] = [];
    sender.onFlushed((result) => flushed.push(result.sent.map((s) => s.key)));
    online = true;
    events.dispatchEvent(new Event('online'));
    // The page also retries on its own: the rounds wait for each other.
    void sender.flush();
    await tick();
    expect(server.posts).toEqual(['a']);
    expect(flushed).toEqual([['a']]);
    expect(sender.state().calls).toEqual([]);

    // A call saved later goes with the timer's next round.
    await sender.save(saved('cc'));
    expect(sender.state().calls.map((c) => c.key)).toEqual(['cc']);
    timer?.();
    await tick();
    expect(server.posts).toEqual(['a', 'cc']);
    // Someone else's call stays on the phone for them.
    expect([...store.rows.keys()]).toEqual(['b']);

    stop();
    expect(timer).toBeUndefined();
    expect(sender.state().calls).toEqual([]);
  });

  it('C1: a call saved on a dead network waits; retry and discard act on one call', async () => {
    const store = memoryStore();
    const server = slowServer();
    server.setUp(false);
    const sender = createOfflineSender({ store, transport: server.transport });
    sender.start('worker');
    await sender.save(saved('a'));
    const result = await sender.flush();
    expect(result?.stopped).toBe('offline');
    expect(sender.state().calls.map((c) => [c.key, c.state])).toEqual([['a', 'waiting']]);

    await store.put({ ...saved('bb'), state: 'rejected' });
    server.setUp(true);
    await sender.discard('a');
    await sender.retry('bb');
    expect(server.posts).toEqual(['bb']);
    expect(sender.state().calls).toEqual([]);
  });

  it('C1: a listener that throws neither stops the others nor turns the round into a failure', async () => {
    const store = memoryStore();
    const server = slowServer();
    const reported: unknown[] = [];
    const sender = createOfflineSender({
      store,
      transport: server.transport,
      reportError: (error) => reported.push(error),
    });
    sender.start('worker');
    await tick();
    const heard: string[] = [];
    sender.onFlushed(() => {
      throw new Error('listener broke');
    });
    sender.onFlushed((result) => heard.push(...result.sent.map((s) => s.key)));
    await sender.save(saved('a'));
    const result = await sender.flush();
    expect(result?.sent.map((s) => s.key)).toEqual(['a']);
    expect(heard).toEqual(['a']);
    expect(reported).toEqual([new Error('listener broke')]);
  });

  it('C1: a store that cannot be opened is reported, not thrown', async () => {
    const broken: CallStore = {
      all: () => Promise.reject(new Error('no IndexedDB')),
      put: () => Promise.reject(new Error('no IndexedDB')),
      delete: () => Promise.reject(new Error('no IndexedDB')),
    };
    const sender = createOfflineSender({ store: broken, transport: slowServer().transport });
    sender.start('worker');
    await tick();
    expect(sender.state()).toMatchObject({ available: false, sending: false, calls: [] });
    expect(await sender.flush()).toBeNull();
  });
});
