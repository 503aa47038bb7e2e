import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../i18n/i18n.tsx';
import type { Locale } from '../i18n/translate.ts';
import { type ApiError, api, setAuthFailureHandlers } from '../lib/api.ts';
import type { Me } from '../lib/api-types.ts';

export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous' }
  | { status: 'authenticated'; me: Me };

/** What the login page is told when the app sent the user there (shown as a notice). */
export interface LoginRedirectState {
  /** The page to return to after login. */
  from?: string;
  /** Why the session ended, when it ended by itself. */
  reason?: { code: string; message: string; message_en: string };
}

interface SessionValue {
  state: SessionState;
  /** The login page hands over the user it got; the language choice made before login is saved here. */
  signIn(me: Me): Promise<void>;
  /** Reads the user again (after a password change, say). */
  refresh(): Promise<void>;
  signOut(everywhere: boolean): Promise<void>;
  /** Switches the language; saved in the user's settings when signed in, on this device otherwise. */
  switchLocale(locale: Locale): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

function currentPath(): string {
  return `${window.location.pathname}${window.location.search}`;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const { locale, setLocale } = useI18n();
  const navigate = useNavigate();
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  // Refs so the handlers registered once with the API client see the latest values.
  const stateRef = useRef(state);
  stateRef.current = state;
  const localeRef = useRef(locale);
  localeRef.current = locale;
  const navigateRef = useRef(navigate);
  navigateRef.current = navigate;
  /** A language picked while no user could save it (before login, or before the forced password change). */
  const pendingLocale = useRef<Locale | null>(null);

  const adopt = useCallback(
    async (me: Me) => {
      const pending = pendingLocale.current;
      if (pending !== null && pending !== me.locale && !me.mustChangePassword) {
        pendingLocale.current = null;
        try {
          const saved = await api.updateSettings({ locale: pending });
          setLocale(saved.locale);
          setState({ status: 'authenticated', me: saved });
          return;
        } catch {
          // Keep the user's visible choice for this page even though it was not saved.
          setLocale(pending);
          setState({ status: 'authenticated', me });
          return;
        }
      }
      if (pending !== null && me.mustChangePassword) {
        // The server refuses settings until the password is changed; try again after that.
        setLocale(pending);
      } else {
        pendingLocale.current = null;
        setLocale(me.locale);
      }
      setState({ status: 'authenticated', me });
    },
    [setLocale],
  );

  useEffect(() => {
    setAuthFailureHandlers({
      unauthorized: (error: ApiError) => {
        setState({ status: 'anonymous' });
        // Several requests of one page can fail together; only the first moves to the login page.
        if (window.location.pathname === '/login') return;
        const redirect: LoginRedirectState = {
          from: currentPath(),
          reason: { code: error.code, message: error.message, message_en: error.message_en },
        };
        navigateRef.current('/login', { replace: true, state: redirect });
      },
      passwordChangeRequired: () => {
        const current = stateRef.current;
        if (current.status === 'authenticated' && !current.me.mustChangePassword) {
          setState({ status: 'authenticated', me: { ...current.me, mustChangePassword: true } });
        }
        navigateRef.current('/password', { replace: true });
      },
    });
    return () => setAuthFailureHandlers({});
  }, []);

  useEffect(() => {
    let active = true;
    api.me({ handle401: false }).then(
      (me) => {
        if (active) void adopt(me);
      },
      () => {
        // 401 (no session) or the server is down: either way, show the public pages.
        if (active) setState({ status: 'anonymous' });
      },
    );
    return () => {
      active = false;
    };
  }, [adopt]);

  const refresh = useCallback(async () => {
    const me = await api.me();
    await adopt(me);
  }, [adopt]);

  const signOut = useCallback(async (everywhere: boolean) => {
    try {
      await (everywhere ? api.logoutAll() : api.logout());
    } catch {
      // The session may be gone already; the user wants to be signed out either way.
    }
    navigateRef.current('/login', { replace: true });
    setState({ status: 'anonymous' });
  }, []);

  const switchLocale = useCallback(
    async (next: Locale) => {
      const current = stateRef.current;
      if (current.status !== 'authenticated' || current.me.mustChangePassword) {
        pendingLocale.current = next;
        setLocale(next);
        return;
      }
      const previous = localeRef.current;
      setLocale(next);
      try {
        const me = await api.updateSettings({ locale: next });
        setState({ status: 'authenticated', me });
      } catch (error) {
        setLocale(previous);
        throw error;
      }
    },
    [setLocale],
  );

  const value = useMemo<SessionValue>(
    () => ({ state, signIn: adopt, refresh, signOut, switchLocale }),
    [state, adopt, refresh, signOut, switchLocale],
  );
  return <SessionContext value={value}>{children}</SessionContext>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession() needs a <SessionProvider> above it');
  return value;
}

/** The signed-in user; only for pages behind <RequireAuth>. */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== 'authenticated') throw new Error('useMe() used outside <RequireAuth>');
  return state.me;
}

export function can(me: Me, action: string): boolean {
  return me.actions.includes(action);
}
