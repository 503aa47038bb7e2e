import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Space, Typography } from 'antd';
import { lazy, Suspense, useCallback, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.tsx';
import { useDocumentTitle, useT } from '../../../i18n/i18n.tsx';
import { api } from '../../../lib/api.ts';
import type { Person } from '../../../lib/api-types.ts';
import { useApi } from '../../../lib/use-api.ts';
import { can, useMe } from '../../../session/session.tsx';
import { PlainTable } from '../PlainTable.tsx';

// The form loads only for those who may add people (person.manage).
const PersonFormModal = lazy(() =>
  import('./PersonFormModal.tsx').then((m) => ({ default: m.PersonFormModal })),
);

const LIMIT = 200;

/**
 * People of the reader's scope (person.read), searched by name; numbers as the server sends
 * them (masked unless the reader's role needs them). person.manage adds people. The search
 * lives in the address (?q=), so coming back from a person keeps it.
 */
export function PeoplePage() {
  const t = useT();
  const me = useMe();
  const { message } = App.useApp();
  useDocumentTitle(t('nav.people'));
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const [text, setText] = useState(query);
  const [adding, setAdding] = useState(false);
  const load = useCallback(
    () => api.people({ q: query.trim() || undefined, limit: LIMIT }).then((page) => page.items),
    [query],
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
            onSearch={(value) => setParams(value.trim() ? { q: value.trim() } : {}, { replace: true })}
            enterButton={t('people.searchButton')}
          />
        </search>
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
