import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { snapshot } from '../../../../test/helpers/db.ts';
import { notify } from './notify.ts';

let t: TestApp;
const cookies: Record<string, string> = {};
let units: Record<string, string>;
let ids: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  for (const name of ['gridworker', 'gridhead', 'dispatcher', 'township', 'leader', 'handler']) {
    cookies[name] = await t.login(name);
  }
  const unitRows = await t.database.query<{ code: string; id: string }>('SELECT code, id FROM org_units');
  units = Object.fromEntries(unitRows.map((r) => [r.code, r.id]));
  const accountRows = await t.database.query<{ username: string; id: string }>(
    'SELECT username, id FROM accounts',
  );
  ids = Object.fromEntries(accountRows.map((r) => [r.username, r.id]));
});
afterAll(async () => {
  await t.close();
});

/** Notifies at the test clock's time, then moves the clock on so the order is clear. */
async function send(to: { accountId?: string; unitId?: string }, title: string): Promise<string> {
  await t.ctx.db.transaction((tx) =>
    notify({
      db: tx,
      at: t.clock.now(),
      to,
      kind: 'obligation.warned',
      subject: { type: 'obligation', id: title },
      title: { zh: `${title}即将超时`, en: `${title} is nearly due` },
      data: { title },
    }),
  );
  t.clock.advanceMinutes(1);
  const [row] = await t.database.query<{ id: string }>(
    'SELECT id FROM notifications WHERE subject_id = $1 ORDER BY created_at DESC LIMIT 1',
    [title],
  );
  return row?.id ?? '';
}

const call = (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie: cookies[who] ?? '' }, ...(payload ? { payload } : {}) });

