import { ArrowLeftOutlined, FileWordOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Space, Steps, Tag, Typography } from 'antd';
import { lazy, type ReactNode, Suspense, useCallback, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { useFeedback } from '../../components/feedback.tsx';
import { useDocumentTitle, useI18n } from '../../i18n/i18n.tsx';
import { type ApiError, asApiError } from '../../lib/api.ts';
import { formatShanghai } from '../../lib/time.ts';
import { useApi } from '../../lib/use-api.ts';
import { can, useMe } from '../../session/session.tsx';
import { categoryPath } from '../cases/case-labels.ts';
import type { Obligation } from '../cases/case-types.ts';
import { Facts } from '../cases/Facts.tsx';
import { DutyList } from '../ledger/DutyList.tsx';
import { dutyDeadlineLabel } from '../ledger/duty-labels.ts';
import { principleLabel } from '../routing/routing-labels.ts';
import { useAllCategories } from '../routing/use-all-categories.ts';
import { consultationApi, minutesUrl, specialReportUrl } from './consultation-api.ts';
import {
  ITEM_STATE_COLOURS,
  itemSourceLabel,
  itemStateLabel,
  SESSION_STATE_COLOURS,
  sessionKindLabel,
  sessionStateLabel,
} from './consultation-labels.ts';
import { sessionStep } from './consultation-model.ts';
import type { Item, Session } from './consultation-types.ts';
import { DispatchButton } from './DispatchButton.tsx';
import { useUnits } from './use-units.ts';

// The agenda and meeting forms load only for the 社管办, when the session is at that step.
const AgendaForm = lazy(() => import('./AgendaForm.tsx').then((m) => ({ default: m.AgendaForm })));
const MeetingForm = lazy(() => import('./MeetingForm.tsx').then((m) => ({ default: m.MeetingForm })));

/** The deadlines of a session by kind (create-session.ts), shown when the reader may not read the clocks. */
const PLANNED: Record<string, [rule: string, deadline: string][]> = {
  monthly: [
    ['R4', 'M+0@18'],
    ['R5', 'M+0@21'],
    ['R2', 'M+0@L'],
  ],
  extra: [
    ['R5', '2wd'],
    ['R2', '5wd'],
  ],
};

/**
 * One session (R2–R7): its steps (征集 → 议程确定 → 已召开 → 纪要印发), its clocks (R4, R5,
 * R2), the facts of the meeting, the items with their determinations; for the 社管办 the
 * form of the current step (agenda, meeting record) and 印发纪要; the minutes and the
 * special report as .docx once held; for a centre, 一键派发待办案件 per decided item.
 */
export function SessionPage() {
  const { id = '' } = useParams();
  const { locale, t } = useI18n();
  const { modal, message } = useFeedback();
  const me = useMe();
  const load = useCallback(() => consultationApi.session(id), [id]);
  const { data, error, loading, reload } = useApi(load);
  const mayDuties = can(me, 'obligation.read');
  const loadDuties = useCallback(
    (): Promise<Obligation[] | null> =>
      mayDuties
        ? consultationApi.obligations('consultation_session', id).then((page) => page.items)
        : Promise.resolve(null),
    [id, mayDuties],
  );
  const duties = useApi(loadDuties);
  const categories = useAllCategories();
  const [issueError, setIssueError] = useState<ApiError | null>(null);
  useDocumentTitle(data?.session.title ?? t('nav.consultation'));
  const mayManage = can(me, 'consultation.manage');
  const mayDispatch = can(me, 'consultation.dispatch');
  const mayPapers = can(me, 'consultation.papers');
  const mayLedger = can(me, 'ledger.read');

  const unitIds = useMemo(() => {
    if (!data) return [];
    const s = data.session;
    return [
      ...s.attendance.map((a) => a.unitId),
      ...s.laggards.map((l) => l.unitId),
      ...data.items.flatMap((item) => [
        ...item.involvedUnitIds,
        item.leadUnitId,
        item.placeUnitId,
        ...item.cooperatingUnitIds,
      ]),
    ];
  }, [data]);
  const units = useUnits(unitIds);
  const unitName = useCallback(
    (unitId: string) => {
      if (!units.has(unitId)) return t('case.unitLoading');
      return units.get(unitId)?.name ?? t('case.unitHidden');
    },
    [units, t],
  );
  const reloadAll = () => {
    reload();
    duties.reload();
  };

  if (!data) {
    return (
      <div>
        <BackLink />
        <ApiErrorAlert error={error} onRetry={reload} />
        {loading && <Typography.Paragraph>{t('app.loading')}</Typography.Paragraph>}
      </div>
    );
  }

  const { session, items } = data;
  const step = sessionStep(session.state);
  const held = session.state === 'held' || session.state === 'minutes_issued';
  const undecided = items.some((item) => item.state === 'to_leaders');

  const issue = () => {
    modal.confirm({
      title: t('session.issueConfirm'),
      content: t('session.issueBody'),
      okText: t('session.issue'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        setIssueError(null);
        try {
          await consultationApi.issueMinutes(session.id);
          message.success(t('session.issued'));
          reloadAll();
        } catch (caught) {
          setIssueError(asApiError(caught));
        }
      },
    });
  };

  return (
    <div style={{ maxWidth: 1200 }}>
      <BackLink area={session.areaUnitId} />
      <Space wrap align="center" style={{ marginBottom: 12 }}>
        <Typography.Title level={2} style={{ margin: 0, overflowWrap: 'anywhere' }}>
          {session.title}
        </Typography.Title>
        <Tag
          color={SESSION_STATE_COLOURS[session.state]}
          data-session-state={session.state}
          style={{ fontSize: 14 }}
        >
          {sessionStateLabel(t, session.state)}
        </Tag>
        <Button icon={<ReloadOutlined aria-hidden />} onClick={reloadAll} loading={loading}>
          {t('common.refresh')}
        </Button>
      </Space>
      <ApiErrorAlert error={error} onRetry={reload} />
      <Steps
        current={step}
        status={session.state === 'minutes_issued' ? 'finish' : 'process'}
        style={{ marginBottom: 16 }}
        items={[
          { title: t('session.stepCollect'), description: t('session.stepCollectHint') },
          { title: t('session.stepAgenda'), description: t('session.stepAgendaHint') },
          { title: t('session.stepHeld'), description: t('session.stepHeldHint') },
          { title: t('session.stepIssued'), description: t('session.stepIssuedHint') },
        ]}
      />

      {(mayManage || (held && mayPapers)) && (
        <Card size="small" title={t('session.actions')} style={{ marginBottom: 16 }}>
          <ApiErrorAlert error={issueError} />
          {((mayManage && session.state === 'held') || (held && mayPapers)) && (
            <Space wrap>
              {mayManage && session.state === 'held' && (
                <Button type="primary" onClick={issue}>
                  {t('session.issue')}
                </Button>
              )}
              {held && mayPapers && (
                <>
                  <Button href={minutesUrl(session.id)} download icon={<FileWordOutlined aria-hidden />}>
                    {t('session.minutes')}
                  </Button>
                  {undecided && (
                    <Button
                      href={specialReportUrl(session.id)}
                      download
                      icon={<FileWordOutlined aria-hidden />}
                    >
                      {t('session.specialReport')}
                    </Button>
                  )}
                </>
              )}
            </Space>
          )}
          {mayManage && session.state === 'collecting' && (
            <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
              {t('session.agendaBelow')}
            </Typography.Paragraph>
          )}
          {mayManage && session.state === 'agenda_fixed' && (
            <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
              {t('session.meetingBelow')}
            </Typography.Paragraph>
          )}
        </Card>
      )}

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('session.facts')}>
            <SessionFacts session={session} unitName={unitName} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('session.clocks')}>
            <ApiErrorAlert error={duties.error} onRetry={duties.reload} />
            {duties.data ? (
              <DutyList
                duties={duties.data}
                caption={t('session.clocksCaption')}
                unitName={(duty) => duty.unitName ?? unitName(duty.unitId)}
                empty={t('session.noClocks')}
              />
            ) : (
              !duties.loading && (
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {(PLANNED[session.kind] ?? []).map(([rule, deadline]) => (
                    <li key={rule}>
                      {t(`clockRule.${rule as 'R2' | 'R4' | 'R5'}`)}
                      {t('case.colon')}
                      {dutyDeadlineLabel(t, deadline)}
                    </li>
                  ))}
                </ul>
              )
            )}
          </Card>
        </Col>
      </Row>

      <Card size="small" title={t('session.items', { count: items.length })} style={{ marginTop: 16 }}>
        {items.length === 0 ? (
          <Typography.Text type="secondary">{t('session.noItems')}</Typography.Text>
        ) : (
          <ol style={{ margin: 0, paddingInlineStart: 20, display: 'grid', gap: 16 }}>
            {items.map((item) => (
              <li key={item.id} data-item-state={item.state}>
                <ItemView
                  item={item}
                  unitName={unitName}
                  category={
                    item.categoryCode ? categoryPath(item.categoryCode, categories.byCode, locale) : '—'
                  }
                  extra={
                    <>
                      {mayLedger && item.ledgerItemId && (
                        <Link to={`/ledger/items/${encodeURIComponent(item.ledgerItemId)}`}>
                          {t('session.openLedger')}
                        </Link>
                      )}
                      {mayDispatch && item.state === 'decided' && (
                        <DispatchButton itemId={item.id} label={item.title} />
                      )}
                    </>
                  }
                />
              </li>
            ))}
          </ol>
        )}
      </Card>

      {mayManage && session.state === 'collecting' && (
        <Suspense fallback={null}>
          <AgendaForm session={session} onDone={reloadAll} />
        </Suspense>
      )}
      {mayManage && session.state === 'agenda_fixed' && (
        <Suspense fallback={null}>
          <MeetingForm session={session} items={items} onDone={reloadAll} />
        </Suspense>
      )}
    </div>
  );
}

