import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { scanObligations } from '../obligations/index.ts';

/** The demo city with logged-in accounts and helpers to drive the ledger over HTTP. */
export interface LedgerWorld {
  t: TestApp;
  /** Org unit ids by code. */
  units: Record<string, string>;
  get(who: string, url: string): Promise<LightMyRequestResponse>;
  post(who: string, url: string, body: object): Promise<LightMyRequestResponse>;
  /** The 社管办 puts a consultation item on its ledger (lead 住建局, cooperating 密州街道, `M+1@15`). */
  createItem(extra?: Record<string, unknown>, who?: string): Promise<LightMyRequestResponse>;
  report(id: string, body: Record<string, unknown>, who?: string): Promise<LightMyRequestResponse>;
  /** The item's clocks (its own and its reports') as `rule:state:subject type`, sorted. */
  duties(id: string): Promise<string[]>;
  /** Moves the clock and logs everyone in again (sessions end after a week). */
  moveTo(iso: string): Promise<void>;
  scan(): Promise<{ warned: number; breached: number }>;
  close(): Promise<void>;
}

export async function createLedgerWorld(
  accounts = ['socialoffice', 'handler', 'depthead', 'township', 'supervisor', 'leader'],
): Promise<LedgerWorld> {
  const t = await createTestApp({ env: { SESSION_IDLE_MINUTES: '1440', SESSION_ABSOLUTE_HOURS: '168' } });
  const rows = await t.database.query<{ code: string; id: string }>('SELECT code, id FROM org_units');
  const units = Object.fromEntries(rows.map((r) => [r.code, r.id]));
  const cookies: Record<string, string> = {};
  const loginAll = async () => {
    for (const name of accounts) cookies[name] = await t.login(name);
  };
  await loginAll();
  const cookie = (who: string) => {
    const value = cookies[who];
    if (!value) throw new Error(`${who} is not logged in`);
    return value;
  };
  const post = (who: string, url: string, body: object) =>
    t.app.inject({ method: 'POST', url, headers: { cookie: cookie(who) }, payload: body });
  return {
    t,
    units,
    get: (who, url) => t.app.inject({ method: 'GET', url, headers: { cookie: cookie(who) } }),
    post,
    createItem: (extra = {}, who = 'socialoffice') =>
      post(who, '/api/ledger/items', {
        kind: 'consultation',
        title: '兴华社区 3 号楼外墙维修责任',
        content: '住建局牵头排查维修外墙，密州街道配合做好住户工作',
        leadUnitId: units['D370782-ZJJ'],
        cooperatingUnitIds: [units['370782001']],
        reportRule: 'M+1@15',
        ...extra,
      }),
    report: (id, body, who = 'handler') => post(who, `/api/ledger/items/${id}/reports`, body),
    duties: async (id) =>
      (
        await t.database.query<{ rule_id: string; state: string; subject_type: string }>(
          `SELECT rule_id, state, subject_type FROM obligations
            WHERE (subject_type = 'ledger_item' AND subject_id = $1)
               OR (subject_type = 'ledger_report'
                   AND subject_id IN (SELECT id::text FROM ledger_reports WHERE item_id::text = $1))`,
          [id],
        )
      )
        .map((r) => `${r.rule_id}:${r.state}:${r.subject_type}`)
        .sort(),
    moveTo: async (iso) => {
      t.clock.set(iso);
      await loginAll();
    },
    scan: () => scanObligations({ db: t.ctx.db, clock: t.clock }),
    close: () => t.close(),
  };
}
