import {
  ApartmentOutlined,
  AuditOutlined,
  BellOutlined,
  CalendarOutlined,
  CarryOutOutlined,
  CloudUploadOutlined,
  CommentOutlined,
  EnvironmentOutlined,
  HomeOutlined,
  IdcardOutlined,
  KeyOutlined,
  LogoutOutlined,
  OrderedListOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Drawer, Dropdown, Menu, type MenuProps } from 'antd';
import { type ReactNode, useState } from 'react';
import { WaitingCallsBadge } from '../features/cases/OfflineCallsRunner.tsx';
import { useT } from '../i18n/i18n.tsx';
import type { NavItem } from './nav.ts';

const ICONS: Record<string, ReactNode> = {
  '/': <HomeOutlined aria-hidden />,
  '/cases': <CarryOutOutlined aria-hidden />,
  '/cases/new': <BellOutlined aria-hidden />,
  '/consultation': <CommentOutlined aria-hidden />,
  '/consultation/mine': <CommentOutlined aria-hidden />,
  '/ledger': <ProfileOutlined aria-hidden />,
  '/routing/rules': <ApartmentOutlined aria-hidden />,
  '/routing/categories': <OrderedListOutlined aria-hidden />,
  '/org': <TeamOutlined aria-hidden />,
  '/org/map': <EnvironmentOutlined aria-hidden />,
  '/org/people': <IdcardOutlined aria-hidden />,
  '/org/import': <CloudUploadOutlined aria-hidden />,
  '/admin/accounts': <UserOutlined aria-hidden />,
  '/admin/grants': <SafetyCertificateOutlined aria-hidden />,
  '/admin/calendar': <CalendarOutlined aria-hidden />,
  '/audit': <AuditOutlined aria-hidden />,
};

/** The side menu (the wide screen's sider, the phone's drawer): one item per page the user may open. */
export function NavMenu({
  items,
  selected,
  onNavigate,
}: {
  items: readonly NavItem[];
  selected: string | undefined;
  onNavigate(path: string): void;
}) {
  const t = useT();
  return (
    <Menu
      mode="inline"
      selectedKeys={selected ? [selected] : []}
      items={items.map((item) => ({
        key: item.path,
        icon: ICONS[item.path],
        // C1: calls saved on the phone, waiting to be sent.
        label:
          item.path === '/cases/new' ? (
            <>
              {t(item.label)}
              <WaitingCallsBadge />
            </>
          ) : (
            t(item.label)
          ),
      }))}
      onClick={({ key }) => onNavigate(key)}
      style={{ borderInlineEnd: 'none' }}
    />
  );
}

/** The phone's menu drawer. */
export function NavDrawer({
  open,
  onClose,
  title,
  children,
}: {
  open: boolean;
  onClose(): void;
  title: string;
  children: ReactNode;
}) {
  return (
    <Drawer
      placement="left"
      open={open}
      onClose={onClose}
      title={title}
      size={240}
      styles={{ body: { padding: 0 } }}
    >
      {children}
    </Drawer>
  );
}

/** The user menu: change password, sign out, sign out everywhere. Opens at once (it loads on the first click). */
export function UserMenu({ onSelect, children }: { onSelect(key: string): void; children: ReactNode }) {
  const t = useT();
  const [open, setOpen] = useState(true);
  const menu: MenuProps = {
    items: [
      { key: 'password', icon: <KeyOutlined aria-hidden />, label: t('header.changePassword') },
      { type: 'divider' },
      { key: 'logout', icon: <LogoutOutlined aria-hidden />, label: t('header.logout') },
      { key: 'logout-all', icon: <LogoutOutlined aria-hidden />, label: t('header.logoutAll'), danger: true },
    ],
    onClick: ({ key }) => {
      setOpen(false);
      onSelect(key);
    },
  };
  return (
    <Dropdown menu={menu} trigger={['click']} placement="bottomRight" open={open} onOpenChange={setOpen}>
      {children}
    </Dropdown>
  );
}
