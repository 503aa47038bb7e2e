import type { Translate } from '../../i18n/translate.ts';
import { deadlineLabel } from '../cases/clocks.ts';

/**
 * A deadline rule in words, including the calendar forms the consultation and the ledger
 * use: `M+0@18` → 当月18日, `M+1@15` → 次月15日, `M+0@L` → 当月最后一个工作日, `M+2@15@12:00` →
 * 2个月后的15日 12:00, `Q@25` → 本季度末月25日; the rest as the case clocks say them
 * (2h, 3wd…), and an unknown form as it is.
 */
export function dutyDeadlineLabel(t: Translate, deadline: string): string {
  const text = deadline.trim();
  const month = /^M\+(\d+)@(L|\d{1,2})(?:@(\d{1,2}:\d{2}))?$/.exec(text);
  const quarter = /^Q@(L|\d{1,2})(?:@(\d{1,2}:\d{2}))?$/.exec(text);
  if (month) {
    const offset = Number(month[1]);
    const when =
      offset === 0
        ? t('dutyRule.thisMonth')
        : offset === 1
          ? t('dutyRule.nextMonth')
          : t('dutyRule.monthsLater', { n: offset });
    return withTime(t, t('dutyRule.day', { when, day: dayText(t, month[2] ?? '') }), month[3]);
  }
  if (quarter) {
    return withTime(
      t,
      t('dutyRule.day', { when: t('dutyRule.quarterEnd'), day: dayText(t, quarter[1] ?? '') }),
      quarter[2],
    );
  }
  return deadlineLabel(t, text);
}

function dayText(t: Translate, day: string): string {
  return day === 'L' ? t('dutyRule.lastWorkday') : t('dutyRule.dayOfMonth', { n: Number(day) });
}

function withTime(t: Translate, text: string, time: string | undefined): string {
  return time ? t('deadline.at', { text, time }) : t('dutyRule.officeClose', { text });
}
