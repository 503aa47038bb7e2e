import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Input, Select, Space, Tag, Typography, theme } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { useDocumentTitle, useI18n } from '../../i18n/i18n.tsx';
import { formatShanghai } from '../../lib/time.ts';
import { useApi } from '../../lib/use-api.ts';
import { useSearchFlag } from '../../lib/use-search-flag.ts';
import { PlainTable } from '../org/PlainTable.tsx';
import { ledgerApi } from './ledger-api.ts';
import { ledgerKindLabel, ledgerStateLabel } from './ledger-labels.ts';
import { isOverdue, LEDGER_SORTS, type LedgerSort, ledgerQueryOf } from './ledger-model.ts';
import { LEDGER_KINDS, type LedgerItem, type UnitOverdue } from './ledger-types.ts';

const LIMIT = 500;

const SORT_LABELS = {
  newest: 'ledgerList.sortNewest',
  oldest: 'ledgerList.sortOldest',
  due: 'ledgerList.sortDue',
  next_report: 'ledgerList.sortNextReport',
  title: 'ledgerList.sortTitle',
} as const satisfies Record<LedgerSort, string>;

/**
 * 台账 (R7, R8, S5, S8): the tracked items the reader may read — by kind, state, title and
 * overdue only, sorted by time, due time, next report or title, with the lead unit, the
 * next report due and an overdue mark — and per unit the open items it leads with its
 * overdue reports and items (催办). Filters and sort sit in the address; 导出 Excel
 * downloads the same list (GET /api/ledger/items.xlsx).
 */
