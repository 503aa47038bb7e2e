import { createElement, type ReactNode } from 'react';
import type { Locale } from '../i18n/translate.ts';
import { localizedMessage } from '../i18n/translate.ts';
import { type ApiError, isFieldError } from '../lib/api.ts';

/**
 * Props for a Form.Item that shows the server's error when it names this field. The error
 * is kept in state (not pushed into the form) so it follows a language switch; the page
 * clears it when the user edits, and nothing the user typed is touched.
 */
export function serverFieldProps(
  error: ApiError | null,
  name: string,
  locale: Locale,
): { validateStatus?: 'error'; help?: ReactNode } {
  if (!error || !isFieldError(error, name)) return {};
  // role="alert" so a screen reader announces it, as it does the banner (antd's help is silent).
  return {
    validateStatus: 'error',
    help: createElement('span', { role: 'alert' }, localizedMessage(locale, error)),
  };
}

/** The error for a banner: only when no form field shows it. */
export function bannerError(error: ApiError | null, fields: readonly string[]): ApiError | null {
  if (!error) return null;
  return fields.some((name) => isFieldError(error, name)) ? null : error;
}
