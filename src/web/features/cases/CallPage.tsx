import { AimOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Typography, theme } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { useFeedback } from '../../components/feedback.tsx';
import { bannerError, serverFieldProps, serverFieldsProps } from '../../components/form-errors.ts';
import { useDocumentTitle, useI18n } from '../../i18n/i18n.tsx';
import { ApiError, asApiError } from '../../lib/api.ts';
import { useMe } from '../../session/session.tsx';
import {
  type CallValues,
  callBody,
  categoryGroups,
  matchesCategory,
  shanghaiInputValue,
  startedNextCall,
} from './call-form.ts';
import { channelLabel } from './case-labels.ts';
import { CASE_CHANNELS } from './case-types.ts';
import { casesApi, newIdempotencyKey } from './cases-api.ts';
import { OfflineCallsList } from './OfflineCallsList.tsx';
import { type FlushResult, newQueuedCall, type QueuedCall, type QueuedPhoto } from './offline-queue.ts';
import { offlineSender, requestBackgroundSync } from './offline-sender.ts';
import { Panel } from './Panel.tsx';
import { PhotoField } from './PhotoField.tsx';
import { PositionNote } from './PositionNote.tsx';
import { ProposedUnitInput } from './UnitSearch.tsx';
import { useCategories } from './use-categories.ts';
import { usePosition } from './use-position.ts';

/** A saved call sent this soon after saving opens its case page, as a call sent online does. */
const OPEN_SENT_WITHIN_MS = 15_000;

interface FormValues extends CallValues {
  photoIds?: string[];
}

/** Fields the server may name in an error, and the form items that show them. */
const FIELDS = [
  'category',
  'occurredAt',
  'start',
  'address',
  'lat',
  'lng',
  'party',
  'situation',
  'demand',
  'proposedUnitId',
  'proposedUnitText',
  'photoIds',
  'channel',
] as const;

/**
 * Raise a call (C1, C6), phone first: category with search, time (now by default), place
 * by the device's position or an address, the party, situation, demand, proposed unit,
 * photos. Sent with an Idempotency-Key kept for the form's life, so sending again after
 * a network failure cannot record the call twice. Nothing typed is cleared on an error.
 * Without network (C1) the call is saved on the phone with its photos and that key,
 * listed under 待发送 and sent when the network returns; a refusal (4xx) is shown on the
 * form as ever.
 */
