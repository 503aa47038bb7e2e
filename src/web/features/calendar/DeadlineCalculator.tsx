import { CalculatorOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Form, Input, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { bannerError, serverFieldProps } from '../../components/form-errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type ApiError, api, asApiError } from '../../lib/api.ts';
import type { DueResult } from '../../lib/api-types.ts';
import { formatShanghai } from '../../lib/time.ts';
import { shanghaiStart, shanghaiWallClock } from './calendar-model.ts';

interface DueValues {
  start: Dayjs | null;
  rule: string;
}

const FIELDS = ['start', 'rule'] as const;

/** Now in Asia/Shanghai, as a picker value: the picker shows wall-clock time whatever the browser's zone. */
function shanghaiNow(): Dayjs {
  const c = shanghaiWallClock();
  return dayjs(new Date(c.year, c.month - 1, c.day, c.hour, c.minute));
}

/** Start time + deadline rule → due time, from the public `GET /api/calendar/due`. */
export function DeadlineCalculator() {
  const { locale, t } = useI18n();
  const [form] = Form.useForm<DueValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [result, setResult] = useState<DueResult | null>(null);

  const onFinish = async (values: DueValues) => {
    if (busy || !values.start) return;
    const picked = values.start;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const start = shanghaiStart({
        year: picked.year(),
        month: picked.month() + 1,
        day: picked.date(),
        hour: picked.hour(),
        minute: picked.minute(),
      });
      setResult(await api.due({ start, rule: values.rule.trim() }));
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={t('calendar.due.title')}>
      <Form<DueValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ start: shanghaiNow(), rule: '3wd' }}
        onFinish={onFinish}
        onValuesChange={() => {
          if (error) setError(null);
          if (result) setResult(null);
        }}
      >
        <ApiErrorAlert error={bannerError(error, FIELDS)} />
        <Form.Item
          name="start"
          label={t('calendar.due.start')}
          rules={[{ required: true, message: t('calendar.due.startRequired') }]}
          {...serverFieldProps(error, 'start', locale)}
        >
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            needConfirm={false}
            style={{ width: '100%' }}
          />
        </Form.Item>
        <Form.Item
          name="rule"
          label={t('calendar.due.rule')}
          extra={t('calendar.due.ruleHint')}
          rules={[{ required: true, whitespace: true, message: t('calendar.due.ruleRequired') }]}
          {...serverFieldProps(error, 'rule', locale)}
        >
          <Input autoComplete="off" spellCheck={false} maxLength={200} />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<CalculatorOutlined aria-hidden />} loading={busy}>
          {t('calendar.due.compute')}
        </Button>
      </Form>
      <div role="status" style={{ marginTop: result ? 12 : 0 }}>
        {result && (
          <Typography.Text>
            {t('calendar.due.result')} <Typography.Text strong>{formatShanghai(result.due)}</Typography.Text>
          </Typography.Text>
        )}
      </div>
    </Card>
  );
}
