import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { QueuedCall } from './offline-queue.ts';
import { indexedDbCallStore } from './offline-store.ts';

const saved = (key: string): QueuedCall => ({
  key,
  accountId: 'worker',
  savedAt: '2026-09-21T08:30:00.000Z',
  body: { category: 'utility.water', channel: 'grid_app', situation: '水管漏水' },
  values: { category: 'utility.water', situation: '水管漏水' },
  position: { lat: 36, lng: 119.4, accuracy: 12 },
  photos: [{ name: 'wall.jpg', blob: new Blob(['jpeg bytes'], { type: 'image/jpeg' }), position: null }],
  state: 'waiting',
  attempts: 0,
});

describe('offline call store (IndexedDB)', () => {
  it('C1: keeps calls with their photo Blobs across connections, keyed by the Idempotency-Key', async () => {
    const factory = new IDBFactory();
    const first = indexedDbCallStore(factory);
    await first.put(saved('k1'));
    await first.put(saved('k2'));
    await first.put({ ...saved('k1'), attempts: 2 });

    // A new page: a new connection to the same database.
    const reopened = indexedDbCallStore(factory);
    const all = await reopened.all();
    expect(all.map((call) => [call.key, call.attempts])).toEqual([
      ['k1', 2],
      ['k2', 0],
    ]);
    const blob = all[0]?.photos[0]?.blob;
    expect(blob).toBeInstanceOf(Blob);
    expect(blob?.type).toBe('image/jpeg');
    expect(await blob?.text()).toBe('jpeg bytes');

    await reopened.delete('k1');
    expect((await first.all()).map((call) => call.key)).toEqual(['k2']);
  });
});
