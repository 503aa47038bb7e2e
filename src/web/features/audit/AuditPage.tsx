import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Input, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { useDocumentTitle, useT } from '../../i18n/i18n.tsx';
import { type ApiError, api, asApiError, withQuery } from '../../lib/api.ts';
import type { AuditEvent } from '../../lib/api-types.ts';
import { formatShanghai } from '../../lib/time.ts';
import { can, useMe } from '../../session/session.tsx';
import { VerifyChain } from './VerifyChain.tsx';

const PAGE_SIZE = 50;

interface Loaded {
  events: AuditEvent[];
  nextBefore: string | null;
}

/** Appends a page, skipping events already shown (an event may straddle two reads). */
function appendPage(current: AuditEvent[], next: AuditEvent[]): AuditEvent[] {
  const seen = new Set(current.map((event) => event.id));
  return [...current, ...next.filter((event) => !seen.has(event.id))];
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The trail's filters from the address (?kind=&subjectType=&subjectId=&actorId=&from=&to=); malformed ones dropped. */
export function auditFilters(params: URLSearchParams): Record<string, string | undefined> {
  const text = (name: string, max: number) => params.get(name)?.trim().slice(0, max) || undefined;
  const day = (name: string) => (DAY.test(params.get(name) ?? '') ? (params.get(name) as string) : undefined);
  const subjectType = text('subjectType', 100);
  const actorId = params.get('actorId') ?? '';
  return {
    kind: text('kind', 100),
    subjectType,
    subjectId: subjectType ? text('subjectId', 200) : undefined,
    actorId: UUID.test(actorId) ? actorId : undefined,
    from: day('from'),
    to: day('to'),
  };
}

function field(id: string, label: string, control: ReactNode) {
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
      <label htmlFor={id}>{label}</label>
      {control}
    </span>
  );
}

/**
 * 审计日志: the trail newest first, a page at a time, filtered by kind, subject, actor (a
 * click on an actor or a subject filters by it) and days — all in the address, so a view
 * can be shared — and 导出 Excel for the same events (GET /api/audit/events.xlsx).
 */
