import type { Locale, Translate } from '../../i18n/translate.ts';
import { isMessageKey } from '../../i18n/translate.ts';
import { CASE_STATES, type CaseStateType, isCaseState } from './case-flow.ts';
import type { Category } from './case-types.ts';

/** A label from the dictionary when it has one, else the code as it is (a newer server's state, say). */
function labelOr(t: Translate, key: string, fallback: string): string {
  return isMessageKey(key) ? t(key) : fallback;
}

/** 待网格长审核, 待签收, 已办结…; an unknown state shows its code. */
export function stateLabel(t: Translate, state: string): string {
  return labelOr(t, `caseState.${state}`, state);
}

/** The colour of a state's tag follows its type, so a new state of a known type looks right. */
const TYPE_COLOURS: Record<CaseStateType, string> = {
  gating: 'gold',
  open: 'blue',
  paused: 'orange',
  closed: 'green',
};

/** Closed without a handling (refused, merged) is grey, not green. */
const STATE_COLOURS: Partial<Record<string, string>> = {
  refused: 'default',
  merged: 'default',
  returned: 'volcano',
  finished: 'cyan',
};

export function stateColour(state: string, stateType?: string): string {
  const fixed = STATE_COLOURS[state];
  if (fixed) return fixed;
  const type = isCaseState(state) ? CASE_STATES[state] : stateType;
  return type && type in TYPE_COLOURS ? TYPE_COLOURS[type as CaseStateType] : 'default';
}

/** The button of an action: 审核通过, 签收, 到场… */
export function actionLabel(t: Translate, action: string): string {
  return labelOr(t, `caseAction.${action}`, action);
}

/** A timeline entry's kind (`case.sign`, `case.raised`) as a sentence head: 已签收, 发起呼叫… */
export function timelineLabel(t: Translate, kind: string): string {
  const action = kind.startsWith('case.') ? kind.slice(5) : kind;
  return labelOr(t, `caseEvent.${action}`, kind);
}

/** A cooperating task's state: 待签收, 办理中, 已完成, 已取消. */
export function taskStateLabel(t: Translate, state: string): string {
  return labelOr(t, `taskState.${state}`, state);
}

/** A C14 record's kind: 联合会商, 转交调解. */
export function recordKindLabel(t: Translate, kind: string): string {
  return labelOr(t, `caseRecord.${kind}`, kind);
}

export function channelLabel(t: Translate, channel: string): string {
  return labelOr(t, `caseChannel.${channel}`, channel);
}

export function slaLabel(t: Translate, sla: string | null): string {
  return sla ? labelOr(t, `caseSla.${sla}`, sla) : t('case.slaNone');
}

/** A category's name in the reader's language. */
export function categoryName(category: Category, locale: Locale): string {
  return locale === 'en' ? category.nameEn : category.nameZh;
}

/** 安全隐患 › 房屋安全 for a leaf; the code itself when the catalogue does not list it. */
export function categoryPath(
  code: string,
  byCode: ReadonlyMap<string, Category> | undefined,
  locale: Locale,
): string {
  const leaf = byCode?.get(code);
  if (!leaf) return code;
  const parent = leaf.parentCode ? byCode?.get(leaf.parentCode) : undefined;
  return parent
    ? `${categoryName(parent, locale)} › ${categoryName(leaf, locale)}`
    : categoryName(leaf, locale);
}

/** The leaf's own name (lists have little room); the code when unknown. */
export function categoryLeafName(
  code: string,
  byCode: ReadonlyMap<string, Category> | undefined,
  locale: Locale,
): string {
  const leaf = byCode?.get(code);
  return leaf ? categoryName(leaf, locale) : code;
}

/** Round 2 is 二次办理; later rounds say their number. Round 1 needs no mark. */
export function roundLabel(t: Translate, rounds: number): string | null {
  if (rounds <= 1) return null;
  return rounds === 2 ? t('case.secondRound') : t('case.nthRound', { n: rounds });
}