export function CallPage() {
  const { locale, t } = useI18n();
  const { token } = theme.useToken();
  const { message } = useFeedback();
  const navigate = useNavigate();
  const me = useMe();
  useDocumentTitle(t('call.title'));
  const [form] = Form.useForm<FormValues>();
  const categories = useCategories();
  const groups = useMemo(() => categoryGroups(categories.data ?? [], locale), [categories.data, locale]);
  const place = usePosition();
  const [unitId, setUnitId] = useState<string | undefined>(undefined);
  const [uploading, setUploading] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  // One key per call being written: a retry of the same call reuses it.
  const key = useRef(newIdempotencyKey());
  /** Photos held on the phone for want of network (PhotoField). */
  const [held, setHeld] = useState<QueuedPhoto[]>([]);
  /** A saved call opened again to fix it: its key and photos go with the next send. */
  const [editing, setEditing] = useState<QueuedCall | null>(null);
  /** Bumped to empty the photo field after a call was saved. */
  const [formRound, setFormRound] = useState(0);
  /** The call this page just saved: if a round sends it soon, the page opens its case. */
  const justSaved = useRef<{ key: string; at: number } | null>(null);
  /** Opens the case of the call just saved once a round (this page's or another's) has sent it. */
  const openIfJustSent = useCallback(
    (result: FlushResult | null) => {
      const saved = justSaved.current;
      const sent = saved && result?.sent.find((s) => s.key === saved.key);
      if (!saved || !sent) return false;
      justSaved.current = null;
      // Not when the user has started on the next call, nor long after the saving.
      if (Date.now() - saved.at < OPEN_SENT_WITHIN_MS && !startedNextCall(form.getFieldsValue(true))) {
        navigate(`/cases/${encodeURIComponent(sent.result.id)}`);
      }
      return true;
    },
    [form, navigate],
  );
  useEffect(() => offlineSender().onFlushed(openIfJustSent), [openIfJustSent]);
  const initialValues = useMemo<FormValues>(
    () => ({ occurredAt: shanghaiInputValue(Date.now()), channel: 'grid_app' }),
    [],
  );

  /** An empty form with a new key, for the next call. */
  const startOver = () => {
    form.resetFields();
    form.setFieldsValue({ occurredAt: shanghaiInputValue(Date.now()) });
    place.clear();
    setUnitId(undefined);
    setHeld([]);
    setEditing(null);
    setFormRound((n) => n + 1);
    key.current = newIdempotencyKey();
  };

  /** C1: keeps the call on the phone with its key; the sender takes it from there. */
  const save = async (values: FormValues, body: ReturnType<typeof callBody>): Promise<boolean> => {
    const uploaded = (values.photoIds ?? []).map((fileId) => ({ fileId, name: fileId, position: null }));
    const call = newQueuedCall({
      key: key.current,
      accountId: me.id,
      savedAt: new Date().toISOString(),
      body,
      values: { ...values, proposedUnitId: unitId },
      position: place.position,
      photos: [...(editing?.photos ?? []), ...uploaded, ...held],
    });
    try {
      await offlineSender().save(call);
    } catch {
      return false;
    }
    message.info(t('offline.saved'));
    startOver();
    justSaved.current = { key: call.key, at: Date.now() };
    // The network may be back already (a lost answer, say): then the case opens as usual.
    // Only a call that could not go now is left to Background Sync (sent with no page open).
    void offlineSender()
      .flush()
      .then((result) => {
        if (result?.sent.some((s) => s.key === call.key)) openIfJustSent(result);
        else void requestBackgroundSync();
      });
    return true;
  };

  const onFinish = async (values: FormValues) => {
    if (submitting || uploading) return;
    setSubmitting(true);
    setError(null);
    const body = callBody({ ...values, proposedUnitId: unitId }, place.position);
    try {
      // Photos still on the phone, or a saved call being fixed: the saved way sends both.
      if (held.length > 0 || editing || navigator.onLine === false) {
        if (!(await save(values, body))) setError(asApiError(networkFailure()));
        return;
      }
      const raised = await casesApi.raise(
        values.photoIds?.length ? { ...body, photoIds: values.photoIds } : body,
        key.current,
      );
      message.success(t('call.submitted', { number: raised.number }));
      navigate(`/cases/${encodeURIComponent(raised.id)}`);
    } catch (caught) {
      const apiError = asApiError(caught);
      // No network (the request never got an answer): saved, not lost. A 4xx stays on the form.
      if (apiError.code === 'NETWORK' && (await save(values, body))) return;
      setError(apiError);
    } finally {
      setSubmitting(false);
    }
  };

  const edit = (call: QueuedCall) => {
    form.resetFields();
    form.setFieldsValue({ ...call.values, photoIds: undefined });
    setUnitId(call.values.proposedUnitId);
    if (call.position) place.restore(call.position);
    else place.clear();
    setHeld([]);
    setFormRound((n) => n + 1);
    setEditing(call);
    key.current = call.key;
    setError(call.error ? asApiError(errorFromQueue(call)) : null);
  };

  const stopEditing = () => startOver();

  // The address is required only without a position: check it again when the position changes.
  const hasPosition = place.position !== null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `hasPosition` is the trigger; the validator reads it.
  useEffect(() => {
    if (form.getFieldError('address').length > 0) void form.validateFields(['address']).catch(() => {});
  }, [hasPosition, form]);

  const coordinateError = serverFieldsProps(error, ['lat', 'lng'], locale);
  // IDEMPOTENCY_MISMATCH: the first try reached the server before the form changed.
  const banner = error?.code === 'IDEMPOTENCY_MISMATCH' ? null : bannerError(error, FIELDS);

  return (
    <div style={{ maxWidth: 640, margin: '0 auto' }}>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {t('call.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('call.intro')}</Typography.Paragraph>
      <OfflineCallsList categories={categories.byCode} editingKey={editing?.key ?? null} onEdit={edit} />
      <Panel>
        {editing && (
          <div role="status" style={{ marginBottom: 16, color: token.colorWarningText }}>
            {t('offline.editing')}{' '}
            {editing.photos.length > 0 && t('offline.keptPhotos', { count: editing.photos.length })}{' '}
            <Button size="small" type="link" onClick={stopEditing}>
              {t('offline.cancelEdit')}
            </Button>
          </div>
        )}
        <ApiErrorAlert error={categories.error} onRetry={categories.reload} />
        <ApiErrorAlert error={banner} />
        {error?.code === 'IDEMPOTENCY_MISMATCH' && (
          <div role="alert" style={{ color: token.colorError, marginBottom: 16 }}>
            {t('call.maybeSent')}
          </div>
        )}
        <Form<FormValues>
          form={form}
          name="raiseCall"
          layout="vertical"
          requiredMark={false}
          initialValues={initialValues}
          onFinish={onFinish}
          onValuesChange={() => {
            if (error) setError(null);
          }}
          scrollToFirstError
        >
          <Form.Item
            name="category"
            label={t('call.category')}
            rules={[{ required: true, message: t('call.categoryRequired') }]}
            {...serverFieldProps(error, 'category', locale)}
          >
            <Select
              options={groups}
              placeholder={t('call.categoryPlaceholder')}
              loading={categories.loading}
              showSearch={{ filterOption: (input, option) => matchesCategory(input, option) }}
              notFoundContent={categories.loading ? t('app.loading') : t('call.categoryNone')}
              listHeight={320}
            />
          </Form.Item>
          <Form.Item
            name="occurredAt"
            label={t('call.occurredAt')}
            rules={[{ required: true, message: t('call.occurredAtRequired') }]}
            {...serverFieldsProps(error, ['occurredAt', 'start'], locale)}
          >
            <Input type="datetime-local" max={shanghaiInputValue(Date.now() + 60 * 60_000)} />
          </Form.Item>
          <fieldset style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}>
            <legend style={{ fontSize: 14, marginBottom: 8, border: 0, color: token.colorText }}>
              {t('call.place')}
            </legend>
            <div style={{ marginBottom: 12 }}>
              <Button
                icon={<AimOutlined aria-hidden />}
                onClick={place.locate}
                loading={place.state.status === 'locating'}
              >
                {place.state.status === 'locating' ? t('call.locating') : t('call.usePosition')}
              </Button>
              <PositionNote state={place.state} onClear={place.clear} />
              {coordinateError.help && <div style={{ color: token.colorError }}>{coordinateError.help}</div>}
            </div>
            <Form.Item
              name="address"
              label={t('call.address')}
              extra={place.position ? undefined : t('call.addressHint')}
              rules={[
                {
                  validator: (_, value: string | undefined) =>
                    place.position || value?.trim()
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('call.placeRequired'))),
                },
              ]}
              {...serverFieldProps(error, 'address', locale)}
            >
              <Input maxLength={300} autoComplete="street-address" />
            </Form.Item>
          </fieldset>
          <Form.Item
            name="party"
            label={t('call.party')}
            rules={[{ required: true, whitespace: true, message: t('call.partyRequired') }]}
            {...serverFieldProps(error, 'party', locale)}
          >
            <Input maxLength={200} placeholder={t('call.partyPlaceholder')} />
          </Form.Item>
          <Form.Item
            name="situation"
            label={t('call.situation')}
            rules={[{ required: true, whitespace: true, message: t('call.situationRequired') }]}
            {...serverFieldProps(error, 'situation', locale)}
          >
            <Input.TextArea maxLength={4000} autoSize={{ minRows: 3, maxRows: 8 }} />
          </Form.Item>
          <Form.Item
            name="demand"
            label={t('call.demand')}
            rules={[{ required: true, whitespace: true, message: t('call.demandRequired') }]}
            {...serverFieldProps(error, 'demand', locale)}
          >
            <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
          <Form.Item
            name="proposedUnitText"
            label={t('call.proposedUnit')}
            extra={t('call.proposedUnitHint')}
            rules={[{ required: true, whitespace: true, message: t('call.proposedUnitRequired') }]}
            {...serverFieldsProps(error, ['proposedUnitId', 'proposedUnitText'], locale)}
          >
            <ProposedUnitInput unitId={unitId} onUnitId={setUnitId} />
          </Form.Item>
          <Form.Item
            name="photoIds"
            label={t('call.photos')}
            {...serverFieldProps(error, 'photoIds', locale)}
          >
            <PhotoField
              key={formRound}
              purpose="call"
              position={place.position}
              onBusy={setUploading}
              onHeld={setHeld}
            />
          </Form.Item>
          <Form.Item name="channel" label={t('call.channel')} {...serverFieldProps(error, 'channel', locale)}>
            <Select options={CASE_CHANNELS.map((value) => ({ value, label: channelLabel(t, value) }))} />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            size="large"
            block
            loading={submitting}
            disabled={uploading}
          >
            {t('call.submit')}
          </Button>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
            {t('call.retryHint')}
          </Typography.Paragraph>
        </Form>
      </Panel>
    </div>
  );
}

/** What lib/api.ts throws when the request got no answer. */
function networkFailure(): ApiError {
  return new ApiError({
    status: 0,
    code: 'NETWORK',
    message: '无法连接服务器，请检查网络后重试。',
    message_en: 'Cannot reach the server. Check the network and try again.',
  });
}

/** A saved call's last refusal, as the form shows a server error (the field highlighted). */
function errorFromQueue(call: QueuedCall): ApiError {
  const error = call.error;
  return new ApiError({
    status: error?.status ?? 0,
    code: error?.code ?? 'CLIENT_ERROR',
    message: error?.message ?? '',
    message_en: error?.message_en ?? '',
    field: error?.field,
  });
}
