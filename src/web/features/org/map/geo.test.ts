import { describe, expect, it } from 'vitest';
import type { GeoGeometry } from '../../../lib/api-types.ts';
import {
  boundsCentre,
  boundsOf,
  coloursFor,
  containsPoint,
  equirectangular,
  formatArea,
  parseDegrees,
  pathOf,
} from './geo.ts';

const square = (lng: number, lat: number, size: number): GeoGeometry => ({
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
});

const withHole: GeoGeometry = {
  type: 'Polygon',
  coordinates: [
    [
      [0, 0],
      [4, 0],
      [4, 4],
      [0, 4],
      [0, 0],
    ],
    [
      [1, 1],
      [1, 3],
      [3, 3],
      [3, 1],
      [1, 1],
    ],
  ],
};

describe('boundsOf', () => {
  it('spans every polygon and is null for nothing', () => {
    const two: GeoGeometry = {
      type: 'MultiPolygon',
      coordinates: [square(119, 36, 0.1).coordinates as never, square(119.5, 36.2, 0.1).coordinates as never],
    };
    expect(boundsOf([two])).toEqual({ minLng: 119, minLat: 36, maxLng: 119.6, maxLat: 36.300000000000004 });
    expect(boundsOf([])).toBeNull();
  });
});

describe('equirectangular', () => {
  it('puts north up and west left, inside the padding', () => {
    const p = equirectangular({ minLng: 119, minLat: 36, maxLng: 119.2, maxLat: 36.1 }, 1000, 10);
    const [x0, y0] = p.project(119, 36.1);
    const [x1, y1] = p.project(119.2, 36);
    expect(x0).toBeCloseTo(10);
    expect(y0).toBeCloseTo(10);
    expect(x1).toBeCloseTo(990);
    expect(y1).toBeCloseTo(p.height - 10);
    expect(p.width).toBeCloseTo(1000);
  });

  it('shrinks longitudes by the cosine of the latitude, so shapes keep their proportions', () => {
    const p = equirectangular({ minLng: 119, minLat: 36, maxLng: 119.1, maxLat: 36.1 }, 1000, 0);
    // At 36° a degree of longitude is about 0.81 of a degree of latitude.
    expect(p.width / p.height).toBeCloseTo(Math.cos((36.05 * Math.PI) / 180), 3);
    expect(p.height).toBeCloseTo(1000);
  });

  it('inverts what it projects', () => {
    const p = equirectangular({ minLng: 119, minLat: 36, maxLng: 119.2, maxLat: 36.1 });
    const [x, y] = p.project(119.123, 36.045);
    const [lng, lat] = p.invert(x, y);
    expect(lng).toBeCloseTo(119.123, 9);
    expect(lat).toBeCloseTo(36.045, 9);
  });

  it('copes with a single point', () => {
    const p = equirectangular({ minLng: 119, minLat: 36, maxLng: 119, maxLat: 36 }, 100, 10);
    expect(p.project(119, 36)).toEqual([10, 10]);
    expect(p.width).toBe(21);
  });
});

describe('pathOf', () => {
  it('draws one closed subpath per ring, holes included', () => {
    const p = equirectangular({ minLng: 0, minLat: 0, maxLng: 4, maxLat: 4 }, 40, 0);
    // Near the equator a degree is ten units either way; y grows southwards.
    expect(pathOf(withHole, p)).toBe('M0 40L40 40L40 0L0 0ZM10 30L10 10L30 10L30 30Z');
  });

  it('drops points that round to the same spot and rings that collapse', () => {
    const p = equirectangular({ minLng: 0, minLat: 0, maxLng: 1, maxLat: 1 }, 10, 0);
    const tiny: GeoGeometry = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [0.001, 0],
          [0.001, 0.001],
          [0, 0],
        ],
      ],
    };
    expect(pathOf(tiny, p)).toBe('');
    expect(pathOf(square(0, 0, 1), p)).toBe('M0 10L10 10L10 0L0 0Z');
  });
});

describe('containsPoint', () => {
  it('finds points inside the outline and outside the holes', () => {
    expect(containsPoint(withHole, 0.5, 0.5)).toBe(true);
    expect(containsPoint(withHole, 2, 2)).toBe(false);
    expect(containsPoint(withHole, 5, 2)).toBe(false);
    const multi: GeoGeometry = {
      type: 'MultiPolygon',
      coordinates: [square(0, 0, 1).coordinates as never, square(10, 10, 1).coordinates as never],
    };
    expect(containsPoint(multi, 10.5, 10.5)).toBe(true);
  });
});

describe('boundsCentre', () => {
  it('is the middle of the box', () => {
    expect(boundsCentre(square(119, 36, 0.2))).toEqual([119.1, 36.1]);
  });
});

describe('coloursFor', () => {
  it('gives each key its own hue', () => {
    const colours = coloursFor(['a', 'b', 'c']);
    expect(new Set([...colours.values()].map((c) => c.fill)).size).toBe(3);
    expect(colours.get('a')?.fill).toMatch(/^hsl\(\d+, 65%, 82%\)$/);
  });
});

describe('formatArea', () => {
  it('gives square metres and square kilometres', () => {
    expect(formatArea(1234567.8, 'en')).toEqual({ m2: '1,234,567.8 m²', km2: '1.23 km²' });
    expect(formatArea(250, 'zh-CN')).toEqual({ m2: '250 m²', km2: '0.0003 km²' });
  });
});

describe('parseDegrees', () => {
  it('reads decimal degrees within range', () => {
    expect(parseDegrees(' 36.0123 ', 90)).toBe(36.0123);
    expect(parseDegrees('-119.5°', 180)).toBe(-119.5);
    expect(parseDegrees('91', 90)).toBeNull();
    expect(parseDegrees('36,5', 90)).toBeNull();
    expect(parseDegrees('', 90)).toBeNull();
  });
});
