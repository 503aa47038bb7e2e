import { describe, expect, it } from 'vitest';
import { checkPassword } from './password-policy.ts';

describe('checkPassword', () => {
  it('accepts 8 characters with 3 kinds', () => {
    expect(checkPassword('Luoshi2026').ok).toBe(true);
    expect(checkPassword('luoshi@2026').ok).toBe(true);
  });

  it('rejects a short password even with all 4 kinds', () => {
    expect(checkPassword('Aa1@aa')).toEqual({ longEnough: false, classes: 4, ok: false });
  });

  it('rejects a long password with only 2 kinds', () => {
    expect(checkPassword('luoshiluoshi2026').ok).toBe(false);
  });

  it('counts Chinese characters as symbols and by character, not by UTF-16 unit', () => {
    expect(checkPassword('落实abc12').longEnough).toBe(false);
    expect(checkPassword('落实平台abc123').ok).toBe(true);
  });
});
