import { requestJson, withQuery } from '../../lib/api.ts';
import type { CaseView } from './case-types.ts';
import {
  type CallStore,
  type CallTransport,
  type FlushResult,
  flushQueue,
  type QueuedCall,
} from './offline-queue.ts';
import { indexedDbCallStore } from './offline-store.ts';

/** How often a page retries while calls wait and the browser claims to be online. */
export const RETRY_EVERY_MS = 30_000;

/** The Web Locks name: one tab at a time sends (the key protects the server anyway). */
const LOCK_NAME = 'luoshi-offline-calls';

/** The Background Sync tag the service worker answers to. */
export const SYNC_TAG = 'luoshi-offline-calls';

export interface SenderState {
  /** The signed-in account's saved calls (waiting and refused), oldest first. */
  calls: QueuedCall[];
  /** A round is running. */
  sending: boolean;
  /** False when the phone's storage cannot be used (saved calls then cannot be kept). */
  available: boolean;
}

export interface SenderEnvironment {
  store: CallStore;
  transport: CallTransport;
  /** Runs `work` while no other tab runs it (Web Locks); just runs it where there are none. */
  exclusive?: <T>(work: () => Promise<T>) => Promise<T>;
  /** Whether the browser believes it is online (navigator.onLine). */
  online?: () => boolean;
  /** The object that fires `online` (window). */
  events?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
  setInterval?: (run: () => void, ms: number) => unknown;
  /** Where a listener's error goes (by default: the page's uncaught errors). */
  reportError?: (error: unknown) => void;
  clearInterval?: (handle: unknown) => void;
}

export interface OfflineSender {
  state(): SenderState;
  subscribe(listener: () => void): () => void;
  /** Told after every round that sent or refused something. */
  onFlushed(listener: (result: FlushResult) => void): () => void;
  /** Starts sending the account's calls: now, whenever the network returns, and every 30 s. */
  start(accountId: string): () => void;
  save(call: QueuedCall): Promise<void>;
  discard(key: string): Promise<void>;
  /** A refused call, sent again as it is (after a fix elsewhere, say). */
  retry(key: string): Promise<void>;
  /** One round now (after the running one, if any); null without an account or network. */
  flush(): Promise<FlushResult | null>;
  /** Reads the store again (the service worker sent calls). */
  refresh(): Promise<void>;
  /** Tells the listeners what another sender (the service worker) sent or saw refused. */
  announce(result: FlushResult): void;
}

/** Raises `error` as an uncaught error of the page, outside the caller's stack. */
function reportUncaught(error: unknown): void {
  queueMicrotask(() => {
    throw error;
  });
}

/**
 * The page's sender of saved calls (C1): one round at a time, only the signed-in
 * account's calls, at start, on the `online` event and every 30 s while calls wait.
 * It works without a service worker; Background Sync, where the browser has it, only
 * adds a wake-up when no page is open.
 */
