import { isMessageKey, type Translate } from '../../i18n/translate.ts';

function labelOr(t: Translate, key: string, fallback: string): string {
  return isMessageKey(key) ? t(key) : fallback;
}

/** 会商议定事项, 督查事项, 会议议定事项, 发文清单; an unknown kind shows as it is. */
export function ledgerKindLabel(t: Translate, kind: string): string {
  return labelOr(t, `ledgerKind.${kind}`, kind);
}

export function ledgerStateLabel(t: Translate, state: string): string {
  return labelOr(t, `ledgerState.${state}`, state);
}

/** `ledger.report_submitted` → 提交报告; an unknown event shows its kind. */
export function ledgerEventLabel(t: Translate, kind: string): string {
  return labelOr(t, `ledgerEvent.${kind.replace(/^ledger\./, '')}`, kind);
}

/** Where an item came from: a consultation item (会商议题), …; the type when unknown. */
export function ledgerSourceLabel(t: Translate, type: string): string {
  return labelOr(t, `ledgerSource.${type}`, type);
}
