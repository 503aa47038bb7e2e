import { Alert, Button, Form, Input, Select, Space } from 'antd';
import { useCallback, useState } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { useFeedback } from '../../components/feedback.tsx';
import { bannerError, serverFieldProps } from '../../components/form-errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { roleLabel } from '../../i18n/translate.ts';
import { type ApiError, asApiError } from '../../lib/api.ts';
import { useApi } from '../../lib/use-api.ts';
import { shanghaiInputValue } from '../cases/call-form.ts';
import { HandlingUnitSelect } from '../cases/UnitSearch.tsx';
import { assessmentApi } from './assessment-api.ts';
import {
  correctionValues,
  numberFromEvent,
  type PointValues,
  pointBody,
  RULE_ID_PATTERN,
  shanghaiDay,
} from './assessment-model.ts';
import type { PointApprover, PointEntry } from './assessment-types.ts';

/** The units that are assessed (and so may get points). */
const ASSESSED_KINDS = ['township', 'department', 'enterprise', 'agency', 'community', 'grid'] as const;
const FIELDS = ['unitId', 'occurredAt', 'points', 'ruleId', 'reason', 'approvedBy', 'corrects'] as const;

/**
 * A2: a manual plus or minus point entry — the unit, when the fact happened, the points,
 * the rule ID, the reason and the approver (a leader or supervision officer over the unit,
 * not the one entering it). A correction is a new entry naming the entry it corrects; it
 * starts as the opposite of that entry. What was typed stays on an error.
 */
export function PointForm({
  correcting,
  onCancel,
  onSaved,
}: {
  correcting?: PointEntry | undefined;
  onCancel(): void;
  /** Called with the month (YYYY-MM) of the fact, so the list can show it. */
  onSaved(month: string): void;
}) {
  const { locale, t } = useI18n();
  const { message } = useFeedback();
  const [form] = Form.useForm<PointValues>();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [initial] = useState<PointValues>(() =>
    correcting
      ? correctionValues(correcting, shanghaiInputValue)
      : { occurredAt: shanghaiInputValue(Date.now()), ruleId: 'A2' },
  );
  const unitId = Form.useWatch('unitId', form) ?? initial.unitId;
  const loadApprovers = useCallback(
    () =>
      unitId
        ? assessmentApi.approvers(unitId).then((page) => page.items)
        : Promise.resolve<PointApprover[]>([]),
    [unitId],
  );
  const approvers = useApi<PointApprover[]>(loadApprovers);

  const onFinish = async (values: PointValues) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    const body = pointBody({ ...values, unitId: values.unitId ?? initial.unitId, corrects: correcting?.id });
    try {
      await assessmentApi.addPoint(body);
      message.success(correcting ? t('assessment.pointCorrected') : t('assessment.pointSaved'));
      onSaved(shanghaiDay(Date.parse(body.occurredAt)).slice(0, 7));
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<PointValues>
      form={form}
      name="assessmentPoint"
      layout="vertical"
      requiredMark={false}
      initialValues={initial}
      onFinish={onFinish}
      onValuesChange={(changed: PointValues) => {
        if (error) setError(null);
        // Another unit has other approvers: the one picked may not be one of them.
        if ('unitId' in changed) form.setFieldValue('approvedBy', undefined);
      }}
      style={{ marginBottom: 16, padding: 12, border: '1px solid rgba(5, 5, 5, 0.06)', borderRadius: 8 }}
    >
      {correcting && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('assessment.correctingEntry', {
            unit: correcting.unitName,
            points: correcting.points,
            reason: correcting.reason,
          })}
        />
      )}
      <ApiErrorAlert error={bannerError(error, FIELDS)} />
      <Space wrap align="start" size={16}>
        {!correcting && (
          <Form.Item
            name="unitId"
            label={t('assessment.pointUnit')}
            rules={[{ required: true, message: t('assessment.pointUnitRequired') }]}
            {...serverFieldProps(error, 'unitId', locale)}
            style={{ width: 360 }}
          >
            <HandlingUnitSelect kinds={ASSESSED_KINDS} placeholder={t('assessment.pointUnitHint')} />
          </Form.Item>
        )}
        <Form.Item
          name="occurredAt"
          label={t('assessment.occurredAt')}
          extra={t('assessment.occurredAtHint')}
          rules={[{ required: true, message: t('assessment.occurredAtRequired') }]}
          {...serverFieldProps(error, 'occurredAt', locale)}
        >
          <Input type="datetime-local" style={{ width: 220 }} />
        </Form.Item>
        <Form.Item
          name="points"
          label={t('assessment.pointValue')}
          extra={t('assessment.pointValueHint')}
          getValueFromEvent={numberFromEvent}
          rules={[
            { required: true, message: t('assessment.pointValueRequired') },
            {
              validator: async (_rule, value: number | null | undefined) => {
                if (typeof value === 'number' && (value === 0 || Math.abs(value) > 100))
                  throw new Error(t('assessment.pointValueRange'));
              },
            },
          ]}
          {...serverFieldProps(error, 'points', locale)}
        >
          <Input type="number" min={-100} max={100} step={0.5} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item
          name="ruleId"
          label={t('assessment.ruleId')}
          extra={t('assessment.ruleIdHint')}
          rules={[
            { required: true, message: t('assessment.ruleIdRequired') },
            { pattern: RULE_ID_PATTERN, message: t('assessment.ruleIdBad') },
          ]}
          {...serverFieldProps(error, 'ruleId', locale)}
        >
          <Input maxLength={3} style={{ width: 100 }} />
        </Form.Item>
      </Space>
      <Form.Item
        name="reason"
        label={t('assessment.pointReason')}
        rules={[{ required: true, whitespace: true, message: t('assessment.pointReasonRequired') }]}
        {...serverFieldProps(error, 'reason', locale)}
      >
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Form.Item
        name="approvedBy"
        label={t('assessment.approver')}
        extra={t('assessment.approverHint')}
        rules={[{ required: true, message: t('assessment.approverRequired') }]}
        {...serverFieldProps(error, 'approvedBy', locale)}
      >
        <Select
          loading={approvers.loading}
          disabled={!unitId}
          placeholder={unitId ? undefined : t('assessment.approverPickUnit')}
          notFoundContent={approvers.error ? t('assessment.approversFailed') : t('assessment.noApprovers')}
          options={(approvers.data ?? []).map((a) => ({
            value: a.accountId,
            label: `${a.displayName}（${roleLabel(t, a.role)}，${a.orgUnitName}）`,
          }))}
          style={{ maxWidth: 420 }}
        />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={busy}>
          {correcting ? t('assessment.saveCorrection') : t('assessment.savePoint')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </Space>
    </Form>
  );
}
