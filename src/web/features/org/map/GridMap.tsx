import { theme } from 'antd';
import { type KeyboardEvent, type MouseEvent, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useT } from '../../../i18n/i18n.tsx';
import type { AreaColour } from './geo.ts';
import { type Direction, type MapArea, type MapModel, nearestInDirection } from './map-model.ts';

const ARROWS: Record<string, Direction> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
};

const NO_COLOUR: AreaColour = { fill: '#f0f0f0', stroke: '#8c8c8c' };

/**
 * A township's grids drawn as SVG: each grid a link to its page, filled in its community's
 * colour. The SVG scales to the width of its box (a phone's 360 px included). Hovering or
 * focusing a grid shows its name and code; the whole map is one tab stop, the arrow keys
 * move to the neighbouring grid and Enter opens it. `selectedCode` is outlined on top
 * (a located point, say), `overlapCodes` dashed red (G3 overlaps).
 */
export function GridMap({
  model,
  label,
  colours,
  communityNames,
  gridIds,
  selectedCode,
  overlapCodes,
  point,
  onResolve,
}: {
  model: MapModel;
  label: string;
  colours: Map<string, AreaColour>;
  communityNames: Map<string, string>;
  /** Grid code → unit id, for the links. */
  gridIds: Map<string, string>;
  selectedCode: string | null;
  overlapCodes: Set<string>;
  /** A located point to mark, [lng, lat]. */
  point: [number, number] | null;
  /** A grid whose id is not known yet: find it (by code) and go there. */
  onResolve(code: string): void;
}) {
  const t = useT();
  const { token } = theme.useToken();
  const navigate = useNavigate();
  const [hovered, setHovered] = useState<number | null>(null);
  const [focused, setFocused] = useState<number | null>(null);
  const selectedIndex = selectedCode === null ? -1 : model.grids.findIndex((g) => g.code === selectedCode);
  // The one grid in the tab order: the one last focused, else the selected one, else the first.
  const [current, setCurrent] = useState<number | null>(null);
  const tabStop = current ?? (selectedIndex >= 0 ? selectedIndex : 0);
  // The <a> elements inside the SVG (typed by React as HTML anchors; both can take focus).
  const links = useRef<({ focus(): void } | null)[]>([]);
  const centres = useMemo(() => model.grids.map((g) => g.centre), [model]);
  const { width, height } = model.projection;

  const active = focused ?? hovered;
  const activeGrid = active === null ? null : (model.grids[active] ?? null);
  const selected = selectedIndex >= 0 ? model.grids[selectedIndex] : undefined;
  const focusedGrid = focused === null ? undefined : model.grids[focused];

  const hrefOf = (grid: MapArea) => {
    const id = gridIds.get(grid.code);
    return id ? `/org/units/${encodeURIComponent(id)}` : undefined;
  };

  const open = (event: MouseEvent | KeyboardEvent, grid: MapArea) => {
    const href = hrefOf(grid);
    // A modified click opens a new tab the browser's way.
    if (href && 'button' in event && (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey))
      return;
    event.preventDefault();
    if (href) navigate(href);
    else onResolve(grid.code);
  };

  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const direction = ARROWS[event.key];
    if (direction) {
      event.preventDefault();
      const next = nearestInDirection(centres, index, direction);
      if (next !== null) {
        setCurrent(next);
        links.current[next]?.focus();
      }
    } else if (event.key === 'Enter' || event.key === ' ') {
      const grid = model.grids[index];
      if (grid) open(event, grid);
    }
  };

  const strokeWidth = Math.max(width, height) / 1000;
  const point2 = point ? model.projection.project(point[0], point[1]) : null;

  return (
    // Never taller than three quarters of the screen: a tall township gets narrower instead,
    // so the labels, placed in percentages of the box, stay over their grids.
    <figure
      style={{
        position: 'relative',
        maxWidth: `calc(75vh * ${(width / height).toFixed(4)})`,
        margin: '0 auto',
      }}
    >
      <svg
        viewBox={`0 0 ${width.toFixed(1)} ${height.toFixed(1)}`}
        style={{
          display: 'block',
          width: '100%',
          height: 'auto',
          background: token.colorBgContainer,
          touchAction: 'manipulation',
        }}
      >
        <title>{label}</title>
        <style>{`
          .luoshi-grid path { transition: fill-opacity 0.1s; }
          .luoshi-grid:hover path { fill-opacity: 0.7; }
          .luoshi-grid:focus { outline: none; }
        `}</style>
        {/*
          A raster base layer would go here, under the grids: one <image href=… x y width height>
          per tile of an intranet tile server, placed with model.projection. None is drawn now:
          the app reaches no outside tile server.
        */}
        {model.township && (
          <path
            d={model.township.d}
            data-township-boundary={model.township.code}
            fill={token.colorFillQuaternary}
            stroke={token.colorTextSecondary}
            strokeWidth={2 * strokeWidth}
            strokeDasharray={`${6 * strokeWidth} ${4 * strokeWidth}`}
            fillRule="evenodd"
          />
        )}
        {model.grids.map((grid, index) => {
          const colour = (grid.communityId && colours.get(grid.communityId)) || NO_COLOUR;
          const overlap = overlapCodes.has(grid.code);
          const community = grid.communityId ? communityNames.get(grid.communityId) : undefined;
          return (
            <a
              key={grid.code}
              ref={(element) => {
                links.current[index] = element;
              }}
              className="luoshi-grid"
              href={hrefOf(grid)}
              role={hrefOf(grid) ? undefined : 'link'}
              tabIndex={index === tabStop ? 0 : -1}
              aria-label={[grid.name, grid.code, community].filter(Boolean).join('，')}
              aria-current={index === selectedIndex ? 'true' : undefined}
              onClick={(event) => open(event, grid)}
              onKeyDown={(event) => onKeyDown(event, index)}
              onFocus={() => {
                setFocused(index);
                setCurrent(index);
              }}
              onBlur={() => setFocused((f) => (f === index ? null : f))}
              onMouseEnter={() => setHovered(index)}
              onMouseLeave={() => setHovered((h) => (h === index ? null : h))}
            >
              <path
                d={grid.d}
                data-grid-code={grid.code}
                data-selected={index === selectedIndex ? 'true' : undefined}
                fill={colour.fill}
                stroke={overlap ? token.colorError : colour.stroke}
                strokeWidth={(overlap ? 2 : 0.75) * strokeWidth}
                strokeDasharray={overlap ? `${4 * strokeWidth} ${3 * strokeWidth}` : undefined}
                fillRule="evenodd"
              />
            </a>
          );
        })}
        {selected && (
          <path
            d={selected.d}
            data-highlight={selected.code}
            fill={token.colorWarning}
            fillOpacity={0.45}
            stroke={token.colorErrorText}
            strokeWidth={4 * strokeWidth}
            strokeLinejoin="round"
            pointerEvents="none"
          />
        )}
        {focusedGrid && (
          // The keyboard's place, drawn rather than left to :focus-visible, which a
          // programmatic focus (arrow keys) does not always show.
          <path
            d={focusedGrid.d}
            data-focus-ring={focusedGrid.code}
            fill="none"
            stroke={token.colorText}
            strokeWidth={3 * strokeWidth}
            strokeLinejoin="round"
            pointerEvents="none"
          />
        )}
        {point2 && (
          <circle
            cx={point2[0]}
            cy={point2[1]}
            r={6 * strokeWidth}
            fill={token.colorErrorText}
            stroke="#fff"
            strokeWidth={2 * strokeWidth}
            pointerEvents="none"
          />
        )}
      </svg>
      {activeGrid && (
        <GridLabel
          grid={activeGrid}
          community={activeGrid.communityId ? communityNames.get(activeGrid.communityId) : undefined}
          width={width}
          height={height}
        />
      )}
      <figcaption style={{ margin: '4px 0 0', fontSize: 12, color: token.colorTextSecondary }}>
        {t('map.keyboardHint')}
      </figcaption>
    </figure>
  );
}

