import { isMessageKey, type Translate } from '../../i18n/translate.ts';

/** Grid types (G2); an unknown one shows as it is. */
export function gridTypeLabel(t: Translate, gridType: string | null | undefined): string {
  if (!gridType) return '';
  const key = `org.gridType.${gridType}`;
  return isMessageKey(key) ? t(key) : gridType;
}

/** Kinds of contracting (分包, G4): a leader, a mass-work team, an enforcement department. */
export function contractKindLabel(t: Translate, kind: string): string {
  const key = `org.contractKind.${kind}`;
  return isMessageKey(key) ? t(key) : kind;
}
