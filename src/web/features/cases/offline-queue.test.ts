import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api.ts';
import type { CaseView, NewCall } from './case-types.ts';
import {
  type CallStore,
  type CallTransport,
  classifyFailure,
  flushQueue,
  newQueuedCall,
  type QueuedCall,
  sendQueuedCall,
  waitingCalls,
} from './offline-queue.ts';

/** A store in a map that copies on the way in and out, as IndexedDB does. */
function memoryStore(initial: QueuedCall[] = []) {
  const rows = new Map(initial.map((call) => [call.key, structuredClone(call)]));
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

const networkDown = () =>
  new ApiError({
    status: 0,
    code: 'NETWORK',
    message: '无法连接服务器',
    message_en: 'Cannot reach the server',
  });
const refused = (status: number, code: string, field?: string) =>
  new ApiError({ status, code, message: `拒绝 ${code}`, message_en: `refused ${code}`, field });

/**
 * A server for the two requests: it records every request, keeps one case per
 * Idempotency-Key (same key and body: the first answer; other body: 409), and can be
 * told to fail the next requests.
 */
function fakeServer() {
  const uploads: { size: number; position: { lat: number; lng: number } | null }[] = [];
  const posts: { body: NewCall; key: string }[] = [];
  const cases = new Map<string, { body: string; view: CaseView }>();
  const failures: Error[] = [];
  const transport: CallTransport = {
    uploadPhoto: async (blob, position) => {
      const failure = failures.shift();
      if (failure) throw failure;
      uploads.push({ size: blob.size, position });
      return `file-${uploads.length}`;
    },
    raise: async (body, key) => {
      posts.push({ body, key });
      const failure = failures.shift();
      if (failure) throw failure;
      const stored = cases.get(key);
      if (stored) {
        if (stored.body !== JSON.stringify(body)) throw refused(409, 'IDEMPOTENCY_MISMATCH');
        return stored.view;
      }
      const view = { id: `case-${cases.size + 1}`, number: `N${cases.size + 1}` } as CaseView;
      cases.set(key, { body: JSON.stringify(body), view });
      return view;
    },
  };
  return { transport, uploads, posts, cases, failures };
}

const photo = (text: string) => ({
  name: `${text}.jpg`,
  blob: new Blob([text], { type: 'image/jpeg' }),
  position: { lat: 36.0, lng: 119.4 },
});

const call = (key: string, overrides: Partial<QueuedCall> = {}): QueuedCall => ({
  ...newQueuedCall({
    key,
    accountId: 'worker',
    savedAt: '2026-09-21T08:30:00.000Z',
    body: { category: 'utility.water', channel: 'grid_app', situation: `水管漏水 ${key}` },
    values: { category: 'utility.water', situation: `水管漏水 ${key}` },
    position: null,
    photos: [],
  }),
  ...overrides,
});

describe('offline call queue', () => {
  it('C1: a saved call is sent once with its key, photos uploaded first, then removed', async () => {
    const store = memoryStore([call('k1', { photos: [photo('front'), photo('side')] })]);
    const server = fakeServer();
    const result = await flushQueue({ store, transport: server.transport, accountId: 'worker' });
    expect(result.sent.map((s) => s.result.number)).toEqual(['N1']);
    expect(result.stopped).toBeUndefined();
    expect(server.uploads).toEqual([
      { size: 5, position: { lat: 36.0, lng: 119.4 } },
      { size: 4, position: { lat: 36.0, lng: 119.4 } },
    ]);
    expect(server.posts).toEqual([
      {
        key: 'k1',
        body: {
          category: 'utility.water',
          channel: 'grid_app',
          situation: '水管漏水 k1',
          photoIds: ['file-1', 'file-2'],
        },
      },
    ]);
    expect(store.rows.size).toBe(0);
    // A second round finds nothing to send.
    await flushQueue({ store, transport: server.transport, accountId: 'worker' });
    expect(server.posts).toHaveLength(1);
  });

  it('C1: without network the call stays as it was and the round stops', async () => {
    const store = memoryStore([call('k1', { savedAt: '2026-09-21T08:00:00Z' }), call('k2')]);
    const server = fakeServer();
    server.failures.push(networkDown());
    const result = await flushQueue({ store, transport: server.transport, accountId: 'worker' });
    expect(result).toEqual({ sent: [], rejected: [], stopped: 'offline' });
    // k2 was not tried: the network that failed k1 would fail it too.
    expect(server.posts.map((p) => p.key)).toEqual(['k1']);
    expect(store.rows.get('k1')).toMatchObject({ state: 'waiting', attempts: 0 });
    expect(store.rows.get('k1')?.error).toBeUndefined();
    expect(store.rows.size).toBe(2);
  });

  it('C1: a photo upload without network keeps the photo bytes for the next round', async () => {
    const store = memoryStore([call('k1', { photos: [photo('a'), photo('bb')] })]);
    const server = fakeServer();
    // The first photo goes up, the second meets a dead network.
    const upload = server.transport.uploadPhoto;
    let count = 0;
    server.transport.uploadPhoto = async (blob, position) => {
      count += 1;
      if (count === 2) throw networkDown();
      return upload(blob, position);
    };
    const first = await flushQueue({ store, transport: server.transport, accountId: 'worker' });
    expect(first.stopped).toBe('offline');
    const saved = store.rows.get('k1');
    expect(saved?.photos[0]).toMatchObject({ fileId: 'file-1' });
    expect(saved?.photos[0]?.blob).toBeUndefined();
    expect(saved?.photos[1]?.fileId).toBeUndefined();
    expect(saved?.photos[1]?.blob?.size).toBe(2);
    expect(server.posts).toHaveLength(0);

    const second = await flushQueue({ store, transport: server.transport, accountId: 'worker' });
    expect(second.sent).toHaveLength(1);
    // The photo uploaded in the first round is not uploaded again.
    expect(server.uploads.map((u) => u.size)).toEqual([1, 2]);
    expect(server.posts[0]?.body.photoIds).toEqual(['file-1', 'file-2']);
  });

  it('C1: a page that died between the answer and the removal sends again and gets the same case', async () => {
    const server = fakeServer();
    // The first send reached the server, but the store was not told (the page closed).
    const lost = call('k1', { photos: [photo('wall')] });
    const crashingStore = memoryStore([lost]);
    const crashing: CallStore = {
      ...crashingStore,
      delete: async () => Promise.reject(new Error('page closed')),
    };
    await expect(sendQueuedCall(lost, { store: crashing, transport: server.transport })).rejects.toThrow();
    expect(server.cases.size).toBe(1);

    // The app opens again: the same key and body, the first answer, one case.
    const result = await flushQueue({
      store: crashingStore,
      transport: server.transport,
      accountId: 'worker',
    });
    expect(result.sent.map((s) => s.result.id)).toEqual(['case-1']);
    expect(server.cases.size).toBe(1);
    expect(server.uploads).toHaveLength(1);
    expect(server.posts.map((p) => p.key)).toEqual(['k1', 'k1']);
    expect(server.posts[1]?.body).toEqual(server.posts[0]?.body);
    expect(crashingStore.rows.size).toBe(0);
  });

  it('C6: a refused call is kept with the error for its user, and the round goes on', async () => {
    const store = memoryStore([call('k1', { savedAt: '2026-09-21T08:00:00Z' }), call('k2')]);
    const server = fakeServer();
    server.failures.push(refused(422, 'CALL_INCOMPLETE', 'party'));
    const result = await flushQueue({ store, transport: server.transport, accountId: 'worker' });
    expect(result.rejected).toEqual([
      {
        key: 'k1',
        error: {
          status: 422,
          code: 'CALL_INCOMPLETE',
          message: '拒绝 CALL_INCOMPLETE',
          message_en: 'refused CALL_INCOMPLETE',
          field: 'party',
        },
      },
    ]);
    expect(result.sent.map((s) => s.key)).toEqual(['k2']);
    expect(store.rows.get('k1')).toMatchObject({
      state: 'rejected',
      attempts: 1,
      error: { code: 'CALL_INCOMPLETE' },
    });
    // A refused call is not sent again by itself.
    await flushQueue({ store, transport: server.transport, accountId: 'worker' });
    expect(server.posts.filter((p) => p.key === 'k1')).toHaveLength(1);
  });

  it('C1: a key already used for another body is a conflict shown to the user, not a second case', async () => {
    const server = fakeServer();
    await server.transport.raise(
      { category: 'utility.water', channel: 'grid_app', situation: 'other' },
      'k1',
    );
    const store = memoryStore([call('k1')]);
    const result = await flushQueue({ store, transport: server.transport, accountId: 'worker' });
    expect(result.rejected.map((r) => r.error.code)).toEqual(['IDEMPOTENCY_MISMATCH']);
    expect(store.rows.get('k1')?.state).toBe('rejected');
    expect(server.cases.size).toBe(1);
  });

  it('C1: a busy server or an ended session keeps the call waiting and stops the round', async () => {
    for (const [error, stopped] of [
      [refused(503, 'HTTP_503'), 'later'],
      [refused(409, 'IDEMPOTENCY_IN_PROGRESS'), 'later'],
      [refused(401, 'UNAUTHENTICATED'), 'signedOut'],
    ] as const) {
      const store = memoryStore([call('k1')]);
      const server = fakeServer();
      server.failures.push(error);
      const result = await flushQueue({ store, transport: server.transport, accountId: 'worker' });
      expect(result.stopped).toBe(stopped);
      expect(store.rows.get('k1')).toMatchObject({ state: 'waiting', error: { code: error.code } });
    }
  });

  it('C1: a refused photo marks the call refused on the photos field', async () => {
    const store = memoryStore([call('k1', { photos: [photo('x')] })]);
    const server = fakeServer();
    server.failures.push(refused(415, 'UNSUPPORTED_MEDIA_TYPE'));
    const result = await flushQueue({ store, transport: server.transport, accountId: 'worker' });
    expect(result.rejected[0]?.error).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', field: 'photoIds' });
    expect(server.posts).toHaveLength(0);
  });

  it('C1: only the signed-in account sends its own calls, oldest first', async () => {
    const calls = [
      call('late', { savedAt: '2026-09-21T09:00:00Z' }),
      call('other', { accountId: 'someone-else' }),
      call('early', { savedAt: '2026-09-21T07:00:00Z' }),
      call('refused', { state: 'rejected' }),
    ];
    expect(waitingCalls(calls, 'worker').map((c) => c.key)).toEqual(['early', 'late']);
    const store = memoryStore(calls);
    const server = fakeServer();
    await flushQueue({ store, transport: server.transport, accountId: 'worker' });
    expect(server.posts.map((p) => p.key)).toEqual(['early', 'late']);
    expect([...store.rows.keys()].sort()).toEqual(['other', 'refused']);
  });

  it('C6: a 4xx is a refusal, a network failure is not', () => {
    expect(classifyFailure(networkDown())).toBe('offline');
    expect(classifyFailure(refused(422, 'CALL_INCOMPLETE'))).toBe('rejected');
    expect(classifyFailure(refused(403, 'FORBIDDEN'))).toBe('rejected');
    expect(classifyFailure(refused(403, 'PASSWORD_CHANGE_REQUIRED'))).toBe('signedOut');
    expect(classifyFailure(refused(429, 'RATE_LIMITED'))).toBe('later');
    expect(classifyFailure(new TypeError('boom'))).toBe('later');
  });

  it('C1: the saved request never carries photo ids of the form (they are added on sending)', () => {
    const saved = newQueuedCall({
      key: 'k',
      accountId: 'worker',
      savedAt: '2026-09-21T08:30:00Z',
      body: { category: 'x', channel: 'grid_app', photoIds: ['old'] },
      values: {},
      position: null,
      photos: [{ fileId: 'old', name: 'old.jpg', position: null }],
    });
    expect(saved.body).toEqual({ category: 'x', channel: 'grid_app' });
    expect(saved.photos).toEqual([{ fileId: 'old', name: 'old.jpg', position: null }]);
    expect(saved).toMatchObject({ state: 'waiting', attempts: 0 });
  });
});
