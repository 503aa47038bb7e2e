import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Space, Tag, Typography, theme } from 'antd';
import { lazy, type ReactNode, Suspense, useCallback, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { useDocumentTitle, useI18n } from '../../i18n/i18n.tsx';
import { formatShanghai } from '../../lib/time.ts';
import { useApi } from '../../lib/use-api.ts';
import { can, useMe } from '../../session/session.tsx';
import { ClocksList } from './ClocksList.tsx';
import { orderActions } from './case-flow.ts';
import {
  categoryPath,
  channelLabel,
  recordKindLabel,
  roundLabel,
  slaLabel,
  stateColour,
  stateLabel,
  taskStateLabel,
} from './case-labels.ts';
import type { CaseDetail, CaseFile } from './case-types.ts';
import { casesApi } from './cases-api.ts';
import { Facts } from './Facts.tsx';
import {
  type CaseStep,
  DEPARTMENT_ROLES,
  mayRecord,
  PROGRESS_STATES,
  stepTitle,
  taskSteps,
} from './steps.ts';
import { Timeline } from './Timeline.tsx';
import { useCategories } from './use-categories.ts';
import { useUnitNames } from './use-unit-names.ts';

// The step forms (Form, Modal, Select, photo upload) load only when someone opens one.
const StepModal = lazy(() => import('./StepModal.tsx').then((m) => ({ default: m.StepModal })));
// A4, A6: key case and bottom-up trace, for assessment.manage only.
const CaseSupervision = lazy(() =>
  import('../assessment/CaseSupervision.tsx').then((m) => ({ default: m.CaseSupervision })),
);

/**
 * One case: the six elements and the place, where it stands (state, lead unit, SLA
 * class, round, feedback), its clocks, photos, cooperating tasks, returns and records,
 * the timeline, and the steps the reader may take now (the server lists them).
 */
export function CasePage() {
  const { id = '' } = useParams();
  const { locale, t } = useI18n();
  const me = useMe();
  const load = useCallback(() => casesApi.get(id), [id]);
  const { data, error, loading, reload } = useApi<CaseDetail>(load);
  const categories = useCategories();
  const [step, setStep] = useState<CaseStep | null>(null);
  useDocumentTitle(data ? t('case.title', { number: data.case.number }) : t('nav.cases'));

  const unitIds = useMemo(() => {
    if (!data) return [];
    const c = data.case;
    const fromTimeline = data.timeline.flatMap((entry) => {
      const p = entry.payload;
      const ids = [
        p.leadUnitId,
        p.unitId,
        ...(Array.isArray(p.cooperatingUnitIds) ? p.cooperatingUnitIds : []),
      ];
      return ids.filter((value): value is string => typeof value === 'string');
    });
    return [
      c.leadUnitId,
      c.proposedUnitId,
      c.gridId,
      c.townshipId,
      ...data.obligations.map((o) => o.unitId),
      ...data.tasks.map((task) => task.unitId),
      ...data.returns.map((r) => r.unitId),
      ...data.records.flatMap((r) => r.unitIds),
      ...fromTimeline,
    ];
  }, [data]);
  const names = useUnitNames(unitIds);
  const unitName = useCallback(
    (unitId: string) => {
      const name = names.get(unitId);
      return name === undefined ? t('case.unitLoading') : (name ?? t('case.unitHidden'));
    },
    [names, t],
  );

  const myDepartmentUnits = useMemo(
    () => new Set(me.roles.filter((g) => DEPARTMENT_ROLES.includes(g.role)).map((g) => g.orgUnitId)),
    [me.roles],
  );

  if (!data) {
    return (
      <div>
        <BackLink />
        <ApiErrorAlert error={error} onRetry={reload} />
        {loading && <Typography.Paragraph>{t('app.loading')}</Typography.Paragraph>}
      </div>
    );
  }

  const c = data.case;
  const category = categories.byCode?.get(c.category);
  const round = roundLabel(t, c.rounds);
  const flowSteps: CaseStep[] = orderActions(data.actions).map(({ action }) => ({ kind: 'flow', action }));
  const primary = orderActions(data.actions).find((a) => a.primary)?.action;
  const mayReport =
    PROGRESS_STATES.includes(c.state) && c.leadUnitId !== null && myDepartmentUnits.has(c.leadUnitId);
  const taskButtons: CaseStep[] = data.tasks.flatMap((task) =>
    taskSteps(task, c.state, myDepartmentUnits).map((action) => ({ kind: 'task' as const, action, task })),
  );
  const recordButtons: CaseStep[] = mayRecord(
    me.roles.map((g) => g.role),
    c.stateType,
  )
    ? [
        { kind: 'record', record: 'joint_consultation' },
        { kind: 'record', record: 'mediation_referral' },
      ]
    : [];
  const steps: CaseStep[] = [
    ...flowSteps,
    ...taskButtons,
    ...(mayReport ? [{ kind: 'progress' as const }] : []),
    ...recordButtons,
  ];

  return (
    <div style={{ maxWidth: 1200 }}>
      <BackLink />
      <Space wrap align="center" style={{ marginBottom: 12 }}>
        <Typography.Title level={2} style={{ margin: 0, overflowWrap: 'anywhere' }}>
          {t('case.title', { number: c.number })}
        </Typography.Title>
        <Tag color={stateColour(c.state, c.stateType)} style={{ fontSize: 14 }} data-case-state={c.state}>
          {stateLabel(t, c.state)}
        </Tag>
        {round && <Tag color="purple">{round}</Tag>}
        <Button icon={<ReloadOutlined aria-hidden />} onClick={reload} loading={loading}>
          {t('case.reload')}
        </Button>
      </Space>
      <ApiErrorAlert error={error} onRetry={reload} />

      <Card size="small" title={t('case.actions')} style={{ marginBottom: 16 }}>
        {steps.length === 0 ? (
          <Typography.Text type="secondary">{t('case.noActions')}</Typography.Text>
        ) : (
          <Space wrap>
            {steps.map((s) => (
              <Button
                key={
                  s.kind === 'flow' ? s.action : s.kind === 'task' ? `${s.task.id}-${s.action}` : 'progress'
                }
                type={s.kind === 'flow' && s.action === primary ? 'primary' : 'default'}
                onClick={() => setStep(s)}
              >
                {s.kind === 'task'
                  ? t('case.taskStep', { step: stepTitle(t, s), unit: unitName(s.task.unitId) })
                  : stepTitle(t, s)}
              </Button>
            ))}
          </Space>
        )}
      </Card>
      {can(me, 'assessment.manage') && (
        <Suspense fallback={null}>
          <CaseSupervision caseId={id} />
        </Suspense>
      )}

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('case.elements')}>
            <Facts
              items={[
                [t('case.category'), categoryPath(c.category, categories.byCode, locale)],
                [t('case.occurredAt'), formatShanghai(c.occurredAt)],
                [t('case.address'), c.address ?? '—'],
                [
                  t('case.coordinates'),
                  c.lat !== null && c.lng !== null ? `${c.lat.toFixed(5)}, ${c.lng.toFixed(5)}` : '—',
                ],
                [t('case.grid'), c.outsideGrid ? t('case.outsideGrid') : c.gridId ? unitName(c.gridId) : '—'],
                [t('case.party'), c.party || '—'],
                [t('case.situation'), <Multiline key="s" text={c.situation} />],
                [t('case.demand'), <Multiline key="d" text={c.demand} />],
                [
                  t('case.proposedUnit'),
                  c.proposedUnitId ? unitName(c.proposedUnitId) : (c.proposedUnitText ?? '—'),
                ],
                [t('case.channel'), channelLabel(t, c.channel)],
                ...(c.sourceRef ? [[t('case.sourceRef'), c.sourceRef] as [string, ReactNode]] : []),
                [t('case.createdAt'), formatShanghai(c.createdAt)],
              ]}
            />
          </Card>
          {data.files.length > 0 && <Photos files={data.files} />}
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('case.handling')} style={{ marginBottom: 16 }}>
            <Facts
              items={[
                [
                  t('case.state'),
                  <Tag key="state" color={stateColour(c.state, c.stateType)}>
                    {stateLabel(t, c.state)}
                  </Tag>,
                ],
                [t('case.leadUnit'), c.leadUnitId ? unitName(c.leadUnitId) : t('case.noLeadUnit')],
                ...(c.jointEnforcement
                  ? [[t('case.jointEnforcement'), t('common.ok')] as [string, ReactNode]]
                  : []),
                [t('case.slaClass'), slaLabel(t, c.slaClass)],
                [t('case.level'), t(`caseLevel.${c.level}`)],
                [t('case.rounds'), round ?? t('case.firstRound')],
                ...(c.mergedIntoId
                  ? [
                      [
                        t('case.mergedInto'),
                        <Link key="m" to={`/cases/${encodeURIComponent(c.mergedIntoId)}`}>
                          {t('case.openMerged')}
                        </Link>,
                      ] as [string, ReactNode],
                    ]
                  : []),
                [
                  t('case.feedback'),
                  c.feedback ? (
                    <div key="f">
                      <Multiline text={c.feedback} />
                      {c.feedbackAt && (
                        <div>
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {t('case.feedbackAt', { time: formatShanghai(c.feedbackAt) })}
                          </Typography.Text>
                        </div>
                      )}
                    </div>
                  ) : (
                    t('case.noFeedback')
                  ),
                ],
                ...(c.rating ? [[t('case.rating'), t(`caseRating.${c.rating}`)] as [string, ReactNode]] : []),
              ]}
            />
          </Card>
          <Card size="small" title={t('case.clocks')}>
            <ClocksList duties={data.obligations} unitName={unitName} />
          </Card>
        </Col>
      </Row>

      {data.tasks.length > 0 && (
        <Card size="small" title={t('case.tasks')} style={{ marginTop: 16 }}>
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {data.tasks.map((task) => (
              <li key={task.id} style={{ marginBottom: 8 }}>
                <strong>{unitName(task.unitId)}</strong> <Tag>{taskStateLabel(t, task.state)}</Tag>
                <Typography.Text type="secondary">
                  {t('case.taskRound')} {task.round}
                </Typography.Text>
                {task.result && <div>{task.result}</div>}
              </li>
            ))}
          </ul>
        </Card>
      )}

      {data.returns.length > 0 && (
        <Card size="small" title={t('case.returns')} style={{ marginTop: 16 }}>
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {data.returns.map((r) => (
              <li key={r.id} style={{ marginBottom: 8 }}>
                {formatShanghai(r.returnedAt)} · <strong>{unitName(r.unitId)}</strong>
                {t('case.colon')}
                {r.reason}
                <div>
                  <Typography.Text type="secondary">
                    {r.decision === 'agreed'
                      ? t('case.returnAgreed')
                      : r.decision === 'refused'
                        ? t('case.returnRefused')
                        : t('case.returnPending')}
                  </Typography.Text>
                </div>
              </li>
            ))}
          </ul>
        </Card>
      )}

      {data.records.length > 0 && (
        <Card size="small" title={t('case.records')} style={{ marginTop: 16 }}>
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {data.records.map((r) => (
              <li key={r.id} style={{ marginBottom: 8 }}>
                <strong>{recordKindLabel(t, r.kind)}</strong> · {formatShanghai(r.createdAt)}
                {r.decidedByLeader && <Tag style={{ marginInlineStart: 8 }}>{t('case.recordLeader')}</Tag>}
                <div>
                  {t('case.recordUnits')}
                  {t('case.colon')}
                  {r.unitIds.map(unitName).join('、')}
                </div>
                {r.decision && (
                  <div>
                    {t('case.recordDecision')}
                    {t('case.colon')}
                    {r.decision}
                  </div>
                )}
                {r.minutes && (
                  <div>
                    {t('case.recordMinutes')}
                    {t('case.colon')}
                    <Multiline text={r.minutes} />
                  </div>
                )}
              </li>
            ))}
          </ul>
        </Card>
      )}

      <Card size="small" title={t('case.timeline')} style={{ marginTop: 16 }}>
        <Timeline entries={data.timeline} unitName={unitName} />
      </Card>

      {step && (
        <Suspense fallback={null}>
          <StepModal
            step={step}
            detail={data}
            category={category}
            unitName={unitName}
            onClose={() => setStep(null)}
            onDone={() => {
              setStep(null);
              reload();
            }}
            onStale={reload}
          />
        </Suspense>
      )}
    </div>
  );
}

