import { Empty, Flex, Typography } from 'antd';
import { useMemo } from 'react';
import { useT } from '../../i18n/i18n.tsx';
import type { GeoGeometry } from '../../lib/api-types.ts';
import { boundsOf, equirectangular, pathOf } from '../org/map/geo.ts';
import { densityBreaks, densityColour, densityLegend, EMPTY_COLOUR } from './dashboard-model.ts';
import type { GridCell } from './dashboard-types.ts';

/**
 * The area's grids drawn as SVG and shaded by this month's cases (no map tiles: nothing
 * is fetched from outside). Each grid has a <title> with its name and count: the
 * browser's tooltip on hover, and read out by screen readers.
 */
export function DensityMap({ grids }: { grids: readonly GridCell[] }) {
  const t = useT();
  const drawn = useMemo(() => {
    const shaped = grids.filter((g): g is GridCell & { boundary: GeoGeometry } => Boolean(g.boundary));
    const bounds = boundsOf(shaped.map((g) => g.boundary));
    if (!bounds) return null;
    const projection = equirectangular(bounds, 1000, 4);
    const breaks = densityBreaks(shaped.map((g) => g.cases));
    return {
      projection,
      breaks,
      cells: shaped.map((g) => ({
        grid: g,
        d: pathOf(g.boundary, projection),
        fill: densityColour(g.cases, breaks),
      })),
    };
  }, [grids]);

  if (!drawn) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.mapNone')} />;
  const { projection, breaks, cells } = drawn;
  return (
    <div>
      <svg
        viewBox={`0 0 ${projection.width} ${projection.height}`}
        style={{ width: '100%', maxHeight: 520, display: 'block' }}
        role="img"
        aria-label={t('dashboard.map')}
      >
        {cells.map(({ grid, d, fill }) => (
          <path
            key={grid.gridId}
            d={d}
            fill={fill}
            fillRule="evenodd"
            stroke="#bfbfbf"
            strokeWidth={0.5}
            data-grid={grid.code}
            data-cases={grid.cases}
          >
            <title>{t('dashboard.mapGrid', { name: grid.name, n: grid.cases })}</title>
          </path>
        ))}
      </svg>
      <Flex wrap gap={12} align="center" style={{ marginTop: 8 }}>
        <Legend colour={EMPTY_COLOUR} label={t('dashboard.mapLegendEmpty')} />
        {densityLegend(breaks).map((item) => (
          <Legend key={item.label} colour={item.colour} label={item.label} />
        ))}
      </Flex>
    </div>
  );
}

function Legend({ colour, label }: { colour: string; label: string }) {
  return (
    <Flex gap={4} align="center">
      <span
        style={{
          width: 14,
          height: 14,
          background: colour,
          border: '1px solid #d9d9d9',
          display: 'inline-block',
        }}
      />
      <Typography.Text>{label}</Typography.Text>
    </Flex>
  );
}
