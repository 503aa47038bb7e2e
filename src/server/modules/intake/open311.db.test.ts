import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type IntakeFixture, intakeFixture } from './intake.fixture.ts';

let f: IntakeFixture;
let client: { id: string; key: string };

beforeEach(async () => {
  f = await intakeFixture();
  client = await f.source({ code: 'open311-app', channel: 'open311', open311: true });
});
afterEach(async () => {
  await f.t.close();
});

/** The inner texts of every <name> element (flat documents: no nesting of the same name). */
const texts = (xml: string, name: string) =>
  [...xml.matchAll(new RegExp(`<${name}>([\\s\\S]*?)</${name}>|<${name}/>`, 'g'))].map((m) => m[1] ?? '');
/** The child element names of the first <name> element, in order. */
const childNames = (xml: string, name: string) => {
  const inner = texts(xml, name)[0] ?? '';
  return [...inner.matchAll(/<([a-z_]+)(?:\/>|>[\s\S]*?<\/\1>)/g)].map((m) => m[1]);
};

const REQUEST_FIELDS = [
  'service_request_id',
  'status',
  'status_notes',
  'service_name',
  'service_code',
  'description',
  'agency_responsible',
  'service_notice',
  'requested_datetime',
  'updated_datetime',
  'expected_datetime',
  'address',
  'address_id',
  'zipcode',
  'lat',
  'long',
  'media_url',
];

const form = (fields: Record<string, string | number>) =>
  new URLSearchParams(Object.entries(fields).map(([k, v]): [string, string] => [k, String(v)])).toString();