function BackLink() {
  const { t } = useI18n();
  return (
    <Link to="/cases" style={{ display: 'block', width: 'fit-content', marginBottom: 8 }}>
      <ArrowLeftOutlined aria-hidden /> {t('case.back')}
    </Link>
  );
}

/** Text as typed, line breaks kept, long words broken so nothing runs off a phone's screen. */
export function Multiline({ text }: { text: string }) {
  return <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{text || '—'}</span>;
}

const PURPOSES = ['call', 'arrival', 'progress', 'finish'] as const;

/** The case's photos by purpose, each a thumbnail that opens the full photo. */
function Photos({ files }: { files: readonly CaseFile[] }) {
  const { t } = useI18n();
  const { token } = theme.useToken();
  const groups = [...PURPOSES, 'other' as const]
    .map((purpose) => ({
      purpose,
      files: files.filter((file) =>
        purpose === 'other'
          ? !(PURPOSES as readonly string[]).includes(file.purpose ?? '')
          : file.purpose === purpose,
      ),
    }))
    .filter((group) => group.files.length > 0);
  let n = 0;
  return (
    <Card size="small" title={t('case.files')} style={{ marginTop: 16 }}>
      {groups.map((group) => (
        <section key={group.purpose} style={{ marginBottom: 8 }}>
          <Typography.Text type="secondary">{t(`filePurpose.${group.purpose}`)}</Typography.Text>
          <ul
            style={{
              display: 'flex',
              flexWrap: 'wrap',
              gap: 8,
              listStyle: 'none',
              margin: '4px 0 0',
              padding: 0,
            }}
          >
            {group.files.map((file) => {
              n += 1;
              const name = t('photo.alt', { n });
              return (
                <li key={file.id}>
                  <a
                    href={file.url}
                    target="_blank"
                    rel="noreferrer"
                    aria-label={t('case.openPhoto', { name })}
                  >
                    <img
                      src={file.url}
                      alt={name}
                      width={88}
                      height={88}
                      loading="lazy"
                      style={{
                        objectFit: 'cover',
                        borderRadius: 6,
                        border: `1px solid ${token.colorBorder}`,
                      }}
                    />
                  </a>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </Card>
  );
}