function BackLink({ area }: { area?: string }) {
  const { t } = useI18n();
  return (
    <Link
      to={area ? `/consultation?area=${encodeURIComponent(area)}` : '/consultation'}
      style={{ display: 'block', width: 'fit-content', marginBottom: 8 }}
    >
      <ArrowLeftOutlined aria-hidden /> {t('session.back')}
    </Link>
  );
}

function SessionFacts({ session, unitName }: { session: Session; unitName(unitId: string): string }) {
  const { t } = useI18n();
  const rows: [string, ReactNode][] = [
    [t('consultation.kind'), sessionKindLabel(t, session.kind)],
    ...(session.month ? [[t('consultation.month'), session.month] as [string, ReactNode]] : []),
    [
      t('consultation.meetingAt'),
      session.meetingAt ? formatShanghai(session.meetingAt) : t('consultation.meetingNotFixed'),
    ],
    [t('session.location'), session.location ?? '—'],
    [t('session.createdAt'), formatShanghai(session.createdAt)],
  ];
  if (session.heldAt) rows.push([t('session.heldAt'), formatShanghai(session.heldAt)]);
  if (session.minutesIssuedAt) rows.push([t('session.issuedAt'), formatShanghai(session.minutesIssuedAt)]);
  if (session.attendance.length > 0)
    rows.push([
      t('session.attendance'),
      <ul key="a" style={{ margin: 0, paddingInlineStart: 18 }}>
        {session.attendance.map((a) => (
          <li key={a.unitId}>
            {unitName(a.unitId)}
            {a.people && ` · ${a.people}`}
          </li>
        ))}
      </ul>,
    ]);
  if (session.laggards.length > 0)
    rows.push([
      t('session.laggards'),
      <ul key="l" style={{ margin: 0, paddingInlineStart: 18 }}>
        {session.laggards.map((l) => (
          <li key={l.unitId}>
            {unitName(l.unitId)}
            {t('case.colon')}
            {l.explanation}
          </li>
        ))}
      </ul>,
    ]);
  if (session.requirements)
    rows.push([
      t('session.requirements'),
      <span key="r" style={{ whiteSpace: 'pre-wrap' }}>
        {session.requirements}
      </span>,
    ]);
  return <Facts items={rows} />;
}

