import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { snapshot } from '../../../../test/helpers/db.ts';

let t: TestApp;
let admin: string;

beforeEach(async () => {
  t = await createTestApp({ env: { SESSION_IDLE_MINUTES: '1440' } });
  t.clock.set('2026-09-21T09:00:00+08:00');
  admin = await t.login('sysadmin');
});
afterEach(async () => {
  await t.close();
});

const get = (url: string) => t.app.inject({ method: 'GET', url });
const as = (cookie: string, method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

describe('public calendar routes', () => {
  it('C10: answers the due time in the documented shape', async () => {
    const response = await get('/api/calendar/due?start=2026-09-30T10:00:00%2B08:00&rule=3wd');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      start: '2026-09-30T10:00:00+08:00',
      rule: '3wd',
      due: '2026-10-10T17:30:00+08:00',
    });
  });

  it('C8: takes any offset and answers in +08:00', async () => {
    const response = await get('/api/calendar/due?start=2026-09-18T08:30:00Z&rule=2wh');
    expect(response.json()).toEqual({
      start: '2026-09-18T16:30:00+08:00',
      rule: '2wh',
      due: '2026-09-20T10:00:00+08:00',
    });
  });

  it('refuses an unparseable rule or start with BAD_RULE or BAD_START', async () => {
    const badRule = await get('/api/calendar/due?start=2026-09-30T10:00:00%2B08:00&rule=3days');
    expect(badRule.statusCode).toBe(400);
    expect(badRule.json().error).toMatchObject({ code: 'BAD_RULE', field: 'rule' });
    for (const start of ['2026-09-30T10:00:00', '2026-02-30T10:00:00%2B08:00', 'tomorrow', '']) {
      const response = await get(`/api/calendar/due?start=${start}&rule=3wd`);
      expect(response.statusCode, start).toBe(400);
      expect(response.json().error, start).toMatchObject({ code: 'BAD_START', field: 'start' });
    }
  });

  it('lists each day with workday, holiday and make-up flags', async () => {
    const response = await get('/api/calendar/days?from=2026-09-01&to=2026-10-31');
    const days = response.json().days as {
      date: string;
      workday: boolean;
      holiday: string | null;
      makeup: boolean;
    }[];
    expect(days).toHaveLength(61);
    const byDate = Object.fromEntries(days.map((d) => [d.date, d]));
    expect(byDate['2026-09-20']).toMatchObject({ workday: true, makeup: true, holiday: '国庆节' });
    expect(byDate['2026-09-25']).toMatchObject({ workday: false, makeup: false, holiday: '中秋节' });
    expect(byDate['2026-10-01']).toMatchObject({ workday: false, holiday: '国庆节' });
    expect(byDate['2026-10-10']).toMatchObject({ workday: true, makeup: true });
    expect(byDate['2026-10-17']).toEqual({
      date: '2026-10-17',
      weekday: 6,
      workday: false,
      holiday: null,
      makeup: false,
    });
  });

  it('counts workdays with both ends included', async () => {
    expect((await get('/api/calendar/workdays?from=2026-10-01&to=2026-10-31')).json()).toEqual({
      from: '2026-10-01',
      to: '2026-10-31',
      workdays: 18,
    });
    expect((await get('/api/calendar/workdays?from=2026-09-21&to=2026-09-21')).json().workdays).toBe(1);
  });

  it('refuses unknown dates and reversed or huge ranges', async () => {
    for (const query of [
      'from=2026-02-30&to=2026-03-01',
      'from=2026-10-01&to=2026-09-01',
      'from=2020-01-01&to=2026-01-01',
      'from=x&to=y',
    ]) {
      const response = await get(`/api/calendar/days?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(['BAD_DATE', 'BAD_RANGE']).toContain(response.json().error.code);
    }
  });
});

describe('calendar administration', () => {
  it('ships the 2025 and 2026 arrangements', async () => {
    const years = (
      await t.app.inject({ method: 'GET', url: '/api/calendar/years', headers: { cookie: admin } })
    ).json();
    expect(years.items.map((y: { year: number }) => y.year)).toEqual([2025, 2026]);
  });

  it('adds a published year by API, as an event', async () => {
    const response = await as(admin, 'POST', '/api/calendar/arrangements', {
      year: 2027,
      source: '国务院办公厅关于2027年部分节假日安排的通知',
      holidays: [{ name: '元旦', off: ['2027-01-01', '2027-01-03'], work: [] }],
    });
    expect(response.statusCode).toBe(200);
    // The weekend days keep the holiday's name, so they are stored too.
    expect(response.json().changedDays.map((d: { date: string }) => d.date)).toEqual([
      '2027-01-01',
      '2027-01-02',
      '2027-01-03',
    ]);
    expect((await get('/api/calendar/due?start=2026-12-31T10:00:00%2B08:00&rule=1wd')).json().due).toBe(
      '2027-01-04T17:30:00+08:00',
    );
    const events = await t.database.query<{ kind: string }>(
      "SELECT kind FROM events WHERE subject_type = 'calendar' ORDER BY id DESC LIMIT 2",
    );
    expect(events.map((e) => e.kind).sort()).toEqual(['calendar.days_changed', 'calendar.year_loaded']);
  });

  it('imports an iCalendar file', async () => {
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//test//EN',
      'BEGIN:VEVENT',
      'UID:a',
      'DTSTART;VALUE=DATE:20270206',
      'DTEND;VALUE=DATE:20270214',
      'SUMMARY:春节(休)',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:b',
      'DTSTART;VALUE=DATE:20270214',
      'DTEND;VALUE=DATE:20270215',
      'SUMMARY:春节(班)',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const response = await as(admin, 'POST', '/api/calendar/import', { format: 'ics', content: ics });
    expect(response.statusCode).toBe(200);
    expect(response.json().years).toEqual([2027]);
    const days = (await get('/api/calendar/days?from=2027-02-05&to=2027-02-15')).json().days;
    expect(days.find((d: { date: string }) => d.date === '2027-02-08')).toMatchObject({
      workday: false,
      holiday: '春节',
    });
    expect(days.find((d: { date: string }) => d.date === '2027-02-14')).toMatchObject({
      workday: true,
      makeup: true,
    });
  });

  it('imports a JSON file and refuses a broken one without writing anything', async () => {
    const before = await snapshot(t.database);
    const broken = await as(admin, 'POST', '/api/calendar/import', {
      format: 'json',
      content: '{"year": 2027, "holidays": []}',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error).toMatchObject({ code: 'BAD_FILE', field: 'content' });
    const bad = await as(admin, 'POST', '/api/calendar/import', {
      format: 'json',
      content: JSON.stringify({
        year: 2027,
        source: 'x',
        holidays: [{ name: '元旦', off: ['2027-02-30', '2027-03-01'], work: [] }],
      }),
    });
    expect(bad.json().error.code).toBe('BAD_DATE');
    expect(await snapshot(t.database)).toEqual(before);
  });

  it('C10: recomputes running obligations when a day in their window changes, each as an event', async () => {
    const dispatcher = await t.login('dispatcher');
    const [unit] = await t.database.query<{ id: string }>(
      "SELECT id FROM org_units WHERE code = '370782001001'",
    );
    const opened = await as(dispatcher, 'POST', '/api/obligations', {
      subject: { type: 'case', id: 'typhoon' },
      ruleId: 'C10',
      unitId: unit?.id,
      deadline: '3wd',
    });
    expect(opened.json().dueAt).toBe('2026-09-24T17:30:00+08:00');
    const untouched = await as(dispatcher, 'POST', '/api/obligations', {
      subject: { type: 'case', id: 'later' },
      ruleId: 'C10',
      unitId: unit?.id,
      deadline: '3wd',
      startedAt: '2026-09-28T09:00:00+08:00',
    });
    // A typhoon: Tuesday the 22nd becomes a rest day.
    const change = await as(admin, 'PUT', '/api/calendar/days', {
      days: [{ date: '2026-09-22', workday: false, holiday: '台风停工', makeup: false }],
      reason: '台风“海葵”停工一天',
    });
    expect(change.json()).toMatchObject({ recomputed: 1 });
    const after = await t.app.inject({
      method: 'GET',
      url: `/api/obligations/${opened.json().id}`,
      headers: { cookie: dispatcher },
    });
    // Wed 23, Thu 24, then the Mid-Autumn holiday: Monday the 28th.
    expect(after.json().dueAt).toBe('2026-09-28T17:30:00+08:00');
    const recomputed = await t.database.query<{ subject_id: string; payload: { before: { dueAt: string } } }>(
      "SELECT subject_id, payload FROM events WHERE kind = 'obligation.recomputed'",
    );
    expect(recomputed.map((r) => r.subject_id)).toEqual([opened.json().id]);
    expect(recomputed[0]?.payload.before.dueAt).toBe('2026-09-24T09:30:00.000Z');
    const other = await t.app.inject({
      method: 'GET',
      url: `/api/obligations/${untouched.json().id}`,
      headers: { cookie: dispatcher },
    });
    expect(other.json().dueAt).toBe(untouched.json().dueAt);
    // The public route uses the new calendar at once.
    expect((await get('/api/calendar/days?from=2026-09-22&to=2026-09-22')).json().days[0]).toMatchObject({
      workday: false,
    });
  });

  it('C8: summer office hours move working-hour deadlines in their range', async () => {
    const dispatcher = await t.login('dispatcher');
    const [unit] = await t.database.query<{ id: string }>(
      "SELECT id FROM org_units WHERE code = '370782001001'",
    );
    const opened = await as(dispatcher, 'POST', '/api/obligations', {
      subject: { type: 'case', id: 'summer' },
      ruleId: 'C8',
      unitId: unit?.id,
      deadline: '4wh',
      startedAt: '2026-09-21T11:00:00+08:00',
    });
    expect(opened.json().dueAt).toBe('2026-09-21T16:30:00+08:00');
    const added = await as(admin, 'POST', '/api/calendar/office-hours', {
      name: '夏季作息',
      validFrom: '2026-06-01',
      validTo: '2026-09-30',
      periods: [
        { start: '08:30', end: '12:00' },
        { start: '14:30', end: '18:00' },
      ],
    });
    expect(added.json().recomputed).toBe(1);
    const after = await t.app.inject({
      method: 'GET',
      url: `/api/obligations/${opened.json().id}`,
      headers: { cookie: dispatcher },
    });
    expect(after.json().dueAt).toBe('2026-09-21T17:30:00+08:00');
    const bad = await as(admin, 'POST', '/api/calendar/office-hours', {
      name: 'x',
      validFrom: '2026-06-01',
      validTo: null,
      periods: [{ start: '14:00', end: '12:00' }],
    });
    expect(bad.json().error).toMatchObject({ code: 'BAD_PERIODS', field: 'periods.0' });
  });

  it('lets only the system administrator change the calendar', async () => {
    for (const who of ['secadmin', 'auditor', 'dispatcher', 'leader']) {
      const cookie = await t.login(who);
      const response = await as(cookie, 'PUT', '/api/calendar/days', {
        days: [{ date: '2026-11-20', workday: false, holiday: null, makeup: false }],
        reason: 'x',
      });
      expect(response.statusCode, who).toBe(403);
    }
  });
});