export function AuditPage() {
  const t = useT();
  const me = useMe();
  useDocumentTitle(t('nav.audit'));
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => auditFilters(params), [params]);
  const setFilters = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) {
      if (value) next.set(name, value);
      else next.delete(name);
    }
    setParams(next, { replace: true });
  };
  const [kind, setKind] = useState(filters.kind ?? '');
  const [subjectType, setSubjectType] = useState(filters.subjectType ?? '');
  const [subjectId, setSubjectId] = useState(filters.subjectId ?? '');
  useEffect(() => {
    setKind(filters.kind ?? '');
    setSubjectType(filters.subjectType ?? '');
    setSubjectId(filters.subjectId ?? '');
  }, [filters.kind, filters.subjectType, filters.subjectId]);
  const apply = () =>
    setFilters({
      kind: kind.trim() || null,
      subjectType: subjectType.trim() || null,
      subjectId: subjectType.trim() ? subjectId.trim() || null : null,
    });
  const [loaded, setLoaded] = useState<Loaded>({ events: [], nextBefore: null });
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);

  /** `before` undefined: the newest page, replacing what is shown. */
  const load = useCallback(
    async (before?: string) => {
      setLoading(true);
      setError(null);
      try {
        const page = await api.auditEvents({ ...filters, limit: PAGE_SIZE, before });
        setLoaded((current) => ({
          events: before === undefined ? page.items : appendPage(current.events, page.items),
          nextBefore: page.nextBefore,
        }));
      } catch (caught) {
        setError(asApiError(caught));
      } finally {
        setLoading(false);
      }
    },
    [filters],
  );

  useEffect(() => {
    void load();
  }, [load]);

  const columns: TableColumnsType<AuditEvent> = [
    {
      key: 'time',
      title: t('audit.time'),
      width: 150,
      render: (_, event) => <span style={{ whiteSpace: 'nowrap' }}>{formatShanghai(event.occurredAt)}</span>,
    },
    { key: 'kind', title: t('audit.kind'), render: (_, event) => <code>{event.kind}</code> },
    {
      key: 'subject',
      title: t('audit.subject'),
      render: (_, event) => (
        <Button
          type="link"
          size="small"
          style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
          title={t('auditList.bySubject')}
          onClick={() => setFilters({ subjectType: event.subjectType, subjectId: event.subjectId })}
        >
          <span>
            {event.subjectType} <Typography.Text type="secondary">{event.subjectId}</Typography.Text>
          </span>
        </Button>
      ),
    },
    {
      key: 'actor',
      title: t('audit.actor'),
      render: (_, event) =>
        event.actorId ? (
          <Button
            type="link"
            size="small"
            style={{ padding: 0, height: 'auto' }}
            title={t('auditList.byActor')}
            onClick={() => setFilters({ actorId: event.actorId })}
          >
            {event.actorName ?? event.actorId}
          </Button>
        ) : (
          t('audit.system')
        ),
    },
  ];

  return (
    <div>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('nav.audit')}
        </Typography.Title>
        <Button icon={<ReloadOutlined aria-hidden />} onClick={() => void load()} disabled={loading}>
          {t('common.refresh')}
        </Button>
      </Space>
      {can(me, 'audit.verify') && <VerifyChain />}
      <Space wrap style={{ marginBottom: 12 }}>
        {field(
          'audit-kind',
          t('audit.kind'),
          <Input
            id="audit-kind"
            value={kind}
            maxLength={100}
            placeholder="case.sign"
            onChange={(event) => setKind(event.target.value)}
            onPressEnter={apply}
            style={{ width: 180 }}
          />,
        )}
        {field(
          'audit-subject-type',
          t('auditList.subjectType'),
          <Input
            id="audit-subject-type"
            value={subjectType}
            maxLength={100}
            placeholder="case"
            onChange={(event) => setSubjectType(event.target.value)}
            onPressEnter={apply}
            style={{ width: 120 }}
          />,
        )}
        {field(
          'audit-subject-id',
          t('auditList.subjectId'),
          <Input
            id="audit-subject-id"
            value={subjectId}
            maxLength={200}
            disabled={!subjectType.trim()}
            onChange={(event) => setSubjectId(event.target.value)}
            onPressEnter={apply}
            style={{ width: 200 }}
          />,
        )}
        {field(
          'audit-from',
          t('list.from'),
          <Input
            id="audit-from"
            type="date"
            value={filters.from ?? ''}
            max={filters.to}
            onChange={(event) => setFilters({ from: event.target.value || null })}
            style={{ width: 150 }}
          />,
        )}
        {field(
          'audit-to',
          t('list.to'),
          <Input
            id="audit-to"
            type="date"
            value={filters.to ?? ''}
            min={filters.from}
            onChange={(event) => setFilters({ to: event.target.value || null })}
            style={{ width: 150 }}
          />,
        )}
        <Button onClick={apply}>{t('auditList.apply')}</Button>
        {filters.actorId && (
          <Tag closable onClose={() => setFilters({ actorId: null })}>
            {t('auditList.oneActor', {
              name: loaded.events.find((e) => e.actorId === filters.actorId)?.actorName ?? filters.actorId,
            })}
          </Tag>
        )}
        {Object.values(filters).some(Boolean) && (
          <Button
            onClick={() =>
              setFilters({
                kind: null,
                subjectType: null,
                subjectId: null,
                actorId: null,
                from: null,
                to: null,
              })
            }
          >
            {t('list.clearFilters')}
          </Button>
        )}
        <Button
          href={withQuery('/api/audit/events.xlsx', filters)}
          download
          icon={<DownloadOutlined aria-hidden />}
          title={t('list.exportHint')}
        >
          {t('list.export')}
        </Button>
      </Space>
      <ApiErrorAlert error={error} onRetry={() => void load(loaded.nextBefore ?? undefined)} />
      <Table<AuditEvent>
        rowKey="id"
        columns={columns}
        dataSource={loaded.events}
        loading={loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('audit.empty') }}
        expandable={{
          expandedRowRender: (event) => (
            <div>
              <Typography.Text type="secondary">
                {t('audit.stream')} {event.stream} · {t('audit.seq')} {event.seq} · {event.id}
              </Typography.Text>
              <pre style={{ margin: '8px 0 0', whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
                {JSON.stringify(event.payload, null, 2)}
              </pre>
            </div>
          ),
        }}
      />
      <div style={{ textAlign: 'center', marginTop: 16 }}>
        {loaded.nextBefore ? (
          <Button onClick={() => void load(loaded.nextBefore ?? undefined)} loading={loading}>
            {t('audit.loadMore')}
          </Button>
        ) : (
          loaded.events.length > 0 && (
            <Typography.Text type="secondary">{t('audit.allLoaded')}</Typography.Text>
          )
        )}
      </div>
    </div>
  );
}