async function inbox(who: string, query = '') {
  const response = await call(who, 'GET', `/api/notifications${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as {
    items: { id: string; subjectId: string; read: boolean; to: string; unitId: string | null }[];
    unreadCount: number;
    nextBefore: string | null;
  };
}
const subjects = async (who: string, query = '') => (await inbox(who, query)).items.map((i) => i.subjectId);

describe('inbox', () => {
  it('shows a person their own notifications, in the documented shape', async () => {
    const id = await send({ accountId: ids.gridworker }, 'P1');
    const page = await inbox('gridworker');
    expect(page.items).toEqual([
      {
        id,
        kind: 'obligation.warned',
        subjectType: 'obligation',
        subjectId: 'P1',
        title: 'P1即将超时',
        titleEn: 'P1 is nearly due',
        data: { title: 'P1' },
        createdAt: '2026-09-18T09:00:00+08:00',
        read: false,
        to: 'person',
        unitId: null,
      },
    ]);
    expect(page.unreadCount).toBe(1);
    expect(await subjects('gridhead')).not.toContain('P1');
  });

  it('shows a unit notification to those working there or holding a role there, not to its parent or children', async () => {
    // 密州街道: the township leader works there; the dispatcher holds a role there
    // but works for the township's centre; the grid worker works in a grid below.
    await send({ unitId: units['370782001'] }, 'U-township');
    // 密州街道综治中心: only the dispatcher works there.
    await send({ unitId: units.C370782001 }, 'U-centre');
    expect(await subjects('township')).toEqual(['U-township']);
    expect(await subjects('dispatcher')).toEqual(['U-centre', 'U-township']);
    expect(await subjects('gridworker')).not.toContain('U-township');
    expect(await subjects('leader')).toEqual([]);
    const item = (await inbox('township')).items[0];
    expect(item).toMatchObject({ to: 'unit', unitId: units['370782001'] });
  });

  it('keeps read state per person, also for unit notifications', async () => {
    const [centre] = (await inbox('dispatcher')).items;
    const unitItem = (await inbox('dispatcher')).items.find((i) => i.subjectId === 'U-township');
    expect((await call('dispatcher', 'POST', `/api/notifications/${unitItem?.id}/read`)).statusCode).toBe(
      204,
    );
    expect((await inbox('dispatcher')).unreadCount).toBe(1);
    expect((await inbox('township')).items[0]).toMatchObject({ subjectId: 'U-township', read: false });
    expect((await inbox('township')).unreadCount).toBe(1);
    expect(await subjects('dispatcher', '?unread=true')).toEqual([centre?.subjectId]);
    expect(await subjects('dispatcher', '?unread=false')).toEqual(['U-township']);
  });

  it('marks read idempotently, marks all, and counts what was unread', async () => {
    const a = await send({ accountId: ids.handler }, 'H1');
    await send({ accountId: ids.handler }, 'H2');
    await send({ unitId: units['D370782-ZJJ'] }, 'H3');
    expect((await inbox('handler')).unreadCount).toBe(3);
    for (let i = 0; i < 2; i++) {
      const response = await call('handler', 'POST', `/api/notifications/${a}/read`);
      expect(response.statusCode).toBe(204);
      expect(response.body).toBe('');
    }
    const page = await inbox('handler');
    expect(page.unreadCount).toBe(2);
    expect(page.items.map((i) => [i.subjectId, i.read])).toEqual([
      ['H3', false],
      ['H2', false],
      ['H1', true],
    ]);
    expect((await call('handler', 'POST', '/api/notifications/read-all')).json()).toEqual({ marked: 2 });
    expect((await call('handler', 'POST', '/api/notifications/read-all', {})).json()).toEqual({ marked: 0 });
    expect((await inbox('handler')).unreadCount).toBe(0);
    // The read time is the first one, kept by the second mark.
    const [read] = await t.database.query<{ n: string }>(
      'SELECT count(*)::text AS n FROM notification_reads WHERE notification_id = $1',
      [a],
    );
    expect(read?.n).toBe('1');
  });

  it('pages newest first with nextBefore', async () => {
    for (const n of [1, 2, 3, 4, 5]) await send({ accountId: ids.leader }, `L${n}`);
    const first = await inbox('leader', '?limit=2');
    expect(first.items.map((i) => i.subjectId)).toEqual(['L5', 'L4']);
    const second = await inbox('leader', `?limit=2&before=${first.nextBefore}`);
    expect(second.items.map((i) => i.subjectId)).toEqual(['L3', 'L2']);
    const last = await inbox('leader', `?limit=2&before=${second.nextBefore}`);
    expect(last.items.map((i) => i.subjectId)).toEqual(['L1']);
    expect(last.nextBefore).toBeNull();
    expect(last.unreadCount).toBe(5);
  });

  it('answers 404 for a notification in someone else inbox, and changes nothing', async () => {
    const theirs = await send({ accountId: ids.gridhead }, 'private');
    const before = await snapshot(t.database);
    for (const url of [
      `/api/notifications/${theirs}/read`,
      '/api/notifications/00000000-0000-4000-8000-000000000000/read',
    ]) {
      const response = await call('gridworker', 'POST', url);
      expect(response.statusCode).toBe(404);
      expect(response.json().error).toMatchObject({ code: 'NOT_FOUND', message: '通知不存在' });
    }
    const paging = await call('gridworker', 'GET', `/api/notifications?before=${theirs}`);
    expect(paging.statusCode).toBe(404);
    expect(await snapshot(t.database)).toEqual(before);
    expect((await inbox('gridhead')).items[0]).toMatchObject({ id: theirs, read: false });
  });
});

describe('bad input', () => {
  it('refuses unknown fields, bad ids and bad query values with 400', async () => {
    const before = await snapshot(t.database);
    const attempts: [string, 'GET' | 'POST', string, object?][] = [
      ['id', 'POST', '/api/notifications/not-a-uuid/read'],
      ['zzz', 'POST', '/api/notifications/read-all', { zzz: 1 }],
      ['zzz', 'POST', `/api/notifications/${ids.gridworker}/read`, { zzz: 1 }],
      ['unread', 'GET', '/api/notifications?unread=yes'],
      ['limit', 'GET', '/api/notifications?limit=0'],
      ['limit', 'GET', '/api/notifications?limit=201'],
      ['limit', 'GET', '/api/notifications?limit=abc'],
      ['before', 'GET', '/api/notifications?before=12'],
      ['other', 'GET', '/api/notifications?other=1'],
    ];
    for (const [field, method, url, payload] of attempts) {
      const response = await call('gridworker', method, url, payload);
      expect(response.statusCode, `${method} ${url}`).toBe(400);
      expect(response.json().error).toMatchObject({ code: 'VALIDATION', field });
    }
    const stream = await t.app.inject({
      method: 'GET',
      url: '/api/notifications/stream',
      headers: { cookie: cookies.gridworker ?? '', 'last-event-id': 'not-a-uuid' },
    });
    expect(stream.statusCode).toBe(400);
    expect(stream.json().error).toMatchObject({ code: 'VALIDATION', field: 'last-event-id' });
    expect(await snapshot(t.database)).toEqual(before);
  });

  it('asks for a login', async () => {
    for (const [method, url] of [
      ['GET', '/api/notifications'],
      ['POST', '/api/notifications/read-all'],
      ['GET', '/api/notifications/stream'],
    ] as const) {
      const response = await t.app.inject({ method, url });
      expect(response.statusCode, url).toBe(401);
      expect(response.json().error.code).toBe('UNAUTHENTICATED');
    }
  });
});
