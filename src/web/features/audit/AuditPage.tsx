import { ReloadOutlined } from '@ant-design/icons';
import { Button, Space, Table, type TableColumnsType, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { useDocumentTitle, useT } from '../../i18n/i18n.tsx';
import { type ApiError, api, asApiError } from '../../lib/api.ts';
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

export function AuditPage() {
  const t = useT();
  const me = useMe();
  useDocumentTitle(t('nav.audit'));
  const [loaded, setLoaded] = useState<Loaded>({ events: [], nextBefore: null });
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);

  /** `before` undefined: the newest page, replacing what is shown. */
  const load = useCallback(async (before?: string) => {
    setLoading(true);
    setError(null);
    try {
      const page = await api.auditEvents({ limit: PAGE_SIZE, before });
      setLoaded((current) => ({
        events: before === undefined ? page.items : appendPage(current.events, page.items),
        nextBefore: page.nextBefore,
      }));
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setLoading(false);
    }
  }, []);

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
        <span>
          {event.subjectType} <Typography.Text type="secondary">{event.subjectId}</Typography.Text>
        </span>
      ),
    },
    {
      key: 'actor',
      title: t('audit.actor'),
      render: (_, event) => event.actorName ?? event.actorId ?? t('audit.system'),
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