function ItemView({
  item,
  unitName,
  category,
  extra,
}: {
  item: Item;
  unitName(unitId: string): string;
  category: string;
  extra: ReactNode;
}) {
  const { t } = useI18n();
  const rows: [string, ReactNode][] = [
    [t('consultation.source'), itemSourceLabel(t, item.source)],
    [
      t('consultation.description'),
      <span key="d" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {item.description}
      </span>,
    ],
    [t('consultation.category'), category],
    [t('consultation.place'), item.placeUnitId ? unitName(item.placeUnitId) : '—'],
    [t('consultation.involved'), item.involvedUnitIds.map(unitName).join('、') || '—'],
  ];
  if (item.state === 'decided') {
    rows.push(
      [t('session.principle'), item.principle ? principleLabel(t, item.principle) : '—'],
      [t('session.lead'), item.leadUnitId ? <strong key="l">{unitName(item.leadUnitId)}</strong> : '—'],
      [t('session.cooperating'), item.cooperatingUnitIds.map(unitName).join('、') || '—'],
      [t('session.basis'), item.basis ?? '—'],
    );
  }
  if (item.reasoning) rows.push([t('session.reasoning'), item.reasoning]);
  return (
    <div>
      <Space wrap style={{ marginBottom: 4 }}>
        <strong>{item.title}</strong>
        <Tag color={ITEM_STATE_COLOURS[item.state]}>{itemStateLabel(t, item.state)}</Tag>
      </Space>
      <Facts items={rows} />
      <div style={{ marginTop: 8, display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'start' }}>
        {extra}
      </div>
    </div>
  );
}
