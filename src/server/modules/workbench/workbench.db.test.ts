import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CaseWorld, createCaseWorld } from '../../../../test/helpers/case-world.ts';
import { scanObligations } from '../obligations/index.ts';

/*
 * One call in grid 370782001001001 on Monday 2026-09-21 09:00, followed through the first
 * steps: each step moves the duty from one workbench to the next.
 */
let w: CaseWorld;
let caseId: string;

type Duty = { ruleId: string; urgency: string; link: string | null; case: { id: string } | null };
const workbench = async (who: string) => {
  const response = await w.t.app.inject({
    method: 'GET',
    url: '/api/workbench',
    headers: { cookie: w.cookies[who] as string },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { counts: Record<string, number>; duties: Duty[]; actions: string[] };
};
const dutiesOf = async (who: string) =>
  (await workbench(who)).duties.filter((d) => d.case?.id === caseId).map((d) => `${d.ruleId}:${d.urgency}`);

beforeAll(async () => {
  w = await createCaseWorld(['gridworker', 'gridhead', 'dispatcher', 'handler', 'leader', 'auditor']);
  const raised = await w.raise(w.call());
  caseId = raised.json().id as string;
});
afterAll(async () => {
  await w.close();
});

describe('the workbench: what my units owe now', () => {
  it('C4: the grid head sees the approval the call waits for; the grid worker of the same grid does not', async () => {
    const head = await workbench('gridhead');
    const duty = head.duties.find((d) => d.case?.id === caseId);
    expect(duty).toMatchObject({ ruleId: 'C4', urgency: 'running', link: `/cases/${caseId}` });
    expect(await dutiesOf('gridworker')).toEqual([]);
    expect(head.actions).toContain('case.read');
  });

  it('C7: once approved, the duty moves to the township centre’s dispatcher', async () => {
    expect((await w.act('gridhead', caseId, 'approve_as_grid_head', 1)).statusCode).toBe(200);
    expect(await dutiesOf('gridhead')).toEqual([]);
    expect(await dutiesOf('dispatcher')).toEqual(['C7:running']);
  });

  it('C8: the department’s handler sees the sign-in, due soon past its warning time, overdue first once late', async () => {
    const dispatched = await w.act('dispatcher', caseId, 'dispatch', 2, {
      leadUnitId: w.units['D370782-ZJJ'],
      slaClass: 'general',
    });
    expect(dispatched.statusCode, dispatched.body).toBe(200);
    expect(await dutiesOf('dispatcher')).toEqual([]);
    expect(await dutiesOf('handler')).toEqual(['C8:running']);
    // C8 is 2 h (due 11:00); its warning comes before the due time.
    w.t.clock.advanceMinutes(110);
    expect(await dutiesOf('handler')).toEqual(['C8:due_soon']);
    w.t.clock.advanceMinutes(30);
    await scanObligations({ db: w.t.ctx.db, clock: w.t.clock });
    const late = await workbench('handler');
    expect(late.duties[0]).toMatchObject({ ruleId: 'C8', urgency: 'overdue' });
    expect(late.counts.overdue).toBeGreaterThanOrEqual(1);
    // Signed late: the breach is dealt with; the arrival (C9, 2 h) and the finish (C10, 3 working
    // days) run from the sign, the nearer first.
    expect((await w.act('handler', caseId, 'sign', 3)).statusCode).toBe(200);
    expect(await dutiesOf('handler')).toEqual(['C9:running', 'C10:running']);
  });

  it('lists no duties to a leader (the district is the dashboard’s) or to an administrator', async () => {
    expect(await dutiesOf('leader')).toEqual([]);
    const auditor = await workbench('auditor');
    expect(auditor.duties).toEqual([]);
    expect(auditor.counts).toEqual({ overdue: 0, dueSoon: 0, running: 0 });
    expect(auditor.actions).not.toContain('case.read');
  });

  it('refuses an unknown query parameter and a signed-out caller', async () => {
    const bad = await w.t.app.inject({
      method: 'GET',
      url: '/api/workbench?limit=0',
      headers: { cookie: w.cookies.handler as string },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('limit');
    expect((await w.t.app.inject({ method: 'GET', url: '/api/workbench' })).statusCode).toBe(401);
  });
});
