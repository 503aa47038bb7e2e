import { BellOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../i18n/i18n.tsx';
import { requestJson, requestVoid } from '../lib/api.ts';
import { addNotification, badgeText, type NotificationItem, notificationLink } from './notification-model.ts';

const NotificationPanel = lazy(() =>
  import('./NotificationPanel.tsx').then((m) => ({ default: m.NotificationPanel })),
);

interface Page {
  items: NotificationItem[];
  unreadCount: number;
}

/**
 * The bell in the header: the unread count, live from the server-sent event stream
 * (`unread` and `notification` events; the browser reconnects by itself with
 * Last-Event-ID), and the newest notifications in a popover, each opening its subject
 * and marked read when opened. The popover's code loads at the first click, so the
 * phone's first page does not carry it.
 */
export function NotificationBell({ compact }: { compact: boolean }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [items, setItems] = useState<NotificationItem[]>([]);
  const [unread, setUnread] = useState(0);
  const [open, setOpen] = useState(false);
  const [wanted, setWanted] = useState(false);

  const load = useCallback(async () => {
    try {
      const page = await requestJson<Page>('GET', '/api/notifications?limit=20');
      setItems(page.items);
      setUnread(page.unreadCount);
    } catch {
      // The bell is a convenience: a failed read leaves it as it was (the pages show errors).
    }
  }, []);

  useEffect(() => {
    void load();
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/notifications/stream');
    source.addEventListener('unread', (event) => {
      const count = Number(
        (JSON.parse((event as MessageEvent<string>).data) as { unreadCount: unknown }).unreadCount,
      );
      if (Number.isFinite(count)) setUnread(count);
    });
    source.addEventListener('notification', (event) => {
      const item = JSON.parse((event as MessageEvent<string>).data) as NotificationItem;
      setItems((list) => addNotification(list, item));
    });
    return () => source.close();
  }, [load]);

  const openItem = async (item: NotificationItem) => {
    setOpen(false);
    if (!item.read) {
      setItems((list) => list.map((n) => (n.id === item.id ? { ...n, read: true } : n)));
      setUnread((n) => Math.max(0, n - 1));
      await requestVoid('POST', `/api/notifications/${encodeURIComponent(item.id)}/read`).catch(
        () => undefined,
      );
    }
    const link = notificationLink(item);
    if (link) navigate(link);
  };

  const readAll = async () => {
    await requestJson('POST', '/api/notifications/read-all', { body: {} }).catch(() => undefined);
    setItems((list) => list.map((n) => ({ ...n, read: true })));
    setUnread(0);
  };

  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (next) void load();
  };

  const button = (
    <Button
      type="text"
      aria-label={t('bell.label', { n: unread })}
      data-testid="notification-bell"
      onClick={
        wanted
          ? undefined
          : () => {
              setWanted(true);
              onOpenChange(true);
            }
      }
      style={{ position: 'relative' }}
    >
      <BellOutlined aria-hidden style={{ fontSize: 18 }} />
      {unread > 0 && (
        <span
          aria-hidden
          style={{
            position: 'absolute',
            top: 2,
            right: 0,
            minWidth: 16,
            height: 16,
            padding: '0 4px',
            borderRadius: 8,
            background: '#ff4d4f',
            color: '#fff',
            fontSize: 11,
            lineHeight: '16px',
            textAlign: 'center',
          }}
        >
          {badgeText(unread)}
        </span>
      )}
    </Button>
  );

  if (!wanted) return button;
  return (
    <Suspense fallback={button}>
      <NotificationPanel
        items={items}
        unread={unread}
        open={open}
        compact={compact}
        onOpenChange={onOpenChange}
        onOpenItem={(item) => void openItem(item)}
        onReadAll={() => void readAll()}
      >
        {button}
      </NotificationPanel>
    </Suspense>
  );
}
