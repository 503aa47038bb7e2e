import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Grid, Input, Select, Space, Tabs, Tag, Typography, theme } from 'antd';
import { type CSSProperties, type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { VISUALLY_HIDDEN } from '../../components/visually-hidden.ts';
import { useDocumentTitle, useI18n } from '../../i18n/i18n.tsx';
import type { Translate } from '../../i18n/translate.ts';
import { formatShanghai } from '../../lib/time.ts';
import { useApi } from '../../lib/use-api.ts';
import { useNow } from '../../lib/use-now.ts';
import { can, useMe } from '../../session/session.tsx';
import { CASE_STATE_LIST, queueStates } from './case-flow.ts';
import { categoryLeafName, categoryName, roundLabel, stateColour, stateLabel } from './case-labels.ts';
import {
  type CaseSort,
  type CaseTab,
  defaultSort,
  defaultTab,
  filtersFromParams,
  hasFilters,
  isCaseSort,
  isCaseTab,
  listQuery,
  placeText,
  sortCases,
} from './case-list.ts';
import type { CaseView } from './case-types.ts';
import { casesApi } from './cases-api.ts';
import { CLOCK_COLOURS, clockOf, clockText, ruleLabel } from './clocks.ts';
import { useCategories } from './use-categories.ts';

const LIMIT = 200;

const SORT_LABELS: Record<CaseSort, Parameters<Translate>[0]> = {
  newest: 'cases.sortNewest',
  oldest: 'cases.sortOldest',
  number: 'cases.sortNumber',
  state: 'cases.sortState',
  category: 'cases.sortCategory',
  due: 'cases.sortDue',
};

/**
 * 我的工作: the cases waiting for me (the states my roles act in), the calls I raised, and
 * every case of my scope. Filter by state, category, the day raised and a number or address,
 * and sort; all of it sits in the address (?tab=&state=&category=&from=&to=&q=&sort=), so a
 * list can be shared and Back from a case returns to it. 导出 Excel downloads the same list
 * (GET /api/cases.xlsx with the same query). A table on a desktop, a list of cards on a phone.
 */
export function CasesPage() {
  const { locale, t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const narrow = screens.md === false;
  useDocumentTitle(t('cases.title'));
  const roles = useMemo(() => me.roles.map((grant) => grant.role), [me.roles]);
  const queue = useMemo(() => queueStates(roles), [roles]);
  const mayRaise = can(me, 'case.raise');
  const [params, setParams] = useSearchParams();
  const tabParam = params.get('tab');
  const tab: CaseTab = isCaseTab(tabParam) ? tabParam : defaultTab(queue, mayRaise);
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const { state } = filters;
  const sortParam = params.get('sort');
  const sort: CaseSort = isCaseSort(sortParam) ? sortParam : defaultSort(tab);
  const setSort = (next: CaseSort) => setParam('sort', next === defaultSort(tab) ? null : next);
  const categories = useCategories();
  const now = useNow();
  const [search, setSearch] = useState(filters.q);
  useEffect(() => setSearch(filters.q), [filters.q]);

  const setParam = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    // Another tab opens with its own filters and order.
    if (name === 'tab') {
      next.delete('state');
      next.delete('sort');
    }
    setParams(next, { replace: true });
  };
  const clearFilters = () => {
    const next = new URLSearchParams(params);
    for (const name of ['state', 'category', 'from', 'to', 'q']) next.delete(name);
    setParams(next, { replace: true });
  };

  const query = useMemo(() => listQuery(tab, queue, filters), [tab, queue, filters]);
  const load = useCallback(async (): Promise<CaseView[]> => {
    if (!query) return [];
    return (await casesApi.list({ ...query, limit: LIMIT })).items;
  }, [query]);
  const { data, error, loading, reload } = useApi(load);

  const nameOf = useCallback(
    (code: string) => categoryLeafName(code, categories.byCode, locale),
    [categories.byCode, locale],
  );
  const rows = useMemo(() => sortCases(data ?? [], sort, nameOf), [data, sort, nameOf]);
  const stateChoices = tab === 'queue' ? queue : CASE_STATE_LIST;
  const empty =
    tab === 'queue'
      ? queue.length === 0
        ? t('cases.noQueueRole')
        : t('cases.queueEmpty')
      : tab === 'mine'
        ? t('cases.mineEmpty')
        : t('cases.empty');

  const categoryOptions = useMemo(() => {
    const all = categories.data ?? [];
    return all
      .filter((group) => group.parentCode === null)
      .map((group) => ({
        label: categoryName(group, locale),
        options: [
          { value: group.code, label: t('list.wholeGroup', { name: categoryName(group, locale) }) },
          ...all
            .filter((leaf) => leaf.parentCode === group.code)
            .map((leaf) => ({ value: leaf.code, label: categoryName(leaf, locale) })),
        ],
      }));
  }, [categories.data, locale, t]);

  const field = (id: string, label: string, control: ReactNode) => (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
      <label htmlFor={id}>{label}</label>
      {control}
    </span>
  );
  const toolbar = (
    <Space wrap style={{ marginBottom: 12 }}>
      {field(
        'cases-state',
        t('cases.filterState'),
        <Select<string>
          id="cases-state"
          value={state}
          onChange={(value) => setParam('state', value || null)}
          options={[
            { value: '', label: t('cases.allStates') },
            ...stateChoices.map((value) => ({ value, label: stateLabel(t, value) })),
          ]}
          style={{ minWidth: 168 }}
        />,
      )}
      {field(
        'cases-category',
        t('list.category'),
        <Select<string>
          id="cases-category"
          value={filters.category}
          onChange={(value) => setParam('category', value || null)}
          showSearch={{ optionFilterProp: 'label' }}
          options={[{ value: '', label: t('list.allCategories') }, ...categoryOptions]}
          style={{ minWidth: 168 }}
        />,
      )}
      {field(
        'cases-from',
        t('list.raisedFrom'),
        <Input
          id="cases-from"
          type="date"
          value={filters.from}
          max={filters.to || undefined}
          onChange={(event) => setParam('from', event.target.value || null)}
          style={{ width: 150 }}
        />,
      )}
      {field(
        'cases-to',
        t('list.raisedTo'),
        <Input
          id="cases-to"
          type="date"
          value={filters.to}
          min={filters.from || undefined}
          onChange={(event) => setParam('to', event.target.value || null)}
          style={{ width: 150 }}
        />,
      )}
      {field(
        'cases-search',
        t('list.search'),
        <Input.Search
          id="cases-search"
          allowClear
          value={search}
          maxLength={50}
          placeholder={t('list.caseSearchHint')}
          onChange={(event) => setSearch(event.target.value)}
          onSearch={(value) => setParam('q', value.trim() || null)}
          style={{ width: 200 }}
        />,
      )}
      {field(
        'cases-sort',
        t('cases.sort'),
        <Select<CaseSort>
          id="cases-sort"
          value={sort}
          onChange={setSort}
          options={(Object.keys(SORT_LABELS) as CaseSort[]).map((value) => ({
            value,
            label: t(SORT_LABELS[value]),
          }))}
          style={{ minWidth: 168 }}
        />,
      )}
      {hasFilters(filters) && <Button onClick={clearFilters}>{t('list.clearFilters')}</Button>}
      {query && (
        <Button
          href={casesApi.exportUrl({ ...query, sort })}
          download
          icon={<DownloadOutlined aria-hidden />}
          title={t('list.exportHint')}
        >
          {t('list.export')}
        </Button>
      )}
    </Space>
  );

  const list = (
    <>
      {toolbar}
      <ApiErrorAlert error={error} onRetry={reload} />
      <div aria-live="polite" style={{ marginBottom: 8 }}>
        {data && (
          <Typography.Text type="secondary">
            {data.length >= LIMIT
              ? t('cases.countCapped', { count: data.length })
              : t('cases.count', { count: data.length })}
          </Typography.Text>
        )}
      </div>
      {narrow ? (
        <CaseCards rows={rows} now={now} loading={loading} empty={empty} categoryName={nameOf} />
      ) : (
        <CaseTable
          rows={rows}
          now={now}
          loading={loading}
          empty={empty}
          categoryName={nameOf}
          sort={sort}
          onSort={setSort}
        />
      )}
    </>
  );

  return (
    <div>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap align="center">
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('cases.title')}
        </Typography.Title>
        {mayRaise && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => navigate('/cases/new')}>
            {t('cases.raise')}
          </Button>
        )}
      </Space>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParam('tab', key)}
        items={[
          // Roles that take no step in the flow (a grid worker) have no queue to show.
          ...(queue.length > 0 || tab === 'queue'
            ? [{ key: 'queue', label: t('cases.tabQueue'), children: tab === 'queue' ? list : null }]
            : []),
          { key: 'mine', label: t('cases.tabMine'), children: tab === 'mine' ? list : null },
          { key: 'all', label: t('cases.tabAll'), children: tab === 'all' ? list : null },
        ]}
      />
    </div>
  );
}

