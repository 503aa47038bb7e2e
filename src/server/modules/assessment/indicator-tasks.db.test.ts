import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CaseWorld, createCaseWorld } from '../../../../test/helpers/case-world.ts';
import { scanObligations } from '../obligations/index.ts';

/*
 * A cooperating unit's own clocks (case_task C8 and C10) count in its rates like a lead
 * unit's. Two cases led by 综合执法局 (ZHZF) with 住建局 (ZJJ) cooperating, dispatched on
 * Monday 2026-09-21 at 09:00; the period asked is that week (the task's C10 falls due on
 * Thursday).
 */
let w: CaseWorld;
let zjj: string;
const WEEK = 'from=2026-09-21&to=2026-09-28';

async function caseWithTask(): Promise<{ id: string; taskId: string }> {
  const raised = await w.raise(w.call());
  const id = raised.json().id as string;
  expect((await w.act('gridhead', id, 'approve_as_grid_head', 1)).statusCode).toBe(200);
  const dispatched = await w.act('dispatcher', id, 'dispatch', 2, {
    leadUnitId: w.units['D370782-ZHZF'],
    slaClass: 'general',
    cooperatingUnitIds: [zjj],
  });
  expect(dispatched.statusCode, dispatched.body).toBe(200);
  const [task] = await w.t.database.query<{ id: string }>('SELECT id FROM case_tasks WHERE case_id = $1', [
    id,
  ]);
  return { id, taskId: task?.id as string };
}

const onTask = (c: { id: string; taskId: string }, action: 'sign' | 'finish', payload: object = {}) =>
  w.t.app.inject({
    method: 'POST',
    url: `/api/cases/${c.id}/tasks/${c.taskId}/${action}`,
    headers: { cookie: w.cookies.handler as string },
    payload,
  });

beforeAll(async () => {
  w = await createCaseWorld(['gridworker', 'gridhead', 'dispatcher', 'handler', 'leader']);
  zjj = w.units['D370782-ZJJ'] as string;
  // P: task signed at 10:00 (C8 due 11:00: on time, 1 h) and finished at 11:00 (C10 1 h).
  // Q: task never signed; the scanner breaches its C8 at 12:00.
  const p = await caseWithTask();
  const q = await caseWithTask();
  w.t.clock.advanceMinutes(60);
  expect((await onTask(p, 'sign')).statusCode).toBe(200);
  w.t.clock.advanceMinutes(60);
  const finished = await onTask(p, 'finish', { result: '已配合完成外墙排查' });
  expect(finished.statusCode, finished.body).toBe(200);
  w.t.clock.advanceMinutes(60);
  await scanObligations({ db: w.t.ctx.db, clock: w.t.clock });
  expect(await w.duties(q.taskId, 'case_task')).toEqual(['C8:breached']);
});
afterAll(async () => {
  await w.close();
});

describe('A1 indicators of a cooperating unit', () => {
  it('A1: a cooperating unit’s task clocks count in its sign-in and completion rates', async () => {
    const response = await w.t.app.inject({
      method: 'GET',
      url: `/api/assessment/indicators?unit=${zjj}&${WEEK}`,
      headers: { cookie: w.cookies.leader as string },
    });
    expect(response.statusCode, response.body).toBe(200);
    const u = response.json().units[0];
    // Task C8: P on time, Q breached → 1 / 2. Task C10: P on time → 1 / 1.
    expect(u.rates.timelySignIn).toEqual({ numerator: 1, denominator: 2, rate: 0.5 });
    expect(u.rates.onTimeCompletion).toEqual({ numerator: 1, denominator: 1, rate: 1 });
    // 住建局 leads nothing: no receipts, no closed cases, no ratings (null, not 0).
    expect(u.rates.firstTimeCompletion.rate).toBeNull();
    expect(u.rates.satisfaction.rate).toBeNull();
    // Overdue now (12:00): Q's task C8. Sign 1 h and finish 1 h on average.
    expect(u.counts).toMatchObject({ received: 0, overdueNow: 1, avgSignHours: 1, avgFinishHours: 1 });
  });
});
