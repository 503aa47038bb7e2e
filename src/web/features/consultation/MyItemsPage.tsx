import { FileWordOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, Input, Space, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { serverFieldProps } from '../../components/form-errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type ApiError, asApiError } from '../../lib/api.ts';
import { formatShanghai } from '../../lib/time.ts';
import { useApi } from '../../lib/use-api.ts';
import { consultationApi, minutesUrl } from './consultation-api.ts';
import { itemStateLabel, sessionStateLabel } from './consultation-labels.ts';
import type { MyItem } from './consultation-types.ts';

/**
 * 会商材料 (R9, R7) for the units on an agenda: each item that involves a unit the user
 * works for, the meeting's time and place, the written material each unit owes before it
 * (sent once, then shown as sent), and the minutes once issued.
 */
export function MyItemsPage() {
  const { t } = useI18n();
  const load = useCallback(() => consultationApi.myItems(), []);
  const { data, error, loading, reload } = useApi(load);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3}>{t('myItems.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('myItems.intro')}</Typography.Paragraph>
      {error && <ApiErrorAlert error={error} />}
      {!loading && data?.items.length === 0 && <Empty description={t('myItems.none')} />}
      {data?.items.map((row) => (
        <ItemCard key={row.item.id} row={row} onSent={reload} />
      ))}
    </Space>
  );
}

function ItemCard({ row, onSent }: { row: MyItem; onSent(): void }) {
  const { t } = useI18n();
  const { item, session } = row;
  const issued = session.state === 'minutes_issued';
  return (
    <Card
      title={item.title}
      extra={
        <Tag color={issued ? 'green' : undefined}>
          {issued ? sessionStateLabel(t, session.state) : itemStateLabel(t, item.state)}
        </Tag>
      }
    >
      <Typography.Paragraph>{item.description}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        {t('myItems.meeting', {
          title: session.title,
          at: formatShanghai(session.meetingAt),
          place: session.location ?? '',
        })}
      </Typography.Paragraph>
      {row.units.map((unit) => (
        <MaterialForm
          key={unit.unitId}
          itemId={item.id}
          unit={unit}
          open={item.state === 'on_agenda'}
          onSent={onSent}
        />
      ))}
      {issued && (
        <Button icon={<FileWordOutlined aria-hidden />} href={minutesUrl(session.id)}>
          {t('myItems.minutes')}
        </Button>
      )}
    </Card>
  );
}

function MaterialForm({
  itemId,
  unit,
  open,
  onSent,
}: {
  itemId: string;
  unit: MyItem['units'][number];
  open: boolean;
  onSent(): void;
}) {
  const { t, locale } = useI18n();
  const [content, setContent] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  if (unit.submittedAt) {
    return (
      <Alert
        type="success"
        showIcon
        style={{ marginBottom: 12 }}
        message={t('myItems.sent', { unit: unit.name, at: formatShanghai(unit.submittedAt) })}
      />
    );
  }
  if (!open)
    return (
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        message={t('myItems.notSent', { unit: unit.name })}
      />
    );
  const send = async () => {
    setBusy(true);
    setError(null);
    try {
      await consultationApi.submitMaterial(itemId, { unitId: unit.unitId, content });
      onSent();
    } catch (caught) {
      setError(asApiError(caught)); // what was typed stays
    } finally {
      setBusy(false);
    }
  };
  const field = serverFieldProps(error, 'content', locale);
  const id = `material-${itemId}-${unit.unitId}`;
  return (
    <Flex vertical gap={8} style={{ marginBottom: 12 }}>
      <label htmlFor={id}>{t('myItems.materialFor', { unit: unit.name })}</label>
      <Input.TextArea
        id={id}
        rows={4}
        value={content}
        onChange={(e) => setContent(e.target.value)}
        status={field.validateStatus === 'error' ? 'error' : undefined}
      />
      {field.help && <Typography.Text type="danger">{field.help}</Typography.Text>}
      {error && !field.help && <ApiErrorAlert error={error} />}
      <Button
        type="primary"
        loading={busy}
        disabled={!content.trim()}
        onClick={send}
        style={{ alignSelf: 'flex-start' }}
      >
        {t('myItems.send')}
      </Button>
    </Flex>
  );
}
