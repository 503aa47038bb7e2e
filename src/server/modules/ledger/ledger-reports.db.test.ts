import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { snapshot } from '../../../../test/helpers/db.ts';
import { createLedgerWorld, type LedgerWorld } from './ledger-world.fixture.ts';

let w: LedgerWorld;
beforeEach(async () => {
  w = await createLedgerWorld();
});
afterEach(async () => {
  await w.close();
});

const R8_RUNNING = (o: { ruleId: string; state: string; subject: { type: string } }) =>
  o.ruleId === 'R8' && o.state === 'running' && o.subject.type === 'ledger_item';

describe('R8: written reports on ledger items', () => {
  it('R8: the monthly report falls due on the 15th of next month; one not done needs an explanation; the report meets the clock and the next period opens', async () => {
    const created = await w.createItem({ dueAt: '2026-12-31T17:00:00+08:00' });
    expect(created.statusCode, created.body).toBe(201);
    const item = created.json();
    expect(item).toMatchObject({
      kind: 'consultation',
      state: 'open',
      lead: { code: 'D370782-ZJJ' },
      cooperating: [{ code: '370782001' }],
      clocks: { overdueReports: 0, nextReportDueAt: '2026-10-15T17:30:00+08:00' },
    });
    let page = (await w.get('handler', `/api/ledger/items/${item.id}`)).json();
    expect(page.actions).toEqual(['report']);
    expect(page.obligations.map((o: { ruleId: string; dueAt: string }) => [o.ruleId, o.dueAt])).toEqual([
      ['R8', '2026-10-15T17:30:00+08:00'],
      ['R7', '2026-12-31T17:00:00+08:00'],
    ]);

    await w.moveTo('2026-10-12T10:00:00+08:00');
    const before = await snapshot(w.t.database);
    const bare = await w.report(item.id, {
      period: '2026-09',
      done: false,
      progress: '已完成外墙排查，维修方案待定',
    });
    expect([bare.statusCode, bare.json().error.code, bare.json().error.field]).toEqual([
      400,
      'EXPLANATION_REQUIRED',
      'explanation',
    ]);
    expect(bare.json().error.message).toContain('说明');
    expect(await snapshot(w.t.database)).toEqual(before);

    const sent = await w.report(item.id, {
      period: '2026-09',
      done: false,
      progress: '已完成外墙排查，维修方案待定',
      explanation: '维修资金需业主大会表决，预计 11 月中旬完成',
    });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json()).toMatchObject({
      unit: { code: 'D370782-ZJJ' },
      period: '2026-09',
      done: false,
      review: null,
    });
    page = (await w.get('socialoffice', `/api/ledger/items/${item.id}`)).json();
    const r8 = page.obligations.filter((o: { ruleId: string }) => o.ruleId === 'R8');
    expect(r8.map((o: { state: string }) => o.state)).toEqual(['met', 'running']);
    // From the met clock's 15 October: 15 November 2026 is a Sunday, so Monday the 16th.
    expect(r8[1].dueAt).toBe('2026-11-16T17:30:00+08:00');
    expect(page.reports).toHaveLength(1);
    expect(page.actions).toEqual(['review', 'cross_off']);
    expect(page.timeline.map((e: { kind: string }) => e.kind)).toEqual([
      'ledger.item_created',
      'ledger.report_submitted',
    ]);

    const again = await w.report(item.id, { period: '2026-09', done: true, progress: '已完成' });
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'REPORT_EXISTS']);
    const future = await w.report(item.id, { period: '2026-11', done: true, progress: '已完成' });
    expect([future.statusCode, future.json().error.code]).toEqual([400, 'BAD_PERIOD']);
  });

  it('R8: a report on a crossed-off item is refused and nothing changes', async () => {
    const item = (await w.createItem()).json();
    const crossed = await w.post('socialoffice', `/api/ledger/items/${item.id}/cross-off`, {
      reason: '外墙已修复，经现场核查',
    });
    expect(crossed.statusCode, crossed.body).toBe(200);
    const before = await snapshot(w.t.database);
    const refused = await w.report(item.id, { period: '2026-09', done: true, progress: '已完成' });
    expect([refused.statusCode, refused.json().error.code]).toEqual([409, 'ITEM_CROSSED_OFF']);
    expect(refused.json().error.message).toContain('销号');
    expect(await snapshot(w.t.database)).toEqual(before);
  });

  it('R8: a returned report is owed again within five workdays; the resubmission meets that clock and leaves the monthly one running', async () => {
    const item = (await w.createItem()).json();
    await w.moveTo('2026-10-09T10:00:00+08:00');
    const first = (await w.report(item.id, { period: '2026-09', done: true, progress: '已修复' })).json();
    const review = (body: object) =>
      w.post('socialoffice', `/api/ledger/items/${item.id}/reports/${first.id}/review`, body);
    const bare = await review({ review: 'returned' });
    expect([bare.statusCode, bare.json().error.code, bare.json().error.field]).toEqual([
      400,
      'NOTE_REQUIRED',
      'note',
    ]);
    // Only the ledger's owner reviews: the supervision office does not keep the consultation ledger.
    const other = await w.post('supervisor', `/api/ledger/items/${item.id}/reports/${first.id}/review`, {
      review: 'accepted',
    });
    expect([other.statusCode, other.json().error.code]).toEqual([403, 'NOT_LEDGER_OWNER']);
    const returned = await review({ review: 'returned', note: '未附维修验收材料' });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json()).toMatchObject({ review: 'returned', reviewNote: '未附维修验收材料' });
    expect((await review({ review: 'accepted' })).json().error.code).toBe('REPORT_REVIEWED');
    expect(await w.duties(item.id)).toEqual([
      'R8:met:ledger_item',
      'R8:running:ledger_item',
      'R8:running:ledger_report',
    ]);
    const page = (await w.get('handler', `/api/ledger/items/${item.id}`)).json();
    const resubmit = page.obligations.find(
      (o: { subject: { type: string } }) => o.subject.type === 'ledger_report',
    );
    // Five workdays after Friday 9 October (Saturday the 10th is a make-up workday, 调休): the 15th.
    expect(resubmit).toMatchObject({
      unitName: '诸城市住房和城乡建设局',
      dueAt: '2026-10-15T17:30:00+08:00',
    });

    const again = await w.report(item.id, { period: '2026-09', done: true, progress: '已修复，附验收单' });
    expect(again.statusCode, again.body).toBe(201);
    expect(await w.duties(item.id)).toEqual([
      'R8:met:ledger_item',
      'R8:met:ledger_report',
      'R8:running:ledger_item',
    ]);
    const monthly = (await w.get('handler', `/api/ledger/items/${item.id}`))
      .json()
      .obligations.filter(R8_RUNNING);
    expect(monthly.map((o: { dueAt: string }) => o.dueAt)).toEqual(['2026-11-16T17:30:00+08:00']);
  });

  it('R8: only the item’s units report; a cooperating unit reports its part without a clock of its own', async () => {
    const item = (await w.createItem()).json();
    const part = await w.report(
      item.id,
      { period: '2026-09', done: false, progress: '已入户告知', explanation: '待住建局方案' },
      'township',
    );
    expect(part.statusCode, part.body).toBe(201);
    expect(part.json().unit.code).toBe('370782001');
    expect(await w.duties(item.id)).toEqual(['R8:running:ledger_item']);
    // The lead unit's report is not the township's to write.
    const forLead = await w.report(
      item.id,
      { period: '2026-09', done: true, progress: 'x', unitId: w.units['D370782-ZJJ'] },
      'township',
    );
    expect([forLead.statusCode, forLead.json().error.code]).toEqual([403, 'NOT_ITEM_UNIT']);
    const stranger = await w.report(item.id, {
      period: '2026-09',
      done: true,
      progress: 'x',
      unitId: w.units['D370782-SLJ'],
    });
    expect([stranger.statusCode, stranger.json().error.code, stranger.json().error.field]).toEqual([
      400,
      'BAD_UNIT',
      'unitId',
    ]);
    // The owner reads and reviews but does not report.
    expect(
      (await w.report(item.id, { period: '2026-09', done: true, progress: 'x' }, 'socialoffice')).statusCode,
    ).toBe(403);
  });

  it('R8: a report not in by the 15th is breached by the scanner and shows in the per-unit overdue summary until it comes in', async () => {
    const item = (await w.createItem({ dueAt: '2026-12-31T17:00:00+08:00' })).json();
    await w.createItem({ leadUnitId: w.units['D370782-ZHZF'], cooperatingUnitIds: [] });
    await w.moveTo('2026-10-16T09:00:00+08:00');
    expect((await w.scan()).breached).toBe(2);
    const summary = (await w.get('socialoffice', '/api/ledger/overdue?kind=consultation')).json();
    expect(summary.units.map((u: { unit: { code: string } }) => u.unit.code).sort()).toEqual([
      'D370782-ZHZF',
      'D370782-ZJJ',
    ]);
    expect(
      summary.units.find((u: { unit: { code: string } }) => u.unit.code === 'D370782-ZJJ'),
    ).toMatchObject({
      openItems: 1,
      overdueReports: 1,
      overdueItems: 0,
    });
    // The department sees its own row only.
    const mine = (await w.get('handler', '/api/ledger/overdue')).json();
    expect(mine.units).toEqual([
      expect.objectContaining({ unit: expect.objectContaining({ code: 'D370782-ZJJ' }), overdueReports: 1 }),
    ]);
    expect((await w.get('handler', `/api/ledger/items/${item.id}`)).json().item.clocks).toMatchObject({
      overdueReports: 1,
      lateReports: 1,
    });

    const late = await w.report(item.id, {
      period: '2026-10',
      done: false,
      progress: '方案已定',
      explanation: '施工排期在 11 月',
    });
    expect(late.statusCode, late.body).toBe(201);
    const page = (await w.get('handler', `/api/ledger/items/${item.id}`)).json();
    // Met late it stays a breach on the record; the next period runs from now.
    expect(
      page.obligations
        .filter((o: { ruleId: string }) => o.ruleId === 'R8')
        .map((o: { state: string; metAt: string | null }) => [o.state, !!o.metAt]),
    ).toEqual([
      ['breached', true],
      ['running', false],
    ]);
    expect(page.item.clocks).toMatchObject({
      overdueReports: 0,
      lateReports: 1,
      nextReportDueAt: '2026-11-16T17:30:00+08:00',
    });
    const after = (await w.get('handler', '/api/ledger/overdue')).json();
    expect(after.units[0]).toMatchObject({ overdueReports: 0, openItems: 1 });
  });
});
