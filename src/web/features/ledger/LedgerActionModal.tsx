import { Alert, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { useFeedback } from '../../components/feedback.tsx';
import { bannerError, serverFieldProps } from '../../components/form-errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type ApiError, asApiError } from '../../lib/api.ts';
import { fromShanghaiInput } from '../cases/call-form.ts';
import { ledgerApi } from './ledger-api.ts';
import { periodChoices, type ReportValues, reportBody } from './ledger-model.ts';
import type { LedgerItem, LedgerReport } from './ledger-types.ts';

export type LedgerStep =
  | { kind: 'report' }
  | { kind: 'review'; report: LedgerReport; review: 'accepted' | 'returned' }
  | { kind: 'cross_off' }
  | { kind: 'reopen' };

interface Values extends ReportValues {
  review?: 'accepted' | 'returned';
  note?: string;
  reason?: string;
  dueAt?: string;
}

const FIELDS = [
  'period',
  'done',
  'progress',
  'explanation',
  'unitId',
  'review',
  'note',
  'reason',
  'dueAt',
] as const;

/**
 * The form of one ledger step: a written report (R8: period, done, progress, and an
 * explanation when not done), the owner's review (accept, or return with a note), crossing
 * off (销号) with a reason, or reopening with a reason and a new due time. A refusal shows
 * under the field it names or above the form; nothing typed is lost. A 409 (the item moved
 * meanwhile) reloads the page behind the form.
 */
export function LedgerActionModal({
  step,
  item,
  onClose,
  onDone,
  onStale,
}: {
  step: LedgerStep;
  item: LedgerItem;
  onClose(): void;
  onDone(): void;
  onStale(): void;
}) {
  const { locale, t } = useI18n();
  const { message } = useFeedback();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const periods = useMemo(() => periodChoices(item.createdAt, Date.now()), [item.createdAt]);
  const done = Form.useWatch('done', form);
  const review = Form.useWatch('review', form);
  const title = t(`ledgerStep.${step.kind}`);
  const initialValues = useMemo<Values>(
    () =>
      step.kind === 'report'
        ? { period: periods[0], done: false }
        : step.kind === 'review'
          ? { review: step.review }
          : {},
    [step, periods],
  );

  const onFinish = async (values: Values) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      if (step.kind === 'report') await ledgerApi.report(item.id, reportBody(values));
      else if (step.kind === 'review')
        await ledgerApi.review(item.id, step.report.id, {
          review: values.review ?? step.review,
          note: values.note?.trim() || undefined,
        });
      else if (step.kind === 'cross_off')
        await ledgerApi.crossOff(item.id, { reason: values.reason?.trim() ?? '' });
      else
        await ledgerApi.reopen(item.id, {
          reason: values.reason?.trim() ?? '',
          dueAt: fromShanghaiInput(values.dueAt) ?? undefined,
        });
      message.success(t('ledgerStep.done', { step: title }));
      onDone();
    } catch (caught) {
      const failure = asApiError(caught);
      setError(failure);
      if (failure.status === 409) onStale();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('ledgerStep.title', { step: title, item: item.title })}
      onCancel={onClose}
      okText={title}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', loading: busy, danger: step.kind === 'cross_off' }}
      destroyOnHidden
      modalRender={(dom) => (
        <Form<Values>
          form={form}
          name="ledgerStep"
          layout="vertical"
          requiredMark={false}
          initialValues={initialValues}
          onFinish={onFinish}
          onValuesChange={() => {
            if (error) setError(null);
          }}
        >
          {dom}
        </Form>
      )}
    >
      <ApiErrorAlert error={bannerError(error, FIELDS)} />
      {step.kind === 'report' && (
        <>
          <Typography.Paragraph type="secondary">{t('ledgerForm.reportHint')}</Typography.Paragraph>
          <Form.Item
            name="period"
            label={t('ledgerForm.period')}
            {...serverFieldProps(error, 'period', locale)}
          >
            <Select options={periods.map((period) => ({ value: period, label: period }))} />
          </Form.Item>
          <Form.Item name="done" label={t('ledgerForm.done')} {...serverFieldProps(error, 'done', locale)}>
            <Radio.Group
              options={[
                { value: true, label: t('ledgerForm.doneYes') },
                { value: false, label: t('ledgerForm.doneNo') },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="progress"
            label={t('ledgerForm.progress')}
            extra={t('ledgerForm.progressHint')}
            rules={[{ required: true, whitespace: true, message: t('ledgerForm.progressRequired') }]}
            {...serverFieldProps(error, 'progress', locale)}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={8000} />
          </Form.Item>
          <Form.Item
            name="explanation"
            label={t('ledgerForm.explanation')}
            extra={done === false ? t('ledgerForm.explanationHint') : undefined}
            rules={
              done === false
                ? [{ required: true, whitespace: true, message: t('ledgerForm.explanationRequired') }]
                : []
            }
            {...serverFieldProps(error, 'explanation', locale)}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={8000} />
          </Form.Item>
        </>
      )}
      {step.kind === 'review' && (
        <>
          <Alert
            type="info"
            style={{ marginBottom: 16 }}
            title={t('ledgerForm.reviewing', { unit: step.report.unit.name, period: step.report.period })}
            description={<span style={{ whiteSpace: 'pre-wrap' }}>{step.report.progress}</span>}
          />
          <Form.Item
            name="review"
            label={t('ledgerForm.review')}
            {...serverFieldProps(error, 'review', locale)}
          >
            <Radio.Group
              options={[
                { value: 'accepted', label: t('ledgerReview.accepted') },
                { value: 'returned', label: t('ledgerReview.returned') },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="note"
            label={t('ledgerForm.note')}
            extra={review === 'returned' ? t('ledgerForm.noteHint') : undefined}
            rules={
              review === 'returned'
                ? [{ required: true, whitespace: true, message: t('ledgerForm.noteRequired') }]
                : []
            }
            {...serverFieldProps(error, 'note', locale)}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
          </Form.Item>
        </>
      )}
      {(step.kind === 'cross_off' || step.kind === 'reopen') && (
        <>
          <Typography.Paragraph type="secondary">
            {step.kind === 'cross_off' ? t('ledgerForm.crossOffHint') : t('ledgerForm.reopenHint')}
          </Typography.Paragraph>
          <Form.Item
            name="reason"
            label={t('ledgerForm.reason')}
            rules={[{ required: true, whitespace: true, message: t('ledgerForm.reasonRequired') }]}
            {...serverFieldProps(error, 'reason', locale)}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
          </Form.Item>
          {step.kind === 'reopen' && (
            <Form.Item
              name="dueAt"
              label={t('ledgerForm.dueAt')}
              extra={t('ledgerForm.dueAtHint')}
              {...serverFieldProps(error, 'dueAt', locale)}
            >
              <Input type="datetime-local" />
            </Form.Item>
          )}
        </>
      )}
    </Modal>
  );
}
