import { zhCNCore } from './zh-CN.core.ts';
import type { Messages } from './zh-CN.ts';

/**
 * The modules (under src/web) that render with the core of the Chinese dictionary alone:
 * the entry, the sign-in and password pages, the frame with its menus and bell, the
 * workbench, the call page and the error pages — what a grid worker on a phone loads
 * first. Every other page is loaded through `withChineseRest` (App.tsx);
 * test/web/dictionary-split.test.ts holds both sides to this list.
 */
export const CORE_MODULES = [
  'main.tsx',
  'app/AppShell.tsx',
  'app/ShellMenus.tsx',
  'app/ForbiddenPage.tsx',
  'components/BarePage.tsx',
  'components/SignOutButton.tsx',
  'components/NotificationPanel.tsx',
  'features/auth/LoginPage.tsx',
  'features/auth/PasswordPage.tsx',
  'features/home/HomePage.tsx',
  'features/cases/CallPage.tsx',
  'features/errors/NotFoundPage.tsx',
] as const;

/** The Chinese texts loaded so far: the core at once; the rest joins this object when it arrives. */
export const zhMessages: Partial<Messages> = { ...zhCNCore };

let rest: Promise<void> | undefined;

/** Loads the rest of the Chinese dictionary once (a failed download is tried again next time). */
export function loadChineseRest(): Promise<void> {
  rest ??= import('./zh-CN.rest.ts').then(
    (loaded) => {
      Object.assign(zhMessages, loaded.zhCNRest);
    },
    (error: unknown) => {
      rest = undefined;
      throw error;
    },
  );
  return rest;
}

/** A page module that renders only once the rest of the dictionary is there. */
export function withChineseRest<T>(page: Promise<T>): Promise<T> {
  return Promise.all([page, loadChineseRest()]).then(([loaded]) => loaded);
}
