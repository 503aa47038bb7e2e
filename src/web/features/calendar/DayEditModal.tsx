import { Button, Checkbox, Form, Input, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { bannerError, serverFieldProps } from '../../components/form-errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type ApiError, api, asApiError } from '../../lib/api.ts';
import type { CalendarChangeResult, CalendarDay } from '../../lib/api-types.ts';
import {
  type DayFormValues,
  dayChangeOf,
  dayFormValues,
  dayKind,
  defaultDayValues,
  isAdjusted,
  isDefaultWorkday,
} from './calendar-model.ts';
import { dateLabel, KIND_LABELS } from './day-labels.ts';

const FIELDS = ['workday', 'holiday', 'makeup', 'reason'] as const;

/** The form for one day (calendar.manage); open while `day` is set. */
export function DayEditModal({
  day,
  onClose,
  onSaved,
}: {
  day: CalendarDay | null;
  onClose(): void;
  onSaved(result: CalendarChangeResult): void;
}) {
  const { locale, t } = useI18n();
  const [form] = Form.useForm<DayFormValues>();
  const workday = Form.useWatch('workday', form);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const onFinish = async (values: DayFormValues) => {
    if (!day || submitting) return;
    setSubmitting(true);
    setError(null);
    try {
      const result = await api.setCalendarDays(dayChangeOf(day.date, values));
      onSaved(result);
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setSubmitting(false);
    }
  };

  const title = day ? t('calendar.editTitle', { date: dateLabel(t, day.date, day.weekday) }) : '';

  return (
    <Modal
      open={day !== null}
      title={title}
      onCancel={onClose}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', loading: submitting }}
      destroyOnHidden
      styles={{ header: { marginBottom: 16 } }}
      afterClose={() => setError(null)}
      modalRender={(dom) => (
        <Form<DayFormValues>
          key={day?.date}
          form={form}
          layout="vertical"
          requiredMark={false}
          clearOnDestroy
          initialValues={day ? { ...dayFormValues(day), reason: '' } : undefined}
          onFinish={onFinish}
          onValuesChange={(changed: Partial<DayFormValues>) => {
            // A rest day cannot be a make-up workday: clear the flag rather than refuse later.
            if (changed.workday === false) form.setFieldValue('makeup', false);
            if (error) setError(null);
          }}
        >
          {dom}
        </Form>
      )}
    >
      {day && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
          {t('calendar.currentState', {
            kind: t(KIND_LABELS[dayKind(day)]),
            holiday: day.holiday ? ` · ${day.holiday}` : '',
          })}
          <br />
          {isDefaultWorkday(day.weekday) ? t('calendar.defaultWorkday') : t('calendar.defaultRest')}
          {isAdjusted(day) && (
            <>
              {' '}
              <Button
                type="link"
                size="small"
                style={{ padding: 0, height: 'auto' }}
                onClick={() => {
                  form.setFieldsValue(defaultDayValues(day));
                  if (error) setError(null);
                }}
              >
                {t('calendar.restoreDefault')}
              </Button>
            </>
          )}
        </Typography.Paragraph>
      )}
      <ApiErrorAlert error={bannerError(error, FIELDS)} />
      <Form.Item name="workday" label={t('calendar.dayType')} {...serverFieldProps(error, 'workday', locale)}>
        <Radio.Group
          options={[
            { value: true, label: t('calendar.kind.workday') },
            { value: false, label: t('calendar.kind.rest') },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="holiday"
        label={t('calendar.holidayName')}
        extra={t('calendar.holidayNameHint')}
        {...serverFieldProps(error, 'holiday', locale)}
      >
        <Input maxLength={50} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="makeup"
        valuePropName="checked"
        dependencies={['workday']}
        rules={[
          {
            validator: (_rule, value: boolean | undefined) =>
              value && form.getFieldValue('workday') === false
                ? Promise.reject(new Error(t('calendar.makeupNeedsWorkday')))
                : Promise.resolve(),
          },
        ]}
        extra={workday === false ? t('calendar.makeupNeedsWorkday') : undefined}
        {...serverFieldProps(error, 'makeup', locale)}
      >
        <Checkbox disabled={workday === false}>{t('calendar.makeupFlag')}</Checkbox>
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('calendar.reason')}
        rules={[{ required: true, whitespace: true, message: t('calendar.reasonRequired') }]}
        {...serverFieldProps(error, 'reason', locale)}
      >
        <Input.TextArea rows={2} maxLength={200} autoFocus />
      </Form.Item>
    </Modal>
  );
}
