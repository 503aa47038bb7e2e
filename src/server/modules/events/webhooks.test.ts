import { describe, expect, it } from 'vitest';
import { KIND_PATTERN, kindMatches } from './webhook-kinds.ts';
import { nextAttemptAfterFailure, WEBHOOK_MAX_ATTEMPTS } from './webhook-retry.ts';
import { newWebhookSecret, signWebhook, verifyWebhookSignature } from './webhook-signature.ts';

describe('webhook kinds', () => {
  it('matches exact kinds and prefixes ending in .*', () => {
    const kinds = ['obligation.*', 'auth.login_failed'];
    expect(kindMatches(kinds, 'obligation.breached')).toBe(true);
    expect(kindMatches(kinds, 'obligation.warned')).toBe(true);
    expect(kindMatches(kinds, 'obligations.breached')).toBe(false);
    expect(kindMatches(kinds, 'auth.login_failed')).toBe(true);
    expect(kindMatches(kinds, 'auth.login_succeeded')).toBe(false);
  });

  it('accepts kinds and prefixes, refuses wildcards elsewhere', () => {
    for (const ok of ['obligation.breached', 'obligation.*', 'auth.login_failed', 'case_flow.*'])
      expect(KIND_PATTERN.test(ok), ok).toBe(true);
    for (const bad of ['*', 'obligation*', 'obligation.', '.x', 'Obligation.x', 'a.*.b', 'a b'])
      expect(KIND_PATTERN.test(bad), bad).toBe(false);
  });
});

describe('webhook retry schedule', () => {
  it('waits 30 s, 2 min, 10 min, 1 h, 6 h and gives up after 6 attempts', () => {
    const now = new Date('2026-09-18T01:00:00Z');
    const waits = [1, 2, 3, 4, 5].map(
      (n) => (nextAttemptAfterFailure(n, now)?.getTime() ?? 0) - now.getTime(),
    );
    expect(waits).toEqual([30_000, 120_000, 600_000, 3_600_000, 21_600_000]);
    expect(WEBHOOK_MAX_ATTEMPTS).toBe(6);
    expect(nextAttemptAfterFailure(6, now)).toBeNull();
  });
});

describe('webhook signature', () => {
  it('signs timestamp and body with the secret', () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const signature = signWebhook(secret, 1_790_000_000, '{"a":1}');
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(secret, 1_790_000_000, '{"a":1}', signature)).toBe(true);
    expect(verifyWebhookSignature(secret, 1_790_000_001, '{"a":1}', signature)).toBe(false);
    expect(verifyWebhookSignature(newWebhookSecret(), 1_790_000_000, '{"a":1}', signature)).toBe(false);
  });
});