export function createOfflineSender(env: SenderEnvironment): OfflineSender {
  const exclusive = env.exclusive ?? ((work) => work());
  const online = env.online ?? (() => true);
  const reportError = env.reportError ?? reportUncaught;
  let accountId: string | null = null;
  let state: SenderState = { calls: [], sending: false, available: true };
  const listeners = new Set<() => void>();
  const flushListeners = new Set<(result: FlushResult) => void>();
  let running: Promise<FlushResult | null> = Promise.resolve(null);

  const publish = (next: Partial<SenderState>) => {
    state = { ...state, ...next };
    for (const listener of listeners) listener();
  };

  const reload = async () => {
    const owner = accountId;
    if (!owner) return publish({ calls: [] });
    try {
      const all = await env.store.all();
      const calls = all
        .filter((call) => call.accountId === owner)
        .sort((a, b) => a.savedAt.localeCompare(b.savedAt) || a.key.localeCompare(b.key));
      publish({ calls, available: true });
    } catch {
      publish({ calls: [], available: false });
    }
  };

  const round = async (): Promise<FlushResult | null> => {
    const owner = accountId;
    if (!owner || !online()) return null;
    publish({ sending: true });
    try {
      const result = await exclusive(() =>
        flushQueue({ store: env.store, transport: env.transport, accountId: owner }),
      );
      announce(result);
      return result;
    } catch {
      // The store failed (storage cleared, quota): nothing was removed; try again later.
      return null;
    } finally {
      publish({ sending: false });
      await reload();
    }
  };

  const announce = (result: FlushResult) => {
    if (result.sent.length === 0 && result.rejected.length === 0) return;
    for (const listener of [...flushListeners]) {
      try {
        listener(result);
      } catch (error) {
        // One failing listener neither silences the others nor passes for a failed round.
        reportError(error);
      }
    }
  };

  const flush = () => {
    // Rounds queue up behind each other, so a call is never in two rounds at once.
    running = running.then(round, round);
    return running;
  };

  return {
    state: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onFlushed(listener) {
      flushListeners.add(listener);
      return () => flushListeners.delete(listener);
    },
    start(account) {
      accountId = account;
      void reload().then(flush);
      const onOnline = () => void flush();
      env.events?.addEventListener('online', onOnline);
      const timer = env.setInterval?.(() => {
        if (state.calls.some((call) => call.state === 'waiting')) void flush();
      }, RETRY_EVERY_MS);
      return () => {
        env.events?.removeEventListener('online', onOnline);
        if (timer !== undefined) env.clearInterval?.(timer);
        if (accountId === account) {
          accountId = null;
          publish({ calls: [] });
        }
      };
    },
    async save(call) {
      await env.store.put(call);
      await reload();
    },
    async discard(key) {
      await env.store.delete(key);
      await reload();
    },
    async retry(key) {
      const call = state.calls.find((c) => c.key === key);
      if (call) await env.store.put({ ...call, state: 'waiting' });
      await reload();
      await flush();
    },
    flush,
    refresh: reload,
    announce,
  };
}

/** The two requests over HTTP; a 401 is the sender's to handle, not a redirect to login. */
export const httpCallTransport: CallTransport = {
  uploadPhoto: async (blob, position) => {
    const typed = blob.type ? blob : new Blob([blob], { type: 'application/octet-stream' });
    const uploaded = await requestJson<{ id: string }>(
      'POST',
      withQuery('/api/files', { purpose: 'call', lat: position?.lat, lng: position?.lng }),
      { blob: typed, handle401: false },
    );
    return uploaded.id;
  },
  raise: (body, idempotencyKey) =>
    requestJson<CaseView>('POST', '/api/cases', {
      body,
      headers: { 'Idempotency-Key': idempotencyKey },
      handle401: false,
    }),
};

/** Web Locks where the browser has them (all current ones); in-page order otherwise. */
export function webLocks(): SenderEnvironment['exclusive'] {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return undefined;
  return (work) => locks.request(LOCK_NAME, work);
}

let shared: OfflineSender | null = null;

/** The app's one sender, over IndexedDB and the real API. */
export function offlineSender(): OfflineSender {
  if (!shared) {
    const env: SenderEnvironment = {
      store: indexedDbCallStore(),
      transport: httpCallTransport,
      online: () => navigator.onLine !== false,
      events: window,
      setInterval: (run, ms) => window.setInterval(run, ms),
      clearInterval: (handle) => window.clearInterval(handle as number),
    };
    const exclusive = webLocks();
    if (exclusive) env.exclusive = exclusive;
    const sender = createOfflineSender(env);
    // The service worker sent or refused calls on a Background Sync wake-up.
    navigator.serviceWorker?.addEventListener('message', (event: MessageEvent) => {
      const data = event.data as { type?: unknown; result?: FlushResult } | null;
      if (data?.type !== SYNC_TAG) return;
      void sender.refresh();
      if (data.result) sender.announce(data.result);
    });
    shared = sender;
  }
  return shared;
}

/**
 * Asks the service worker to wake up and send when the network returns, even with no
 * page open (Background Sync; Chromium only). Without it the pages send.
 */
export async function requestBackgroundSync(): Promise<void> {
  try {
    const registration = await navigator.serviceWorker?.getRegistration();
    const sync = (registration as { sync?: { register(tag: string): Promise<void> } } | undefined)?.sync;
    await sync?.register(SYNC_TAG);
  } catch {
    // Not allowed or not there: the pages send.
  }
}
