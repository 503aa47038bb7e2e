import { describe, expect, it } from 'vitest';
import { dutyDeadline } from './case-duties.ts';

describe('default deadlines of case duties', () => {
  it('C4 and C7: 2 working hours for a gating decision and for triage', () => {
    expect([dutyDeadline('C4', null), dutyDeadline('C7', null)]).toEqual(['2wh', '2wh']);
  });

  it('C8, C9, C10, C11: sign in 2 h; arrive in 1 h (livelihood) or 2 h; finish in 3 WD or 5 WD (complex); rate in 2 WD', () => {
    expect(dutyDeadline('C8', 'general')).toBe('2h');
    expect(dutyDeadline('C9', 'livelihood')).toBe('1h');
    expect(dutyDeadline('C9', 'simple')).toBe('2h');
    expect(dutyDeadline('C10', 'general')).toBe('3wd');
    expect(dutyDeadline('C10', 'livelihood')).toBe('3wd');
    expect(dutyDeadline('C10', 'complex')).toBe('5wd');
    expect(dutyDeadline('C11', null)).toBe('2wd');
  });
});
