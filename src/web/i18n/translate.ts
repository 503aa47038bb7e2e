import { zhMessages } from './dictionary-split.ts';
import type { MessageKey, Messages } from './zh-CN.ts';

export type Locale = 'zh-CN' | 'en';

export type TranslateParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: TranslateParams) => string;

/**
 * The English dictionary, loaded only when English is chosen: Chinese is the first
 * language, and every page would otherwise carry both (≈ 20 KB gzipped).
 */
export async function loadEnglishMessages(): Promise<Messages> {
  return (await import('./en.ts')).en;
}

/**
 * Looks keys up in `messages` when called, so texts added later (the rest of the Chinese
 * dictionary) are found; a key not there is shown as is.
 */
export function makeTranslate(messages: Partial<Messages>): Translate {
  return (key, params) => {
    const text = messages[key] ?? key;
    if (!params) return text;
    // An unknown placeholder stays visible, so a typo shows up on screen instead of vanishing.
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      return value === undefined ? whole : String(value);
    });
  };
}

/** Whether `key` names a text loaded so far (codes from the server may be unknown). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(zhMessages, key);
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
