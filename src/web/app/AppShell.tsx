import {
  AuditOutlined,
  CalendarOutlined,
  CloudUploadOutlined,
  DownOutlined,
  EnvironmentOutlined,
  HomeOutlined,
  IdcardOutlined,
  KeyOutlined,
  LogoutOutlined,
  MenuOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { App, Button, Drawer, Dropdown, Grid, Layout, Menu, type MenuProps, theme } from 'antd';
import { type ReactNode, Suspense, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { useT } from '../i18n/i18n.tsx';
import { useMe, useSession } from '../session/session.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { selectedNavPath, visibleNavItems } from './nav.ts';
import { PageFallback } from './PageFallback.tsx';

const ICONS: Record<string, ReactNode> = {
  '/': <HomeOutlined aria-hidden />,
  '/org': <TeamOutlined aria-hidden />,
  '/org/map': <EnvironmentOutlined aria-hidden />,
  '/org/people': <IdcardOutlined aria-hidden />,
  '/org/import': <CloudUploadOutlined aria-hidden />,
  '/admin/accounts': <UserOutlined aria-hidden />,
  '/admin/grants': <SafetyCertificateOutlined aria-hidden />,
  '/admin/calendar': <CalendarOutlined aria-hidden />,
  '/audit': <AuditOutlined aria-hidden />,
};

/** The signed-in frame: side menu (a drawer on phones), header with the user's actions, the page. */
export function AppShell({ children }: { children: ReactNode }) {
  // antd's App provides message and modal to every signed-in page (and keeps them out of the login page).
  return (
    <App>
      <ShellFrame>{children}</ShellFrame>
    </App>
  );
}

function ShellFrame({ children }: { children: ReactNode }) {
  const t = useT();
  const me = useMe();
  const { signOut } = useSession();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const screens = Grid.useBreakpoint();
  const { token } = theme.useToken();
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  // Before the first measurement useBreakpoint() is empty; assume a wide screen then.
  const narrow = screens.md === false;

  const navItems = visibleNavItems(me.actions);
  const selected = selectedNavPath(pathname, navItems);
  const menu = (
    <Menu
      mode="inline"
      selectedKeys={selected ? [selected] : []}
      items={navItems.map((item) => ({ key: item.path, icon: ICONS[item.path], label: t(item.label) }))}
      onClick={({ key }) => {
        setDrawerOpen(false);
        navigate(key);
      }}
      style={{ borderInlineEnd: 'none' }}
    />
  );

  const userMenu: MenuProps = {
    items: [
      { key: 'password', icon: <KeyOutlined aria-hidden />, label: t('header.changePassword') },
      { type: 'divider' },
      { key: 'logout', icon: <LogoutOutlined aria-hidden />, label: t('header.logout') },
      { key: 'logout-all', icon: <LogoutOutlined aria-hidden />, label: t('header.logoutAll'), danger: true },
    ],
    onClick: ({ key }) => {
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
    },
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
      {narrow && (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          title={t('app.brand')}
          size={240}
          styles={{ body: { padding: 0 } }}
        >
          <nav aria-label={t('nav.menu')}>{menu}</nav>
        </Drawer>
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
                onClick={() => setDrawerOpen(true)}
              />
              <span
                style={{ fontWeight: 600, color: token.colorPrimary, whiteSpace: 'nowrap', flexShrink: 0 }}
              >
                {t('app.brand')}
              </span>
            </>
          )}
          <span style={{ flex: 1 }} />
          <LanguageSwitch compact={narrow} onError={(text) => message.error(text)} />
          <Dropdown menu={userMenu} trigger={['click']} placement="bottomRight">
            <Button type="text" aria-label={`${t('header.userMenu')}: ${me.displayName}`}>
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
          </Dropdown>
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
