import { DownloadOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Select, Space, Tag, Typography } from 'antd';
import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { useDocumentTitle, useI18n } from '../../i18n/i18n.tsx';
import { api } from '../../lib/api.ts';
import type { OrgUnit } from '../../lib/api-types.ts';
import { formatShanghai } from '../../lib/time.ts';
import { useApi } from '../../lib/use-api.ts';
import { can, useMe } from '../../session/session.tsx';
import { categoryLeafName } from '../cases/case-labels.ts';
import type { CaseView } from '../cases/case-types.ts';
import { useCategories } from '../cases/use-categories.ts';
import { useUnitNames } from '../cases/use-unit-names.ts';
import { PlainTable } from '../org/PlainTable.tsx';
import { consultationApi, type SessionFilters } from './consultation-api.ts';
import {
  itemSourceLabel,
  SESSION_STATE_COLOURS,
  sessionKindLabel,
  sessionStateLabel,
} from './consultation-labels.ts';
import { areaCandidates, SESSION_AREA_KINDS } from './consultation-model.ts';
import {
  type Item,
  type Queue,
  SESSION_STATES,
  type Session,
  type SessionState,
} from './consultation-types.ts';
import { DecidedDispatch } from './DecidedDispatch.tsx';

// The forms (Form, Modal, unit and category pickers) load only for the 社管办.
const NewSessionModal = lazy(() =>
  import('./NewSessionModal.tsx').then((m) => ({ default: m.NewSessionModal })),
);
const NewItemModal = lazy(() => import('./NewItemModal.tsx').then((m) => ({ default: m.NewItemModal })));

/**
 * 会商研判 (R2–R7): the sessions of the reader's district (the area comes from the grants
 * that read the consultation; `?area=` when there are several), the queue — matters
 * entered and cases marked unclear that wait on none — and, for the 社管办
 * (consultation.manage), new monthly and extra sessions and new items. A centre
 * dispatcher (consultation.dispatch) gets the decided matters whose waiting cases it
 * sends to the decided lead in one action.
 */
export function ConsultationPage() {
  const { t } = useI18n();
  const me = useMe();
  useDocumentTitle(t('nav.consultation'));
  const candidates = useMemo(() => areaCandidates(me.roles), [me.roles]);
  const key = candidates.join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for `candidates`.
  const loadAreas = useCallback(
    () =>
      Promise.all(
        candidates.map((unitId) =>
          api.orgUnit(unitId).then(
            (page) => page.unit,
            () => null,
          ),
        ),
      ).then((units) =>
        units.filter((unit): unit is OrgUnit => unit !== null && SESSION_AREA_KINDS.includes(unit.kind)),
      ),
    [key],
  );
  const areas = useApi<OrgUnit[]>(loadAreas);
  const [params, setParams] = useSearchParams();
  const wanted = params.get('area');
  const area = areas.data?.find((unit) => unit.id === wanted) ?? areas.data?.[0];
  const mayDispatch = can(me, 'consultation.dispatch') && can(me, 'routing.read');

  return (
    <div style={{ maxWidth: 1200 }}>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {t('nav.consultation')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('consultation.intro')}</Typography.Paragraph>
      <ApiErrorAlert error={areas.error} onRetry={areas.reload} />
      {areas.data && areas.data.length > 1 && (
        <Space style={{ marginBottom: 16 }}>
          <label htmlFor="consultation-area">{t('consultation.area')}</label>
          <Select
            id="consultation-area"
            value={area?.id}
            onChange={(value) => setParams({ area: value }, { replace: true })}
            options={areas.data.map((unit) => ({ value: unit.id, label: unit.name }))}
            style={{ minWidth: 200 }}
          />
        </Space>
      )}
      {areas.loading && !areas.data && <Typography.Paragraph>{t('app.loading')}</Typography.Paragraph>}
      {areas.data && !area && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('consultation.noArea')} />
      )}
      {area && <AreaSessions area={area} />}
      {mayDispatch && <DecidedDispatch />}
    </div>
  );
}

