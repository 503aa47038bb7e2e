import { DeleteOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Form, Input, Modal, Space, TimePicker, Typography, theme } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useState } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { useFeedback } from '../../components/feedback.tsx';
import { bannerError, serverFieldProps } from '../../components/form-errors.ts';
import { useI18n, useT } from '../../i18n/i18n.tsx';
import { localizedMessage } from '../../i18n/translate.ts';
import { type ApiError, api, asApiError } from '../../lib/api.ts';
import type { NewOfficeHours, OfficeHours as OfficeHoursRow } from '../../lib/api-types.ts';
import { useApi } from '../../lib/use-api.ts';
import { DEFAULT_OFFICE_PERIODS, formatPeriods } from './calendar-model.ts';
import { VISUALLY_HIDDEN } from './YearGrid.tsx';

const MAX_PERIODS = 6;

interface PeriodValue {
  start: Dayjs | null;
  end: Dayjs | null;
}

interface OfficeHoursValues {
  name: string;
  validFrom: Dayjs | null;
  validTo: Dayjs | null;
  periods: PeriodValue[];
}

/** 'HH:MM' → a picker value today at that time. */
function atClock(text: string): Dayjs {
  const [hour = 0, minute = 0] = text.split(':').map(Number);
  return dayjs().hour(hour).minute(minute).second(0).millisecond(0);
}

function toRequest(values: OfficeHoursValues): NewOfficeHours {
  return {
    name: values.name.trim(),
    validFrom: values.validFrom?.format('YYYY-MM-DD') ?? '',
    validTo: values.validTo ? values.validTo.format('YYYY-MM-DD') : null,
    periods: values.periods.map((p) => ({
      start: p.start?.format('HH:mm') ?? '',
      end: p.end?.format('HH:mm') ?? '',
    })),
  };
}

/**
 * The office hours as a plain table: a short list needs no sorting or paging, and antd's
 * Table would more than double the JavaScript this page loads.
 */
