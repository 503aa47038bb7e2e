import { describe, expect, it } from 'vitest';
import {
  bytesToBase64,
  featureOfField,
  importIssuesOf,
  isCountyCode,
  parseGeoJsonText,
} from './import-model.ts';

describe('bytesToBase64', () => {
  it('encodes bytes, also past one slice', () => {
    expect(bytesToBase64(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0xff, 0x00]))).toBe('UEsDBP8A');
    expect(bytesToBase64(new TextEncoder().encode('落实'))).toBe('6JC95a6e');
    const large = new Uint8Array(100_000).map((_, i) => (i * 7) % 256);
    const decoded = atob(bytesToBase64(large));
    expect(decoded.length).toBe(large.length);
    expect([...decoded].every((char, i) => char.charCodeAt(0) === large[i])).toBe(true);
    expect(bytesToBase64(new Uint8Array())).toBe('');
  });
});

describe('importIssuesOf', () => {
  it('reads the list from the error envelope', () => {
    const body = {
      error: {
        code: 'IMPORT_INVALID',
        message: '导入文件有 1 处错误',
        message_en: 'The file has 1 error',
        errors: [{ row: 3, column: '手机号码', message: '手机号码须为 11 位数字', message_en: 'bad mobile' }],
      },
    };
    expect(importIssuesOf(body)).toEqual([
      { row: 3, column: '手机号码', message: '手机号码须为 11 位数字', message_en: 'bad mobile' },
    ]);
  });

  it('also takes a top-level list, fills in what is missing and skips what is not a problem', () => {
    expect(importIssuesOf({ errors: [{ row: 2, message: '姓名必填' }, { nonsense: true }] })).toEqual([
      { row: 2, column: '', message: '姓名必填', message_en: '姓名必填' },
    ]);
    expect(importIssuesOf(null)).toEqual([]);
    expect(importIssuesOf({ error: { code: 'X' } })).toEqual([]);
  });
});

describe('parseGeoJsonText', () => {
  it('accepts a FeatureCollection, with or without a byte-order mark', () => {
    const text = '\uFEFF{"type":"FeatureCollection","features":[]}';
    expect(parseGeoJsonText(text)).toEqual({
      ok: true,
      collection: { type: 'FeatureCollection', features: [] },
    });
  });

  it('tells broken JSON from JSON that is not a collection', () => {
    expect(parseGeoJsonText('{"type":')).toEqual({ ok: false, reason: 'json' });
    expect(parseGeoJsonText('{"type":"Feature"}')).toEqual({ ok: false, reason: 'collection' });
    expect(parseGeoJsonText('[]')).toEqual({ ok: false, reason: 'collection' });
  });
});

describe('featureOfField', () => {
  const features = [
    { type: 'Feature', properties: { code: '370782001001001', name: '第一网格' } },
    { type: 'Feature', properties: {} },
  ];

  it('names the feature the server pointed at', () => {
    expect(featureOfField('features.0.geometry', features)).toEqual({
      position: 1,
      code: '370782001001001',
      name: '第一网格',
    });
    expect(featureOfField('features.1.properties.code', features)).toEqual({
      position: 2,
      code: null,
      name: null,
    });
    expect(featureOfField('features.7', features)).toEqual({ position: 8, code: null, name: null });
  });

  it('is null for a field that is not a feature', () => {
    expect(featureOfField('features', features)).toBeNull();
    expect(featureOfField('type', features)).toBeNull();
    expect(featureOfField(undefined, features)).toBeNull();
  });
});

describe('isCountyCode', () => {
  it('wants six digits', () => {
    expect(isCountyCode('370782')).toBe(true);
    expect(isCountyCode(' 370782 ')).toBe(true);
    expect(isCountyCode('37078')).toBe(false);
    expect(isCountyCode('37078x')).toBe(false);
  });
});
