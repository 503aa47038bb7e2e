import { lazy, Suspense, useState } from 'react';
import { BrowserRouter, Outlet, Route, Routes } from 'react-router';
import { withChineseRest } from '../i18n/dictionary-split.ts';
import { I18nProvider } from '../i18n/i18n.tsx';
import { SessionProvider, useMe, useSession } from '../session/session.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { AnonymousOnly, RequireAction, RequireAuth } from './guards.tsx';
import { PageFallback } from './PageFallback.tsx';

// Every page is its own chunk, so the login page downloads only what it shows. Pages
// beyond the core (i18n/dictionary-split.ts) also wait for the rest of the Chinese texts.
const loadLoginPage = () => import('../features/auth/LoginPage.tsx');
const LoginPage = lazy(() => loadLoginPage().then((m) => ({ default: m.LoginPage })));
const PasswordPage = lazy(() =>
  import('../features/auth/PasswordPage.tsx').then((m) => ({ default: m.PasswordPage })),
);
const AppShell = lazy(() => import('./AppShell.tsx').then((m) => ({ default: m.AppShell })));
const BarePage = lazy(() => import('../components/BarePage.tsx').then((m) => ({ default: m.BarePage })));
const HomePage = lazy(() => import('../features/home/HomePage.tsx').then((m) => ({ default: m.HomePage })));
const DashboardPage = lazy(() =>
  withChineseRest(import('../features/dashboard/DashboardPage.tsx')).then((m) => ({
    default: m.DashboardPage,
  })),
);
const OrgPage = lazy(() =>
  withChineseRest(import('../features/org/OrgPage.tsx')).then((m) => ({ default: m.OrgPage })),
);
const UnitPage = lazy(() =>
  withChineseRest(import('../features/org/UnitPage.tsx')).then((m) => ({ default: m.UnitPage })),
);
const MapIndexPage = lazy(() =>
  withChineseRest(import('../features/org/map/MapIndexPage.tsx')).then((m) => ({ default: m.MapIndexPage })),
);
const GridMapPage = lazy(() =>
  withChineseRest(import('../features/org/map/GridMapPage.tsx')).then((m) => ({ default: m.GridMapPage })),
);
const PeoplePage = lazy(() =>
  withChineseRest(import('../features/org/people/PeoplePage.tsx')).then((m) => ({ default: m.PeoplePage })),
);
const PersonPage = lazy(() =>
  withChineseRest(import('../features/org/people/PersonPage.tsx')).then((m) => ({ default: m.PersonPage })),
);
const ImportPage = lazy(() =>
  withChineseRest(import('../features/org/import/ImportPage.tsx')).then((m) => ({ default: m.ImportPage })),
);
const AccountsPage = lazy(() =>
  withChineseRest(import('../features/accounts/AccountsPage.tsx')).then((m) => ({ default: m.AccountsPage })),
);
const GrantsPage = lazy(() =>
  withChineseRest(import('../features/grants/GrantsPage.tsx')).then((m) => ({ default: m.GrantsPage })),
);
const AuditPage = lazy(() =>
  withChineseRest(import('../features/audit/AuditPage.tsx')).then((m) => ({ default: m.AuditPage })),
);
const CalendarPage = lazy(() =>
  withChineseRest(import('../features/calendar/CalendarPage.tsx')).then((m) => ({ default: m.CalendarPage })),
);
const CasesPage = lazy(() =>
  withChineseRest(import('../features/cases/CasesPage.tsx')).then((m) => ({ default: m.CasesPage })),
);
const CallPage = lazy(() => import('../features/cases/CallPage.tsx').then((m) => ({ default: m.CallPage })));
const CasePage = lazy(() =>
  withChineseRest(import('../features/cases/CasePage.tsx')).then((m) => ({ default: m.CasePage })),
);
const RulesPage = lazy(() =>
  withChineseRest(import('../features/routing/RulesPage.tsx')).then((m) => ({ default: m.RulesPage })),
);
const CategoriesPage = lazy(() =>
  withChineseRest(import('../features/routing/CategoriesPage.tsx')).then((m) => ({
    default: m.CategoriesPage,
  })),
);
const ConsultationPage = lazy(() =>
  withChineseRest(import('../features/consultation/ConsultationPage.tsx')).then((m) => ({
    default: m.ConsultationPage,
  })),
);
const MyItemsPage = lazy(() =>
  withChineseRest(import('../features/consultation/MyItemsPage.tsx')).then((m) => ({
    default: m.MyItemsPage,
  })),
);
const SessionPage = lazy(() =>
  withChineseRest(import('../features/consultation/SessionPage.tsx')).then((m) => ({
    default: m.SessionPage,
  })),
);
const LedgerPage = lazy(() =>
  withChineseRest(import('../features/ledger/LedgerPage.tsx')).then((m) => ({ default: m.LedgerPage })),
);
const LedgerItemPage = lazy(() =>
  withChineseRest(import('../features/ledger/LedgerItemPage.tsx')).then((m) => ({
    default: m.LedgerItemPage,
  })),
);
const RankingsPage = lazy(() =>
  withChineseRest(import('../features/assessment/RankingsPage.tsx')).then((m) => ({
    default: m.RankingsPage,
  })),
);
const RankingPage = lazy(() =>
  withChineseRest(import('../features/assessment/RankingPage.tsx')).then((m) => ({ default: m.RankingPage })),
);
const AssessmentSettingsPage = lazy(() =>
  withChineseRest(import('../features/assessment/SettingsPage.tsx')).then((m) => ({
    default: m.SettingsPage,
  })),
);
const AlertsPage = lazy(() =>
  withChineseRest(import('../features/assessment/AlertsPage.tsx')).then((m) => ({ default: m.AlertsPage })),
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
          path="cases"
          element={
            <RequireAction action="case.read">
              <CasesPage />
            </RequireAction>
          }
        />
        <Route
          path="cases/new"
          element={
            <RequireAction action="case.raise">
              <CallPage />
            </RequireAction>
          }
        />
        <Route
          path="cases/:id"
          element={
            <RequireAction action="case.read">
              <CasePage />
            </RequireAction>
          }
        />
        <Route
          path="consultation"
          element={
            <RequireAction action="consultation.read">
              <ConsultationPage />
            </RequireAction>
          }
        />
        <Route
          path="consultation/mine"
          element={
            <RequireAction action="consultation.material">
              <MyItemsPage />
            </RequireAction>
          }
        />
        <Route
          path="consultation/sessions/:id"
          element={
            <RequireAction action="consultation.read">
              <SessionPage />
            </RequireAction>
          }
        />
        <Route
          path="ledger"
          element={
            <RequireAction action="ledger.read">
              <LedgerPage />
            </RequireAction>
          }
        />
        <Route
          path="ledger/items/:id"
          element={
            <RequireAction action="ledger.read">
              <LedgerItemPage />
            </RequireAction>
          }
        />
        <Route
          path="assessment/rankings"
          element={
            <RequireAction action="assessment.read">
              <RankingsPage />
            </RequireAction>
          }
        />
        <Route
          path="assessment/rankings/:id"
          element={
            <RequireAction action="assessment.read">
              <RankingPage />
            </RequireAction>
          }
        />
        <Route
          path="assessment/settings"
          element={
            <RequireAction action="assessment.read">
              <AssessmentSettingsPage />
            </RequireAction>
          }
        />
        <Route
          path="assessment/alerts"
          element={
            <RequireAction action="assessment.read">
              <AlertsPage />
            </RequireAction>
          }
        />
        <Route
          path="routing/rules"
          element={
            <RequireAction action="routing.read">
              <RulesPage />
            </RequireAction>
          }
        />
        <Route
          path="routing/categories"
          element={
            <RequireAction action="category.manage">
              <CategoriesPage />
            </RequireAction>
          }
        />
        <Route
          path="dashboard"
          element={
            <RequireAction action="dashboard.read">
              <DashboardPage />
            </RequireAction>
          }
        />
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
