import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { snapshot } from '../../../../test/helpers/db.ts';
import { ledgerStatusOf } from './index.ts';
import { createLedgerWorld, type LedgerWorld } from './ledger-world.fixture.ts';

let w: LedgerWorld;
beforeEach(async () => {
  w = await createLedgerWorld();
});
afterEach(async () => {
  await w.close();
});

const kinds = (page: { timeline: { kind: string }[] }) => page.timeline.map((e) => e.kind);

describe('R7: items tracked on the ledger', () => {
  it('R7: the owner crosses a done item off (its completion clock met, report clocks cancelled) and reopens it with new clocks', async () => {
    const item = (await w.createItem({ dueAt: '2026-10-30T17:00:00+08:00' })).json();
    expect(await w.duties(item.id)).toEqual(['R7:running:ledger_item', 'R8:running:ledger_item']);
    const cross = (who: string, body: object) => w.post(who, `/api/ledger/items/${item.id}/cross-off`, body);
    expect((await cross('handler', { reason: '已完成' })).statusCode).toBe(403);
    const bare = await cross('socialoffice', { reason: ' ' });
    expect([bare.statusCode, bare.json().error.code, bare.json().error.field]).toEqual([
      400,
      'REASON_REQUIRED',
      'reason',
    ]);

    await w.moveTo('2026-10-14T10:00:00+08:00');
    const crossed = await cross('socialoffice', { reason: '外墙已修复，经现场核查验收' });
    expect(crossed.statusCode, crossed.body).toBe(200);
    expect(crossed.json()).toMatchObject({
      state: 'crossed_off',
      stateType: 'closed',
      crossedOffAt: '2026-10-14T10:00:00+08:00',
      crossedOffBy: { name: '高社管' },
    });
    expect(await w.duties(item.id)).toEqual(['R7:met:ledger_item', 'R8:cancelled:ledger_item']);
    const again = await cross('socialoffice', { reason: '重复' });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'ITEM_CROSSED_OFF']);
    const notified = await w.t.database.query<{ unit_id: string }>(
      `SELECT unit_id FROM notifications WHERE kind = 'ledger.item_crossed_off' AND subject_id = $1`,
      [item.id],
    );
    expect(notified).toHaveLength(2);

    const reopen = (body: object) => w.post('socialoffice', `/api/ledger/items/${item.id}/reopen`, body);
    const past = await reopen({ reason: '住户反映仍有脱落', dueAt: '2026-10-01T17:00:00+08:00' });
    expect([past.statusCode, past.json().error.code, past.json().error.field]).toEqual([
      400,
      'DUE_IN_PAST',
      'dueAt',
    ]);
    const reopened = await reopen({ reason: '住户反映仍有脱落', dueAt: '2026-11-30T17:00:00+08:00' });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json()).toMatchObject({
      state: 'open',
      reopened: 1,
      crossedOffAt: null,
      dueAt: '2026-11-30T17:00:00+08:00',
    });
    expect(await w.duties(item.id)).toEqual([
      'R7:met:ledger_item',
      'R7:running:ledger_item',
      'R8:cancelled:ledger_item',
      'R8:running:ledger_item',
    ]);
    expect((await reopen({ reason: '再次' })).json().error.code).toBe('ITEM_NOT_CROSSED_OFF');
    const page = (await w.get('handler', `/api/ledger/items/${item.id}`)).json();
    expect(kinds(page)).toEqual(['ledger.item_created', 'ledger.item_crossed_off', 'ledger.item_reopened']);
    expect(page.timeline[1].payload).toEqual({ reason: '外墙已修复，经现场核查验收' });
    expect(page.item.clocks.nextReportDueAt).toBe('2026-11-16T17:30:00+08:00');
  });

  it('R7, R8: crossing off does not wipe out a report already late: the scanner still breaches it', async () => {
    const item = (await w.createItem()).json();
    await w.moveTo('2026-10-16T09:00:00+08:00'); // past the 15th, before the scanner's pass
    const crossed = await w.post('socialoffice', `/api/ledger/items/${item.id}/cross-off`, {
      reason: '已完成',
    });
    expect(crossed.statusCode, crossed.body).toBe(200);
    expect(await w.duties(item.id)).toEqual(['R8:running:ledger_item']);
    await w.scan();
    expect(await w.duties(item.id)).toEqual(['R8:breached:ledger_item']);
    // On the record, but no longer "overdue now": the item is done.
    expect((await w.get('handler', '/api/ledger/overdue')).json().units).toEqual([]);
  });

  it('R7: items are tracked in scope — the units see theirs, the owner its area, the supervision office reads but does not keep the consultation ledger', async () => {
    const mine = (await w.createItem()).json();
    w.t.clock.advanceMinutes(1); // newest first
    const other = (
      await w.createItem({
        leadUnitId: w.units['D370782-ZHZF'],
        cooperatingUnitIds: [],
        title: '占道经营整治',
      })
    ).json();
    const titles = async (who: string, query = '') =>
      (await w.get(who, `/api/ledger/items${query}`)).json().items.map((i: { id: string }) => i.id);
    expect(await titles('socialoffice')).toEqual([other.id, mine.id]);
    expect(await titles('leader')).toEqual([other.id, mine.id]);
    expect(await titles('handler')).toEqual([mine.id]);
    // A cooperating unit sees the item too.
    expect(await titles('township')).toEqual([mine.id]);
    expect(await titles('socialoffice', `?unitId=${w.units['370782001']}`)).toEqual([mine.id]);
    expect(await titles('socialoffice', '?state=crossed_off')).toEqual([]);
    expect((await w.get('handler', `/api/ledger/items/${other.id}`)).statusCode).toBe(404);
    expect((await w.report(other.id, { period: '2026-09', done: true, progress: 'x' })).statusCode).toBe(404);

    const supervisor = await w.post('supervisor', `/api/ledger/items/${mine.id}/cross-off`, {
      reason: '已完成',
    });
    expect([supervisor.statusCode, supervisor.json().error.code]).toEqual([403, 'NOT_LEDGER_OWNER']);
    expect((await w.get('supervisor', `/api/ledger/items/${mine.id}`)).json().actions).toEqual([]);
    // Each office keeps its own ledger: the supervision office puts supervision items on its ledger.
    const supervised = await w.createItem(
      { kind: 'supervision', dueAt: '2026-10-31T17:00:00+08:00' },
      'supervisor',
    );
    expect(supervised.statusCode, supervised.body).toBe(201);
    expect(await w.duties(supervised.json().id)).toEqual([
      'S5:running:ledger_item',
      'S8:running:ledger_item',
    ]);
    const notOwner = await w.createItem({ kind: 'supervision' });
    expect([notOwner.statusCode, notOwner.json().error.code]).toEqual([403, 'NOT_LEDGER_OWNER']);
    expect((await w.createItem({}, 'handler')).statusCode).toBe(403);
  });

  it('R7: bad input over HTTP is refused naming the field, and nothing is written', async () => {
    const before = await snapshot(w.t.database);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ title: ' ' }, 'TITLE_REQUIRED', 'title'],
      [{ reportRule: 'every month' }, 'BAD_RULE', 'reportRule'],
      [{ dueAt: '2026-13-01' }, 'BAD_TIME', 'dueAt'],
      [{ dueAt: '2026-09-01T09:00:00+08:00' }, 'DUE_IN_PAST', 'dueAt'],
      [{ leadUnitId: w.units['370782001001001'] }, 'BAD_LEAD_UNIT', 'leadUnitId'],
      [{ cooperatingUnitIds: [randomUUID()] }, 'BAD_COOPERATING_UNIT', 'cooperatingUnitIds.0'],
      [{ sourceId: randomUUID() }, 'SOURCE_INCOMPLETE', 'sourceType'],
      [{ dueRuleId: 'R8' }, 'BAD_DUE_RULE', 'dueRuleId'],
    ];
    for (const [extra, code, field] of cases) {
      const response = await w.createItem(extra);
      expect([response.statusCode, response.json().error?.code, response.json().error?.field], code).toEqual([
        400,
        code,
        field,
      ]);
    }
    expect((await w.createItem({ kind: 'gossip' })).statusCode).toBe(400);
    expect(await snapshot(w.t.database)).toEqual(before);
  });

  it('R6, R7: the status of the items from given sources — state, last report, overdue reports — for the next meeting', async () => {
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    const first = (await w.createItem({ sourceType: 'consultation_item', sourceId: a })).json();
    w.t.clock.advanceMinutes(1);
    const second = (
      await w.createItem({
        sourceType: 'consultation_item',
        sourceId: b,
        leadUnitId: w.units['D370782-ZHZF'],
        cooperatingUnitIds: [],
      })
    ).json();
    await w.moveTo('2026-10-14T10:00:00+08:00');
    await w.report(first.id, {
      period: '2026-10',
      done: false,
      progress: '方案已定',
      explanation: '资金待批',
    });
    await w.moveTo('2026-10-16T09:00:00+08:00');
    await w.scan();
    const status = await ledgerStatusOf(w.t.ctx.db, {
      sourceType: 'consultation_item',
      sourceIds: [a, b, c],
    });
    expect(status.map((s) => [s.itemId, s.sourceId, s.state, s.overdueReports])).toEqual([
      [first.id, a, 'open', 0],
      [second.id, b, 'open', 1],
    ]);
    expect(status[0]?.lastReport).toMatchObject({ period: '2026-10', done: false, explanation: '资金待批' });
    expect(status[1]?.lastReport).toBeNull();
    expect(await ledgerStatusOf(w.t.ctx.db, { sourceType: 'meeting_decision', sourceIds: [a] })).toEqual([]);
  });
});
