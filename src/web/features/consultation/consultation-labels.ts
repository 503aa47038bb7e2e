import { isMessageKey, type Translate } from '../../i18n/translate.ts';

function labelOr(t: Translate, key: string, fallback: string): string {
  return isMessageKey(key) ? t(key) : fallback;
}

/** 征集中, 议程已确定, 已召开, 纪要已印发; an unknown state shows as it is. */
export function sessionStateLabel(t: Translate, state: string): string {
  return labelOr(t, `sessionState.${state}`, state);
}

export function sessionKindLabel(t: Translate, kind: string): string {
  return labelOr(t, `sessionKind.${kind}`, kind);
}

export function itemSourceLabel(t: Translate, source: string): string {
  return labelOr(t, `itemSource.${source}`, source);
}

export function itemStateLabel(t: Translate, state: string): string {
  return labelOr(t, `itemState.${state}`, state);
}

/** Why a waiting case was not dispatched (NOT_WAITING, NOT_FOUND, …); the code when unknown. */
export function skipLabel(t: Translate, code: string): string {
  return labelOr(t, `dispatchSkip.${code}`, code);
}

export const SESSION_STATE_COLOURS: Record<string, string> = {
  collecting: 'blue',
  agenda_fixed: 'gold',
  held: 'purple',
  minutes_issued: 'green',
};

export const ITEM_STATE_COLOURS: Record<string, string> = {
  queued: 'blue',
  on_agenda: 'gold',
  decided: 'green',
  to_leaders: 'orange',
  withdrawn: 'default',
};
