import { describe, expect, it } from 'vitest';
import { changesSession, staleCaches, strategyFor } from './sw-routes.ts';

const ORIGIN = 'https://luoshi.example.gov.cn';
const get = (path: string, mode = 'cors') => ({ method: 'GET', url: `${ORIGIN}${path}`, mode });

describe('service worker routes', () => {
  it('C1: the call page opens offline: pages fall back to the shell, build files come from the cache', () => {
    expect(strategyFor(get('/cases/new', 'navigate'), ORIGIN)).toBe('page');
    expect(strategyFor(get('/', 'navigate'), ORIGIN)).toBe('page');
    expect(strategyFor(get('/assets/CallPage-DOGG8yrs.js'), ORIGIN)).toBe('static');
    expect(strategyFor(get('/icons/icon-192.png'), ORIGIN)).toBe('static');
    expect(strategyFor(get('/manifest.webmanifest'), ORIGIN)).toBe('static');
  });

  it('C1: only who is signed in and the categories are kept from the API; nothing else is served stale', () => {
    expect(strategyFor(get('/api/auth/me'), ORIGIN)).toBe('api-fallback');
    expect(strategyFor(get('/api/categories'), ORIGIN)).toBe('api-fallback');
    expect(strategyFor(get('/api/categories?all=true'), ORIGIN)).toBe('network');
    expect(strategyFor(get('/api/cases'), ORIGIN)).toBe('network');
    expect(strategyFor(get('/api/notifications/stream'), ORIGIN)).toBe('network');
    // A page URL under /api (the API reference) is never the app shell.
    expect(strategyFor(get('/api/docs', 'navigate'), ORIGIN)).toBe('network');
    expect(strategyFor({ method: 'POST', url: `${ORIGIN}/api/cases`, mode: 'cors' }, ORIGIN)).toBe('network');
    expect(strategyFor(get('/sw.js'), ORIGIN)).toBe('network');
    expect(strategyFor({ method: 'GET', url: 'https://cdn.example.com/x.js', mode: 'cors' }, ORIGIN)).toBe(
      'network',
    );
  });

  it('drops the saved session on sign-in and sign-out, and old builds on activation', () => {
    expect(changesSession({ method: 'POST', url: `${ORIGIN}/api/auth/logout` }, ORIGIN)).toBe(true);
    expect(changesSession({ method: 'POST', url: `${ORIGIN}/api/auth/login` }, ORIGIN)).toBe(true);
    expect(changesSession({ method: 'POST', url: `${ORIGIN}/api/auth/logout-all` }, ORIGIN)).toBe(true);
    expect(changesSession({ method: 'GET', url: `${ORIGIN}/api/auth/me` }, ORIGIN)).toBe(false);
    expect(changesSession({ method: 'POST', url: `${ORIGIN}/api/cases` }, ORIGIN)).toBe(false);
    expect(staleCaches(['luoshi-shell-aaa', 'luoshi-shell-bbb', 'luoshi-api', 'other'], 'bbb')).toEqual([
      'luoshi-shell-aaa',
    ]);
  });
});
