import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CaseWorld, createCaseWorld } from '../../../../test/helpers/case-world.ts';
import { snapshot } from '../../../../test/helpers/db.ts';

let w: CaseWorld;
beforeEach(async () => {
  w = await createCaseWorld(['sysadmin', 'establishment', 'dispatcher', 'gridworker', 'gridhead']);
});
afterEach(async () => {
  await w.close();
});

const send = (method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, who = 'sysadmin') =>
  w.t.app.inject({
    method,
    url,
    headers: { cookie: w.cookies[who] as string },
    ...(payload ? { payload } : {}),
  });
const create = (body: object, who?: string) => send('POST', '/api/categories', body, who);
const listed = async (retired = false) =>
  (
    await w.t.app.inject({
      method: 'GET',
      url: `/api/categories?retired=${retired}`,
      headers: { cookie: w.cookies.gridworker as string },
    })
  ).json().items as { code: string; retiredAt: string | null }[];
const eventsOf = (code: string) =>
  w.t.database.query<{ kind: string; payload: Record<string, unknown> }>(
    `SELECT kind, payload FROM events WHERE subject_type = 'category' AND subject_id = $1 ORDER BY id`,
    [code],
  );
const errorOf = (r: { statusCode: number; json(): { error: { code: string; field?: string } } }) => [
  r.statusCode,
  r.json().error.code,
  r.json().error.field,
];

const PETS = { code: 'pets', nameZh: '宠物管理', nameEn: 'Pets' };
const DOGS = {
  code: 'pets.stray_dogs',
  parentCode: 'pets',
  nameZh: '流浪犬',
  nameEn: 'Stray dogs',
  slaClass: 'general',
  keywords: '流浪狗 犬只',
};

/** Raises a call of `category` and has it approved and dispatched to the 住建局; the case's SLA class. */
async function dispatchedSla(category: string): Promise<string | null> {
  const raised = await w.raise(w.call({ category }));
  expect(raised.statusCode, raised.body).toBe(201);
  const id = raised.json().id as string;
  await w.act('gridhead', id, 'approve_as_grid_head', 1);
  const dispatched = await w.act('dispatcher', id, 'dispatch', 2, { leadUnitId: w.units['D370782-ZJJ'] });
  expect(dispatched.statusCode, dispatched.body).toBe(200);
  const [row] = await w.t.database.query<{ sla_class: string | null }>(
    'SELECT sla_class FROM cases WHERE id = $1',
    [id],
  );
  return row?.sla_class ?? null;
}

