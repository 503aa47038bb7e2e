import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy } from './password-policy.ts';

describe('password policy', () => {
  it.each([
    ['Ab1!', 'too short'],
    ['abcdefgh', 'one class'],
    ['abcdefg1', 'two classes'],
    ['ABCDEFG!', 'two classes'],
  ])('refuses %s (%s)', (password) => {
    expect(checkPasswordPolicy(password)).not.toBeNull();
  });

  it.each(['Abcdefg1', 'abcdefg1!', 'ABCDEF1!', 'Abcdefg!', '网格长Ab1cd'])(
    'accepts %s (3 of 4 classes)',
    (password) => {
      expect(checkPasswordPolicy(password)).toBeNull();
    },
  );

  it('refuses a password containing the user name', () => {
    expect(checkPasswordPolicy('Gridhead#2026', 'gridhead')?.en).toContain('user name');
  });

  it('explains in both languages', () => {
    const reason = checkPasswordPolicy('short');
    expect(reason?.zh).toBe('密码至少 8 位');
    expect(reason?.en).toBe('The password needs at least 8 characters');
  });
});
