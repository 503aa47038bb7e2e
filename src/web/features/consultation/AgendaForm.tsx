import { Button, Card, Checkbox, Form, Input, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { useFeedback } from '../../components/feedback.tsx';
import { bannerError, serverFieldProps, serverPathProps } from '../../components/form-errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type ApiError, asApiError } from '../../lib/api.ts';
import { formatShanghai } from '../../lib/time.ts';
import { useApi } from '../../lib/use-api.ts';
import { fromShanghaiInput } from '../cases/call-form.ts';
import { consultationApi } from './consultation-api.ts';
import { itemSourceLabel } from './consultation-labels.ts';
import { defaultMeetingTime, meetingTimeProblem } from './consultation-model.ts';
import type { Queue, Session } from './consultation-types.ts';

interface Values {
  meetingAt?: string;
  location?: string;
  itemIds?: string[];
}

const FIELDS = ['meetingAt', 'location', 'itemIds'] as const;

/**
 * R5: fix the agenda — the meeting's time (a monthly session's in the last ten days of its
 * month, R2, and ahead of now), its place, and the items from the area's queue. The
 * involved units are then told to send written material before the meeting (R9).
 */
export function AgendaForm({ session, onDone }: { session: Session; onDone(): void }) {
  const { locale, t } = useI18n();
  const { message } = useFeedback();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const load = useCallback(() => consultationApi.queue(session.areaUnitId), [session.areaUnitId]);
  const queue = useApi<Queue>(load);
  const initialValues = useMemo<Values>(
    () => ({ meetingAt: defaultMeetingTime(session.month, Date.now()), location: '', itemIds: [] }),
    [session.month],
  );

  const onFinish = async (values: Values) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await consultationApi.fixAgenda(session.id, {
        meetingAt: fromShanghaiInput(values.meetingAt) ?? values.meetingAt ?? '',
        location: values.location?.trim() ?? '',
        itemIds: values.itemIds ?? [],
      });
      message.success(t('agenda.done'));
      onDone();
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={t('agenda.title')} style={{ marginTop: 16 }}>
      <Typography.Paragraph type="secondary">{t('agenda.hint')}</Typography.Paragraph>
      <Form<Values>
        form={form}
        name="agenda"
        layout="vertical"
        requiredMark={false}
        initialValues={initialValues}
        onFinish={onFinish}
        onValuesChange={() => {
          if (error) setError(null);
        }}
        style={{ maxWidth: 720 }}
      >
        <ApiErrorAlert error={bannerError(error, FIELDS)} />
        <Form.Item
          name="meetingAt"
          label={t('agenda.meetingAt')}
          extra={
            session.month
              ? t('agenda.meetingAtMonthly', { month: session.month })
              : t('agenda.meetingAtExtra')
          }
          rules={[
            {
              validator: (_, value: string | undefined) => {
                const problem = meetingTimeProblem(value, session.month, Date.now());
                if (problem === null) return Promise.resolve();
                return Promise.reject(
                  new Error(
                    problem === 'notLateMonth'
                      ? t('agenda.notLateMonth', { month: session.month ?? '' })
                      : problem === 'past'
                        ? t('agenda.past')
                        : t('agenda.meetingAtRequired'),
                  ),
                );
              },
            },
          ]}
          {...serverFieldProps(error, 'meetingAt', locale)}
        >
          <Input type="datetime-local" />
        </Form.Item>
        <Form.Item
          name="location"
          label={t('agenda.location')}
          rules={[{ required: true, whitespace: true, message: t('agenda.locationRequired') }]}
          {...serverFieldProps(error, 'location', locale)}
        >
          <Input maxLength={200} placeholder={t('agenda.locationHint')} />
        </Form.Item>
        <Form.Item
          name="itemIds"
          label={t('agenda.items')}
          rules={[{ required: true, type: 'array', min: 1, message: t('agenda.itemsRequired') }]}
          {...serverPathProps(error, 'itemIds', locale)}
        >
          {queue.data && queue.data.items.length === 0 ? (
            <Typography.Text type="secondary">{t('agenda.noQueued')}</Typography.Text>
          ) : (
            <Checkbox.Group style={{ display: 'grid', gap: 6 }}>
              {(queue.data?.items ?? []).map((item) => (
                <Checkbox key={item.id} value={item.id}>
                  <strong>{item.title}</strong> · {itemSourceLabel(t, item.source)} ·{' '}
                  <Typography.Text type="secondary">{formatShanghai(item.createdAt)}</Typography.Text>
                </Checkbox>
              ))}
            </Checkbox.Group>
          )}
        </Form.Item>
        <ApiErrorAlert error={queue.error} onRetry={queue.reload} />
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('agenda.submit')}
        </Button>
      </Form>
    </Card>
  );
}
