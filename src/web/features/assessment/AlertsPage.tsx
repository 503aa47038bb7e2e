import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Select, Space, Tag, Typography } from 'antd';
import { lazy, Suspense, useCallback, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { useFeedback } from '../../components/feedback.tsx';
import { bannerError, serverFieldProps } from '../../components/form-errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { roleLabel } from '../../i18n/translate.ts';
import { type ApiError, asApiError } from '../../lib/api.ts';
import type { OrgUnit } from '../../lib/api-types.ts';
import { formatShanghai } from '../../lib/time.ts';
import { useApi } from '../../lib/use-api.ts';
import { can, useMe } from '../../session/session.tsx';
import { useUnitNames } from '../cases/use-unit-names.ts';
import { PlainTable } from '../org/PlainTable.tsx';
import { AreaPage } from './AreaPage.tsx';
import { AreaSelect } from './AreaSelect.tsx';
import { assessmentApi } from './assessment-api.ts';
import { ALERT_KIND_COLOURS, alertKindLabel, subjectLabel, traceLevelLabel } from './assessment-labels.ts';
import {
  alertFacts,
  defaultSubject,
  previousMonth,
  referralEvidence,
  shanghaiDay,
  traceChain,
} from './assessment-model.ts';
import { ALERT_KINDS, type Alert, type AlertKind, SUBJECTS, type Subject } from './assessment-types.ts';

const CloseAlertModal = lazy(() =>
  import('./CloseAlertModal.tsx').then((m) => ({ default: m.CloseAlertModal })),
);

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * 预警问责 (A3–A6): the alerts of the units under an area by kind — commendations and
 * warnings of published rankings (A3), interviews and referrals (A5), key cases (A6) and
 * bottom-up traces (A4) — with the unit, its head, the reason and the evidence; for
 * assessment.manage the monthly derivations (A5) and closing an alert with a note.
 */
export function AlertsPage() {
  const { t } = useI18n();
  return (
    <AreaPage title={t('nav.assessmentAlerts')} intro={t('alerts.intro')}>
      {(area, areas, onArea) => <AreaAlerts area={area} areas={areas} onArea={onArea} />}
    </AreaPage>
  );
}

function AreaAlerts({
  area,
  areas,
  onArea,
}: {
  area: OrgUnit;
  areas: readonly OrgUnit[];
  onArea(id: string): void;
}) {
  const { t } = useI18n();
  const me = useMe();
  const mayManage = can(me, 'assessment.manage');
  const [params, setParams] = useSearchParams();
  const kind = (ALERT_KINDS as readonly string[]).includes(params.get('kind') ?? '')
    ? (params.get('kind') as AlertKind)
    : undefined;
  const stateParam = params.get('state');
  const state = stateParam === 'open' || stateParam === 'closed' ? stateParam : undefined;
  const setParam = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    next.set('area', area.id);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };
  const [closing, setClosing] = useState<Alert | null>(null);
  const load = useCallback(
    () => assessmentApi.alerts({ area: area.id, kind, state }),
    [area.id, kind, state],
  );
  const alerts = useApi<Alert[]>(load);
  const names = useUnitNames((alerts.data ?? []).map((a) => a.unitId));
  const unitName = (a: Alert) =>
    (typeof a.details.unitName === 'string' ? a.details.unitName : null) ??
    (a.unitId ? (names.get(a.unitId) ?? '…') : '—');

  return (
    <>
      <Space wrap align="end" style={{ marginBottom: 16 }}>
        <div style={{ display: 'grid', gap: 4 }}>
          <label htmlFor="alerts-area">{t('assessment.area')}</label>
          <AreaSelect id="alerts-area" areas={areas} value={area.id} onChange={onArea} />
        </div>
        <div style={{ display: 'grid', gap: 4 }}>
          <label htmlFor="alerts-kind">{t('alerts.kind')}</label>
          <Select
            id="alerts-kind"
            value={kind ?? ''}
            onChange={(value) => setParam('kind', value || null)}
            options={[
              { value: '', label: t('alerts.allKinds') },
              ...ALERT_KINDS.map((value) => ({ value, label: alertKindLabel(t, value) })),
            ]}
            style={{ width: 180 }}
          />
        </div>
        <div style={{ display: 'grid', gap: 4 }}>
          <label htmlFor="alerts-state">{t('alerts.state')}</label>
          <Select
            id="alerts-state"
            value={state ?? ''}
            onChange={(value) => setParam('state', value || null)}
            options={[
              { value: '', label: t('alertsList.allStates') },
              { value: 'open', label: t('alerts.stateOpen') },
              { value: 'closed', label: t('alerts.stateClosed') },
            ]}
            style={{ width: 140 }}
          />
        </div>
        <Button
          href={assessmentApi.alertsExportUrl({ area: area.id, kind, state })}
          download
          icon={<DownloadOutlined aria-hidden />}
          title={t('list.exportHint')}
        >
          {t('list.export')}
        </Button>
      </Space>

      {mayManage && <DeriveCard area={area} onDerived={alerts.reload} />}

      <Card
        size="small"
        title={kind ? alertKindLabel(t, kind) : t('alerts.all')}
        extra={
          <Button
            icon={<ReloadOutlined aria-hidden />}
            onClick={alerts.reload}
            loading={alerts.loading}
            aria-label={t('common.refresh')}
          />
        }
      >
        <ApiErrorAlert error={alerts.error} onRetry={alerts.reload} />
        <PlainTable<Alert>
          caption={t('alerts.table')}
          rows={alerts.data ?? []}
          rowKey={(a) => a.id}
          loading={alerts.loading && !alerts.data}
          empty={t('alerts.none')}
          columns={[
            {
              key: 'kind',
              title: t('alerts.kind'),
              nowrap: true,
              render: (a) => <Tag color={ALERT_KIND_COLOURS[a.kind]}>{alertKindLabel(t, a.kind)}</Tag>,
            },
            { key: 'unit', title: t('assessment.unit'), render: unitName },
            {
              key: 'head',
              title: t('alerts.head'),
              render: (a) =>
                a.head ? (
                  <>
                    {a.head.name}
                    <Typography.Text type="secondary">（{roleLabel(t, a.head.post)}）</Typography.Text>
                  </>
                ) : (
                  '—'
                ),
            },
            {
              key: 'reason',
              title: t('alerts.reason'),
              render: (a) => (
                <>
                  <span style={{ overflowWrap: 'anywhere' }}>{a.reason}</span> <Tag>{a.ruleId}</Tag>
                </>
              ),
            },
            { key: 'evidence', title: t('alerts.evidence'), render: (a) => <Evidence alert={a} /> },
            {
              key: 'created',
              title: t('alerts.createdAt'),
              nowrap: true,
              render: (a) => formatShanghai(a.createdAt),
            },
            {
              key: 'state',
              title: t('alerts.state'),
              render: (a) =>
                a.closedAt ? (
                  <>
                    <Tag color="default">{t('alerts.stateClosed')}</Tag>
                    <div style={{ overflowWrap: 'anywhere' }}>{a.closingNote}</div>
                    <Typography.Text type="secondary">{formatShanghai(a.closedAt)}</Typography.Text>
                  </>
                ) : mayManage ? (
                  <Button size="small" onClick={() => setClosing(a)}>
                    {t('alerts.close')}
                  </Button>
                ) : (
                  <Tag color="processing">{t('alerts.stateOpen')}</Tag>
                ),
            },
          ]}
        />
      </Card>
      {closing && (
        <Suspense fallback={null}>
          <CloseAlertModal
            alert={closing}
            unitName={unitName(closing)}
            onClose={() => setClosing(null)}
            onClosed={() => {
              setClosing(null);
              alerts.reload();
            }}
          />
        </Suspense>
      )}
    </>
  );
}

