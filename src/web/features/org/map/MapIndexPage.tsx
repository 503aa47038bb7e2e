import { Card, Empty, Space, Typography } from 'antd';
import { useCallback } from 'react';
import { Link, Navigate } from 'react-router';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.tsx';
import { useDocumentTitle, useT } from '../../../i18n/i18n.tsx';
import { api } from '../../../lib/api.ts';
import { useApi } from '../../../lib/use-api.ts';
import { useMe } from '../../../session/session.tsx';

/**
 * 网格地图: maps are drawn per township. The townships of the reader's scope are listed; with
 * just one, its map opens at once. A reader whose scope lies inside a township (a grid
 * worker) has no map to open and is told so.
 */
export function MapIndexPage() {
  const t = useT();
  const me = useMe();
  useDocumentTitle(t('nav.orgMap'));
  const load = useCallback(() => api.orgUnits({ kind: 'township' }).then((page) => page.items), []);
  const { data, error, loading, reload } = useApi(load);

  if (data?.length === 1 && data[0])
    return <Navigate to={`/org/units/${encodeURIComponent(data[0].id)}/map`} replace />;

  return (
    <div>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {t('nav.orgMap')}
      </Typography.Title>
      <ApiErrorAlert error={error} onRetry={reload} />
      {loading && !data && <div role="status">{t('app.loading')}</div>}
      {data && data.length === 0 && (
        <Empty description={t('map.noTownships')}>
          {/* A grid worker's scope lies inside a township: offer the units they do hold. */}
          {me.roles.length > 0 && (
            <Space wrap>
              {t('map.yourUnits')}
              {me.roles.map((role) => (
                <Link
                  key={`${role.role}@${role.orgUnitId}`}
                  to={`/org/units/${encodeURIComponent(role.orgUnitId)}`}
                >
                  {role.orgUnitName}
                </Link>
              ))}
            </Space>
          )}
        </Empty>
      )}
      {data && data.length > 1 && (
        <Card title={t('map.chooseTownship')} size="small">
          <ul
            style={{
              margin: 0,
              padding: 0,
              listStyle: 'none',
              display: 'grid',
              gap: 8,
              gridTemplateColumns: 'repeat(auto-fill, minmax(160px, 1fr))',
            }}
          >
            {data.map((township) => (
              <li key={township.id}>
                <Link to={`/org/units/${encodeURIComponent(township.id)}/map`}>{township.name}</Link>{' '}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {township.code}
                </Typography.Text>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
