import { describe, expect, it } from 'vitest';
import { apiKeyFromHeaders, hashApiKey, newApiKey } from './api-key.ts';
import { maskPhonesIn } from './intake-view.ts';
import { parseForm, toForm } from './open311-form.ts';
import { escapeXml, render, splitFormat } from './open311-format.ts';

describe('Open311 output', () => {
  it('escapes markup and drops characters XML 1.0 cannot carry', () => {
    expect(escapeXml(`<a href="x">&'</a>\u0001\uFFFF 😀`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt; 😀',
    );
    expect(escapeXml('\uD800x')).toBe('x');
  });

  it('writes lists with the spec’s item names and empty values as empty elements', () => {
    const xml = render('xml', 'service_requests', [
      { service_request_id: '1', status_notes: null, lat: 36.1 },
    ]);
    expect(xml).toBe(
      '<?xml version="1.0" encoding="utf-8"?>\n<service_requests><request><service_request_id>1</service_request_id><status_notes/><lat>36.1</lat></request></service_requests>\n',
    );
    expect(render('json', 'errors', [{ code: 400, description: 'x' }])).toBe(
      '[{"code":400,"description":"x"}]',
    );
  });

  it('splits the format from the last dot, so service codes may hold dots', () => {
    expect(splitFormat('utility.water.json')).toEqual({ name: 'utility.water', format: 'json' });
    expect(splitFormat('370782-20260921-0001.xml')).toEqual({ name: '370782-20260921-0001', format: 'xml' });
    expect(splitFormat('services.csv')).toBeNull();
    expect(splitFormat('.json')).toBeNull();
  });
});

describe('Open311 input and keys', () => {
  it('reads form fields and attribute lists; empty means absent; __proto__ is only a field', () => {
    const form = toForm(
      parseForm('api_key=k&description=&attribute[a]=1&attribute[b][]=2&attribute[b][]=3&__proto__=x'),
      { jurisdiction_id: '370782', api_key: 'other' },
    );
    expect(form.get('api_key')).toBe('k');
    expect(form.get('description')).toBeUndefined();
    expect(form.get('jurisdiction_id')).toBe('370782');
    expect(form.get('__proto__')).toBe('x');
    expect(form.attribute('b')).toEqual(['2', '3']);
    expect(form.attribute('c')).toEqual([]);
  });

  it('C5: keys are random, stored as SHA-256, read from Bearer or X-Api-Key', () => {
    const a = newApiKey();
    expect(a.key).toMatch(/^lsk_[A-Za-z0-9_-]{43}$/);
    expect(a.hash).toBe(hashApiKey(a.key));
    expect(a.key.startsWith(a.prefix)).toBe(true);
    expect(newApiKey().key).not.toBe(a.key);
    expect(apiKeyFromHeaders({ authorization: `Bearer ${a.key}` })).toBe(a.key);
    expect(apiKeyFromHeaders({ 'x-api-key': a.key })).toBe(a.key);
    expect(apiKeyFromHeaders({ authorization: `Basic ${a.key}` })).toBeNull();
  });

  it('masks phone numbers inside a party text', () => {
    expect(maskPhonesIn('王女士（电话：13812348000）')).toBe('王女士（电话：138****8000）');
    expect(maskPhonesIn('李先生 0536-6123456')).toBe('李先生 053****3456');
    expect(maskPhonesIn('3 号楼住户')).toBe('3 号楼住户');
  });
});
