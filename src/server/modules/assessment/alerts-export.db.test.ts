import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { readListSheet } from '../../../../test/helpers/xlsx.ts';
import { assessmentZhCN } from '../../../web/i18n/assessment.zh-CN.ts';
import { caseRowWriter } from '../cases/case-rows.fixture.ts';
import { ALERT_KIND_LABELS } from './alerts-sheet.ts';

let t: TestApp;
let units: Record<string, string>;
const cookies: Record<string, string> = {};

const call = (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie: cookies[who] as string }, ...(payload ? { payload } : {}) });

beforeAll(async () => {
  t = await createTestApp({ env: { SESSION_IDLE_MINUTES: '1440', SESSION_ABSOLUTE_HOURS: '168' } });
  t.clock.set('2026-09-25T09:00:00+08:00');
  const rows = await t.database.query<{ code: string; id: string }>('SELECT code, id FROM org_units');
  units = Object.fromEntries(rows.map((r) => [r.code, r.id]));
  for (const name of ['supervisor', 'township', 'gridworker']) cookies[name] = await t.login(name);
  const writer = caseRowWriter(t.database, units);
  const caseId = await writer.insertCase({
    category: 'safety.housing',
    state: 'handling',
    createdAt: '2026-09-10T09:00:00+08:00',
    lead: true,
  });
  const flagged = await call('supervisor', 'POST', '/api/assessment/key-cases', {
    caseId,
    reason: '媒体曝光',
  });
  expect(flagged.statusCode, flagged.body).toBe(201);
  t.clock.advanceMinutes(5);
  const traced = await call('supervisor', 'POST', '/api/assessment/traces', {
    caseId,
    reason: '群众投诉属实',
  });
  expect(traced.statusCode, traced.body).toBe(201);
  const closed = await call('supervisor', 'POST', `/api/assessment/alerts/${flagged.json().id}/close`, {
    note: '已约谈整改',
  });
  expect(closed.statusCode, closed.body).toBe(200);
});
afterAll(async () => {
  await t?.close();
});

async function exported(who: string, query: string) {
  const response = await call(who, 'GET', `/api/assessment/alerts.xlsx${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return readListSheet(response.rawPayload, '预警问责');
}

describe('GET /api/assessment/alerts.xlsx', () => {
  it('A4, A6: the alerts under the area as the list shows them — kind, state, unit, reason, closing', async () => {
    const area = `?area=${units['370782']}`;
    for (const query of ['', '&kind=key_case', '&state=open', '&state=closed']) {
      const listed = (await call('supervisor', 'GET', `/api/assessment/alerts${area}${query}`)).json();
      const sheet = await exported('supervisor', `${area}${query}`);
      expect(
        sheet.records.map((r) => [r.类别, r.理由]),
        query,
      ).toEqual(listed.map((a: { kind: 'trace'; reason: string }) => [ALERT_KIND_LABELS[a.kind], a.reason]));
    }
    const all = await exported('supervisor', area);
    expect(all.headers.slice(0, 5)).toEqual(['类别', '单位', '负责人', '理由', '规则']);
    expect(all.records).toEqual([
      expect.objectContaining({ 类别: '逐级倒查', 规则: 'A4', 状态: '未办结' }),
      expect.objectContaining({
        类别: '重点督办',
        单位: expect.stringContaining('住'),
        理由: '媒体曝光',
        规则: 'A6',
        状态: '已办结',
        办结说明: '已约谈整改',
        生成时间: new Date(Date.UTC(2026, 8, 25, 9, 0)),
      }),
    ]);
    expect((await exported('supervisor', `${area}&state=open`)).records.map((r) => r.类别)).toEqual([
      '逐级倒查',
    ]);
    expect(all.about).toMatchObject({ 考核范围: '诸城市', 状态: '全部' });
  });

  it('an area outside the reader’s scope, a bad filter or a role without the assessment is refused', async () => {
    expect(
      (await call('township', 'GET', `/api/assessment/alerts.xlsx?area=${units['370782002']}`)).statusCode,
    ).toBe(403);
    expect(
      (await call('gridworker', 'GET', `/api/assessment/alerts.xlsx?area=${units['370782']}`)).statusCode,
    ).toBe(403);
    for (const [query, field] of [
      ['', 'area'],
      [`?area=${units['370782']}&kind=medal`, 'kind'],
      [`?area=${units['370782']}&state=maybe`, 'state'],
    ] as const) {
      const response = await call('supervisor', 'GET', `/api/assessment/alerts.xlsx${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error, query).toMatchObject({ code: 'VALIDATION', field });
    }
    const web = assessmentZhCN as Record<string, string>;
    for (const [kind, label] of Object.entries(ALERT_KIND_LABELS))
      expect(web[`alertKind.${kind}`]).toBe(label);
  });
});
