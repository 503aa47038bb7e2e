/**
 * What the service worker does with each request. Only the app shell and two API reads
 * the call page needs offline are ever answered from the phone's cache; every other API
 * request goes to the network untouched (no stale case, no stale permission).
 */
export type Strategy =
  /** A page: the network first (a new build shows at once), the saved app shell without network. */
  | 'page'
  /** A hashed build file, icon or the manifest: the cache first (a name never changes content). */
  | 'static'
  /** GET /api/auth/me and /api/categories: the network first, the last good answer without network. */
  | 'api-fallback'
  /** Not touched: the browser sends it as if there were no service worker. */
  | 'network';

/** The API reads kept for offline use (C1): who is signed in (the app shows its menu) and the categories. */
export const OFFLINE_API_PATHS: readonly string[] = ['/api/auth/me', '/api/categories'];

/** Signing in or out changes who `/api/auth/me` is: the saved answer is dropped. */
const SESSION_CHANGES = ['/api/auth/login', '/api/auth/logout', '/api/auth/logout-all'];

export interface RequestFacts {
  method: string;
  url: string;
  /** Request.mode: 'navigate' for a page load. */
  mode: string;
}

export function strategyFor(request: RequestFacts, origin: string): Strategy {
  if (request.method !== 'GET') return 'network';
  const url = new URL(request.url);
  if (url.origin !== origin) return 'network';
  const path = url.pathname;
  if (path === '/api' || path.startsWith('/api/')) {
    return OFFLINE_API_PATHS.includes(path) && url.search === '' ? 'api-fallback' : 'network';
  }
  // The worker's own script is fetched by the browser past the worker anyway.
  if (path === '/sw.js') return 'network';
  if (request.mode === 'navigate') return 'page';
  if (path.startsWith('/assets/') || path.startsWith('/icons/') || path === '/manifest.webmanifest') {
    return 'static';
  }
  return 'network';
}

/** True for the requests after which the saved `/api/auth/me` must go (another user, or none). */
export function changesSession(request: Pick<RequestFacts, 'method' | 'url'>, origin: string): boolean {
  if (request.method !== 'POST') return false;
  const url = new URL(request.url);
  return url.origin === origin && SESSION_CHANGES.includes(url.pathname);
}

/** The shell cache's name for one build; older builds' caches are deleted on activation. */
export function shellCacheName(version: string): string {
  return `luoshi-shell-${version}`;
}

export const API_CACHE = 'luoshi-api';

/** Caches this worker owns and no longer needs once `version` is active. */
export function staleCaches(names: readonly string[], version: string): string[] {
  const current = shellCacheName(version);
  return names.filter((name) => name.startsWith('luoshi-shell-') && name !== current);
}
