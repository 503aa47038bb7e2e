import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Input, Select, Space, Tag, Typography } from 'antd';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.tsx';
import { useFeedback } from '../../../components/feedback.tsx';
import { useDocumentTitle, useT } from '../../../i18n/i18n.tsx';
import { api, withQuery } from '../../../lib/api.ts';
import type { Person } from '../../../lib/api-types.ts';
import { useApi } from '../../../lib/use-api.ts';
import { can, useMe } from '../../../session/session.tsx';
import { PlainTable } from '../PlainTable.tsx';

// The form loads only for those who may add people (person.manage).
const PersonFormModal = lazy(() =>
  import('./PersonFormModal.tsx').then((m) => ({ default: m.PersonFormModal })),
);

const LIMIT = 200;

type PeopleSort = 'name' | 'unit';

/**
 * People of the reader's scope (person.read), searched by name, optionally of one unit and
 * the units under it, sorted by name or unit; numbers as the server sends them (masked
 * unless the reader's role needs them). person.manage adds people. Search, unit and sort
 * live in the address (?q=&unitId=&sort=), so coming back from a person keeps them and a
 * list can be shared; 导出 Excel downloads the same list, masked the same way
 * (GET /api/people.xlsx).
 */
export function PeoplePage() {
  const t = useT();
  const me = useMe();
  const { message } = useFeedback();
  useDocumentTitle(t('nav.people'));
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const unitId = params.get('unitId') ?? '';
  const sort: PeopleSort = params.get('sort') === 'unit' ? 'unit' : 'name';
  const [text, setText] = useState(query);
  useEffect(() => setText(query), [query]);
  const [adding, setAdding] = useState(false);
  const setParam = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };
  const exportUrl = withQuery('/api/people.xlsx', {
    q: query.trim() || undefined,
    unitId: unitId || undefined,
    sort: sort === 'unit' ? sort : undefined,
  });
  const load = useCallback(
    () =>
      api
        .people({ q: query.trim() || undefined, unitId: unitId || undefined, sort, limit: LIMIT })
        .then((page) => page.items),
    [query, unitId, sort],
  );
  const { data, error, loading, reload } = useApi(load);

  return (
    <div>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap align="center">
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('nav.people')}
        </Typography.Title>
        {can(me, 'person.manage') && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setAdding(true)}>
            {t('people.add')}
          </Button>
        )}
      </Space>
      <Card size="small">
        <search style={{ display: 'block', marginBottom: 12, maxWidth: 480 }}>
          <label htmlFor="people-search" style={{ display: 'block', marginBottom: 4 }}>
            {t('people.search')}
          </label>
          <Input.Search
            id="people-search"
            allowClear
            value={text}
            maxLength={50}
            onChange={(event) => setText(event.target.value)}
            onSearch={(value) => setParam('q', value.trim() || null)}
            enterButton={t('people.searchButton')}
          />
        </search>
        <Space wrap style={{ marginBottom: 12 }}>
          <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
            <label htmlFor="people-sort">{t('list.sort')}</label>
            <Select<PeopleSort>
              id="people-sort"
              value={sort}
              onChange={(value) => setParam('sort', value === 'name' ? null : value)}
              options={[
                { value: 'name', label: t('peopleList.sortName') },
                { value: 'unit', label: t('peopleList.sortUnit') },
              ]}
              style={{ width: 140 }}
            />
          </span>
          {unitId && (
            <Tag closable onClose={() => setParam('unitId', null)}>
              {t('peopleList.oneUnit')}
            </Tag>
          )}
          <Button
            href={exportUrl}
            download
            icon={<DownloadOutlined aria-hidden />}
            title={t('list.exportHint')}
          >
            {t('list.export')}
          </Button>
        </Space>
        <ApiErrorAlert error={error} onRetry={reload} />
        <div aria-live="polite" style={{ marginBottom: 8 }}>
          {data && (
            <Typography.Text type="secondary">
              {data.length >= LIMIT
                ? t('people.countCapped', { count: data.length })
                : t('people.count', { count: data.length })}
            </Typography.Text>
          )}
        </div>
        <PlainTable<Person>
          caption={t('nav.people')}
          rows={data ?? []}
          loading={loading}
          rowKey={(person) => person.id}
          empty={query ? t('people.noMatch') : t('people.empty')}
          columns={[
            {
              key: 'name',
              title: t('people.name'),
              nowrap: true,
              render: (person) => (
                <Link to={`/org/people/${encodeURIComponent(person.id)}`}>{person.name}</Link>
              ),
            },
            { key: 'unit', title: t('people.unit'), render: (person) => person.unitName ?? '—' },
            { key: 'phone', title: t('org.phone'), nowrap: true, render: (person) => person.phone ?? '—' },
            {
              key: 'idNumber',
              title: t('org.idNumber'),
              nowrap: true,
              render: (person) => person.idNumber ?? '—',
            },
            {
              key: 'account',
              title: t('people.account'),
              nowrap: true,
              render: (person) => (person.hasAccount ? t('people.hasAccount') : t('people.noAccount')),
            },
          ]}
        />
      </Card>
      {can(me, 'person.manage') && (
        <Suspense fallback={null}>
          <PersonFormModal
            open={adding}
            onClose={() => setAdding(false)}
            onSaved={(person) => {
              setAdding(false);
              message.success(t('people.added', { name: person.name }));
              navigate(`/org/people/${encodeURIComponent(person.id)}`);
            }}
          />
        </Suspense>
      )}
    </div>
  );
}
