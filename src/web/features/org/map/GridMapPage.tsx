import { Breadcrumb, Card, Empty, Typography, theme } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.tsx';
import { useFeedback } from '../../../components/feedback.tsx';
import { useDocumentTitle, useI18n } from '../../../i18n/i18n.tsx';
import { localizedMessage } from '../../../i18n/translate.ts';
import { api, asApiError } from '../../../lib/api.ts';
import type { CoverageReport, GridFeatureCollection, UnitPage } from '../../../lib/api-types.ts';
import { useApi } from '../../../lib/use-api.ts';
import { useMe } from '../../../session/session.tsx';
import { readableChainIds } from '../org-rules.ts';
import { CoverageCard } from './CoverageCard.tsx';
import { GridMap } from './GridMap.tsx';
import { coloursFor } from './geo.ts';
import { type Located, LocatePanel } from './LocatePanel.tsx';
import { buildMapModel } from './map-model.ts';

interface MapData {
  page: UnitPage;
  collection: GridFeatureCollection | null;
  coverage: CoverageReport | null;
  /** Grid code → unit id, for the links. */
  gridIds: Map<string, string>;
}

/** Everything the map needs; only a township has grids to draw. */
async function loadMap(townshipId: string): Promise<MapData> {
  const page = await api.orgUnit(townshipId);
  if (page.unit.kind !== 'township') return { page, collection: null, coverage: null, gridIds: new Map() };
  const [collection, coverage, grids] = await Promise.all([
    api.gridBoundaries(townshipId),
    api.coverage(townshipId),
    // The township's grids carry its code at the front (GB/T 2260 and the statistical codes);
    // a grid coded otherwise is looked up when it is opened.
    api.orgUnits({ kind: 'grid', q: page.unit.code, limit: 5000 }),
  ]);
  const communities = new Set(page.children.map((child) => child.id));
  const gridIds = new Map<string, string>();
  for (const grid of grids.items) {
    if (grid.parentId !== null && communities.has(grid.parentId)) gridIds.set(grid.code, grid.id);
  }
  return { page, collection, coverage, gridIds };
}

/**
 * A township's grid map (org.read): the grids' polygons drawn in SVG, coloured by
 * community, each a link to its grid's page; the G3 coverage report (overlaps, area no grid
 * covers); and a box to locate a point. `?grid=<code>` highlights a grid on arrival.
 */
