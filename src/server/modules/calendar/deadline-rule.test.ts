import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.ts';
import { parseDeadlineRule } from './deadline-rule.ts';

describe('deadline rule language', () => {
  it.each([
    ['2h', { kind: 'hours', hours: 2 }],
    ['1.5h', { kind: 'hours', hours: 1.5 }],
    ['2wh', { kind: 'workHours', hours: 2 }],
    ['3wd', { kind: 'workdays', days: 3, at: null }],
    ['3wd@12:00', { kind: 'workdays', days: 3, at: 720 }],
    ['20d', { kind: 'days', days: 20, at: null }],
    ['M+1@15', { kind: 'monthDay', monthsAhead: 1, day: 15, at: null }],
    ['M+0@18', { kind: 'monthDay', monthsAhead: 0, day: 18, at: null }],
    ['Q@25', { kind: 'quarterDay', day: 25, at: null }],
    [' 3wd ', { kind: 'workdays', days: 3, at: null }],
  ])('parses %s', (text, expected) => {
    expect(parseDeadlineRule(text)).toMatchObject(expected);
  });

  it.each([
    '',
    'h',
    '0h',
    '-2h',
    '2x',
    '3 wd',
    '0wd',
    '3wd@25:00',
    '3wd@12',
    '2h@12:00',
    'M+1',
    'M@15',
    'M+1@32',
    'Q@0',
    'Q',
    '3wd@12:00@13:00',
    '99999d',
  ])('refuses "%s" with BAD_RULE naming the rule field', (text) => {
    let caught: unknown;
    try {
      parseDeadlineRule(text);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect(caught).toMatchObject({ status: 400, code: 'BAD_RULE', field: 'rule' });
    expect((caught as AppError).messageZh).toContain('期限规则');
  });
});
