import { DownOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Grid, Layout, theme } from 'antd';
import { lazy, type ReactNode, Suspense, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { FeedbackProvider, useFeedback } from '../components/feedback.tsx';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { NotificationBell } from '../components/NotificationBell.tsx';
import { OfflineCallsRunner } from '../features/cases/OfflineCallsRunner.tsx';
import { useT } from '../i18n/i18n.tsx';
import { can, useMe, useSession } from '../session/session.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { selectedNavPath, visibleNavItems } from './nav.ts';
import { PageFallback } from './PageFallback.tsx';

// The menus load apart from the frame: a phone fetches the drawer's menu when it is opened
// and the user menu when it is clicked (issue 8: the grid worker's page ≤ 300 KB gzipped).
const NavMenu = lazy(() => import('./ShellMenus.tsx').then((m) => ({ default: m.NavMenu })));
const NavDrawer = lazy(() => import('./ShellMenus.tsx').then((m) => ({ default: m.NavDrawer })));
const UserMenu = lazy(() => import('./ShellMenus.tsx').then((m) => ({ default: m.UserMenu })));

/** md in antd's breakpoints is 768 px. */
function isNarrowScreen(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function'
    ? window.matchMedia('(max-width: 767.98px)').matches
    : false;
}

/** The signed-in frame: side menu (a drawer on phones), header with the user's actions, the page. */
export function AppShell({ children }: { children: ReactNode }) {
  // Message and confirm dialogs for every signed-in page (kept out of the login page).
  return (
    <FeedbackProvider framed>
      <ShellFrame>{children}</ShellFrame>
    </FeedbackProvider>
  );
}

function ShellFrame({ children }: { children: ReactNode }) {
  const t = useT();
  const me = useMe();
  const { signOut } = useSession();
  const { message, modal } = useFeedback();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const screens = Grid.useBreakpoint();
  const { token } = theme.useToken();
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  // The drawer's code loads when the phone's menu is first opened.
  const [drawerWanted, setDrawerWanted] = useState(false);
  const [userWanted, setUserWanted] = useState(false);
  // Before useBreakpoint() has measured, ask the browser, so a phone never renders (and
  // downloads) the wide screen's side menu.
  const narrow = screens.md === undefined ? isNarrowScreen() : screens.md === false;

  const navItems = visibleNavItems(me.actions);
  const selected = selectedNavPath(pathname, navItems);
  const menu = (
    <Suspense fallback={null}>
      <NavMenu
        items={navItems}
        selected={selected}
        onNavigate={(key) => {
          setDrawerOpen(false);
          navigate(key);
        }}
      />
    </Suspense>
  );

  const userButton = (
    <Button
      type="text"
      aria-label={`${t('header.userMenu')}: ${me.displayName}`}
      onClick={userWanted ? undefined : () => setUserWanted(true)}
    >
      <UserOutlined aria-hidden />
      <span
        style={{
          maxWidth: narrow ? 88 : 200,
          overflow: 'hidden',
          textOverflow: 'ellipsis',
          whiteSpace: 'nowrap',
        }}
      >
        {me.displayName}
      </span>
      <DownOutlined aria-hidden style={{ fontSize: 10 }} />
    </Button>
  );

  const onUserMenu = (key: string) => {
    if (key === 'password') navigate('/password');
    else if (key === 'logout') void signOut(false);
    else if (key === 'logout-all') {
      modal.confirm({
        title: t('header.logoutAllTitle'),
        content: t('header.logoutAllBody'),
        okText: t('header.logoutAll'),
        okButtonProps: { danger: true },
        cancelText: t('common.cancel'),
        onOk: () => signOut(true),
      });
    }
  };

  const brand = (
    <div
      style={{
        height: 56,
        display: 'flex',
        alignItems: 'center',
        justifyContent: collapsed && !narrow ? 'center' : 'flex-start',
        padding: '0 20px',
        fontWeight: 600,
        fontSize: 18,
        color: token.colorPrimary,
        whiteSpace: 'nowrap',
        overflow: 'hidden',
      }}
    >
      {collapsed && !narrow ? t('app.brand').slice(0, 1) : t('app.brand')}
    </div>
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {can(me, 'case.raise') && <OfflineCallsRunner accountId={me.id} />}
      {!narrow && (
        <Layout.Sider
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          breakpoint="lg"
          theme="light"
          width={216}
          style={{ borderInlineEnd: `1px solid ${token.colorBorderSecondary}` }}
        >
          <nav aria-label={t('nav.menu')}>
            {brand}
            {menu}
          </nav>
        </Layout.Sider>
      )}
      {narrow && drawerWanted && (
        <Suspense fallback={null}>
          <NavDrawer open={drawerOpen} onClose={() => setDrawerOpen(false)} title={t('app.brand')}>
            <nav aria-label={t('nav.menu')}>{menu}</nav>
          </NavDrawer>
        </Suspense>
      )}
      <Layout>
        <Layout.Header
          style={{
            display: 'flex',
            alignItems: 'center',
            gap: 8,
            height: 56,
            lineHeight: '56px',
            padding: narrow ? '0 8px' : '0 24px',
            background: token.colorBgContainer,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          {narrow && (
            <>
              <Button
                type="text"
                icon={<MenuOutlined aria-hidden />}
                aria-label={t('nav.openMenu')}
                onClick={() => {
                  setDrawerWanted(true);
                  setDrawerOpen(true);
                }}
              />
              <span
                style={{ fontWeight: 600, color: token.colorPrimary, whiteSpace: 'nowrap', flexShrink: 0 }}
              >
                {t('app.brand')}
              </span>
            </>
          )}
          <span style={{ flex: 1 }} />
          <NotificationBell compact={narrow} />
          <LanguageSwitch compact={narrow} onError={(text) => message.error(text)} />
          {userWanted ? (
            <Suspense fallback={userButton}>
              <UserMenu onSelect={onUserMenu}>{userButton}</UserMenu>
            </Suspense>
          ) : (
            userButton
          )}
        </Layout.Header>
        <Layout.Content style={{ padding: narrow ? 12 : 24 }}>
          <main>
            <ErrorBoundary key={pathname}>
              <Suspense fallback={<PageFallback />}>{children}</Suspense>
            </ErrorBoundary>
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