describe('the category catalogue, kept by the administrator', () => {
  it('C2: adds a 大类 and a 小类 under it, each with one event; a call can then take the 小类', async () => {
    const branch = await create(PETS);
    expect(branch.statusCode, branch.body).toBe(201);
    expect(branch.json()).toMatchObject({ code: 'pets', parentCode: null, slaClass: null, retiredAt: null });
    const leaf = await create(DOGS);
    expect(leaf.statusCode, leaf.body).toBe(201);
    expect(leaf.json()).toMatchObject({ parentCode: 'pets', slaClass: 'general', keywords: '流浪狗 犬只' });
    // Placed after every category there was.
    expect(leaf.json().sort).toBeGreaterThan(branch.json().sort);
    expect((await listed()).map((c) => c.code)).toEqual(expect.arrayContaining(['pets', 'pets.stray_dogs']));
    expect(await eventsOf('pets.stray_dogs')).toEqual([
      { kind: 'routing.category_created', payload: expect.objectContaining({ slaClass: 'general' }) },
    ]);
    const raised = await w.raise(w.call({ category: 'pets.stray_dogs' }));
    expect(raised.statusCode, raised.body).toBe(201);
  });

  it('C2: refuses bad codes, a missing or misplaced SLA class, an unknown 大类 and a code in use — writing nothing', async () => {
    const before = await snapshot(w.t.database);
    const refusals: [object, (string | number | undefined)[]][] = [
      [{ ...PETS, code: 'Pets' }, [400, 'BAD_CATEGORY_CODE', 'code']],
      [{ ...PETS, code: 'pets.dogs.big' }, [400, 'BAD_CATEGORY_CODE', 'code']],
      [{ ...DOGS, code: 'dogs' }, [400, 'BAD_CATEGORY_CODE', 'code']],
      [{ ...DOGS, slaClass: undefined }, [400, 'SLA_REQUIRED', 'slaClass']],
      [{ ...PETS, slaClass: 'simple' }, [400, 'SLA_ON_BRANCH', 'slaClass']],
      [DOGS, [400, 'UNKNOWN_PARENT', 'parentCode']],
      [{ ...PETS, nameZh: '  ' }, [400, 'NAME_REQUIRED', 'nameZh']],
      [{ ...PETS, code: 'utility' }, [409, 'CATEGORY_EXISTS', 'code']],
      [{ ...DOGS, code: 'utility.water', parentCode: 'utility' }, [409, 'CATEGORY_EXISTS', 'code']],
    ];
    for (const [body, expected] of refusals)
      expect(errorOf(await create(body)), JSON.stringify(body)).toEqual(expected);
    expect(await snapshot(w.t.database)).toEqual(before);
  });

  it('C9: a new SLA class applies to dispatches after the change, and the event says so', async () => {
    expect(await dispatchedSla('safety.housing')).toBe('general');
    const changed = await send('PATCH', '/api/categories/safety.housing', {
      slaClass: 'complex',
      keywords: '危房 裂缝 外墙',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ slaClass: 'complex', keywords: '危房 裂缝 外墙' });
    const [event] = await eventsOf('safety.housing');
    expect(event).toEqual({
      kind: 'routing.category_changed',
      payload: expect.objectContaining({
        changes: {
          slaClass: { from: 'general', to: 'complex' },
          keywords: { from: '危房 裂缝', to: '危房 裂缝 外墙' },
        },
        slaClassAppliesTo: 'later_dispatches',
        note: expect.stringContaining('已派遣的案件保持原时限类别'),
      }),
    });
    // The case dispatched before keeps its class; the next one takes the new class.
    const [earlier] = await w.t.database.query<{ sla_class: string }>('SELECT sla_class FROM cases');
    expect(earlier?.sla_class).toBe('general');
    expect(await dispatchedSla('safety.housing')).toBe('complex');
    // The same values again change nothing: no second event.
    await send('PATCH', '/api/categories/safety.housing', { slaClass: 'complex' });
    expect(await eventsOf('safety.housing')).toHaveLength(1);
    // A 大类 has no SLA class.
    expect(errorOf(await send('PATCH', '/api/categories/safety', { slaClass: 'simple' }))).toEqual([
      400,
      'SLA_ON_BRANCH',
      'slaClass',
    ]);
    expect((await send('PATCH', '/api/categories/no.such', { nameZh: '无' })).statusCode).toBe(404);
  });

  it('C2: a retired category takes no new calls or rules and comes back when restored; a 大类 goes after its 小类', async () => {
    const retired = await send('POST', '/api/categories/safety.housing/retire');
    expect(retired.statusCode, retired.body).toBe(200);
    expect(retired.json().retiredAt).not.toBeNull();
    expect((await listed()).map((c) => c.code)).not.toContain('safety.housing');
    expect((await listed(true)).map((c) => c.code)).toContain('safety.housing');
    expect(errorOf(await w.raise(w.call()))).toEqual([400, 'UNKNOWN_CATEGORY', 'category']);
    const rule = {
      categoryCode: 'safety.housing',
      areaUnitId: w.units['370782'],
      leadUnitId: w.units['D370782-ZJJ'],
      principle: 'statutory',
      basis: '《城市危险房屋管理规定》第四条',
    };
    expect(errorOf(await send('POST', '/api/routing/rules', rule, 'establishment'))).toEqual([
      400,
      'UNKNOWN_CATEGORY',
      'categoryCode',
    ]);
    expect(errorOf(await send('POST', '/api/categories/safety.housing/retire'))).toEqual([
      409,
      'ALREADY_RETIRED',
      'code',
    ]);
    const parent = await send('POST', '/api/categories/safety/retire');
    expect(errorOf(parent)).toEqual([409, 'CATEGORY_HAS_ACTIVE_CHILDREN', 'code']);
    expect(parent.json().error.message).toContain('safety.work');

    const restored = await send('POST', '/api/categories/safety.housing/restore');
    expect(restored.json().retiredAt).toBeNull();
    expect((await w.raise(w.call())).statusCode).toBe(201);
    expect(errorOf(await send('POST', '/api/categories/safety.housing/restore'))).toEqual([
      409,
      'NOT_RETIRED',
      'code',
    ]);
    expect((await eventsOf('safety.housing')).map((e) => e.kind)).toEqual([
      'routing.category_retired',
      'routing.category_restored',
    ]);

    // Retire the 大类 after its 小类; then no 小类 comes back before it does.
    await create(PETS);
    await create(DOGS);
    await send('POST', '/api/categories/pets.stray_dogs/retire');
    expect((await send('POST', '/api/categories/pets/retire')).statusCode).toBe(200);
    expect(errorOf(await send('POST', '/api/categories/pets.stray_dogs/restore'))).toEqual([
      409,
      'PARENT_RETIRED',
      'code',
    ]);
    expect(errorOf(await create({ ...DOGS, code: 'pets.cats', nameZh: '流浪猫' }))).toEqual([
      409,
      'PARENT_RETIRED',
      'parentCode',
    ]);
  });

  it('C2: a category in use — by a case, a rule or a 小类 — cannot be deleted (409, retire it); an unused one is', async () => {
    expect((await w.raise(w.call({ category: 'safety.hazard' }))).statusCode).toBe(201);
    const rule = await send(
      'POST',
      '/api/routing/rules',
      {
        categoryCode: 'utility.water',
        areaUnitId: w.units['370782'],
        leadUnitId: w.units['370782001'],
        principle: 'designated',
        basis: '属地管理原则',
        validTo: '2026-09-21T10:00:00+08:00',
      },
      'establishment',
    );
    expect(rule.statusCode, rule.body).toBe(201);
    w.t.clock.advanceMinutes(120);
    const before = await snapshot(w.t.database);
    const used: [string, string][] = [
      ['safety.hazard', '案件'],
      // Even a rule that has ended keeps its category: its history names it.
      ['utility.water', '权责规则'],
      ['utility', '小类'],
    ];
    for (const [code, by] of used) {
      const refused = await send('DELETE', `/api/categories/${code}`);
      expect(errorOf(refused), code).toEqual([409, 'CATEGORY_IN_USE', 'code']);
      expect(refused.json().error.message, code).toContain(by);
      expect(refused.json().error.message).toContain('只能停用');
    }
    expect(await snapshot(w.t.database)).toEqual(before);

    await create(PETS);
    await create(DOGS);
    expect((await send('DELETE', '/api/categories/pets.stray_dogs')).statusCode).toBe(204);
    expect((await send('DELETE', '/api/categories/pets')).statusCode).toBe(204);
    expect((await listed(true)).map((c) => c.code)).not.toContain('pets');
    expect(await eventsOf('pets.stray_dogs')).toEqual([
      expect.objectContaining({ kind: 'routing.category_created' }),
      { kind: 'routing.category_deleted', payload: expect.objectContaining({ nameZh: '流浪犬' }) },
    ]);
    expect((await send('DELETE', '/api/categories/pets')).statusCode).toBe(404);
  });

  it('C2: only the system administrator changes the catalogue', async () => {
    const before = await snapshot(w.t.database);
    for (const who of ['establishment', 'dispatcher', 'gridworker']) {
      expect((await create(PETS, who)).statusCode, who).toBe(403);
      expect((await send('PATCH', '/api/categories/utility.water', { nameZh: '水' }, who)).statusCode).toBe(
        403,
      );
      expect((await send('POST', '/api/categories/utility.water/retire', undefined, who)).statusCode).toBe(
        403,
      );
      expect((await send('POST', '/api/categories/utility.water/restore', undefined, who)).statusCode).toBe(
        403,
      );
      expect((await send('DELETE', '/api/categories/utility.water', undefined, who)).statusCode).toBe(403);
    }
    expect(await snapshot(w.t.database)).toEqual(before);
  });
});
