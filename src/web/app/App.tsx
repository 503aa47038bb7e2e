import { lazy, Suspense, useState } from 'react';
import { BrowserRouter, Outlet, Route, Routes } from 'react-router';
import { I18nProvider } from '../i18n/i18n.tsx';
import { SessionProvider, useMe, useSession } from '../session/session.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { AnonymousOnly, RequireAction, RequireAuth } from './guards.tsx';
import { PageFallback } from './PageFallback.tsx';

// Every page is its own chunk, so the login page downloads only what it shows.
const loadLoginPage = () => import('../features/auth/LoginPage.tsx');
const LoginPage = lazy(() => loadLoginPage().then((m) => ({ default: m.LoginPage })));
const PasswordPage = lazy(() =>
  import('../features/auth/PasswordPage.tsx').then((m) => ({ default: m.PasswordPage })),
);
const AppShell = lazy(() => import('./AppShell.tsx').then((m) => ({ default: m.AppShell })));
const BarePage = lazy(() => import('../components/BarePage.tsx').then((m) => ({ default: m.BarePage })));
const HomePage = lazy(() => import('../features/home/HomePage.tsx').then((m) => ({ default: m.HomePage })));
const OrgPage = lazy(() => import('../features/org/OrgPage.tsx').then((m) => ({ default: m.OrgPage })));
const UnitPage = lazy(() => import('../features/org/UnitPage.tsx').then((m) => ({ default: m.UnitPage })));
const MapIndexPage = lazy(() =>
  import('../features/org/map/MapIndexPage.tsx').then((m) => ({ default: m.MapIndexPage })),
);
const GridMapPage = lazy(() =>
  import('../features/org/map/GridMapPage.tsx').then((m) => ({ default: m.GridMapPage })),
);
const PeoplePage = lazy(() =>
  import('../features/org/people/PeoplePage.tsx').then((m) => ({ default: m.PeoplePage })),
);
const PersonPage = lazy(() =>
  import('../features/org/people/PersonPage.tsx').then((m) => ({ default: m.PersonPage })),
);
const ImportPage = lazy(() =>
  import('../features/org/import/ImportPage.tsx').then((m) => ({ default: m.ImportPage })),
);
const AccountsPage = lazy(() =>
  import('../features/accounts/AccountsPage.tsx').then((m) => ({ default: m.AccountsPage })),
);
const GrantsPage = lazy(() =>
  import('../features/grants/GrantsPage.tsx').then((m) => ({ default: m.GrantsPage })),
);
const AuditPage = lazy(() =>
  import('../features/audit/AuditPage.tsx').then((m) => ({ default: m.AuditPage })),
);
const CalendarPage = lazy(() =>
  import('../features/calendar/CalendarPage.tsx').then((m) => ({ default: m.CalendarPage })),
);
const NotFoundPage = lazy(() =>
  import('../features/errors/NotFoundPage.tsx').then((m) => ({ default: m.NotFoundPage })),
);
const SignOutButton = lazy(() =>
  import('../components/SignOutButton.tsx').then((m) => ({ default: m.SignOutButton })),
);

/** The import page holds the division and boundary imports (org.manage) and the people import (person.manage). */
const ORG_IMPORT_ACTIONS = ['org.manage', 'person.manage'] as const;

// Most first visits land on the login page: fetch its code while the session check runs.
if (window.location.pathname === '/login') void loadLoginPage();

/** The forced change shows no menu; the layout is chosen once so a successful change does not remount. */
function PasswordRoute() {
  const me = useMe();
  const [forced] = useState(me.mustChangePassword);
  if (forced) {
    return (
      <BarePage extra={<SignOutButton />}>
        <PasswordPage forced />
      </BarePage>
    );
  }
  return (
    <AppShell>
      <PasswordPage forced={false} />
    </AppShell>
  );
}

/** Inside the frame for a signed-in user, alone otherwise (nobody is sent to login for a bad link). */
function NotFoundRoute() {
  const { state } = useSession();
  if (state.status === 'loading') return <PageFallback />;
  if (state.status === 'authenticated' && !state.me.mustChangePassword) {
    return (
      <AppShell>
        <NotFoundPage />
      </AppShell>
    );
  }
  return (
    <BarePage>
      <NotFoundPage />
    </BarePage>
  );
}

function AppRoutes() {
  return (
    <Routes>
      <Route
        path="/login"
        element={
          <AnonymousOnly>
            <LoginPage />
          </AnonymousOnly>
        }
      />
      <Route
        path="/password"
        element={
          <RequireAuth passwordPage>
            <PasswordRoute />
          </RequireAuth>
        }
      />
      <Route
        element={
          <RequireAuth>
            <AppShell>
              <Outlet />
            </AppShell>
          </RequireAuth>
        }
      >
        <Route index element={<HomePage />} />
        <Route
          path="org"
          element={
            <RequireAction action="org.read">
              <OrgPage />
            </RequireAction>
          }
        />
        <Route
          path="org/units/:id"
          element={
            <RequireAction action="org.read">
              <UnitPage />
            </RequireAction>
          }
        />
        <Route
          path="org/map"
          element={
            <RequireAction action="org.read">
              <MapIndexPage />
            </RequireAction>
          }
        />
        <Route
          path="org/units/:id/map"
          element={
            <RequireAction action="org.read">
              <GridMapPage />
            </RequireAction>
          }
        />
        <Route
          path="org/people"
          element={
            <RequireAction action="person.read">
              <PeoplePage />
            </RequireAction>
          }
        />
        <Route
          path="org/people/:id"
          element={
            <RequireAction action="person.read">
              <PersonPage />
            </RequireAction>
          }
        />
        <Route
          path="org/import"
          element={
            <RequireAction action={ORG_IMPORT_ACTIONS}>
              <ImportPage />
            </RequireAction>
          }
        />
        <Route
          path="admin/accounts"
          element={
            <RequireAction action="account.read">
              <AccountsPage />
            </RequireAction>
          }
        />
        <Route
          path="admin/grants"
          element={
            <RequireAction action="role.read">
              <GrantsPage />
            </RequireAction>
          }
        />
        <Route
          path="admin/calendar"
          element={
            <RequireAction action="calendar.read">
              <CalendarPage />
            </RequireAction>
          }
        />
        <Route
          path="audit"
          element={
            <RequireAction action="audit.read">
              <AuditPage />
            </RequireAction>
          }
        />
      </Route>
      <Route path="*" element={<NotFoundRoute />} />
    </Routes>
  );
}

export function App() {
  return (
    <BrowserRouter>
      <I18nProvider>
        <SessionProvider>
          <ErrorBoundary>
            <Suspense fallback={<PageFallback />}>
              <AppRoutes />
            </Suspense>
          </ErrorBoundary>
        </SessionProvider>
      </I18nProvider>
    </BrowserRouter>
  );
}
