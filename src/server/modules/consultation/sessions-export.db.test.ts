import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { readListSheet } from '../../../../test/helpers/xlsx.ts';
import { consultationZhCN } from '../../../web/i18n/consultation.zh-CN.ts';
import { SESSION_KIND_LABELS, SESSION_STATE_LABELS } from './sessions-sheet.ts';

let t: TestApp;
let units: Record<string, string>;
const cookies: Record<string, string> = {};
let monthly: string;

const call = (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie: cookies[who] as string }, ...(payload ? { payload } : {}) });

beforeAll(async () => {
  t = await createTestApp({ env: { SESSION_IDLE_MINUTES: '1440', SESSION_ABSOLUTE_HOURS: '168' } });
  t.clock.set('2026-10-09T09:00:00+08:00');
  const rows = await t.database.query<{ code: string; id: string }>('SELECT code, id FROM org_units');
  units = Object.fromEntries(rows.map((r) => [r.code, r.id]));
  for (const name of ['socialoffice', 'dispatcher', 'gridworker']) cookies[name] = await t.login(name);
  const district = units['370782'];
  const created = await call('socialoffice', 'POST', '/api/consultation/sessions', {
    areaUnitId: district,
    kind: 'monthly',
    month: '2026-10',
  });
  expect(created.statusCode, created.body).toBe(201);
  monthly = created.json().id;
  t.clock.advanceMinutes(5);
  const extra = await call('socialoffice', 'POST', '/api/consultation/sessions', {
    areaUnitId: district,
    kind: 'extra',
  });
  expect(extra.statusCode, extra.body).toBe(201);
});
afterAll(async () => {
  await t?.close();
});

async function exported(query: string) {
  const response = await call('socialoffice', 'GET', `/api/consultation/sessions.xlsx${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return readListSheet(response.rawPayload, '会商列表');
}

describe('GET /api/consultation/sessions.xlsx', () => {
  it('R2: the area’s sessions as the list shows them, by kind and state, each linked to its page', async () => {
    const area = `?areaUnitId=${units['370782']}`;
    for (const query of ['', '&kind=monthly', '&kind=extra', '&state=collecting', '&state=held']) {
      const listed = (await call('socialoffice', 'GET', `/api/consultation/sessions${area}${query}`)).json();
      const sheet = await exported(`${area}${query}`);
      expect(
        sheet.records.map((r) => r.标题),
        query,
      ).toEqual(listed.items.map((s: { title: string }) => s.title));
    }
    const all = await exported(area);
    expect(all.headers.slice(0, 4)).toEqual(['标题', '类别', '月份', '状态']);
    expect(all.records.map((r) => [r.类别, r.状态])).toEqual([
      ['临时会商', '征集中'],
      ['月度会商', '征集中'],
    ]);
    expect(all.records[1]?.月份).toBe('2026-10');
    expect(all.links[1]?.标题).toBe(`http://localhost:80/consultation/sessions/${monthly}`);
    expect(all.about).toMatchObject({ 地区: '诸城市', 类别: '全部' });
  });

  it('an area outside the reader’s consultation scope, a bad filter or a role without it is refused', async () => {
    // The township centre reads its township's consultation, not the district's.
    expect(
      (await call('dispatcher', 'GET', `/api/consultation/sessions.xlsx?areaUnitId=${units['370782']}`))
        .statusCode,
    ).toBe(403);
    expect(
      (await call('gridworker', 'GET', `/api/consultation/sessions.xlsx?areaUnitId=${units['370782']}`))
        .statusCode,
    ).toBe(403);
    for (const [query, field] of [
      ['', 'areaUnitId'],
      [`?areaUnitId=${units['370782']}&state=done`, 'state'],
      [`?areaUnitId=${units['370782']}&kind=weekly`, 'kind'],
    ] as const) {
      const response = await call('socialoffice', 'GET', `/api/consultation/sessions.xlsx${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error, query).toMatchObject({ code: 'VALIDATION', field });
    }
    const web = consultationZhCN as Record<string, string>;
    for (const [state, label] of Object.entries(SESSION_STATE_LABELS))
      expect(web[`sessionState.${state}`]).toBe(label);
    for (const [kind, label] of Object.entries(SESSION_KIND_LABELS))
      expect(web[`sessionKind.${kind}`]).toBe(label);
  });
});
