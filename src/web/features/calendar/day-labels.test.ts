import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en.ts';
import { makeTranslate } from '../../i18n/translate.ts';
import { zhCN } from '../../i18n/zh-CN.ts';
import { dateLabel, dayDescription } from './day-labels.ts';

const zh = makeTranslate(zhCN);
const english = makeTranslate(en);

describe('day labels', () => {
  it('names a date with its Chinese day name', () => {
    expect(dateLabel(zh, '2026-10-01', 4)).toBe('2026年10月1日 星期四');
    expect(dateLabel(english, '2026-10-01', 4)).toBe('Thursday, October 1, 2026');
  });

  it('describes a day for screen readers: date, holiday, kind', () => {
    expect(
      dayDescription(zh, {
        date: '2026-10-01',
        weekday: 4,
        workday: false,
        holiday: '国庆节',
        makeup: false,
      }),
    ).toBe('2026年10月1日 星期四，国庆节，法定节假日');
    expect(
      dayDescription(zh, { date: '2026-10-10', weekday: 6, workday: true, holiday: '国庆节', makeup: true }),
    ).toBe('2026年10月10日 星期六，国庆节，调休补班');
    expect(
      dayDescription(zh, { date: '2026-11-20', weekday: 5, workday: false, holiday: null, makeup: false }),
    ).toBe('2026年11月20日 星期五，休息日，临时调整');
    expect(
      dayDescription(english, {
        date: '2026-10-11',
        weekday: 0,
        workday: false,
        holiday: null,
        makeup: false,
      }),
    ).toBe('Sunday, October 11, 2026, Rest day');
  });
});
