import { en } from './en.ts';
import { type MessageKey, type Messages, zhCN } from './zh-CN.ts';

export type Locale = 'zh-CN' | 'en';

export type TranslateParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: TranslateParams) => string;

export const dictionaries: Record<Locale, Messages> = { 'zh-CN': zhCN, en };

export function makeTranslate(messages: Messages): Translate {
  return (key, params) => {
    const text = messages[key];
    if (!params) return text;
    // An unknown placeholder stays visible, so a typo shows up on screen instead of vanishing.
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      return value === undefined ? whole : String(value);
    });
  };
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(zhCN, key);
}

/** Role codes come from the server; a code this release does not know is shown as is. */
export function roleLabel(t: Translate, role: string): string {
  const key = `role.${role}`;
  return isMessageKey(key) ? t(key) : role;
}

/** Org unit kinds (city, township, grid, …); an unknown kind is shown as is. */
export function orgKindLabel(t: Translate, kind: string): string {
  const key = `orgKind.${kind}`;
  return isMessageKey(key) ? t(key) : kind;
}

/** The roles in the order people expect to pick them (business first, then the three admin roles). */
export { ROLES as ROLE_CODES } from '../../shared/roles.ts';

/** Picks the server's message in the reader's language. */
export function localizedMessage(locale: Locale, error: { message: string; message_en: string }): string {
  return locale === 'en' ? error.message_en || error.message : error.message || error.message_en;
}
