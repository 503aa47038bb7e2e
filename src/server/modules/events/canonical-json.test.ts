import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.ts';
import { GENESIS_HASH, hashEvent } from './event-hash.ts';

describe('canonical JSON', () => {
  it('sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 'x', null], c: true }, z: undefined })).toBe(
      '{"a":{"c":true,"d":[1,"x",null]},"b":1}',
    );
  });

  it('writes numbers and strings as ECMAScript does', () => {
    expect(canonicalJson({ n: 1.0, m: 1e21, s: '网格\n"' })).toBe('{"m":1e+21,"n":1,"s":"网格\\n\\""}');
  });

  it('refuses non-finite numbers', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
  });
});

describe('event hash', () => {
  const row = {
    id: 7n,
    stream: 'global',
    seq: 3,
    occurredAt: new Date('2026-09-18T01:00:00Z'),
    actorId: null,
    actorOrgId: null,
    subjectType: 'account',
    subjectId: 'x',
    kind: 'auth.login_failed',
    payload: { b: 2, a: 1 },
    prevHash: GENESIS_HASH,
  };

  it('does not depend on the order of payload keys (jsonb reorders them)', () => {
    expect(hashEvent(row)).toBe(hashEvent({ ...row, payload: { a: 1, b: 2 } }));
  });

  it('changes with any covered field', () => {
    const base = hashEvent(row);
    expect(hashEvent({ ...row, id: 8n })).not.toBe(base);
    expect(hashEvent({ ...row, payload: { a: 1, b: 3 } })).not.toBe(base);
    expect(hashEvent({ ...row, prevHash: 'f'.repeat(64) })).not.toBe(base);
    expect(hashEvent({ ...row, occurredAt: new Date('2026-09-18T01:00:00.001Z') })).not.toBe(base);
  });
});
