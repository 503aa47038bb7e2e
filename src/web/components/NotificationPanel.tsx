import { Button, Empty, Flex, List, Popover, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { formatShanghai } from '../lib/time.ts';
import type { NotificationItem } from './notification-model.ts';

/**
 * The bell's popover: the newest notifications, each opening its subject, and "mark all
 * read". Its own chunk (antd's List and Popover): loaded at the first click on the bell.
 */
export function NotificationPanel({
  items,
  unread,
  open,
  compact,
  onOpenChange,
  onOpenItem,
  onReadAll,
  children,
}: {
  items: NotificationItem[];
  unread: number;
  open: boolean;
  compact: boolean;
  onOpenChange(open: boolean): void;
  onOpenItem(item: NotificationItem): void;
  onReadAll(): void;
  /** The bell button, the popover's trigger. */
  children: ReactNode;
}) {
  const { t, locale } = useI18n();
  const content = (
    <div style={{ width: compact ? 280 : 360, maxHeight: 420, overflowY: 'auto' }}>
      <List<NotificationItem>
        size="small"
        dataSource={items}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('bell.none')} /> }}
        renderItem={(item) => (
          <List.Item style={{ cursor: 'pointer' }} onClick={() => onOpenItem(item)}>
            <Flex vertical style={{ width: '100%' }}>
              <Typography.Text strong={!item.read}>
                {locale === 'en' ? item.titleEn : item.title}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatShanghai(item.createdAt)}
              </Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
    </div>
  );
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={onOpenChange}
      title={
        <Flex justify="space-between" align="center">
          <span>{t('bell.title')}</span>
          <Button type="link" size="small" disabled={unread === 0} onClick={onReadAll}>
            {t('bell.readAll')}
          </Button>
        </Flex>
      }
      content={content}
    >
      {children}
    </Popover>
  );
}
