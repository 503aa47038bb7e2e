import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CaseWorld, createCaseWorld } from '../../../../test/helpers/case-world.ts';

let w: CaseWorld;
beforeEach(async () => {
  w = await createCaseWorld(['gridworker', 'gridhead', 'householdrep', 'dispatcher', 'handler', 'sysadmin']);
});
afterEach(async () => {
  await w.close();
});

describe('calls and their path', () => {
  it('C2: a call names a category of the catalogue; an unknown or a 大类 code is refused and nothing is written', async () => {
    for (const category of ['房屋安全', 'utility', 'no.such']) {
      const response = await w.raise(w.call({ category }));
      expect(response.statusCode, category).toBe(400);
      expect(response.json().error).toMatchObject({ code: 'UNKNOWN_CATEGORY', field: 'category' });
    }
    expect(await w.t.database.query('SELECT id FROM cases')).toEqual([]);
    expect((await w.raise(w.call({ category: 'utility.water' }))).statusCode).toBe(201);
  });

  it('C3: a resident’s demand goes to the grid first, then the township centre, then the department', async () => {
    const raised = await w.raise(w.call(), 'householdrep');
    expect(raised.json()).toMatchObject({ state: 'awaiting_grid_head', raiserRole: 'household_rep' });
    const id = raised.json().id as string;
    const approved = await w.act('gridhead', id, 'approve_as_grid_head', 1);
    expect(approved.json()).toMatchObject({ state: 'triage', centreUnitId: w.units.C370782001 });
    const dispatched = await w.act('dispatcher', id, 'dispatch', 2, { leadUnitId: w.units['D370782-ZJJ'] });
    expect(dispatched.json()).toMatchObject({ state: 'dispatched', leadUnitId: w.units['D370782-ZJJ'] });
    const owing = await w.t.database.query<{ rule_id: string; unit_id: string }>(
      `SELECT rule_id, unit_id FROM obligations WHERE subject_id = $1 ORDER BY created_at`,
      [id],
    );
    expect(owing).toEqual([
      { rule_id: 'C4', unit_id: w.units['370782001001001'] },
      { rule_id: 'C7', unit_id: w.units.C370782001 },
      { rule_id: 'C8', unit_id: w.units['D370782-ZJJ'] },
    ]);
  });

  it('C4: the approval deadline is configurable; a new default applies to the next calls', async () => {
    const set = await w.t.app.inject({
      method: 'PUT',
      url: '/api/obligation-rules/C4',
      headers: { cookie: w.cookies.sysadmin as string },
      payload: { deadline: '4wh', warnRatio: null },
    });
    expect(set.statusCode).toBe(200);
    const raised = await w.raise(w.call());
    const [duty] = await w.t.database.query<{ deadline: string; due_at: Date }>(
      `SELECT deadline, due_at FROM obligations WHERE subject_id = $1 AND rule_id = 'C4'`,
      [raised.json().id],
    );
    expect(duty?.deadline).toBe('4wh');
    // 09:00–12:00 and 13:30–14:30 are the four office hours: due 14:30 +08:00.
    expect(duty?.due_at.toISOString()).toBe('2026-09-21T06:30:00.000Z');
  });

  it('C8: the dispatch uses the category’s SLA class unless the dispatcher sets another', async () => {
    const water = await w.raise(w.call({ category: 'utility.water' }));
    const id = water.json().id as string;
    await w.act('gridhead', id, 'approve_as_grid_head', 1);
    const dispatched = await w.act('dispatcher', id, 'dispatch', 2, { leadUnitId: w.units['D370782-ZJJ'] });
    expect(dispatched.json().slaClass).toBe('livelihood');
    await w.act('handler', id, 'sign', 3);
    const [arrival] = await w.t.database.query<{ deadline: string }>(
      `SELECT deadline FROM obligations WHERE subject_id = $1 AND rule_id = 'C9'`,
      [id],
    );
    expect(arrival?.deadline).toBe('1h');
  });

  it('C7: a township centre finds city departments to dispatch to, and the case page names every unit', async () => {
    const targets = await w.t.app.inject({
      method: 'GET',
      url: `/api/dispatch-targets?q=${encodeURIComponent('住房')}`,
      headers: { cookie: w.cookies.dispatcher as string },
    });
    expect(targets.statusCode).toBe(200);
    expect(targets.json().items.map((u: { code: string }) => u.code)).toContain('D370782-ZJJ');
    // Grid staff do not dispatch.
    const denied = await w.t.app.inject({
      method: 'GET',
      url: '/api/dispatch-targets?q=x',
      headers: { cookie: w.cookies.gridworker as string },
    });
    expect(denied.statusCode).toBe(403);
    const raised = await w.raise(w.call());
    const id = raised.json().id as string;
    await w.act('gridhead', id, 'approve_as_grid_head', 1);
    await w.act('dispatcher', id, 'dispatch', 2, { leadUnitId: w.units['D370782-ZJJ'] });
    const page = (await w.read(id, 'gridworker')).json();
    expect(page.units[w.units['D370782-ZJJ'] as string]).toMatchObject({
      code: 'D370782-ZJJ',
      kind: 'department',
    });
    expect(page.units[w.units['370782001001001'] as string]).toMatchObject({ kind: 'grid' });
  });
});
