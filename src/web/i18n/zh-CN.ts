import { zhCNCore } from './zh-CN.core.ts';
import { zhCNRest } from './zh-CN.rest.ts';

/**
 * The Chinese dictionary is the source of the message keys: every other language must
 * have exactly these keys (see `en.ts`). Placeholders are written `{name}`.
 * The browser loads it in two parts (zh-CN.core.ts at once, zh-CN.rest.ts with the pages
 * that need it); this whole is for types and tests, never imported by the pages as a value.
 */
export const zhCN = { ...zhCNCore, ...zhCNRest };

export type MessageKey = keyof typeof zhCN;

/** A dictionary for one language: exactly the keys of the Chinese one. */
export type Messages = Record<MessageKey, string>;