export function GridMapPage() {
  const { locale, t } = useI18n();
  const me = useMe();
  const { token } = theme.useToken();
  const { message } = useFeedback();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const load = useCallback(() => loadMap(id), [id]);
  const { data, error, loading, reload } = useApi(load);
  const current = data?.page.unit.id === id ? data : undefined;
  const unit = current?.page.unit;
  useDocumentTitle(unit ? t('map.title', { name: unit.name }) : t('nav.orgMap'));

  const [located, setLocated] = useState<Located | null>(null);
  const selectedCode = params.get('grid');

  const model = useMemo(
    () => (current?.collection && unit ? buildMapModel(current.collection, unit.code) : null),
    [current, unit],
  );
  const communityNames = useMemo(
    () => new Map(current?.page.children.map((child) => [child.id, child.name]) ?? []),
    [current],
  );
  const colours = useMemo(() => coloursFor(model?.communityIds ?? []), [model]);
  const overlapCodes = useMemo(
    () => new Set(current?.coverage?.overlaps.flatMap((o) => [o.a, o.b]) ?? []),
    [current],
  );
  const gridNames = useMemo(() => new Map(model?.grids.map((g) => [g.code, g.name]) ?? []), [model]);
  const readable = useMemo(
    () =>
      current
        ? readableChainIds(
            [...current.page.ancestors, current.page.unit],
            me.roles.map((role) => role.orgUnitId),
          )
        : new Set<string>(),
    [current, me.roles],
  );

  const select = (code: string | null) => {
    const next = new URLSearchParams(params);
    if (code) next.set('grid', code);
    else next.delete('grid');
    setParams(next, { replace: true });
  };

  /** A grid the list did not name: find its id by code, then open it. */
  const resolve = async (code: string) => {
    try {
      const found = await api.orgUnits({ q: code, kind: 'grid', limit: 5 });
      const grid = found.items.find((item) => item.code === code);
      if (grid) navigate(`/org/units/${encodeURIComponent(grid.id)}`);
      else message.error(t('map.gridNotFound', { code }));
    } catch (caught) {
      message.error(localizedMessage(locale, asApiError(caught)));
    }
  };

  if (!current || !unit) {
    return (
      <div>
        <ApiErrorAlert error={error} onRetry={reload} />
        {loading && <div role="status">{t('app.loading')}</div>}
      </div>
    );
  }

  const title = t('map.title', { name: unit.name });
  return (
    <div>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          { key: 'map', title: <Link to="/org/map">{t('nav.orgMap')}</Link> },
          ...current.page.ancestors
            .filter((a) => a.kind !== 'city')
            .map((a) => ({
              key: a.id,
              title: readable.has(a.id) ? (
                <Link to={`/org/units/${encodeURIComponent(a.id)}`}>{a.name}</Link>
              ) : (
                a.name
              ),
            })),
          { key: unit.id, title: <Link to={`/org/units/${encodeURIComponent(unit.id)}`}>{unit.name}</Link> },
        ]}
      />
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {title}
      </Typography.Title>
      <ApiErrorAlert error={error} onRetry={reload} />
      {unit.kind !== 'township' ? (
        <Empty description={t('map.notTownship')} />
      ) : !model ? (
        <Empty description={t('map.noBoundaries')} />
      ) : (
        <div
          style={{
            display: 'grid',
            gap: 16,
            gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 320px), 1fr))',
            alignItems: 'start',
          }}
        >
          <Card
            size="small"
            title={t('map.gridCount', { count: model.grids.length })}
            style={{ gridColumn: '1 / -1' }}
            styles={{ body: { padding: 8 } }}
          >
            <GridMap
              model={model}
              label={t('map.label', { name: unit.name, count: model.grids.length })}
              colours={colours}
              communityNames={communityNames}
              gridIds={current.gridIds}
              selectedCode={selectedCode}
              overlapCodes={overlapCodes}
              point={located?.point ?? null}
              onResolve={(code) => void resolve(code)}
            />
          </Card>
          <LocatePanel
            township={unit}
            model={model}
            onLocated={(result) => {
              setLocated(result);
              select(result?.inThisTownship ? result.code : null);
            }}
            located={located}
          />
          {current.coverage && <CoverageCard coverage={current.coverage} gridNames={gridNames} />}
          <Card size="small" title={t('map.legend')}>
            <ul
              aria-label={t('map.legend')}
              style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 6 }}
            >
              {model.communityIds.map((communityId) => {
                const colour = colours.get(communityId);
                const count = model.grids.filter((g) => g.communityId === communityId).length;
                return (
                  <li key={communityId} style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
                    <span
                      aria-hidden
                      style={{
                        width: 16,
                        height: 16,
                        flexShrink: 0,
                        background: colour?.fill,
                        border: `1px solid ${colour?.stroke}`,
                        borderRadius: 2,
                      }}
                    />
                    <Link to={`/org/units/${encodeURIComponent(communityId)}`}>
                      {communityNames.get(communityId) ?? communityId}
                    </Link>
                    <Typography.Text type="secondary">{t('map.communityGrids', { count })}</Typography.Text>
                  </li>
                );
              })}
              {overlapCodes.size > 0 && (
                <li style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
                  <span
                    aria-hidden
                    style={{ width: 16, height: 16, flexShrink: 0, border: `2px dashed ${token.colorError}` }}
                  />
                  {t('map.legendOverlap')}
                </li>
              )}
            </ul>
            <details style={{ marginTop: 12 }}>
              <summary style={{ cursor: 'pointer' }}>{t('map.gridList')}</summary>
              <div style={{ display: 'grid', gap: 2, marginTop: 8 }}>
                {model.grids.map((grid) => {
                  const gridId = current.gridIds.get(grid.code);
                  return gridId ? (
                    <Link key={grid.code} to={`/org/units/${encodeURIComponent(gridId)}`}>
                      {grid.name} <Typography.Text type="secondary">{grid.code}</Typography.Text>
                    </Link>
                  ) : (
                    <span key={grid.code}>
                      {grid.name} <Typography.Text type="secondary">{grid.code}</Typography.Text>
                    </span>
                  );
                })}
              </div>
            </details>
          </Card>
        </div>
      )}
    </div>
  );
}
