import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config.ts';

describe('config', () => {
  it('gives documented defaults for an empty environment', () => {
    const config = parseConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.SESSION_IDLE_MINUTES).toBe(30);
    expect(config.SESSION_ABSOLUTE_HOURS).toBe(12);
    expect(config.LOGIN_MAX_FAILURES).toBe(5);
    expect(config.LOGIN_LOCK_MINUTES).toBe(30);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.DEMO_MODE).toBe(true);
  });

  it('turns demo mode off by default in production', () => {
    expect(parseConfig({ NODE_ENV: 'production' }).DEMO_MODE).toBe(false);
    expect(parseConfig({ NODE_ENV: 'production', DEMO_MODE: 'true' }).DEMO_MODE).toBe(true);
  });

  it('replays the demo history with the demo city unless told otherwise', () => {
    expect(parseConfig({}).DEMO_HISTORY).toBe(true);
    expect(parseConfig({ DEMO_HISTORY: 'false' }).DEMO_HISTORY).toBe(false);
    expect(parseConfig({ DEMO_MODE: 'false' }).DEMO_HISTORY).toBe(false);
    expect(parseConfig({ NODE_ENV: 'production', DEMO_MODE: 'true' }).DEMO_HISTORY).toBe(true);
  });

  it('names every wrong key and the value it got', () => {
    let caught: unknown;
    try {
      parseConfig({
        PORT: 'abc',
        SESSION_IDLE_MINUTES: '0',
        DATABASE_URL: 'mysql://x',
        COOKIE_SECURE: 'sometimes',
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const problems = (caught as ConfigError).problems;
    expect(problems.map((p) => p.key).sort()).toEqual([
      'COOKIE_SECURE',
      'DATABASE_URL',
      'PORT',
      'SESSION_IDLE_MINUTES',
    ]);
    expect((caught as ConfigError).message).toContain('PORT: PORT must be a whole number (got "abc")');
  });

  it('treats an empty value as unset', () => {
    expect(parseConfig({ PORT: '' }).PORT).toBe(3000);
  });

  it('reads numbers, booleans and the proxy setting', () => {
    const config = parseConfig({
      PORT: '8080',
      DEMO_MODE: 'false',
      TRUST_PROXY: '2',
      LOGIN_MAX_FAILURES: '3',
    });
    expect(config).toMatchObject({ PORT: 8080, DEMO_MODE: false, TRUST_PROXY: 2, LOGIN_MAX_FAILURES: 3 });
  });
});
