/**
 * The service worker (built by build/sw-plugin.ts into dist/web/sw.js, one file): keeps
 * the app shell so the call page opens without network after one online visit, keeps
 * the last answers of /api/auth/me and /api/categories for offline use, and sends the
 * saved calls on a Background Sync wake-up (C1). Pages send them too, without it.
 */
import { flushQueue } from '../features/cases/offline-queue.ts';
import { httpCallTransport, SYNC_TAG, webLocks } from '../features/cases/offline-sender.ts';
import { indexedDbCallStore } from '../features/cases/offline-store.ts';
import { API_CACHE, changesSession, shellCacheName, staleCaches, strategyFor } from './sw-routes.ts';

/** The build's files to keep (index.html, the call page's chunks, icons), set by the build. */
declare const __LUOSHI_PRECACHE__: string[];
/** A hash of that list and of index.html: a new build is a new worker. */
declare const __LUOSHI_SW_VERSION__: string;

// The DOM library describes pages; these are the few worker types used here.
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response> | Response): void;
}
interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
  readonly lastChance: boolean;
}
interface WorkerClient {
  postMessage(message: unknown): void;
}
interface WorkerScope {
  readonly location: Location;
  skipWaiting(): Promise<void>;
  readonly clients: { claim(): Promise<void>; matchAll(): Promise<readonly WorkerClient[]> };
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'sync', listener: (event: SyncEvent) => void): void;
}

const scope = self as unknown as WorkerScope;
const ORIGIN = scope.location.origin;
const SHELL = shellCacheName(__LUOSHI_SW_VERSION__);
/** A page waits this long for the network before the saved shell is shown. */
const PAGE_TIMEOUT_MS = 4000;

scope.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL)
      .then((cache) => cache.addAll(__LUOSHI_PRECACHE__))
      .then(() => scope.skipWaiting()),
  );
});

scope.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(staleCaches(names, __LUOSHI_SW_VERSION__).map((name) => caches.delete(name))),
      )
      .then(() => scope.clients.claim()),
  );
});

scope.addEventListener('fetch', (event) => {
  const request = event.request;
  if (changesSession(request, ORIGIN)) {
    event.waitUntil(forgetSession());
    return;
  }
  switch (strategyFor(request, ORIGIN)) {
    case 'page':
      event.respondWith(page(request));
      return;
    case 'static':
      event.respondWith(cacheFirst(request));
      return;
    case 'api-fallback':
      event.respondWith(networkFirst(request));
      return;
    default:
      // Not answered here: the browser goes to the network itself.
      return;
  }
});

scope.addEventListener('sync', (event) => {
  if (event.tag === SYNC_TAG) event.waitUntil(sendSavedCalls());
});

async function forgetSession(): Promise<void> {
  const cache = await caches.open(API_CACHE);
  await cache.delete('/api/auth/me');
}

/** Every page of the app is index.html; the network's copy also refreshes the saved one. */
async function page(request: Request): Promise<Response> {
  try {
    const response = await withTimeout(fetch(request), PAGE_TIMEOUT_MS);
    if (response.ok && response.headers.get('content-type')?.startsWith('text/html')) {
      const copy = response.clone();
      void caches.open(SHELL).then((cache) => cache.put('/index.html', copy));
    }
    return response;
  } catch {
    const saved = await caches.match('/index.html');
    return saved ?? Response.error();
  }
}

/** Build files are named by their content: a saved copy is right for ever; a new one is kept. */
async function cacheFirst(request: Request): Promise<Response> {
  const saved = await caches.match(request);
  if (saved) return saved;
  const response = await fetch(request);
  // A missing build file comes back as index.html (the server's page fallback): not kept.
  if (response.ok && !response.headers.get('content-type')?.startsWith('text/html')) {
    const copy = response.clone();
    void caches.open(SHELL).then((cache) => cache.put(request, copy));
  }
  return response;
}

/** The network's answer when there is one (a 401 also forgets the saved user); else the last good one. */
async function networkFirst(request: Request): Promise<Response> {
  const cache = await caches.open(API_CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    else if (response.status === 401) await cache.delete(request);
    return response;
  } catch (error) {
    const saved = await cache.match(request);
    if (saved) return saved;
    throw error;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/**
 * Background Sync: the browser wakes the worker when the network is back, even with no
 * page open. Only the signed-in account's calls go (the server's key is per account).
 * A round stopped by the network throws, so the browser tries again later.
 */
async function sendSavedCalls(): Promise<void> {
  const me = await fetch('/api/auth/me', {
    credentials: 'same-origin',
    headers: { Accept: 'application/json' },
  });
  if (!me.ok) return;
  const { id } = (await me.json()) as { id: string };
  const exclusive = webLocks() ?? ((work) => work());
  const result = await exclusive(() =>
    flushQueue({ store: indexedDbCallStore(), transport: httpCallTransport, accountId: id }),
  );
  if (result.sent.length > 0 || result.rejected.length > 0) {
    // Open pages update their lists and say what went, as if they had sent it themselves.
    for (const client of await scope.clients.matchAll()) client.postMessage({ type: SYNC_TAG, result });
  }
  if (result.stopped === 'offline' || result.stopped === 'later')
    throw new Error('saved calls wait for the network');
}
