import { Alert, Card, Descriptions } from 'antd';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { CoverageReport } from '../../../lib/api-types.ts';
import { formatArea } from './geo.ts';

/** An area in both units: 12,345.6 m²（0.0123 km²）. */
export function AreaText({ m2 }: { m2: number }) {
  const { locale, t } = useI18n();
  const area = formatArea(m2, locale);
  return <>{t('map.area', { m2: area.m2, km2: area.km2 })}</>;
}

/**
 * G3 (全覆盖、无缝隙、不交叉) for a township: how many grids have a boundary, which pairs
 * overlap and by how much, and how much of the township no grid covers (known only when
 * the township's own boundary is on file).
 */
export function CoverageCard({
  coverage,
  gridNames,
  title,
}: {
  coverage: CoverageReport;
  /** Grid code → name, to name the overlapping grids. */
  gridNames?: Map<string, string>;
  title?: string;
}) {
  const { t } = useI18n();
  const name = (code: string) => {
    const known = gridNames?.get(code);
    return known ? `${known}（${code}）` : code;
  };
  const complete = coverage.overlaps.length === 0 && (coverage.uncoveredM2 ?? 0) === 0;
  return (
    <Card size="small" title={title ?? t('map.coverage')}>
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'grids', label: t('map.coverageGrids'), children: coverage.grids },
          {
            key: 'township',
            label: t('map.townshipArea'),
            children:
              coverage.townshipM2 === null ? (
                t('map.noTownshipBoundary')
              ) : (
                <AreaText m2={coverage.townshipM2} />
              ),
          },
          {
            key: 'uncovered',
            label: t('map.uncovered'),
            children:
              coverage.uncoveredM2 === null ? (
                t('map.uncoveredUnknown')
              ) : (
                <>
                  <AreaText m2={coverage.uncoveredM2} />
                  {coverage.townshipM2 ? (
                    <>
                      {' '}
                      {t('map.uncoveredShare', {
                        percent: ((coverage.uncoveredM2 / coverage.townshipM2) * 100).toFixed(2),
                      })}
                    </>
                  ) : null}
                </>
              ),
          },
          {
            key: 'overlaps',
            label: t('map.overlaps'),
            children:
              coverage.overlaps.length === 0 ? (
                t('map.noOverlaps')
              ) : (
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {coverage.overlaps.map((overlap) => (
                    <li key={`${overlap.a}-${overlap.b}`}>
                      {t('map.overlapPair', { a: name(overlap.a), b: name(overlap.b) })}{' '}
                      <AreaText m2={overlap.areaM2} />
                    </li>
                  ))}
                </ul>
              ),
          },
        ]}
      />
      {complete && coverage.uncoveredM2 !== null && (
        <Alert type="success" showIcon style={{ marginTop: 8 }} title={t('map.coverageComplete')} />
      )}
    </Card>
  );
}
