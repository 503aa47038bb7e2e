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

/**
 * As serverFieldProps, for a group of fields: the server's error names this path or a
 * field inside it (`holidays.1.work` covers `holidays.1.work.0`).
 */
export function serverPathProps(
  error: ApiError | null,
  path: string,
  locale: Locale,
): { validateStatus?: 'error'; help?: ReactNode } {
  const field = error?.field;
  if (!error || field === undefined) return {};
  const matches = field === path || field.startsWith(`${path}.`) || field.endsWith(`.${path}`);
  if (!matches) return {};
  return {
    validateStatus: 'error',
    help: createElement('span', { role: 'alert' }, localizedMessage(locale, error)),
  };
}

/**
 * As serverFieldProps, for a field that also answers for request fields the form does not
 * show: on a unit's page the unit is fixed, so an error about `unitId` sits under the role.
 */
export function serverFieldsProps(
  error: ApiError | null,
  names: readonly string[],
  locale: Locale,
): { validateStatus?: 'error'; help?: ReactNode } {
  const name = names.find((candidate) => isFieldError(error, candidate));
  return name === undefined ? {} : serverFieldProps(error, name, locale);
}