/** The sessions and the queue of one district. */
function AreaSessions({ area }: { area: OrgUnit }) {
  const { locale, t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const mayManage = can(me, 'consultation.manage');
  // The sessions' filters sit in the address (?kind=&state=) beside the area.
  const [params, setParams] = useSearchParams();
  const kindParam = params.get('kind');
  const stateParam = params.get('state') ?? '';
  const filters: SessionFilters = useMemo(
    () => ({
      kind: kindParam === 'monthly' || kindParam === 'extra' ? kindParam : undefined,
      state: (SESSION_STATES as readonly string[]).includes(stateParam)
        ? (stateParam as SessionState)
        : undefined,
    }),
    [kindParam, stateParam],
  );
  const setParam = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };
  const loadSessions = useCallback(
    () => consultationApi.sessions(area.id, filters).then((page) => page.items),
    [area.id, filters],
  );
  const sessions = useApi<Session[]>(loadSessions);
  const loadQueue = useCallback(() => consultationApi.queue(area.id), [area.id]);
  const queue = useApi<Queue>(loadQueue);
  const categories = useCategories();
  const [creating, setCreating] = useState<'monthly' | 'extra' | null>(null);
  const [adding, setAdding] = useState(false);
  const names = useUnitNames(queue.data?.items.flatMap((item) => item.involvedUnitIds) ?? []);
  const unitName = (unitId: string) => names.get(unitId) ?? (names.has(unitId) ? t('case.unitHidden') : '…');

  return (
    <>
      <Card
        size="small"
        title={t('consultation.sessionsOf', { area: area.name })}
        style={{ marginBottom: 16 }}
        extra={
          <Space wrap size={4}>
            {mayManage && (
              <>
                <Button
                  type="primary"
                  icon={<PlusOutlined aria-hidden />}
                  onClick={() => setCreating('monthly')}
                >
                  {t('consultation.newMonthly')}
                </Button>
                <Button icon={<PlusOutlined aria-hidden />} onClick={() => setCreating('extra')}>
                  {t('consultation.newExtra')}
                </Button>
              </>
            )}
            <Button
              icon={<ReloadOutlined aria-hidden />}
              onClick={() => {
                sessions.reload();
                queue.reload();
              }}
              loading={sessions.loading}
              aria-label={t('common.refresh')}
            />
          </Space>
        }
      >
        <Space wrap style={{ marginBottom: 12 }}>
          <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
            <label htmlFor="sessions-kind">{t('consultation.kind')}</label>
            <Select<string>
              id="sessions-kind"
              value={filters.kind ?? ''}
              onChange={(value) => setParam('kind', value || null)}
              options={[
                { value: '', label: t('sessionsList.allKinds') },
                { value: 'monthly', label: sessionKindLabel(t, 'monthly') },
                { value: 'extra', label: sessionKindLabel(t, 'extra') },
              ]}
              style={{ width: 140 }}
            />
          </span>
          <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
            <label htmlFor="sessions-state">{t('consultation.state')}</label>
            <Select<string>
              id="sessions-state"
              value={filters.state ?? ''}
              onChange={(value) => setParam('state', value || null)}
              options={[
                { value: '', label: t('sessionsList.allStates') },
                ...SESSION_STATES.map((value) => ({ value, label: sessionStateLabel(t, value) })),
              ]}
              style={{ width: 140 }}
            />
          </span>
          <Button
            href={consultationApi.sessionsExportUrl(area.id, filters)}
            download
            icon={<DownloadOutlined aria-hidden />}
            title={t('list.exportHint')}
          >
            {t('list.export')}
          </Button>
        </Space>
        <ApiErrorAlert error={sessions.error} onRetry={sessions.reload} />
        <PlainTable<Session>
          caption={t('consultation.sessions')}
          rows={sessions.data ?? []}
          rowKey={(session) => session.id}
          loading={sessions.loading && !sessions.data}
          empty={t('consultation.noSessions')}
          columns={[
            {
              key: 'title',
              title: t('consultation.sessionTitle'),
              render: (session) => (
                <Link to={`/consultation/sessions/${encodeURIComponent(session.id)}`}>{session.title}</Link>
              ),
            },
            {
              key: 'kind',
              title: t('consultation.kind'),
              nowrap: true,
              render: (session) => sessionKindLabel(t, session.kind),
            },
            {
              key: 'state',
              title: t('consultation.state'),
              nowrap: true,
              render: (session) => (
                <Tag color={SESSION_STATE_COLOURS[session.state]}>{sessionStateLabel(t, session.state)}</Tag>
              ),
            },
            {
              key: 'meeting',
              title: t('consultation.meetingAt'),
              nowrap: true,
              render: (session) =>
                session.meetingAt ? formatShanghai(session.meetingAt) : t('consultation.meetingNotFixed'),
            },
          ]}
        />
      </Card>

      <Card
        size="small"
        title={t('consultation.queue')}
        style={{ marginBottom: 16 }}
        extra={
          mayManage && (
            <Button icon={<PlusOutlined aria-hidden />} onClick={() => setAdding(true)}>
              {t('consultation.addItem')}
            </Button>
          )
        }
      >
        <Typography.Paragraph type="secondary">{t('consultation.queueHint')}</Typography.Paragraph>
        <ApiErrorAlert error={queue.error} onRetry={queue.reload} />
        <div style={{ display: 'grid', gap: 16 }}>
          <PlainTable<Item>
            caption={t('consultation.queuedItems')}
            captionVisible
            rows={queue.data?.items ?? []}
            rowKey={(item) => item.id}
            loading={queue.loading && !queue.data}
            empty={t('consultation.noQueuedItems')}
            columns={[
              { key: 'title', title: t('consultation.itemTitle'), render: (item) => item.title },
              {
                key: 'source',
                title: t('consultation.source'),
                nowrap: true,
                render: (item) => itemSourceLabel(t, item.source),
              },
              {
                key: 'category',
                title: t('consultation.category'),
                render: (item) =>
                  item.categoryCode ? categoryLeafName(item.categoryCode, categories.byCode, locale) : '—',
              },
              {
                key: 'units',
                title: t('consultation.involved'),
                render: (item) => item.involvedUnitIds.map(unitName).join('、') || '—',
              },
              {
                key: 'created',
                title: t('consultation.enteredAt'),
                nowrap: true,
                render: (item) => formatShanghai(item.createdAt),
              },
            ]}
          />
          <PlainTable<CaseView>
            caption={t('consultation.waitingCases')}
            captionVisible
            rows={queue.data?.waitingCases ?? []}
            rowKey={(c) => c.id}
            loading={queue.loading && !queue.data}
            empty={t('consultation.noWaitingCases')}
            columns={[
              {
                key: 'number',
                title: t('consultation.caseNumber'),
                nowrap: true,
                render: (c) => <Link to={`/cases/${encodeURIComponent(c.id)}`}>{c.number}</Link>,
              },
              {
                key: 'category',
                title: t('consultation.category'),
                render: (c) => categoryLeafName(c.category, categories.byCode, locale),
              },
              {
                key: 'situation',
                title: t('consultation.situation'),
                render: (c) => <span style={{ overflowWrap: 'anywhere' }}>{c.situation}</span>,
              },
              { key: 'address', title: t('consultation.address'), render: (c) => c.address ?? '—' },
              {
                key: 'raised',
                title: t('consultation.raisedAt'),
                nowrap: true,
                render: (c) => formatShanghai(c.createdAt),
              },
            ]}
          />
        </div>
      </Card>

      {creating && (
        <Suspense fallback={null}>
          <NewSessionModal
            area={area}
            kind={creating}
            onClose={() => setCreating(null)}
            onCreated={(session) => {
              setCreating(null);
              navigate(`/consultation/sessions/${encodeURIComponent(session.id)}`);
            }}
          />
        </Suspense>
      )}
      {adding && (
        <Suspense fallback={null}>
          <NewItemModal
            area={area}
            waitingCases={queue.data?.waitingCases ?? []}
            onClose={() => setAdding(false)}
            onAdded={() => {
              setAdding(false);
              queue.reload();
            }}
          />
        </Suspense>
      )}
    </>
  );
}