interface ListProps {
  rows: readonly CaseView[];
  /** For the clocks' time left (redrawn every 30 s). */
  now: number;
  loading: boolean;
  empty: string;
  categoryName(code: string): string;
}

function StateTag({ row }: { row: CaseView }) {
  const { t } = useI18n();
  const round = roundLabel(t, row.rounds);
  return (
    <>
      <Tag color={stateColour(row.state, row.stateType)}>{stateLabel(t, row.state)}</Tag>
      {round && <Tag color="purple">{round}</Tag>}
    </>
  );
}

/** The list's clock: the duty owed first, its colour and the time left or late. */
function NextClock({ row, now }: { row: CaseView; now: number }) {
  const { t } = useI18n();
  const { token } = theme.useToken();
  if (!row.nextDuty) return <span style={{ color: token.colorTextTertiary }}>{t('cases.noClock')}</span>;
  const view = clockOf({ ...row.nextDuty, metAt: null }, now);
  return (
    <Tag color={CLOCK_COLOURS[view.status]} style={{ whiteSpace: 'normal' }}>
      {ruleLabel(t, row.nextDuty.ruleId)} · {clockText(t, view)}
    </Tag>
  );
}

const caseLink = (row: CaseView) => `/cases/${encodeURIComponent(row.id)}`;

