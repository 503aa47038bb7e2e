import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CaseWorld, createCaseWorld } from '../../../../test/helpers/case-world.ts';
import { snapshot } from '../../../../test/helpers/db.ts';

let w: CaseWorld;
beforeEach(async () => {
  w = await createCaseWorld(['gridworker', 'gridhead', 'dispatcher', 'handler', 'establishment']);
});
afterEach(async () => {
  await w.close();
});

const post = (who: string, body: object) =>
  w.t.app.inject({
    method: 'POST',
    url: '/api/routing/rules',
    headers: { cookie: w.cookies[who] as string },
    payload: body,
  });
const suggest = (category: string, grid = w.units['370782001001001'] as string) =>
  w.t.app.inject({
    method: 'GET',
    url: `/api/routing/suggest?category=${category}&grid=${grid}`,
    headers: { cookie: w.cookies.dispatcher as string },
  });
const housingRule = (extra: object = {}) => ({
  categoryCode: 'safety.housing',
  areaUnitId: w.units['370782'],
  leadUnitId: w.units['D370782-ZJJ'],
  principle: 'statutory',
  basis: '《城市危险房屋管理规定》第四条',
  ...extra,
});

describe('the responsibility catalogue', () => {
  it('R1, C7: a statutory rule routes the category with its basis; without one the matter is unclear', async () => {
    const none = (await suggest('safety.housing')).json();
    expect(none).toMatchObject({ status: 'none', rule: null });
    expect(none.message).toContain('职责不清');
    const created = await post('establishment', housingRule());
    expect(created.statusCode, created.body).toBe(201);
    const s = (await suggest('safety.housing')).json();
    expect(s).toMatchObject({
      status: 'rule',
      rule: {
        lead: { code: 'D370782-ZJJ' },
        principle: 'statutory',
        basis: '《城市危险房屋管理规定》第四条',
      },
    });
    expect(s.message).toContain('城市危险房屋管理规定');
    // Only the 编办 and the 社管办 keep the catalogue.
    expect((await post('dispatcher', housingRule({ areaUnitId: w.units['370782001'] }))).statusCode).toBe(
      403,
    );
  });

  it('R1: a second rule valid at the same time for the same category and area is refused; a replacement ends the old one', async () => {
    const first = (await post('establishment', housingRule())).json();
    const before = await snapshot(w.t.database);
    const overlap = await post(
      'establishment',
      housingRule({ leadUnitId: w.units['370782001'], principle: 'designated' }),
    );
    expect([overlap.statusCode, overlap.json().error.code]).toEqual([409, 'RULE_OVERLAP']);
    expect(await snapshot(w.t.database)).toEqual(before);
    w.t.clock.advanceMinutes(60);
    const replacing = await post(
      'establishment',
      housingRule({
        leadUnitId: w.units['370782001'],
        principle: 'designated',
        basis: '2026年9月会商纪要第3项',
        replacesId: first.id,
      }),
    );
    expect(replacing.statusCode, replacing.body).toBe(201);
    const [old] = await w.t.database.query<{ valid_to: Date | null }>(
      'SELECT valid_to FROM responsibility_rules WHERE id = $1',
      [first.id],
    );
    expect(old?.valid_to).not.toBeNull();
    expect((await suggest('safety.housing')).json().rule.lead.code).toBe('370782001');
  });

  it('R1: bad input is refused with the field at fault and nothing is written', async () => {
    const before = await snapshot(w.t.database);
    const cases: [object, string, string][] = [
      [{ areaUnitId: w.units['D370782-ZJJ'] }, 'BAD_AREA', 'areaUnitId'],
      [{ areaUnitId: '00000000-0000-4000-8000-000000000000' }, 'BAD_AREA', 'areaUnitId'],
      [{ basis: '  ' }, 'BASIS_REQUIRED', 'basis'],
      [{ categoryCode: 'no.such' }, 'UNKNOWN_CATEGORY', 'categoryCode'],
      [{ leadUnitId: w.units['370782001001001'] }, 'BAD_LEAD_UNIT', 'leadUnitId'],
      [
        { validFrom: '2026-10-01T00:00:00+08:00', validTo: '2026-09-01T00:00:00+08:00' },
        'BAD_VALIDITY',
        'validTo',
      ],
    ];
    for (const [extra, code, field] of cases) {
      const response = await post('establishment', housingRule(extra));
      expect([response.statusCode, response.json().error.code, response.json().error.field], code).toEqual([
        400,
        code,
        field,
      ]);
    }
    const noLead = await post('establishment', { ...housingRule(), leadUnitId: undefined });
    expect(noLead.statusCode).toBe(400);
    expect(await snapshot(w.t.database)).toEqual(before);
  });

  it('C7: the area’s fallback (属地兜底) applies when no rule names the category, and says so', async () => {
    const fallback = await post('establishment', {
      categoryCode: null,
      fallback: true,
      areaUnitId: w.units['370782001'],
      leadUnitId: w.units['370782001'],
      principle: 'designated',
      basis: '属地管理原则',
    });
    expect(fallback.statusCode, fallback.body).toBe(201);
    const s = (await suggest('utility.water')).json();
    expect(s).toMatchObject({ status: 'fallback', rule: { fallback: true, lead: { code: '370782001' } } });
    expect(s.message).toContain('属地兜底');
  });

  it('C7: two rules that disagree at the same place are listed as a conflict', async () => {
    await post('establishment', housingRule());
    // A legacy row (from before the overlap check) naming another lead at the same place.
    await w.t.database.query(
      `INSERT INTO responsibility_rules (category_code, area_unit_id, lead_unit_id, principle, basis, valid_from, created_at)
       VALUES ('safety.housing', $1, $2, 'negotiated', '旧清单', '2026-01-01T00:00:00+08:00', now())`,
      [w.units['370782'], w.units['370782001']],
    );
    const s = (await suggest('safety.housing')).json();
    expect(s.status).toBe('conflict');
    expect(s.rules).toHaveLength(2);
  });

  it('R1, C7: the routing quality of a rule counts followed dispatches and the returns the centre agreed to', async () => {
    const rule = (await post('establishment', housingRule())).json();
    const raised = await w.raise(w.call());
    const id = raised.json().id as string;
    await w.act('gridhead', id, 'approve_as_grid_head', 1);
    const dispatched = await w.act('dispatcher', id, 'dispatch', 2, { leadUnitId: w.units['D370782-ZJJ'] });
    expect(dispatched.statusCode).toBe(200);
    await w.act('handler', id, 'return_case', 3, { reason: '不属于本单位职责' });
    await w.act('dispatcher', id, 'dispatch', 4, { leadUnitId: w.units['370782001'] });
    const list = await w.t.app.inject({
      method: 'GET',
      url: '/api/routing/rules?category=safety.housing',
      headers: { cookie: w.cookies.dispatcher as string },
    });
    const mine = list.json().items.find((r: { id: string }) => r.id === rule.id);
    expect(mine.quality).toEqual({ dispatches: 2, followed: 1, returned: 1 });
  });
});