/** The name and code of the grid under the pointer or focus, above it (below it near the top edge). */
function GridLabel({
  grid,
  community,
  width,
  height,
}: {
  grid: MapArea;
  community: string | undefined;
  width: number;
  height: number;
}) {
  const { token } = theme.useToken();
  const x = (grid.top[0] / width) * 100;
  const below = grid.top[1] / height < 0.12;
  const y = ((below ? grid.bottom : grid.top[1]) / height) * 100;
  const shiftX = x < 20 ? '0%' : x > 80 ? '-100%' : '-50%';
  return (
    <div
      data-grid-label={grid.code}
      aria-hidden
      style={{
        position: 'absolute',
        left: `${x}%`,
        top: `${y}%`,
        transform: `translate(${shiftX}, ${below ? '6px' : 'calc(-100% - 6px)'})`,
        pointerEvents: 'none',
        background: token.colorBgSpotlight,
        color: token.colorTextLightSolid,
        borderRadius: token.borderRadius,
        padding: '4px 8px',
        fontSize: 12,
        lineHeight: 1.5,
        whiteSpace: 'nowrap',
        boxShadow: token.boxShadowSecondary,
        zIndex: 1,
      }}
    >
      <div style={{ fontWeight: 600 }}>{grid.name}</div>
      <div>
        {grid.code}
        {community ? ` · ${community}` : ''}
      </div>
    </div>
  );
}
