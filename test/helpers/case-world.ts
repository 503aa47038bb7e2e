import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type TestApp } from './app.ts';
import { uploadPhoto } from './photo.ts';

/** The demo city with logged-in demo accounts and helpers to drive cases over HTTP. */
export interface CaseWorld {
  t: TestApp;
  /** Org unit ids by code. */
  units: Record<string, string>;
  cookies: Record<string, string>;
  /** A point inside grid 370782001001001 (gridworker's and gridhead's grid). */
  inGrid: { lat: number; lng: number };
  /** The demo call's body (complete C6 elements), with overrides. */
  call(extra?: Record<string, unknown>): Record<string, unknown>;
  raise(payload: object, who?: string, key?: string): Promise<LightMyRequestResponse>;
  act(
    who: string,
    id: string,
    action: string,
    version: number,
    payload?: object,
  ): Promise<LightMyRequestResponse>;
  read(id: string, who?: string): Promise<LightMyRequestResponse>;
  /** C9: a position on site and a fresh photo uploaded by `who`. */
  onSite(who?: string): Promise<{ lat: number; lng: number; photoIds: string[] }>;
  /** The case's duties as `rule:state`, sorted. */
  duties(id: string, subjectType?: string): Promise<string[]>;
  /** The kinds of the case's events, in order. */
  events(id: string): Promise<string[]>;
  close(): Promise<void>;
}

export async function createCaseWorld(
  accounts = ['gridworker', 'gridhead', 'secretary', 'dispatcher', 'citydispatcher', 'handler', 'agencyhead'],
): Promise<CaseWorld> {
  const t = await createTestApp({ env: { SESSION_IDLE_MINUTES: '1440', SESSION_ABSOLUTE_HOURS: '168' } });
  // Monday 2026-09-21 09:00, an ordinary workday.
  t.clock.set('2026-09-21T09:00:00+08:00');
  const rows = await t.database.query<{ code: string; id: string }>('SELECT code, id FROM org_units');
  const units = Object.fromEntries(rows.map((r) => [r.code, r.id]));
  const cookies: Record<string, string> = {};
  for (const name of accounts) cookies[name] = await t.login(name);
  const [grid] = await t.database.query<{ boundary: { coordinates: number[][][] } }>(
    'SELECT boundary FROM org_units WHERE code = $1',
    ['370782001001001'],
  );
  const ring = grid?.boundary.coordinates[0] ?? [];
  const xs = ring.map((p) => p[0] as number);
  const ys = ring.map((p) => p[1] as number);
  const inGrid = {
    lng: (Math.min(...xs) + Math.max(...xs)) / 2,
    lat: (Math.min(...ys) + Math.max(...ys)) / 2,
  };
  const cookie = (who: string) => {
    const value = cookies[who];
    if (!value) throw new Error(`${who} is not logged in`);
    return value;
  };
  return {
    t,
    units,
    cookies,
    inGrid,
    call: (extra = {}) => ({
      category: 'safety.housing',
      occurredAt: '2026-09-21T08:30:00+08:00',
      ...inGrid,
      address: '密州街道兴华社区 3 号楼',
      party: '3 号楼住户',
      situation: '外墙瓷砖脱落，砸坏一辆电动车',
      demand: '尽快排查并修复外墙',
      proposedUnitId: units['D370782-ZJJ'],
      ...extra,
    }),
    raise: (payload, who = 'gridworker', key) =>
      t.app.inject({
        method: 'POST',
        url: '/api/cases',
        headers: { cookie: cookie(who), ...(key ? { 'idempotency-key': key } : {}) },
        payload,
      }),
    act: (who, id, action, version, payload = {}) =>
      t.app.inject({
        method: 'POST',
        url: `/api/cases/${id}/actions/${action}`,
        headers: { cookie: cookie(who), 'if-match': String(version) },
        payload,
      }),
    read: (id, who = 'dispatcher') =>
      t.app.inject({ method: 'GET', url: `/api/cases/${id}`, headers: { cookie: cookie(who) } }),
    onSite: async (who = 'handler') => ({ ...inGrid, photoIds: [await uploadPhoto(t.app, cookie(who))] }),
    duties: async (id, subjectType = 'case') =>
      (
        await t.database.query<{ rule_id: string; state: string }>(
          'SELECT rule_id, state FROM obligations WHERE subject_type = $1 AND subject_id = $2',
          [subjectType, id],
        )
      )
        .map((r) => `${r.rule_id}:${r.state}`)
        .sort(),
    events: async (id) =>
      (
        await t.database.query<{ kind: string }>(
          `SELECT kind FROM events WHERE subject_type = 'case' AND subject_id = $1 ORDER BY id`,
          [id],
        )
      ).map((r) => r.kind),
    close: () => t.close(),
  };
}