/** The evidence of an alert: its facts, a trace's chain (A4), a referral's items (A5), the source ranking. */
function Evidence({ alert }: { alert: Alert }) {
  const { t } = useI18n();
  const facts = alertFacts(alert);
  const chain = traceChain(alert);
  const evidence = referralEvidence(alert);
  return (
    <div style={{ display: 'grid', gap: 2, fontSize: 13 }}>
      {facts.map((f) => (
        <div key={f.key}>
          <Typography.Text type="secondary">{t(`alertFact.${f.key}` as const)}</Typography.Text>
          {t('case.colon')}
          {f.value}
        </div>
      ))}
      {chain.length > 0 && (
        <ol aria-label={t('alerts.chain')} style={{ margin: 0, paddingInlineStart: 18 }}>
          {chain.map((link) => (
            <li key={`${link.level}-${link.unitName}`}>
              {traceLevelLabel(t, link.level)}
              {t('case.colon')}
              {link.unitName ?? '—'} · {link.personName ?? t('alerts.vacant')}
              {link.post && <Typography.Text type="secondary">（{roleLabel(t, link.post)}）</Typography.Text>}
            </li>
          ))}
        </ol>
      )}
      {evidence.length > 0 && (
        <ul aria-label={t('alerts.evidenceItems')} style={{ margin: 0, paddingInlineStart: 18 }}>
          {evidence.map((line, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: evidence items are fixed once recorded.
            <li key={i}>{line}</li>
          ))}
        </ul>
      )}
      {alert.sourceType === 'ranking' && (
        <Link to={`/assessment/rankings/${encodeURIComponent(alert.sourceId)}`}>
          {t('alerts.openRanking')}
        </Link>
      )}
      {alert.sourceType === 'case' && (
        <Link to={`/cases/${encodeURIComponent(alert.sourceId)}`}>{t('alerts.openCase')}</Link>
      )}
    </div>
  );
}