function HoursTable({
  rows,
  loading,
  canManage,
  onDelete,
}: {
  rows: readonly OfficeHoursRow[];
  loading: boolean;
  canManage: boolean;
  onDelete(row: OfficeHoursRow): void;
}) {
  const t = useT();
  const { token } = theme.useToken();
  const cell = {
    padding: '8px',
    borderBottom: `1px solid ${token.colorBorderSecondary}`,
    textAlign: 'start' as const,
    verticalAlign: 'top' as const,
  };
  const head = { ...cell, fontWeight: 600, background: token.colorFillAlter, whiteSpace: 'nowrap' as const };
  return (
    <div style={{ overflowX: 'auto' }}>
      <table aria-busy={loading} style={{ width: '100%', borderCollapse: 'collapse', fontSize: 14 }}>
        <caption style={VISUALLY_HIDDEN}>{t('calendar.hours.title')}</caption>
        <thead>
          <tr>
            <th scope="col" style={head}>
              {t('calendar.hours.name')}
            </th>
            <th scope="col" style={head}>
              {t('calendar.hours.valid')}
            </th>
            <th scope="col" style={head}>
              {t('calendar.hours.periods')}
            </th>
            {canManage && (
              <th scope="col" style={head}>
                {t('calendar.hours.actions')}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td
                colSpan={canManage ? 4 : 3}
                style={{ ...cell, textAlign: 'center', color: token.colorTextTertiary }}
              >
                {loading ? t('app.loading') : t('calendar.hours.empty')}
              </td>
            </tr>
          )}
          {rows.map((row) => (
            <tr key={row.id}>
              <td style={cell}>{row.name}</td>
              <td style={{ ...cell, whiteSpace: 'nowrap' }}>
                {t('calendar.hours.range', {
                  from: row.validFrom,
                  to: row.validTo ?? t('calendar.hours.openEnded'),
                })}
              </td>
              <td style={cell}>
                {row.periods.map((period) => (
                  <div key={period.start} style={{ whiteSpace: 'nowrap' }}>
                    {formatPeriods([period])}
                  </div>
                ))}
              </td>
              {canManage && (
                <td style={cell}>
                  <Button
                    type="link"
                    size="small"
                    danger
                    icon={<DeleteOutlined aria-hidden />}
                    aria-label={t('calendar.hours.deleteNamed', { name: row.name })}
                    onClick={() => onDelete(row)}
                    style={{ padding: 0 }}
                  >
                    {t('common.delete')}
                  </Button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Office hours by date range: the list for everyone with calendar.read, add and delete with calendar.manage. */
export function OfficeHours({ canManage }: { canManage: boolean }) {
  const { locale, t } = useI18n();
  const { message, modal } = useFeedback();
  const load = useCallback(() => api.officeHours().then((page) => page.items), []);
  const { data, error, loading, reload } = useApi(load);
  const [adding, setAdding] = useState(false);

  const remove = (row: OfficeHoursRow) => {
    modal.confirm({
      title: t('calendar.hours.deleteTitle', { name: row.name }),
      content: t('calendar.hours.deleteBody'),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          const result = await api.removeOfficeHours(row.id);
          message.success(t('calendar.hours.deleted', { recomputed: result.recomputed }));
          reload();
        } catch (caught) {
          message.error(localizedMessage(locale, asApiError(caught)));
        }
      },
    });
  };

  return (
    <Card
      size="small"
      title={t('calendar.hours.title')}
      extra={
        canManage && (
          <Button size="small" icon={<PlusOutlined aria-hidden />} onClick={() => setAdding(true)}>
            {t('calendar.hours.add')}
          </Button>
        )
      }
    >
      <ApiErrorAlert error={error} onRetry={reload} />
      <Typography.Paragraph type="secondary">
        {t('calendar.hours.defaultNote', { periods: formatPeriods(DEFAULT_OFFICE_PERIODS, '、') })}
      </Typography.Paragraph>
      <HoursTable rows={data ?? []} loading={loading} canManage={canManage} onDelete={remove} />
      {canManage && (
        <AddOfficeHoursModal
          open={adding}
          onClose={() => setAdding(false)}
          onAdded={(recomputed) => {
            setAdding(false);
            message.success(t('calendar.hours.added', { recomputed }));
            reload();
          }}
        />
      )}
    </Card>
  );
}

function AddOfficeHoursModal({
  open,
  onClose,
  onAdded,
}: {
  open: boolean;
  onClose(): void;
  onAdded(recomputed: number): void;
}) {
  const { locale, t } = useI18n();
  const [form] = Form.useForm<OfficeHoursValues>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const periodCount = Form.useWatch('periods', form)?.length ?? DEFAULT_OFFICE_PERIODS.length;
  const fields = [
    'name',
    'validFrom',
    'validTo',
    'periods',
    ...Array.from({ length: 6 }, (_, i) => `periods.${i}`),
  ];

  const onFinish = async (values: OfficeHoursValues) => {
    if (submitting) return;
    setSubmitting(true);
    setError(null);
    try {
      const result = await api.addOfficeHours(toRequest(values));
      form.resetFields();
      onAdded(result.recomputed);
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('calendar.hours.add')}
      onCancel={onClose}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', loading: submitting }}
      destroyOnHidden
      styles={{ header: { marginBottom: 16 } }}
      afterClose={() => setError(null)}
      modalRender={(dom) => (
        <Form<OfficeHoursValues>
          form={form}
          layout="vertical"
          requiredMark={false}
          clearOnDestroy
          initialValues={{
            name: '',
            validFrom: null,
            validTo: null,
            periods: DEFAULT_OFFICE_PERIODS.map((p) => ({ start: atClock(p.start), end: atClock(p.end) })),
          }}
          onFinish={onFinish}
          onValuesChange={() => error && setError(null)}
        >
          {dom}
        </Form>
      )}
    >
      <ApiErrorAlert error={bannerError(error, fields)} />
      <Form.Item
        name="name"
        label={t('calendar.hours.name')}
        extra={t('calendar.hours.nameHint')}
        rules={[{ required: true, whitespace: true, message: t('calendar.hours.nameRequired') }]}
        {...serverFieldProps(error, 'name', locale)}
      >
        <Input maxLength={50} autoComplete="off" autoFocus />
      </Form.Item>
      <Space wrap align="start" size={16}>
        <Form.Item
          name="validFrom"
          label={t('calendar.hours.validFrom')}
          rules={[{ required: true, message: t('calendar.hours.validFromRequired') }]}
          {...serverFieldProps(error, 'validFrom', locale)}
        >
          <DatePicker />
        </Form.Item>
        <Form.Item
          name="validTo"
          label={t('calendar.hours.validTo')}
          dependencies={['validFrom']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_rule, value: Dayjs | null) => {
                const from = getFieldValue('validFrom') as Dayjs | null;
                return value && from && value.isBefore(from, 'day')
                  ? Promise.reject(new Error(t('calendar.hours.validToBeforeFrom')))
                  : Promise.resolve();
              },
            }),
          ]}
          {...serverFieldProps(error, 'validTo', locale)}
        >
          <DatePicker placeholder={t('calendar.hours.openEnded')} />
        </Form.Item>
      </Space>
      <Form.List name="periods">
        {(rows, { add, remove }) => (
          <>
            {rows.map((row, index) => {
              const label = t('calendar.hours.period', { n: index + 1 });
              return (
                <Form.Item
                  key={row.key}
                  label={label}
                  {...serverFieldProps(error, `periods.${index}`, locale)}
                >
                  <Space wrap>
                    <Form.Item
                      name={[row.name, 'start']}
                      noStyle
                      rules={[
                        { required: true, message: t('calendar.hours.periodRequired', { n: index + 1 }) },
                      ]}
                    >
                      <TimePicker
                        format="HH:mm"
                        minuteStep={5}
                        needConfirm={false}
                        aria-label={t('calendar.hours.periodStart', { n: index + 1 })}
                        placeholder={t('calendar.hours.start')}
                      />
                    </Form.Item>
                    <span aria-hidden>–</span>
                    <Form.Item
                      name={[row.name, 'end']}
                      noStyle
                      dependencies={[['periods', row.name, 'start']]}
                      rules={[
                        { required: true, message: t('calendar.hours.periodRequired', { n: index + 1 }) },
                        ({ getFieldValue }) => ({
                          validator: (_rule, value: Dayjs | null) => {
                            const start = getFieldValue(['periods', row.name, 'start']) as Dayjs | null;
                            return value && start && !value.isAfter(start, 'minute')
                              ? Promise.reject(new Error(t('calendar.hours.periodOrder', { n: index + 1 })))
                              : Promise.resolve();
                          },
                        }),
                      ]}
                    >
                      <TimePicker
                        format="HH:mm"
                        minuteStep={5}
                        needConfirm={false}
                        aria-label={t('calendar.hours.periodEnd', { n: index + 1 })}
                        placeholder={t('calendar.hours.end')}
                      />
                    </Form.Item>
                    {rows.length > 1 && (
                      <Button
                        type="text"
                        icon={<MinusCircleOutlined aria-hidden />}
                        aria-label={t('calendar.hours.removePeriod', { n: index + 1 })}
                        onClick={() => remove(row.name)}
                      />
                    )}
                  </Space>
                </Form.Item>
              );
            })}
            <Form.Item {...serverFieldProps(error, 'periods', locale)}>
              <Button
                type="dashed"
                icon={<PlusOutlined aria-hidden />}
                disabled={periodCount >= MAX_PERIODS}
                onClick={() => add({ start: null, end: null })}
              >
                {t('calendar.hours.addPeriod')}
              </Button>
            </Form.Item>
          </>
        )}
      </Form.List>
    </Modal>
  );
}
