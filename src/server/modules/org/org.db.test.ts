import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { snapshot } from '../../../../test/helpers/db.ts';
import { loadCountyDivisions } from './division-source.ts';
import { importDivisions } from './import-divisions.ts';

let t: TestApp;
let admin: string;
let units: Record<
  string,
  { id: string; kind: string; parent_id: string | null; department_id: string | null }
>;

beforeAll(async () => {
  t = await createTestApp({ env: { SESSION_IDLE_MINUTES: '1440' } });
  admin = await t.login('sysadmin');
  const rows = await t.database.query<{
    code: string;
    id: string;
    kind: string;
    parent_id: string | null;
    department_id: string | null;
  }>('SELECT code, id, kind, parent_id, department_id FROM org_units');
  units = Object.fromEntries(rows.map((r) => [r.code, r]));
});
afterAll(async () => {
  await t.close();
});

const id = (code: string) => units[code]?.id ?? `missing ${code}`;
const call = (cookie: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

describe('the four-level platform and the three-level grid', () => {
  it('G1: city → county → township → community, with a centre at every platform level', () => {
    expect(units['370700']?.kind).toBe('city');
    expect(units['370782']).toMatchObject({ kind: 'district', parent_id: id('370700') });
    expect(units['370782001']).toMatchObject({ kind: 'township', parent_id: id('370782') });
    expect(units['370782001001']).toMatchObject({ kind: 'community', parent_id: id('370782001') });
    for (const code of ['C370700', 'C370782', 'C370782001', 'C370782002'])
      expect(units[code]?.kind, code).toBe('centre');
  });

  it('G1: refuses a unit under the wrong level and a code of the wrong length', async () => {
    const wrongParent = await call(admin, 'POST', '/api/org/units', {
      parentId: id('370700'),
      code: '370782009',
      name: '错位街道',
      kind: 'township',
    });
    expect(wrongParent.statusCode).toBe(400);
    expect(wrongParent.json().error).toMatchObject({ code: 'BAD_PARENT_KIND', field: 'parentId' });
    const wrongCode = await call(admin, 'POST', '/api/org/units', {
      parentId: id('370782001001'),
      code: '3707820010019',
      name: '短码网格',
      kind: 'grid',
    });
    expect(wrongCode.json().error).toMatchObject({ code: 'BAD_ORG_CODE', field: 'code' });
  });

  it('G2: grids sit in communities, coded community code + 3-digit serial, 3–6 per community', async () => {
    const grids = await t.database.query<{ code: string; parent: string; grid_type: string }>(
      `SELECT g.code, c.code AS parent, g.grid_type FROM org_units g JOIN org_units c ON c.id = g.parent_id WHERE g.kind = 'grid'`,
    );
    expect(grids.length).toBeGreaterThan(50);
    for (const grid of grids) {
      expect(grid.code).toMatch(/^\d{15}$/);
      expect(grid.code.slice(0, 12)).toBe(grid.parent);
      expect(['village_group', 'compound', 'block', 'public_unit']).toContain(grid.grid_type);
    }
    const perCommunity = new Map<string, number>();
    for (const grid of grids) perCommunity.set(grid.parent, (perCommunity.get(grid.parent) ?? 0) + 1);
    for (const n of perCommunity.values()) expect(n >= 3 && n <= 6).toBe(true);
    const created = await call(admin, 'POST', '/api/org/units', {
      parentId: id('370782001001'),
      code: '370782001001099',
      name: '兴华社区公共单位网格',
      kind: 'grid',
      gridType: 'public_unit',
    });
    expect(created.statusCode).toBe(201);
    const underTownship = await call(admin, 'POST', '/api/org/units', {
      parentId: id('370782001'),
      code: '370782001999001',
      name: '直属网格',
      kind: 'grid',
    });
    expect(underTownship.json().error.code).toBe('BAD_PARENT_KIND');
  });

  it('G7: every township hosts the four stationed agencies, each tied to its district department', async () => {
    for (const suffix of ['SCJG', 'ZF', 'SF', 'PCS']) {
      const agency = units[`A370782001-${suffix}`];
      expect(agency?.kind, suffix).toBe('agency');
      expect(units[Object.keys(units).find((c) => units[c]?.id === agency?.department_id) ?? '']?.kind).toBe(
        'department',
      );
    }
    const reporting = Object.values(units).filter((u) => u.kind === 'department' || u.kind === 'enterprise');
    expect(reporting).toHaveLength(23);
    const noDepartment = await call(admin, 'POST', '/api/org/units', {
      parentId: id('370782002'),
      code: 'A370782002-XX',
      name: '无主所',
      kind: 'agency',
    });
    expect(noDepartment.json().error.code).toBe('AGENCY_DEPARTMENT');
  });
});

describe('divisions import', () => {
  it('G1: builds the real tree of 诸城市 from the bundled data; a re-import changes nothing', async () => {
    const divisions = loadCountyDivisions('370782', 'bundled');
    expect(divisions.townships).toHaveLength(14);
    expect(divisions.communities).toHaveLength(259);
    const report = await importDivisions({ db: t.ctx.db, clock: t.clock, caller: 'system', divisions });
    // The test city holds two townships: the other twelve and their communities are new.
    expect(report.created.filter((c) => c.kind === 'township')).toHaveLength(12);
    expect(report.renamed).toEqual([]);
    const again = await call(admin, 'POST', '/api/org/divisions/import', { county: '370782' });
    expect(again.json()).toMatchObject({
      created: [],
      renamed: [],
      unchanged: 2 + 14 + 259,
      notInSource: [],
    });
  });

  it('G1: reports a renamed community and keeps short and official names', async () => {
    await t.database.query("UPDATE org_units SET name = '旧名社区' WHERE code = '370782001002'");
    const report = await call(admin, 'POST', '/api/org/divisions/import', { county: '370782' });
    expect(report.json().renamed).toEqual([{ code: '370782001002', from: '旧名社区', to: '建国社区' }]);
    const [row] = await t.database.query<{ name: string; full_name: string }>(
      "SELECT name, full_name FROM org_units WHERE code = '370782001002'",
    );
    expect(row).toEqual({ name: '建国社区', full_name: '建国社区居民委员会' });
  });

  it('refuses an unknown or malformed county code', async () => {
    const unknown = await call(admin, 'POST', '/api/org/divisions/import', {
      county: '999999',
      from: 'bundled',
    });
    expect(unknown.statusCode).toBe(404);
    const malformed = await call(admin, 'POST', '/api/org/divisions/import', { county: '37A782' });
    expect(malformed.json().error).toMatchObject({ code: 'BAD_COUNTY', field: 'county' });
    const notAdmin = await call(await t.login('leader'), 'POST', '/api/org/divisions/import', {
      county: '370782',
    });
    expect(notAdmin.statusCode).toBe(403);
  });
});

describe('people, posts and the grid head', () => {
  it('G3: a grid has one active grid head, enforced by the database itself', async () => {
    const [person] = await t.database.query<{ id: string }>('SELECT id FROM people LIMIT 1');
    await expect(
      t.database.query(
        "INSERT INTO posts (person_id, role, unit_id, starts_on, created_at) VALUES ($1, 'grid_head', $2, '2026-05-01', now())",
        [person?.id, id('370782001001002')],
      ),
    ).rejects.toThrow(/posts_one_grid_head_uq/);
  });

  it('G3: a second grid head is refused; handing over ends the old post the day before the new one starts', async () => {
    const person = await call(admin, 'POST', '/api/people', {
      name: '新网格长',
      phone: '13912345678',
      idNumber: '11010519491231002X',
      unitId: id('370782001001002'),
    });
    expect(person.statusCode).toBe(201);
    const second = await call(admin, 'POST', '/api/posts', {
      personId: person.json().id,
      role: 'grid_head',
      unitId: id('370782001001002'),
      startsOn: '2026-09-01',
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('GRID_HEAD_EXISTS');
    const handed = await call(admin, 'POST', `/api/grids/${id('370782001001002')}/hand-over`, {
      personId: person.json().id,
      on: '2026-09-01',
    });
    expect(handed.statusCode).toBe(200);
    const heads = await t.database.query<{ person_id: string; starts_on: string; ends_on: string | null }>(
      `SELECT person_id, to_char(starts_on, 'YYYY-MM-DD') AS starts_on, to_char(ends_on, 'YYYY-MM-DD') AS ends_on
       FROM posts WHERE unit_id = $1 AND role = 'grid_head' ORDER BY starts_on`,
      [id('370782001001002')],
    );
    expect(heads.map((h) => [h.starts_on, h.ends_on])).toEqual([
      ['2026-01-01', '2026-08-31'],
      ['2026-09-01', null],
    ]);
    const ending = await call(admin, 'POST', `/api/posts/${handed.json().startedPostId}/end`, {
      endsOn: '2026-12-31',
    });
    expect(ending.json().error.code).toBe('GRID_NEEDS_HEAD');
  });

  it('G3: a post is held only at the right kind of unit', async () => {
    const [person] = await t.database.query<{ id: string }>('SELECT id FROM people LIMIT 1');
    const response = await call(admin, 'POST', '/api/posts', {
      personId: person?.id,
      role: 'grid_head',
      unitId: id('D370782-ZJJ'),
      startsOn: '2026-09-01',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'POST_UNIT_KIND', field: 'unitId' });
  });

  it('refuses a bad mobile or ID number and writes nothing', async () => {
    const before = await snapshot(t.database);
    const phone = await call(admin, 'POST', '/api/people', {
      name: '甲',
      phone: '12345',
      unitId: id('370782001001001'),
    });
    expect(phone.json().error).toMatchObject({ code: 'BAD_PHONE', field: 'phone' });
    const idNumber = await call(admin, 'POST', '/api/people', {
      name: '乙',
      idNumber: '110105194912310021',
      unitId: id('370782001001001'),
    });
    expect(idNumber.json().error).toMatchObject({ code: 'BAD_ID_NUMBER', field: 'idNumber' });
    expect(await snapshot(t.database)).toEqual(before);
  });
});

describe('scope and personal data', () => {
  it('G3: a grid worker reads its own grid’s people, never another grid’s', async () => {
    const worker = await t.login('gridworker');
    const own = await call(worker, 'GET', `/api/people?unitId=${id('370782001001001')}`);
    expect(own.statusCode).toBe(200);
    expect(own.json().items.length).toBeGreaterThan(0);
    const other = await call(worker, 'GET', `/api/people?unitId=${id('370782001001002')}`);
    expect(other.statusCode).toBe(403);
    const all = await call(worker, 'GET', '/api/people');
    expect(all.json().items.every((p: { unitId: string }) => p.unitId === id('370782001001001'))).toBe(true);
    const [stranger] = await t.database.query<{ id: string }>(
      'SELECT id FROM people WHERE unit_id = $1 LIMIT 1',
      [id('370782002')],
    );
    expect((await call(worker, 'GET', `/api/people/${stranger?.id}`)).statusCode).toBe(403);
  });

  it('masks phone and ID numbers unless the reader’s role needs them', async () => {
    const grid = `/api/org/units/${id('370782001001002')}`;
    const worker = await t.login('gridworker');
    expect((await call(worker, 'GET', grid)).statusCode).toBe(403);
    const dispatcher = await t.login('dispatcher');
    const seenByDispatcher = (await call(dispatcher, 'GET', grid)).json().posts[0].person;
    expect(seenByDispatcher.phone).toMatch(/^1\d{10}$/); // dispatchers must be able to call
    expect(seenByDispatcher.idNumber).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    const township = await t.login('handler');
    const ownUnit = (await call(township, 'GET', `/api/org/units/${id('D370782-ZJJ')}`)).json().posts;
    expect(ownUnit.find((p: { role: string }) => p.role === 'dept_handler').person.phone).toMatch(
      /^\d{3}\*{4}\d{4}$/,
    );
    const seenByAdmin = (await call(admin, 'GET', grid)).json().posts[0].person;
    expect(seenByAdmin.idNumber).toMatch(/^\d{17}[\dX]$/);
  });
});

describe('contracting, teams and households', () => {
  it('G4: the chain of responsibility of a grid runs up to the contractors of each level', async () => {
    const chain = await call(admin, 'GET', `/api/grids/${id('370782001001001')}/chain`);
    const links = chain
      .json()
      .items.map(
        (l: { unitKind: string; link: string; role: string }) => `${l.unitKind}:${l.link}:${l.role}`,
      );
    expect(links).toEqual([
      'grid:post:grid_head',
      'community:post:community_secretary',
      'community:contract:leader',
      'township:contract:leader',
      'district:contract:leader',
    ]);
  });

  it('G4: each level contracts only the level below, inside its own area', async () => {
    const [leader] = await t.database.query<{ person_id: string }>(
      "SELECT person_id FROM posts WHERE role = 'township_leader' AND unit_id = $1",
      [id('370782001')],
    );
    const upward = await call(admin, 'POST', '/api/contracts', {
      personId: leader?.person_id,
      fromUnitId: id('370782001'),
      unitId: id('370782'),
      kind: 'leader',
      startsOn: '2026-09-01',
    });
    expect(upward.json().error.code).toBe('CONTRACT_LEVEL');
    const elsewhere = await call(admin, 'POST', '/api/contracts', {
      personId: leader?.person_id,
      fromUnitId: id('370782001'),
      unitId: Object.entries(units).find(
        ([code, u]) => u.kind === 'community' && code.startsWith('370782002'),
      )?.[1].id,
      kind: 'leader',
      startsOn: '2026-09-01',
    });
    expect(elsewhere.json().error.code).toBe('CONTRACT_AREA');
  });

  it('G5: a mass-work team is sent by a department and stationed at a township', async () => {
    const [member] = await t.database.query<{ person_id: string }>(
      "SELECT person_id FROM posts WHERE role = 'dept_handler' AND unit_id = $1",
      [id('D370782-SLJ')],
    );
    const team = await call(admin, 'POST', '/api/work-teams', {
      name: '水利局驻密州街道群众工作队',
      departmentId: id('D370782-SLJ'),
      townshipId: id('370782001'),
      memberIds: [member?.person_id],
      startsOn: '2026-09-01',
    });
    expect(team.statusCode).toBe(201);
    const wrong = await call(admin, 'POST', '/api/work-teams', {
      name: 'x',
      departmentId: id('370782001'),
      townshipId: id('370782001'),
      memberIds: [member?.person_id],
      startsOn: '2026-09-01',
    });
    expect(wrong.json().error.code).toBe('NOT_A_DEPARTMENT');
  });

  it('G6: households are grouped under a 联户代表 who holds that post in the grid', async () => {
    const grid = id('370782001001001');
    const households = [];
    for (const address of ['兴华路1号1单元101', '兴华路1号1单元102']) {
      const response = await call(admin, 'POST', '/api/households', { gridId: grid, address });
      expect(response.statusCode).toBe(201);
      households.push(response.json().id);
    }
    const [rep] = await t.database.query<{ person_id: string }>(
      "SELECT person_id FROM posts WHERE role = 'household_rep' AND unit_id = $1",
      [grid],
    );
    const grouped = await call(admin, 'POST', `/api/grids/${grid}/joint-representative`, {
      personId: rep?.person_id,
      householdIds: households,
    });
    expect(grouped.json()).toEqual({ households: 2 });
    const [notRep] = await t.database.query<{ person_id: string }>(
      "SELECT person_id FROM posts WHERE role = 'grid_worker' AND unit_id = $1",
      [grid],
    );
    const refused = await call(admin, 'POST', `/api/grids/${grid}/joint-representative`, {
      personId: notRep?.person_id,
      householdIds: households,
    });
    expect(refused.json().error.code).toBe('NOT_A_JOINT_REP');
  });
});