export function LedgerPage() {
  const { t } = useI18n();
  const { token } = theme.useToken();
  useDocumentTitle(t('nav.ledger'));
  const [params, setParams] = useSearchParams();
  const kind = params.get('kind') ?? '';
  const state = params.get('state') ?? 'open';
  const query = useMemo(() => ledgerQueryOf(params, LEDGER_KINDS), [params]);
  const [overdueOnly, setOverdueOnly] = useSearchFlag('overdue', 'true');
  const [search, setSearch] = useState(query.q ?? '');
  useEffect(() => setSearch(query.q ?? ''), [query.q]);
  const setParam = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };
  const loadItems = useCallback(
    () => ledgerApi.items({ ...query, limit: LIMIT }).then((page) => page.items),
    [query],
  );
  const items = useApi<LedgerItem[]>(loadItems);
  const loadOverdue = useCallback(
    () => ledgerApi.overdue(kind || undefined).then((page) => page.units),
    [kind],
  );
  const overdue = useApi<UnitOverdue[]>(loadOverdue);
  const count = (n: number) => (n > 0 ? <strong style={{ color: token.colorError }}>{n}</strong> : n);

  return (
    <div style={{ maxWidth: 1200 }}>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {t('nav.ledger')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('ledger.intro')}</Typography.Paragraph>
      <Space wrap align="end" style={{ marginBottom: 16 }}>
        <div style={{ display: 'grid', gap: 4 }}>
          <label htmlFor="ledger-kind">{t('ledger.kind')}</label>
          <Select
            id="ledger-kind"
            value={kind}
            onChange={(value) => setParam('kind', value || null)}
            options={[
              { value: '', label: t('ledger.allKinds') },
              ...LEDGER_KINDS.map((value) => ({ value, label: ledgerKindLabel(t, value) })),
            ]}
            style={{ width: 200 }}
          />
        </div>
        <div style={{ display: 'grid', gap: 4 }}>
          <label htmlFor="ledger-state">{t('ledger.state')}</label>
          <Select
            id="ledger-state"
            value={state}
            onChange={(value) => setParam('state', value)}
            options={[
              { value: 'open', label: ledgerStateLabel(t, 'open') },
              { value: 'crossed_off', label: ledgerStateLabel(t, 'crossed_off') },
              { value: 'all', label: t('ledger.allStates') },
            ]}
            style={{ width: 160 }}
          />
        </div>
        <div style={{ display: 'grid', gap: 4 }}>
          <label htmlFor="ledger-search">{t('ledgerList.search')}</label>
          <Input.Search
            id="ledger-search"
            allowClear
            value={search}
            maxLength={50}
            onChange={(event) => setSearch(event.target.value)}
            onSearch={(value) => setParam('q', value.trim() || null)}
            style={{ width: 220 }}
          />
        </div>
        <div style={{ display: 'grid', gap: 4 }}>
          <label htmlFor="ledger-sort">{t('list.sort')}</label>
          <Select<LedgerSort>
            id="ledger-sort"
            value={query.sort ?? 'newest'}
            onChange={(value) => setParam('sort', value === 'newest' ? null : value)}
            options={LEDGER_SORTS.map((value) => ({ value, label: t(SORT_LABELS[value]) }))}
            style={{ width: 180 }}
          />
        </div>
        <Checkbox checked={overdueOnly} onChange={(event) => setOverdueOnly(event.target.checked)}>
          {t('ledgerList.overdueOnly')}
        </Checkbox>
        <Button
          icon={<ReloadOutlined aria-hidden />}
          onClick={() => {
            items.reload();
            overdue.reload();
          }}
          loading={items.loading}
        >
          {t('common.refresh')}
        </Button>
        <Button
          href={ledgerApi.exportUrl(query)}
          download
          icon={<DownloadOutlined aria-hidden />}
          title={t('list.exportHint')}
        >
          {t('list.export')}
        </Button>
      </Space>

      <Card size="small" title={t('ledger.items')} style={{ marginBottom: 16 }}>
        <ApiErrorAlert error={items.error} onRetry={items.reload} />
        <PlainTable<LedgerItem>
          caption={t('ledger.items')}
          rows={items.data ?? []}
          rowKey={(item) => item.id}
          loading={items.loading && !items.data}
          empty={t('ledger.noItems')}
          columns={[
            {
              key: 'title',
              title: t('ledger.title'),
              render: (item) => <Link to={`/ledger/items/${encodeURIComponent(item.id)}`}>{item.title}</Link>,
            },
            {
              key: 'kind',
              title: t('ledger.kind'),
              nowrap: true,
              render: (item) => ledgerKindLabel(t, item.kind),
            },
            { key: 'lead', title: t('ledger.lead'), render: (item) => item.lead.name },
            {
              key: 'state',
              title: t('ledger.state'),
              nowrap: true,
              render: (item) => (
                <Tag color={item.state === 'open' ? 'blue' : 'default'}>
                  {ledgerStateLabel(t, item.state)}
                </Tag>
              ),
            },
            {
              key: 'next',
              title: t('ledger.nextReport'),
              nowrap: true,
              render: (item) =>
                item.clocks.nextReportDueAt ? formatShanghai(item.clocks.nextReportDueAt) : '—',
            },
            {
              key: 'overdue',
              title: t('ledger.overdue'),
              nowrap: true,
              render: (item) =>
                isOverdue(item) ? (
                  <Tag color="error">
                    {item.clocks.completionOverdue
                      ? t('ledger.itemOverdue')
                      : t('ledger.reportsOverdue', { count: item.clocks.overdueReports })}
                  </Tag>
                ) : (
                  '—'
                ),
            },
          ]}
        />
      </Card>

      <Card size="small" title={t('ledger.byUnit')}>
        <Typography.Paragraph type="secondary">{t('ledger.byUnitHint')}</Typography.Paragraph>
        <ApiErrorAlert error={overdue.error} onRetry={overdue.reload} />
        <PlainTable<UnitOverdue>
          caption={t('ledger.byUnit')}
          rows={overdue.data ?? []}
          rowKey={(row) => row.unit.id}
          loading={overdue.loading && !overdue.data}
          empty={t('ledger.noUnits')}
          columns={[
            { key: 'unit', title: t('ledger.unit'), render: (row) => row.unit.name },
            { key: 'open', title: t('ledger.openItems'), nowrap: true, render: (row) => row.openItems },
            {
              key: 'reports',
              title: t('ledger.overdueReports'),
              nowrap: true,
              render: (row) => count(row.overdueReports),
            },
            {
              key: 'items',
              title: t('ledger.overdueItems'),
              nowrap: true,
              render: (row) => count(row.overdueItems),
            },
          ]}
        />
      </Card>
    </div>
  );
}
