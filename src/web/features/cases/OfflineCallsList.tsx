import { Button, Space, Typography, theme } from 'antd';
import { useFeedback } from '../../components/feedback.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { localizedMessage } from '../../i18n/translate.ts';
import { formatShanghai } from '../../lib/time.ts';
import { categoryName } from './case-labels.ts';
import type { Category } from './case-types.ts';
import type { QueuedCall } from './offline-queue.ts';
import { offlineSender } from './offline-sender.ts';
import { Panel } from './Panel.tsx';
import { useOfflineCalls, useOnline } from './use-offline-calls.ts';

const SUMMARY_CHARS = 40;

/** The situation's first words, for a list line. */
function summary(call: QueuedCall): string {
  const text = call.body.situation ?? call.values.situation?.trim() ?? '';
  return text.length > SUMMARY_CHARS ? `${text.slice(0, SUMMARY_CHARS)}…` : text;
}

/**
 * 待发送: the calls saved on this phone (C1), each with its time, category, situation and
 * photos; a waiting one goes by itself, a refused one shows why and can be opened again
 * (`onEdit`), sent again or discarded.
 */
export function OfflineCallsList({
  categories,
  editingKey,
  onEdit,
}: {
  categories: Map<string, Category> | undefined;
  editingKey: string | null;
  onEdit(call: QueuedCall): void;
}) {
  const { locale, t } = useI18n();
  const { token } = theme.useToken();
  const { modal } = useFeedback();
  const { calls, sending, available } = useOfflineCalls();
  const sender = offlineSender();
  const offline = !useOnline();

  if (!available) {
    return (
      <div role="alert" style={{ color: token.colorWarningText, marginBottom: 16 }}>
        {t('offline.unavailable')}
      </div>
    );
  }
  if (calls.length === 0) return null;

  const waiting = calls.some((call) => call.state === 'waiting');
  return (
    <Panel
      style={{ marginBottom: 16 }}
      borderColor={token.colorWarningBorder}
      titleId="offline-calls-title"
      title={`${t('offline.title')} (${calls.length})`}
      extra={
        waiting && !offline ? (
          <Button size="small" loading={sending} onClick={() => void sender.flush()}>
            {t('offline.sendNow')}
          </Button>
        ) : undefined
      }
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {offline ? t('offline.noNetwork') : t('offline.intro')}
      </Typography.Paragraph>
      <ul aria-labelledby="offline-calls-title" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {calls.map((call) => {
          const category = categories?.get(call.body.category);
          const refused = call.state === 'rejected';
          const reason =
            call.error?.code === 'IDEMPOTENCY_MISMATCH'
              ? t('call.maybeSent')
              : call.error
                ? localizedMessage(locale, call.error)
                : '';
          return (
            <li
              key={call.key}
              data-offline-state={call.state}
              style={{ padding: '8px 0', borderTop: `1px solid ${token.colorBorderSecondary}` }}
            >
              <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'baseline' }}>
                <span style={{ fontWeight: 500 }}>
                  {category ? categoryName(category, locale) : call.body.category}
                </span>
                <span style={{ color: refused ? token.colorError : token.colorWarningText, fontSize: 12 }}>
                  {refused ? t('offline.rejected') : sending ? t('offline.sending') : t('offline.waiting')}
                </span>
              </div>
              <div>{summary(call) || t('offline.noSituation')}</div>
              <div style={{ color: token.colorTextSecondary, fontSize: 12 }}>
                {t('offline.savedAt', { time: formatShanghai(call.savedAt) })}
                {call.photos.length > 0 && ` · ${t('offline.photos', { count: call.photos.length })}`}
              </div>
              {reason && (
                <div
                  role={refused ? 'alert' : undefined}
                  style={{ color: refused ? token.colorError : token.colorTextSecondary }}
                >
                  {refused ? reason : t('offline.lastError', { message: reason })}
                </div>
              )}
              {refused && (
                <Space wrap style={{ marginTop: 4 }}>
                  {call.error?.code !== 'IDEMPOTENCY_MISMATCH' && (
                    <Button size="small" disabled={editingKey === call.key} onClick={() => onEdit(call)}>
                      {t('offline.edit')}
                    </Button>
                  )}
                  <Button size="small" onClick={() => void sender.retry(call.key)}>
                    {t('offline.retry')}
                  </Button>
                  <Button
                    size="small"
                    danger
                    onClick={() =>
                      modal.confirm({
                        title: t('offline.discardTitle'),
                        content: t('offline.discardBody'),
                        okText: t('offline.discard'),
                        okButtonProps: { danger: true },
                        cancelText: t('common.cancel'),
                        onOk: () => sender.discard(call.key),
                      })
                    }
                  >
                    {t('offline.discard')}
                  </Button>
                </Space>
              )}
            </li>
          );
        })}
      </ul>
    </Panel>
  );
}
