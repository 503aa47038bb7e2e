import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en.ts';
import { makeTranslate } from '../../i18n/translate.ts';
import { zhCN } from '../../i18n/zh-CN.ts';
import { CASE_ACTIONS, CASE_STATE_LIST } from './case-flow.ts';
import {
  actionLabel,
  categoryLeafName,
  categoryPath,
  channelLabel,
  roundLabel,
  slaLabel,
  stateColour,
  stateLabel,
  timelineLabel,
} from './case-labels.ts';
import { CASE_CHANNELS, type Category, SLA_CLASSES } from './case-types.ts';

const zh = makeTranslate(zhCN);
const english = makeTranslate(en);

describe('labels in both languages', () => {
  it('names every state, action, event, channel and SLA class', () => {
    for (const state of CASE_STATE_LIST) {
      expect(stateLabel(zh, state)).not.toBe(state);
      expect(stateLabel(english, state)).not.toBe(state);
    }
    for (const action of Object.keys(CASE_ACTIONS)) {
      expect(actionLabel(zh, action)).not.toBe(action);
      expect(timelineLabel(english, `case.${action}`)).not.toBe(`case.${action}`);
    }
    for (const channel of CASE_CHANNELS) expect(channelLabel(zh, channel)).not.toBe(channel);
    for (const sla of SLA_CLASSES) expect(slaLabel(english, sla)).not.toBe(sla);
    expect(stateLabel(zh, 'finished')).toBe('已办结待核查');
    expect(timelineLabel(zh, 'case.raised')).toBe('发起呼叫');
    expect(slaLabel(zh, null)).toBe('未定');
  });

  it('shows a code it does not know as it is', () => {
    expect(stateLabel(zh, 'on_the_moon')).toBe('on_the_moon');
    expect(actionLabel(english, 'teleport')).toBe('teleport');
    expect(timelineLabel(zh, 'obligation.breached')).toBe('obligation.breached');
  });

  it('colours states by type; refused and merged are grey', () => {
    expect(stateColour('awaiting_grid_head')).toBe('gold');
    expect(stateColour('dispatched')).toBe('blue');
    expect(stateColour('closed')).toBe('green');
    expect(stateColour('refused')).toBe('default');
    expect(stateColour('new_state', 'paused')).toBe('orange');
    expect(stateColour('new_state')).toBe('default');
  });

  it('marks the second handling', () => {
    expect(roundLabel(zh, 1)).toBeNull();
    expect(roundLabel(zh, 2)).toBe('二次办理');
    expect(roundLabel(english, 3)).toBe('Handling no. 3');
  });
});

describe('category names', () => {
  const byCode = new Map<string, Category>([
    [
      'safety',
      {
        code: 'safety',
        parentCode: null,
        nameZh: '安全隐患',
        nameEn: 'Safety',
        slaClass: null,
        keywords: '',
        retiredAt: null,
      },
    ],
    [
      'safety.housing',
      {
        code: 'safety.housing',
        parentCode: 'safety',
        nameZh: '房屋安全',
        nameEn: 'Housing safety',
        slaClass: 'general',
        keywords: '',
        retiredAt: null,
      },
    ],
  ]);
  it('shows the branch and the leaf, or the code when unknown', () => {
    expect(categoryPath('safety.housing', byCode, 'zh-CN')).toBe('安全隐患 › 房屋安全');
    expect(categoryLeafName('safety.housing', byCode, 'en')).toBe('Housing safety');
    expect(categoryPath('x.y', byCode, 'zh-CN')).toBe('x.y');
    expect(categoryPath('x.y', undefined, 'zh-CN')).toBe('x.y');
  });
});
