import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts';

let t: TestApp;
let units: Record<string, string>;
let cookies: Record<string, string>;
let accountIds: Record<string, string>;

const call = (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie: cookies[who] as string }, ...(payload ? { payload } : {}) });

beforeAll(async () => {
  t = await createTestApp({ env: { SESSION_IDLE_MINUTES: '1440', SESSION_ABSOLUTE_HOURS: '168' } });
  t.clock.set('2026-09-25T09:00:00+08:00');
  const rows = await t.database.query<{ code: string; id: string }>('SELECT code, id FROM org_units');
  units = Object.fromEntries(rows.map((r) => [r.code, r.id]));
  const accounts = await t.database.query<{ username: string; id: string }>(
    'SELECT username, id FROM accounts',
  );
  accountIds = Object.fromEntries(accounts.map((a) => [a.username, a.id]));
  cookies = {};
  for (const name of ['supervisor', 'leader', 'township']) cookies[name] = await t.login(name);
});

afterAll(async () => {
  await t?.close();
});

describe('A2 manual point entries: the approvers and the list to correct from', () => {
  it('A2: the approvers of a unit are the leaders and supervision officers over it, the caller left out', async () => {
    const unit = units['370782001'] as string;
    const bySupervisor = await call('supervisor', 'GET', `/api/assessment/points/approvers?unit=${unit}`);
    expect(bySupervisor.statusCode).toBe(200);
    const names = (bySupervisor.json().items as { accountId: string; role: string }[]).map(
      (a) => a.accountId,
    );
    expect(names).toContain(accountIds.leader);
    expect(names).not.toContain(accountIds.supervisor);
    expect(names).not.toContain(accountIds.township);
    // A township leader reads the assessment but does not manage it.
    const denied = await call('township', 'GET', `/api/assessment/points/approvers?unit=${unit}`);
    expect(denied.statusCode).toBe(403);
    const bad = await call('supervisor', 'GET', '/api/assessment/points/approvers?unit=nope');
    expect(bad.statusCode).toBe(400);
  });

  it('A2: the entries of a month under an area, each with the entries that correct it', async () => {
    const entry = {
      unitId: units['370782001'],
      occurredAt: '2026-09-20T10:00:00+08:00',
      points: -2,
      ruleId: 'A2',
      reason: '推诿扯皮被通报',
      approvedBy: accountIds.leader,
    };
    const first = await call('supervisor', 'POST', '/api/assessment/points', entry);
    expect(first.statusCode).toBe(201);
    const firstId = first.json().id as string;
    const fix = await call('supervisor', 'POST', '/api/assessment/points', {
      ...entry,
      points: 2,
      reason: '经复核通报有误，予以撤销',
      corrects: firstId,
    });
    expect(fix.statusCode).toBe(201);
    // Another month and another township stay out.
    await call('supervisor', 'POST', '/api/assessment/points', {
      ...entry,
      occurredAt: '2026-08-20T10:00:00+08:00',
    });
    const list = await call(
      'township',
      'GET',
      `/api/assessment/points?area=${units['370782001']}&month=2026-09`,
    );
    expect(list.statusCode).toBe(200);
    const items = list.json().items as {
      id: string;
      points: number;
      corrects: string | null;
      correctedBy: string[];
      unitName: string;
      approverName: string;
      occurredAt: string;
    }[];
    expect(items).toHaveLength(2);
    const original = items.find((i) => i.id === firstId);
    expect(original).toMatchObject({
      points: -2,
      corrects: null,
      approverName: '周市长',
      unitName: '密州街道',
    });
    expect(original?.correctedBy).toEqual([fix.json().id]);
    expect(original?.occurredAt).toBe('2026-09-20T10:00:00+08:00');
    expect(items.find((i) => i.id !== firstId)).toMatchObject({ points: 2, corrects: firstId });
    const elsewhere = await call(
      'supervisor',
      'GET',
      `/api/assessment/points?area=${units['370782002']}&month=2026-09`,
    );
    expect(elsewhere.json().items).toEqual([]);
    const badMonth = await call(
      'supervisor',
      'GET',
      `/api/assessment/points?area=${units['370782']}&month=2026-13`,
    );
    expect(badMonth.statusCode).toBe(400);
    expect(badMonth.json().error.field).toBe('month');
  });
});
