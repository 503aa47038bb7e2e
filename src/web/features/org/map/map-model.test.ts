import { describe, expect, it } from 'vitest';
import type { GridFeature, GridFeatureCollection } from '../../../lib/api-types.ts';
import { buildMapModel, gridAt, nearestInDirection } from './map-model.ts';

function cell(code: string, parentId: string, lng: number, lat: number, size = 0.01): GridFeature {
  return {
    type: 'Feature',
    properties: { code, name: `网格${code.slice(-3)}`, gridType: 'block', parentId },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [lng, lat],
          [lng + size, lat],
          [lng + size, lat + size],
          [lng, lat + size],
          [lng, lat],
        ],
      ],
    },
  };
}

const township: GridFeature = {
  ...cell('370782001', 'district', 119, 36, 0.02),
  properties: { code: '370782001', name: '密州街道', gridType: null, parentId: 'district' },
};

const collection: GridFeatureCollection = {
  type: 'FeatureCollection',
  features: [
    township,
    cell('370782001002001', 'c2', 119.01, 36),
    cell('370782001001002', 'c1', 119.01, 36.01),
    cell('370782001001001', 'c1', 119, 36.01),
  ],
};

describe('buildMapModel', () => {
  const model = buildMapModel(collection, '370782001');

  it('draws one path per grid, sorted by code, and keeps the township apart', () => {
    expect(model?.grids.map((g) => g.code)).toEqual([
      '370782001001001',
      '370782001001002',
      '370782001002001',
    ]);
    expect(model?.grids.every((g) => g.d.startsWith('M') && g.d.endsWith('Z'))).toBe(true);
    expect(model?.township?.name).toBe('密州街道');
    expect(model?.communityIds).toEqual(['c1', 'c2']);
  });

  it('fits the view box and places labels at the top of each grid', () => {
    expect(model?.projection.width).toBeLessThanOrEqual(1000);
    expect(model?.projection.height).toBeCloseTo(1000);
    const first = model?.grids[0];
    // The north-west cell: left half, top edge at the top padding.
    expect(first?.top[1]).toBeCloseTo(10);
    expect(first?.centre[0]).toBeLessThan((model?.projection.width ?? 0) / 2);
  });

  it('is null without any boundary and skips features without geometry', () => {
    expect(buildMapModel({ type: 'FeatureCollection', features: [] }, 'x')).toBeNull();
    const broken = { ...cell('1', 'c', 0, 0), geometry: null } as unknown as GridFeature;
    expect(buildMapModel({ type: 'FeatureCollection', features: [broken] }, 'x')).toBeNull();
  });
});

describe('gridAt', () => {
  it('finds the grid under a point', () => {
    const model = buildMapModel(collection, '370782001');
    if (!model) throw new Error('no model');
    expect(gridAt(model, 119.015, 36.005)?.code).toBe('370782001002001');
    // Inside the township, where no grid lies.
    expect(gridAt(model, 119.005, 36.005)).toBeNull();
  });
});

describe('nearestInDirection', () => {
  // A 2 × 2 block plus one far to the right.
  const centres: [number, number][] = [
    [0, 0],
    [10, 0],
    [0, 10],
    [10, 10],
    [40, 2],
  ];

  it('moves to the neighbour in each direction', () => {
    expect(nearestInDirection(centres, 0, 'right')).toBe(1);
    expect(nearestInDirection(centres, 0, 'down')).toBe(2);
    expect(nearestInDirection(centres, 3, 'up')).toBe(1);
    expect(nearestInDirection(centres, 3, 'left')).toBe(2);
    expect(nearestInDirection(centres, 1, 'right')).toBe(4);
  });

  it('stays put at the edge', () => {
    expect(nearestInDirection(centres, 0, 'left')).toBeNull();
    expect(nearestInDirection(centres, 0, 'up')).toBeNull();
    expect(nearestInDirection(centres, 9, 'up')).toBeNull();
  });
});
