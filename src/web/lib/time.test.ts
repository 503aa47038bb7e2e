import { describe, expect, it } from 'vitest';
import { formatShanghai } from './time.ts';

describe('formatShanghai', () => {
  it('shows an instant given in +08:00 as written', () => {
    expect(formatShanghai('2026-03-01T09:30:00+08:00')).toBe('2026-03-01 09:30');
  });

  it('moves a UTC instant to Shanghai, across midnight', () => {
    expect(formatShanghai('2026-12-31T16:05:59Z')).toBe('2027-01-01 00:05');
  });

  it('returns empty text for no time and the input for an unparsable one', () => {
    expect(formatShanghai(null)).toBe('');
    expect(formatShanghai('soon')).toBe('soon');
  });
});
