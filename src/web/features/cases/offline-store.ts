import type { CallStore, QueuedCall } from './offline-queue.ts';

const DB_NAME = 'luoshi-offline';
const DB_VERSION = 1;
const CALLS = 'calls';

function promised<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function done(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
  });
}

function open(factory: IDBFactory): Promise<IDBDatabase> {
  const request = factory.open(DB_NAME, DB_VERSION);
  request.onupgradeneeded = () => {
    const db = request.result;
    if (!db.objectStoreNames.contains(CALLS)) db.createObjectStore(CALLS, { keyPath: 'key' });
  };
  return promised(request);
}

/**
 * Saved calls in the phone's IndexedDB (database `luoshi-offline`, store `calls`, keyed by
 * the Idempotency-Key), photos as Blobs. It outlives the page: a call saved before the
 * page was closed is there when the app opens again. Each operation is its own
 * transaction, committed before the promise resolves.
 */
export function indexedDbCallStore(factory: IDBFactory = globalThis.indexedDB): CallStore {
  let db: Promise<IDBDatabase> | null = null;
  const connection = () => {
    if (!db) {
      db = open(factory).then((opened) => {
        // Another tab upgrading the schema closes this connection; the next call reopens.
        opened.onversionchange = () => {
          opened.close();
          db = null;
        };
        return opened;
      });
      db.catch(() => {
        db = null;
      });
    }
    return db;
  };
  return {
    async all() {
      const transaction = (await connection()).transaction(CALLS, 'readonly');
      return promised(transaction.objectStore(CALLS).getAll() as IDBRequest<QueuedCall[]>);
    },
    async put(call) {
      const transaction = (await connection()).transaction(CALLS, 'readwrite');
      transaction.objectStore(CALLS).put(call);
      await done(transaction);
    },
    async delete(key) {
      const transaction = (await connection()).transaction(CALLS, 'readwrite');
      transaction.objectStore(CALLS).delete(key);
      await done(transaction);
    },
  };
}