const submit = (fields: Record<string, string | number>, format = 'json', query = '') =>
  f.t.app.inject({
    method: 'POST',
    url: `/open311/v2/requests.${format}${query}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body: form(fields),
  });
const get = (url: string) => f.t.app.inject({ method: 'GET', url: `/open311/v2/${url}` });
const report = (extra: Record<string, string | number> = {}) => ({
  api_key: client.key,
  service_code: 'environment.sanitation',
  lat: f.inGrid.lat,
  long: f.inGrid.lng,
  address_string: '兴华社区东门',
  description: '垃圾桶满溢，气味很大',
  first_name: '小明',
  last_name: '李',
  phone: '13912345678',
  email: 'liming@example.org',
  media_url: 'https://photos.example.org/1.jpg',
  ...extra,
});

describe('Open311 services', () => {
  it('C5: services.xml and services.json list the catalogue leaves with the spec’s element names', async () => {
    const xml = await get('services.xml');
    expect(xml.statusCode).toBe(200);
    expect(xml.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(xml.body.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<services><service>')).toBe(true);
    expect(childNames(xml.body, 'service')).toEqual([
      'service_code',
      'service_name',
      'description',
      'metadata',
      'type',
      'keywords',
      'group',
    ]);
    const json = await get('services.json?jurisdiction_id=370782');
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    const water = json.json().find((s: { service_code: string }) => s.service_code === 'utility.water');
    expect(water).toEqual({
      service_code: 'utility.water',
      service_name: '供水',
      description: '供水（Water supply）',
      metadata: false,
      type: 'realtime',
      keywords: '停水, 水管, 漏水, 自来水',
      group: '公用事业',
    });
    expect(json.json()).toHaveLength(texts(xml.body, 'service').length);
    // Branches (大类) are groups, not services.
    expect(texts(xml.body, 'service_code')).not.toContain('utility');
  });

  it('C5: a service definition lists the optional source_ref attribute; unknown codes and formats are 404 lists', async () => {
    const json = await get('services/utility.water.json');
    expect(json.json()).toMatchObject({
      service_code: 'utility.water',
      attributes: [
        { variable: true, code: 'source_ref', datatype: 'string', required: false, order: 1, values: [] },
      ],
    });
    const xml = await get('services/utility.water.xml');
    expect(childNames(xml.body, 'service_definition')).toEqual(['service_code', 'attributes']);
    expect(texts(xml.body, 'code')).toEqual(['source_ref']);
    const unknown = await get('services/no.such.json');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toEqual([{ code: 404, description: expect.stringContaining('service_code') }]);
    for (const url of ['services.csv', 'requests/1.html', 'nothing/here']) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.body, url).toMatch(/<errors><error><code>404<\/code><description>[^<]+<\/description>/);
    }
    const discovery = await get('discovery.json');
    expect(discovery.json().endpoints[0]).toMatchObject({
      specification: 'http://wiki.open311.org/GeoReport_v2',
      formats: ['text/xml', 'application/json'],
    });
  });

  it('C5: jurisdiction_id is accepted when it names a city or district here, else 404', async () => {
    expect((await get('services.xml?jurisdiction_id=370782')).statusCode).toBe(200);
    const unknown = await get('requests.json?jurisdiction_id=sfgov.org');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()[0].description).toContain('jurisdiction_id');
    expect((await submit(report({ jurisdiction_id: '370782' }))).statusCode).toBe(201);
  });
});

describe('Open311 requests', () => {
  it('C5: a form POST opens a case in triage on channel open311 and answers the spec’s list', async () => {
    const response = await submit(report());
    expect(response.statusCode).toBe(201);
    const [answer] = response.json();
    expect(answer).toEqual({
      service_request_id: '370782-20260921-0001',
      service_notice: '已受理，等待指挥中心分拨',
      account_id: null,
    });
    const [row] = await f.t.database.query<Record<string, unknown>>(
      'SELECT state, channel, source_id, grid_id, situation, demand, party FROM cases',
    );
    expect(row).toMatchObject({
      state: 'triage',
      channel: 'open311',
      source_id: client.id,
      grid_id: f.units['370782001001001'],
      situation: '垃圾桶满溢，气味很大\n附件链接：https://photos.example.org/1.jpg',
      demand: '垃圾桶满溢，气味很大',
    });
    expect(row?.party).toContain('李小明');
    const notes = await f.t.database.query<{ kind: string }>(
      "SELECT kind FROM notifications WHERE kind = 'case.grid_assist'",
    );
    expect(notes).toHaveLength(1);
    const xml = await submit(report({ 'attribute[source_ref]': 'app-42' }), 'xml');
    expect(xml.body).toMatch(
      /^<\?xml version="1.0" encoding="utf-8"\?>\n<service_requests><request><service_request_id>370782-20260921-0002<\/service_request_id><service_notice>[^<]+<\/service_notice><account_id\/><\/request><\/service_requests>/,
    );
    // The client's own reference makes a retry return the same request.
    const retry = await submit(report({ 'attribute[source_ref]': 'app-42' }));
    expect(retry.statusCode).toBe(200);
    expect(retry.json()[0].service_request_id).toBe('370782-20260921-0002');
  });

  it('C12: GET requests/{id} shows open with the triage due time, then closed with the centre’s answer as status_notes', async () => {
    const id = (await submit(report())).json()[0].service_request_id as string;
    const open = (await get(`requests/${id}.json`)).json();
    expect(open).toHaveLength(1);
    expect(Object.keys(open[0])).toEqual(REQUEST_FIELDS);
    expect(open[0]).toMatchObject({
      service_request_id: id,
      status: 'open',
      status_notes: null,
      service_name: '环卫保洁',
      service_code: 'environment.sanitation',
      description: '垃圾桶满溢，气味很大',
      agency_responsible: null,
      requested_datetime: '2026-09-21T09:00:00+08:00',
      expected_datetime: '2026-09-21T11:00:00+08:00',
      address: '兴华社区东门',
      lat: f.inGrid.lat,
      long: f.inGrid.lng,
      media_url: 'https://photos.example.org/1.jpg',
    });
    const [c] = await f.t.database.query<{ id: string; version: number }>('SELECT id, version FROM cases');
    f.t.clock.set('2026-09-21T10:30:00+08:00');
    const refused = await f.t.app.inject({
      method: 'POST',
      url: `/api/cases/${c?.id}/actions/refuse`,
      headers: { cookie: await f.t.login('dispatcher'), 'if-match': String(c?.version) },
      payload: { reason: '已由物业处理', feedback: '物业已清运，感谢反映' },
    });
    expect(refused.statusCode).toBe(200);
    const xml = await get(`requests/${id}.xml`);
    expect(childNames(xml.body, 'request')).toEqual(REQUEST_FIELDS);
    expect(texts(xml.body, 'status')).toEqual(['closed']);
    expect(texts(xml.body, 'status_notes')).toEqual(['物业已清运，感谢反映']);
    expect(texts(xml.body, 'updated_datetime')).toEqual(['2026-09-21T10:30:00+08:00']);
    expect(xml.body).toContain('<expected_datetime/>');
    const closed = (await get('requests.json?status=closed')).json();
    expect(closed.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([id]);
    expect((await get('requests.json?status=open')).json()).toEqual([]);
    const token = (await get(`tokens/${id}.json`)).json();
    expect(token).toEqual([{ service_request_id: id, token: id }]);
  });

  it('C5: refusals are error lists in both formats: missing api_key, unknown service_code, missing location', async () => {
    const noKey = await submit(report({ api_key: '' }));
    expect(noKey.statusCode).toBe(403);
    expect(noKey.json()).toEqual([{ code: 403, description: expect.stringContaining('api_key') }]);
    const noKeyXml = await submit(report({ api_key: '' }), 'xml');
    expect(noKeyXml.statusCode).toBe(403);
    expect(noKeyXml.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(texts(noKeyXml.body, 'code')).toEqual(['403']);
    // A key of a source without the Open311 right is refused the same way.
    const hotline = await f.source({ code: 'hotline12345' });
    expect((await submit(report({ api_key: hotline.key }))).statusCode).toBe(403);

    const unknown = await submit(report({ service_code: 'no.such' }), 'xml');
    expect(unknown.statusCode).toBe(404);
    expect(texts(unknown.body, 'description')[0]).toContain('service_code');

    const { lat: _lat, long: _long, address_string: _address, ...nowhere } = report();
    const missing = await submit({ ...nowhere, description: '' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toEqual([
      { code: 400, description: expect.stringContaining('location is missing') },
      { code: 400, description: expect.stringContaining('description is missing') },
    ]);
    const missingXml = await submit(nowhere, 'xml');
    expect(texts(missingXml.body, 'error')).toHaveLength(1);
    // Escaped as XML requires.
    expect(texts(missingXml.body, 'description')[0]).toContain('lat &amp; long or address_string');
    const outside = await submit(report({ lat: 39.9, long: 116.4 }));
    expect(outside.json()).toEqual([{ code: 400, description: expect.stringContaining('outside') }]);
    const badDates = await get(
      'requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-09-01T00:00:00Z&status=x',
    );
    expect(badDates.statusCode).toBe(400);
    expect(badDates.json()).toHaveLength(2);
    expect(await f.t.database.query('SELECT id FROM cases')).toEqual([]);
  });

  it('C5: reading is public but shows no personal data, and only requests that came through Open311', async () => {
    await submit(report());
    // A grid call stays internal.
    await f.t.app.inject({
      method: 'POST',
      url: '/api/intake/cases',
      headers: { authorization: `Bearer ${(await f.source({ code: 'hotline12345' })).key}` },
      payload: {
        sourceRef: 'H-1',
        category: 'environment.sanitation',
        occurredAt: '2026-09-21T08:00:00+08:00',
        ...f.inGrid,
        situation: '热线来电',
        demand: '处理',
      },
    });
    for (const url of ['requests.json', 'requests.xml', 'requests/370782-20260921-0001.xml']) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(200);
      for (const secret of ['13912345678', '139****5678', 'liming@', '小明', '市民', '热线来电']) {
        expect(response.body, `${url} ${secret}`).not.toContain(secret);
      }
    }
    expect((await get('requests.json')).json()).toHaveLength(1);
    expect((await get('requests/370782-20260921-0002.json')).statusCode).toBe(404);
    expect((await get('requests.json?service_code=utility.water')).json()).toEqual([]);
  });
});
