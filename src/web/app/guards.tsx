import { lazy, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { type LoginRedirectState, useSession } from '../session/session.tsx';
import { allows, safeReturnPath } from './nav.ts';
import { PageFallback } from './PageFallback.tsx';

// antd's Result carries large illustrations; keep them out of the first download.
const ForbiddenPage = lazy(() => import('./ForbiddenPage.tsx').then((m) => ({ default: m.ForbiddenPage })));

/**
 * Pages for signed-in users. While the password must be changed, every page but the
 * password page sends the user there.
 */
export function RequireAuth({
  children,
  passwordPage = false,
}: {
  children: ReactNode;
  passwordPage?: boolean;
}) {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'loading') return <PageFallback />;
  if (state.status === 'anonymous') {
    const redirect: LoginRedirectState = { from: `${location.pathname}${location.search}` };
    return <Navigate to="/login" replace state={redirect} />;
  }
  if (state.me.mustChangePassword && !passwordPage) return <Navigate to="/password" replace />;
  return children;
}

/** The login page: a signed-in user goes on to where they were headed. */
export function AnonymousOnly({ children }: { children: ReactNode }) {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'loading') return <PageFallback />;
  if (state.status === 'authenticated') {
    const from = (location.state as LoginRedirectState | null)?.from;
    return <Navigate to={state.me.mustChangePassword ? '/password' : safeReturnPath(from)} replace />;
  }
  return children;
}

/**
 * A page that needs an action (or any one of several); the server checks again, this only
 * avoids a page of errors.
 */
export function RequireAction({
  action,
  children,
}: {
  action: string | readonly string[];
  children: ReactNode;
}) {
  const { state } = useSession();
  if (state.status !== 'authenticated') return null;
  if (!allows(state.me.actions, action)) return <ForbiddenPage />;
  return children;
}