/** Desktop: a table whose column heads sort (state order follows the flow). */
function CaseTable({
  rows,
  now,
  loading,
  empty,
  categoryName,
  sort,
  onSort,
}: ListProps & { sort: CaseSort; onSort(sort: CaseSort): void }) {
  const { t } = useI18n();
  const { token } = theme.useToken();
  const cell: CSSProperties = {
    padding: 8,
    borderBottom: `1px solid ${token.colorBorderSecondary}`,
    textAlign: 'start',
    verticalAlign: 'top',
  };
  const head: CSSProperties = {
    ...cell,
    fontWeight: 600,
    background: token.colorFillAlter,
    whiteSpace: 'nowrap',
  };
  const sortable = (
    label: string,
    ascending: CaseSort,
    descending?: CaseSort,
  ): { node: ReactNode; aria: 'ascending' | 'descending' | undefined } => {
    const active = sort === ascending || sort === descending;
    const next = descending && sort === descending ? ascending : (descending ?? ascending);
    return {
      aria: !active ? undefined : sort === descending ? 'descending' : 'ascending',
      node: (
        <button
          type="button"
          onClick={() => onSort(next)}
          aria-label={t('cases.sortBy', { column: label })}
          style={{ all: 'unset', cursor: 'pointer', color: active ? token.colorPrimary : undefined }}
        >
          {label}
          {active ? (sort === descending ? ' ↓' : ' ↑') : ''}
        </button>
      ),
    };
  };
  const columns = [
    { key: 'number', ...sortable(t('cases.number'), 'number') },
    { key: 'category', ...sortable(t('cases.category'), 'category') },
    { key: 'state', ...sortable(t('cases.state'), 'state') },
    { key: 'clock', ...sortable(t('cases.clock'), 'due') },
    { key: 'place', node: t('cases.place'), aria: undefined },
    { key: 'createdAt', ...sortable(t('cases.createdAt'), 'oldest', 'newest') },
  ];
  return (
    <div style={{ overflowX: 'auto' }}>
      <table aria-busy={loading} style={{ width: '100%', borderCollapse: 'collapse', fontSize: 14 }}>
        <caption style={VISUALLY_HIDDEN}>{t('cases.listCaption')}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" style={head} aria-sort={column.aria}>
                {column.node}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td
                colSpan={columns.length}
                style={{ ...cell, textAlign: 'center', color: token.colorTextTertiary }}
              >
                {loading ? t('app.loading') : empty}
              </td>
            </tr>
          )}
          {rows.map((row) => (
            <tr key={row.id}>
              <td style={{ ...cell, whiteSpace: 'nowrap' }}>
                <Link to={caseLink(row)}>{row.number}</Link>
              </td>
              <td style={cell}>{categoryName(row.category)}</td>
              <td style={cell}>
                <StateTag row={row} />
              </td>
              <td style={cell}>
                <NextClock row={row} now={now} />
              </td>
              <td style={cell}>{placeText(row) ?? t('cases.noPlace')}</td>
              <td style={{ ...cell, whiteSpace: 'nowrap' }}>{formatShanghai(row.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Phone: one card per case, the whole card a link, nothing wider than the screen. */
function CaseCards({ rows, loading, empty, categoryName, now }: ListProps) {
  const { t } = useI18n();
  const { token } = theme.useToken();
  if (rows.length === 0) {
    return (
      <p aria-busy={loading} style={{ color: token.colorTextTertiary, textAlign: 'center' }}>
        {loading ? t('app.loading') : empty}
      </p>
    );
  }
  return (
    <ul
      aria-label={t('cases.listCaption')}
      aria-busy={loading}
      style={{ listStyle: 'none', margin: 0, padding: 0 }}
    >
      {rows.map((row) => (
        <li
          key={row.id}
          style={{
            border: `1px solid ${token.colorBorderSecondary}`,
            borderRadius: token.borderRadiusLG,
            padding: 12,
            marginBottom: 8,
            background: token.colorBgContainer,
          }}
        >
          <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, flexWrap: 'wrap' }}>
            <Link to={caseLink(row)} style={{ fontWeight: 600, wordBreak: 'break-all' }}>
              {categoryName(row.category)} · {row.number}
            </Link>
          </div>
          <div style={{ marginTop: 4 }}>
            <StateTag row={row} />
            {row.nextDuty && <NextClock row={row} now={now} />}
          </div>
          <div style={{ color: token.colorTextSecondary, marginTop: 4, overflowWrap: 'anywhere' }}>
            {placeText(row) ?? t('cases.noPlace')}
          </div>
          <div style={{ color: token.colorTextTertiary, fontSize: 12, marginTop: 2 }}>
            {t('cases.createdAt')} {formatShanghai(row.createdAt)}
          </div>
        </li>
      ))}
    </ul>
  );
}
