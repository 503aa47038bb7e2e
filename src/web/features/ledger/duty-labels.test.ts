import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en.ts';
import { makeTranslate } from '../../i18n/translate.ts';
import { zhCN } from '../../i18n/zh-CN.ts';
import { ruleLabel } from '../cases/clocks.ts';
import { dutyDeadlineLabel } from './duty-labels.ts';

const zh = makeTranslate(zhCN);
const english = makeTranslate(en);

describe('dutyDeadlineLabel', () => {
  it('says the calendar rules of the consultation and the ledger in words', () => {
    expect(dutyDeadlineLabel(zh, 'M+0@18')).toBe('当月18日下班前');
    expect(dutyDeadlineLabel(zh, 'M+1@15')).toBe('次月15日下班前');
    expect(dutyDeadlineLabel(zh, 'M+0@L')).toBe('当月最后一个工作日下班前');
    expect(dutyDeadlineLabel(zh, 'M+2@20@12:00')).toBe('2个月后20日（12:00前）');
    expect(dutyDeadlineLabel(zh, 'Q@25')).toBe('本季度末月25日下班前');
    expect(dutyDeadlineLabel(english, 'M+1@15')).toBe('day 15 of next month, by office close');
    expect(dutyDeadlineLabel(english, 'M+0@L')).toBe('the last workday of this month, by office close');
  });

  it('leaves the hour and day rules to the case clocks and shows an unknown form as it is', () => {
    expect(dutyDeadlineLabel(zh, '5wd')).toBe('5个工作日');
    expect(dutyDeadlineLabel(zh, '160h')).toBe('160小时');
    expect(dutyDeadlineLabel(zh, 'X@1')).toBe('X@1');
  });

  it('names the consultation and ledger rules', () => {
    expect(ruleLabel(zh, 'R4')).toBe('R4 征集问题');
    expect(ruleLabel(zh, 'R8')).toBe('R8 书面报告');
    expect(ruleLabel(english, 'R2')).toBe('R2 Meeting held');
  });
});
