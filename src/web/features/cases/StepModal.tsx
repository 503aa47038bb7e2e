import { AimOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { useFeedback } from '../../components/feedback.tsx';
import { bannerError, serverFieldProps, serverFieldsProps } from '../../components/form-errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { localizedMessage } from '../../i18n/translate.ts';
import { type ApiError, asApiError } from '../../lib/api.ts';
import { can, useMe } from '../../session/session.tsx';
import { fromShanghaiInput, shanghaiInputValue } from './call-form.ts';
import type { ActionInput, CaseDetail, Category, SlaClass } from './case-types.ts';
import { casesApi } from './cases-api.ts';
import { PhotoField } from './PhotoField.tsx';
import { PositionNote } from './PositionNote.tsx';
import { DispatchFields, MergeTarget, RecordFields, TextItem } from './StepFields.tsx';
import { type CaseStep, openTasks, stepForm, stepTitle } from './steps.ts';
import { usePosition } from './use-position.ts';

interface Values {
  reason?: string;
  feedback?: string;
  result?: string;
  leadUnitId?: string;
  cooperatingUnitIds?: string[];
  slaClass?: SlaClass;
  jointEnforcement?: boolean;
  dueAt?: string;
  mergeIntoId?: string;
  pendingReason?: string;
  photoIds?: string[];
  note?: string;
  unitIds?: string[];
  mediatorId?: string;
  decision?: string;
  minutes?: string;
  decidedByLeader?: boolean;
}

/** Request fields the server may name, each shown under its form item. */
const FIELDS = [
  'reason',
  'feedback',
  'result',
  'leadUnitId',
  'cooperatingUnitIds',
  'slaClass',
  'jointEnforcement',
  'dueAt',
  'start',
  'mergeIntoId',
  'pendingReason',
  'photoIds',
  'lat',
  'lng',
  'note',
  'unitIds',
  'decision',
  'minutes',
] as const;

/**
 * The form of one step on the case page, with the fields that step needs (reason,
 * feedback, result, lead unit, new finish time, merge target, position and photos, a
 * note). It sends the case version read (If-Match); when someone else moved the case
 * first (412) the page reloads it and the form keeps what was typed. A refusal shows under
 * the field it names, or above the form.
 */
export function StepModal({
  step,
  detail,
  category,
  unitName,
  onClose,
  onDone,
  onStale,
}: {
  step: CaseStep;
  detail: CaseDetail;
  category: Category | undefined;
  unitName(unitId: string): string;
  onClose(): void;
  onDone(step: CaseStep): void;
  /** The case changed meanwhile: reload it (the form stays open). */
  onStale(): void;
}) {
  const { locale, t } = useI18n();
  const { message } = useFeedback();
  const [form] = Form.useForm<Values>();
  const place = usePosition();
  const [error, setError] = useState<ApiError | null>(null);
  const [stale, setStale] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [uploading, setUploading] = useState(false);
  const [positionMissing, setPositionMissing] = useState(false);
  const title = stepTitle(t, step);
  const fields = stepForm(step);
  const caseId = detail.case.id;
  const pending = openTasks(detail.tasks, detail.case.rounds);
  const askPending = step.kind === 'flow' && step.action === 'finish' && pending.length > 0;
  // The version at submit time: after a reload the same form sends the new one.
  const version = useRef(detail.case.version);
  version.current = detail.case.version;
  const me = useMe();
  const mayRoute = can(me, 'routing.read');
  // A step the case no longer offers (someone else took another one).
  const gone = step.kind === 'flow' && !detail.actions.includes(step.action);

  useEffect(() => {
    if (place.position) setPositionMissing(false);
  }, [place.position]);

  const onFinish = async (values: Values) => {
    if (submitting || uploading) return;
    if (fields.position && !place.position) {
      setPositionMissing(true);
      return;
    }
    setSubmitting(true);
    setError(null);
    setStale(false);
    const text = (value: string | undefined) => value?.trim() || undefined;
    const photoIds = values.photoIds?.length ? values.photoIds : undefined;
    try {
      if (step.kind === 'progress') {
        await casesApi.progress(caseId, { note: values.note?.trim() ?? '', photoIds });
        message.success(t('case.progressDone'));
      } else if (step.kind === 'task') {
        await casesApi.actOnTask(caseId, step.task.id, step.action, {
          result: text(values.result),
          photoIds,
        });
        message.success(t('action.done', { action: title }));
      } else if (step.kind === 'record') {
        const consultation = step.record === 'joint_consultation';
        const unitIds = consultation ? (values.unitIds ?? []) : values.mediatorId ? [values.mediatorId] : [];
        await casesApi.addRecord(caseId, {
          kind: step.record,
          unitIds,
          decision: text(values.decision),
          minutes: consultation ? text(values.minutes) : undefined,
          decidedByLeader: consultation ? values.decidedByLeader === true : undefined,
        });
        message.success(t('record.done', { kind: title }));
      } else {
        const body: ActionInput = {
          reason: text(values.reason),
          feedback: text(values.feedback),
          result: text(values.result),
          note: text(values.note),
          photoIds,
        };
        if (fields.dispatch) {
          body.leadUnitId = values.leadUnitId;
          body.slaClass = values.slaClass;
          if (values.cooperatingUnitIds?.length) body.cooperatingUnitIds = values.cooperatingUnitIds;
          if (values.jointEnforcement) body.jointEnforcement = true;
        }
        if (fields.dueAt) body.dueAt = fromShanghaiInput(values.dueAt) ?? values.dueAt;
        if (fields.mergeInto) body.mergeIntoId = values.mergeIntoId;
        if (askPending) body.pendingReason = text(values.pendingReason);
        if (fields.position && place.position) {
          body.lat = place.position.lat;
          body.lng = place.position.lng;
        }
        await casesApi.act(caseId, step.action, version.current, body);
        message.success(t('action.done', { action: title }));
      }
      onDone(step);
    } catch (caught) {
      const failure = asApiError(caught);
      if (failure.status === 412) {
        setStale(true);
        onStale();
      } else {
        setError(failure);
        // A step refused for the case's state (409): the page shows what is possible now.
        if (failure.status === 409) onStale();
      }
    } finally {
      setSubmitting(false);
    }
  };

  const pendingError = error?.code === 'TASKS_OPEN' ? null : error;

  return (
    <Modal
      open
      title={t('action.title', { action: title, number: detail.case.number })}
      onCancel={onClose}
      okText={title}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', loading: submitting, disabled: uploading || gone }}
      destroyOnHidden
      styles={{ header: { marginBottom: 16 } }}
      modalRender={(dom) => (
        <Form<Values>
          form={form}
          name="caseStep"
          layout="vertical"
          requiredMark={false}
          onFinish={onFinish}
          onValuesChange={() => {
            if (error) setError(null);
          }}
        >
          {dom}
        </Form>
      )}
    >
      {stale && (
        <Alert type="warning" showIcon title={t('action.versionConflict')} style={{ marginBottom: 16 }} />
      )}
      {gone && <Alert type="info" showIcon title={t('action.gone')} style={{ marginBottom: 16 }} />}
      <ApiErrorAlert error={bannerError(pendingError, FIELDS)} />
      {step.kind === 'task' && <Typography.Paragraph>{unitName(step.task.unitId)}</Typography.Paragraph>}
      {fields.dispatch && (
        <DispatchFields
          form={form}
          current={detail.case}
          category={category}
          mayRoute={mayRoute}
          error={error}
          onAdvice={() => {
            if (error) setError(null);
          }}
        />
      )}
      {fields.record && <RecordFields record={fields.record} error={error} />}
      {fields.mergeInto && <MergeTarget caseId={caseId} error={error} />}
      {fields.dueAt && (
        <Form.Item
          name="dueAt"
          label={t('action.dueAt')}
          rules={[{ required: true, message: t('action.dueAtRequired') }]}
          {...serverFieldsProps(error, ['dueAt', 'start'], locale)}
        >
          <Input type="datetime-local" min={shanghaiInputValue(Date.now())} />
        </Form.Item>
      )}
      {fields.position && (
        <Form.Item
          label={t('action.position')}
          required
          validateStatus={
            positionMissing ? 'error' : serverFieldsProps(error, ['lat', 'lng'], locale).validateStatus
          }
          help={
            positionMissing ? (
              <span role="alert">{t('action.positionRequired')}</span>
            ) : (
              serverFieldsProps(error, ['lat', 'lng'], locale).help
            )
          }
        >
          <Button
            icon={<AimOutlined aria-hidden />}
            onClick={place.locate}
            loading={place.state.status === 'locating'}
          >
            {place.state.status === 'locating' ? t('call.locating') : t('call.usePosition')}
          </Button>
          <PositionNote state={place.state} onClear={place.clear} />
        </Form.Item>
      )}
      {fields.reason && (
        <TextItem
          name="reason"
          label={t('action.reason')}
          requiredMessage={t('action.reasonRequired')}
          error={error}
          maxLength={1000}
        />
      )}
      {fields.result && (
        <TextItem
          name="result"
          label={t('action.result')}
          requiredMessage={t('action.resultRequired')}
          error={error}
          maxLength={4000}
        />
      )}
      {askPending && (
        <TextItem
          name="pendingReason"
          label={t('action.pendingReason')}
          extra={t('action.pendingReasonHint', { count: pending.length })}
          requiredMessage={t('action.pendingReasonRequired')}
          error={error}
          maxLength={1000}
          maxRows={4}
          help={
            error?.code === 'TASKS_OPEN'
              ? { validateStatus: 'error', help: <span role="alert">{localizedMessage(locale, error)}</span> }
              : undefined
          }
        />
      )}
      {fields.feedback && (
        <TextItem
          name="feedback"
          label={t('action.feedback')}
          extra={t('action.feedbackHint')}
          requiredMessage={t('action.feedbackRequired')}
          error={error}
          maxLength={4000}
        />
      )}
      {fields.photos && (
        <Form.Item
          name="photoIds"
          label={t('action.photos')}
          rules={
            fields.photos.required
              ? [{ required: true, type: 'array', min: 1, message: t('photo.required') }]
              : []
          }
          {...serverFieldProps(error, 'photoIds', locale)}
        >
          <PhotoField purpose={fields.photos.purpose} position={place.position} onBusy={setUploading} />
        </Form.Item>
      )}
      {fields.note !== 'hidden' && (
        <TextItem
          name="note"
          label={fields.note === 'required' ? t('action.progressNote') : t('action.note')}
          requiredMessage={fields.note === 'required' ? t('action.progressNoteRequired') : undefined}
          error={error}
          maxLength={2000}
          maxRows={4}
        />
      )}
    </Modal>
  );
}
