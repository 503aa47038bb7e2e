import { ConfigProvider } from 'antd';
import antdZhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import { useReducedMotion } from '../lib/use-reduced-motion.ts';
import 'dayjs/locale/zh-cn';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { zhMessages } from './dictionary-split.ts';
import { type Locale, loadEnglishMessages, makeTranslate, type Translate } from './translate.ts';

const STORAGE_KEY = 'luoshi.locale';

/**
 * antd puts a space between two Chinese characters on a button (登录 → 登 录); that
 * space also lands in the accessible name that screen readers and tests read.
 */
const BUTTON_CONFIG = { autoInsertSpace: false };

/** System fonts only (no web fonts on an intranet), Chinese faces named for each platform; as in index.html. */
const FONT_FAMILY =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', " +
  "'Noto Sans CJK SC', 'Noto Sans SC', 'WenQuanYi Micro Hei', 'Helvetica Neue', Arial, sans-serif";

interface I18nValue {
  locale: Locale;
  t: Translate;
  /** Changes the language on this device only; the session decides whether to save it for the user. */
  setLocale(locale: Locale): void;
}

const I18nContext = createContext<I18nValue | null>(null);

/** Chinese first: English only when this browser chose it before (storage may be blocked). */
function readStoredLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

function applyDayjsLocale(locale: Locale): void {
  dayjs.locale(locale === 'en' ? 'en' : 'zh-cn');
}

/** English and antd's English texts, loaded together when English is chosen. */
async function loadEnglish() {
  const [messages, antd] = await Promise.all([loadEnglishMessages(), import('antd/es/locale/en_US')]);
  return { messages, antd: antd.default };
}

/** English once loaded (kept for the page's life). */
let english: Awaited<ReturnType<typeof loadEnglish>> | null = null;

export function I18nProvider({ children }: { children: ReactNode }) {
  // The language chosen, and whether its texts are here: English arrives in its own chunk,
  // so until it has, the page stays in Chinese (and says so in `lang`).
  const [chosen, setChosen] = useState<Locale>(readStoredLocale);
  const [englishReady, setEnglishReady] = useState(english !== null);
  const locale: Locale = chosen === 'en' && englishReady ? 'en' : 'zh-CN';

  useEffect(() => {
    if (chosen !== 'en' || english) return;
    let current = true;
    loadEnglish().then(
      (loaded) => {
        english = loaded;
        if (current) setEnglishReady(true);
      },
      () => {
        // A failed download (an old tab after an update): stay in Chinese; a reload fixes it.
      },
    );
    return () => {
      current = false;
    };
  }, [chosen]);

  useEffect(() => {
    document.documentElement.lang = locale;
    applyDayjsLocale(locale);
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    setChosen(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private mode or a locked-down browser: the choice lasts for this page only.
    }
  }, []);

  const value = useMemo<I18nValue>(
    () => ({
      locale,
      setLocale,
      t: makeTranslate(locale === 'en' && english ? english.messages : zhMessages),
    }),
    [locale, setLocale],
  );

  const reducedMotion = useReducedMotion();
  const theme = useMemo(
    () => ({ token: { fontFamily: FONT_FAMILY, motion: !reducedMotion } }),
    [reducedMotion],
  );

  return (
    <I18nContext value={value}>
      {/* Messages and dialogs (components/feedback.tsx): the signed-in shell adds them, the login page does without. */}
      <ConfigProvider
        locale={locale === 'en' && english ? english.antd : antdZhCN}
        theme={theme}
        button={BUTTON_CONFIG}
      >
        {children}
      </ConfigProvider>
    </I18nContext>
  );
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n() needs an <I18nProvider> above it');
  return value;
}

export function useT(): Translate {
  return useI18n().t;
}

/** Sets the browser tab's title: "page · app" or the app's title alone. */
export function useDocumentTitle(page?: string): void {
  const { t } = useI18n();
  const appTitle = t('app.title');
  useEffect(() => {
    document.title = page ? `${page} · ${appTitle}` : appTitle;
  }, [page, appTitle]);
}