interface DeriveValues {
  month?: string;
  subject?: Subject;
}

/** A5: the month's interviews (bottom 3 twice running, strong complaints) and referrals, derived once. */
function DeriveCard({ area, onDerived }: { area: OrgUnit; onDerived(): void }) {
  const { locale, t } = useI18n();
  const { message } = useFeedback();
  const [form] = Form.useForm<DeriveValues>();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<'interviews' | 'referrals' | null>(null);
  const [initial] = useState<DeriveValues>(() => ({
    // The month just ended is the usual one to look back on.
    month: previousMonth(shanghaiDay(Date.now()).slice(0, 7)),
    subject: defaultSubject(area.kind),
  }));

  const derive = async (what: 'interviews' | 'referrals') => {
    if (busy) return;
    let values: DeriveValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(what);
    setError(null);
    try {
      const month = values.month ?? '';
      const derived =
        what === 'interviews'
          ? await assessmentApi.deriveInterviews({
              area: area.id,
              subject: values.subject ?? defaultSubject(area.kind),
              month,
            })
          : await assessmentApi.deriveReferrals({ area: area.id, month });
      message.success(
        t(what === 'interviews' ? 'alerts.interviewsDerived' : 'alerts.referralsDerived', {
          count: derived.length,
        }),
      );
      onDerived();
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card size="small" title={t('alerts.derive')} style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">{t('alerts.deriveHint')}</Typography.Paragraph>
      <ApiErrorAlert error={bannerError(error, ['month', 'subject'])} />
      <Form<DeriveValues>
        form={form}
        name="deriveAlerts"
        layout="inline"
        requiredMark={false}
        initialValues={initial}
        onValuesChange={() => {
          if (error) setError(null);
        }}
        style={{ rowGap: 8 }}
      >
        <Form.Item
          name="month"
          label={t('assessment.month')}
          rules={[{ required: true, pattern: MONTH, message: t('alerts.monthRequired') }]}
          {...serverFieldProps(error, 'month', locale)}
        >
          <Input type="month" style={{ width: 170 }} />
        </Form.Item>
        <Form.Item
          name="subject"
          label={t('alerts.interviewSubject')}
          {...serverFieldProps(error, 'subject', locale)}
        >
          <Select
            options={SUBJECTS.map((value) => ({ value, label: subjectLabel(t, value) }))}
            style={{ width: 160 }}
          />
        </Form.Item>
        <Form.Item>
          <Space wrap>
            <Button onClick={() => derive('interviews')} loading={busy === 'interviews'}>
              {t('alerts.deriveInterviews')}
            </Button>
            <Button onClick={() => derive('referrals')} loading={busy === 'referrals'}>
              {t('alerts.deriveReferrals')}
            </Button>
          </Space>
        </Form.Item>
      </Form>
    </Card>
  );
}
