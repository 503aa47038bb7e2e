import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { serverFieldProps, serverPathProps } from '../../components/form-errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type ApiError, api, asApiError } from '../../lib/api.ts';
import type { CalendarArrangement, CalendarChangeResult, CalendarYear } from '../../lib/api-types.ts';
import type { HolidayEntry } from './calendar-model.ts';

const MAX_HOLIDAYS = 30;
const MAX_WORK_DAYS = 10;
const DATE = 'YYYY-MM-DD';

interface HolidayValue {
  name: string;
  off: [Dayjs, Dayjs] | null;
  work: Dayjs[] | null;
}

interface ArrangementValues {
  source: string;
  holidays: HolidayValue[];
}

function toValues(existing: CalendarYear | null, holidays: readonly HolidayEntry[]): ArrangementValues {
  return {
    source: existing?.source ?? '',
    holidays:
      holidays.length > 0
        ? holidays.map((h) => ({
            name: h.name,
            off: [dayjs(h.off[0]), dayjs(h.off[1])],
            work: h.work.map((d) => dayjs(d)),
          }))
        : [{ name: '', off: null, work: [] }],
  };
}

function toRequest(year: number, values: ArrangementValues): CalendarArrangement {
  return {
    year,
    source: values.source.trim(),
    holidays: values.holidays.map((h) => ({
      name: h.name.trim(),
      off: [h.off?.[0].format(DATE) ?? '', h.off?.[1].format(DATE) ?? ''],
      work: (h.work ?? []).map((d) => d.format(DATE)).sort(),
    })),
  };
}

/**
 * Loads or replaces a year's official holiday arrangement (calendar.manage), as the
 * State Council publishes it: each holiday's rest days and its make-up workdays.
 */
export function ArrangementModal({
  year,
  existing,
  holidays,
  open,
  onClose,
  onLoaded,
}: {
  year: number;
  /** The loaded arrangement of this year, if any: it will be replaced. */
  existing: CalendarYear | null;
  /** The holidays now on the calendar, to start from. */
  holidays: readonly HolidayEntry[];
  open: boolean;
  onClose(): void;
  onLoaded(result: CalendarChangeResult): void;
}) {
  const { locale, t } = useI18n();
  const [form] = Form.useForm<ArrangementValues>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const count = Form.useWatch('holidays', form)?.length ?? 0;

  const field = error?.field;
  const inForm = field !== undefined && (field === 'source' || field.startsWith('holidays.'));

  const onFinish = async (values: ArrangementValues) => {
    if (submitting) return;
    setSubmitting(true);
    setError(null);
    try {
      onLoaded(await api.loadArrangement(toRequest(year, values)));
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('calendar.arrangement.title', { year })}
      onCancel={onClose}
      okText={t('calendar.arrangement.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', loading: submitting }}
      destroyOnHidden
      width={640}
      styles={{ header: { marginBottom: 16 } }}
      afterClose={() => setError(null)}
      modalRender={(dom) => (
        <Form<ArrangementValues>
          key={year}
          form={form}
          layout="vertical"
          requiredMark={false}
          clearOnDestroy
          initialValues={toValues(existing, holidays)}
          onFinish={onFinish}
          onValuesChange={() => error && setError(null)}
        >
          {dom}
        </Form>
      )}
    >
      {existing && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('calendar.arrangement.replaces', { year, source: existing.source })}
        />
      )}
      <ApiErrorAlert error={inForm ? null : error} />
      <Form.Item
        name="source"
        label={t('calendar.arrangement.source')}
        extra={t('calendar.arrangement.sourceHint')}
        rules={[{ required: true, whitespace: true, message: t('calendar.arrangement.sourceRequired') }]}
        {...serverPathProps(error, 'source', locale)}
      >
        <Input maxLength={200} autoComplete="off" autoFocus />
      </Form.Item>
      <Form.List name="holidays">
        {(rows, { add, remove }) => (
          <>
            {rows.map((row, index) => {
              const n = index + 1;
              return (
                <Card
                  key={row.key}
                  role="group"
                  aria-label={t('calendar.arrangement.holiday', { n })}
                  size="small"
                  title={t('calendar.arrangement.holiday', { n })}
                  style={{ marginBottom: 12 }}
                  extra={
                    rows.length > 1 && (
                      <Button
                        type="text"
                        size="small"
                        danger
                        icon={<DeleteOutlined aria-hidden />}
                        aria-label={t('calendar.arrangement.removeHoliday', { n })}
                        onClick={() => remove(row.name)}
                      />
                    )
                  }
                >
                  <Form.Item
                    name={[row.name, 'name']}
                    label={t('calendar.arrangement.name')}
                    rules={[
                      { required: true, whitespace: true, message: t('calendar.arrangement.nameRequired') },
                    ]}
                    {...serverPathProps(error, `holidays.${index}.name`, locale)}
                  >
                    <Input maxLength={50} autoComplete="off" />
                  </Form.Item>
                  <Form.Item
                    name={[row.name, 'off']}
                    label={t('calendar.arrangement.off')}
                    rules={[
                      { required: true, message: t('calendar.arrangement.offRequired') },
                      {
                        validator: (_rule, value: [Dayjs, Dayjs] | null) =>
                          value && value[0].year() !== year
                            ? Promise.reject(new Error(t('calendar.arrangement.offYear', { year })))
                            : Promise.resolve(),
                      },
                    ]}
                    {...serverPathProps(error, `holidays.${index}.off`, locale)}
                  >
                    <DatePicker.RangePicker
                      style={{ width: '100%' }}
                      defaultPickerValue={[dayjs(`${year}-01-01`), dayjs(`${year}-01-01`)]}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[row.name, 'work']}
                    label={t('calendar.arrangement.work')}
                    extra={t('calendar.arrangement.workHint')}
                    rules={[
                      {
                        validator: (_rule, value: Dayjs[] | null) =>
                          (value?.length ?? 0) > MAX_WORK_DAYS
                            ? Promise.reject(
                                new Error(t('calendar.arrangement.workTooMany', { max: MAX_WORK_DAYS })),
                              )
                            : Promise.resolve(),
                      },
                    ]}
                    {...serverPathProps(error, `holidays.${index}.work`, locale)}
                  >
                    <DatePicker
                      multiple
                      style={{ width: '100%' }}
                      defaultPickerValue={dayjs(`${year}-01-01`)}
                    />
                  </Form.Item>
                </Card>
              );
            })}
            <Form.Item {...serverFieldProps(error, 'holidays', locale)}>
              <Button
                type="dashed"
                icon={<PlusOutlined aria-hidden />}
                disabled={count >= MAX_HOLIDAYS}
                onClick={() => add({ name: '', off: null, work: [] })}
              >
                {t('calendar.arrangement.addHoliday')}
              </Button>
            </Form.Item>
          </>
        )}
      </Form.List>
    </Modal>
  );
}
