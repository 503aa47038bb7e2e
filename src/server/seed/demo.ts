import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Clock } from '../core/clock.ts';
import type { Db } from '../db/client.ts';
import { type AuthSettings, createAccount, grantRole, type Role } from '../modules/auth/index.ts';
import { appendEvent } from '../modules/events/index.ts';
import {
  contracts,
  type GridType,
  importDivisions,
  loadCountyDivisions,
  type OrgKind,
  type OrgUnitRow,
  orgUnits,
  people,
  posts,
  rootOrgUnit,
} from '../modules/org/index.ts';
import { AGENCIES, DEMO_ACCOUNTS, DEPARTMENTS, ENTERPRISES, GRID_TYPES, OFFICES } from './demo-data.ts';
import { type Rect, rectPolygon, splitColumns, splitRows, townshipCells } from './demo-geometry.ts';
import { demoIdNumber, demoName, demoPhone } from './demo-names.ts';

/** Password of every demo account (demo mode only; shown at start). */
export const DEMO_PASSWORD = 'Luoshi@2026';
export { DEMO_ACCOUNTS };

/** The day every demo post starts. */
const SINCE = '2026-01-01';

export interface SeedDemoOptions {
  db: Db;
  clock: Clock;
  settings: AuthSettings;
  /** Only the first N townships (tests); all 14 by default. */
  townships?: number;
}

export interface PlannedUnit {
  code: string;
  name: string;
  kind: OrgKind;
  parent: string;
  gridType?: GridType;
  department?: string;
  boundary?: Rect;
}

/**
 * Seeds the demo city into an empty database: the real tree of 诸城市 (14 townships,
 * 259 communities) from the bundled division data, 3–6 grids per community with
 * non-overlapping polygons tiling each township, the 23 reporting departments and
 * enterprises, stationed agencies, centres, offices, and people in every post, with
 * demo accounts for every role. Returns false (doing nothing) when not empty.
 */
export async function seedDemo(options: SeedDemoOptions): Promise<boolean> {
  const { db, clock } = options;
  if (await rootOrgUnit(db)) return false;
  const now = clock.now();
  const divisions = loadCountyDivisions('370782', 'bundled');
  if (options.townships !== undefined) {
    const kept = new Set(divisions.townships.slice(0, options.townships).map((t) => t.code));
    divisions.townships = divisions.townships.filter((t) => kept.has(t.code));
    divisions.communities = divisions.communities.filter((c) => kept.has(c.township));
  }

  await db.transaction(async (tx) => {
    await importDivisions({ db: tx, clock, caller: 'system', divisions });
    const units = new Map((await tx.select().from(orgUnits)).map((u) => [u.code, u]));
    const planned = planDemoUnits(divisions);
    const created = await insertUnits(tx, planned, units, now);
    // Each township's boundary is its cell, which its grids tile exactly (G3).
    const cells = townshipCells(divisions.townships.length);
    for (const [t, township] of divisions.townships.entries()) {
      await tx
        .update(orgUnits)
        .set({ boundary: rectPolygon(cells[t] as Rect) })
        .where(eq(orgUnits.code, township.code));
    }
    const staffed = await staff(tx, units, now);
    await appendEvent({
      db: tx,
      at: now,
      actor: null,
      subject: { type: 'org_unit', id: units.get('370782')?.id ?? '370782' },
      kind: 'org.demo_seeded',
      payload: { units: created, people: staffed.people, posts: staffed.posts, contracts: staffed.contracts },
    });
  });

  const unitId = async (code: string) => {
    const [unit] = await db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.code, code));
    if (!unit) throw new Error(`demo seed: no unit ${code}`);
    return unit.id;
  };
  for (const demo of DEMO_ACCOUNTS) {
    const account = await createAccount({
      db,
      clock,
      caller: 'system',
      settings: { ...options.settings, demoMode: true },
      username: demo.username,
      displayName: demo.displayName,
      orgUnitId: await unitId(demo.unit),
      initialPassword: DEMO_PASSWORD,
    });
    await grantRole({
      db,
      clock,
      caller: 'system',
      accountId: account.id,
      role: demo.role,
      orgUnitId: await unitId(demo.at),
    });
    await linkDemoPerson(db, demo, account.id, await unitId(demo.unit), now);
  }
  return true;
}

/** Everything that is not a division: centres, offices, departments, enterprises, agencies, grids. */
export function planDemoUnits(divisions: ReturnType<typeof loadCountyDivisions>): PlannedUnit[] {
  const county = '370782';
  const planned: PlannedUnit[] = [
    { code: 'C370700', name: '潍坊市社会治理综合指挥中心', kind: 'centre', parent: '370700' },
    { code: `C${county}`, name: '诸城市社会治理综合指挥中心（市综治中心）', kind: 'centre', parent: county },
    ...DEPARTMENTS.map(([code, name]) => ({
      code: `D${county}-${code}`,
      name,
      kind: 'department' as const,
      parent: county,
    })),
    ...ENTERPRISES.map(([code, name]) => ({
      code: `E${county}-${code}`,
      name,
      kind: 'enterprise' as const,
      parent: county,
    })),
    ...OFFICES.map(([code, name]) => ({
      code: `O${county}-${code}`,
      name,
      kind: 'office' as const,
      parent: county,
    })),
  ];
  const cells = townshipCells(divisions.townships.length);
  divisions.townships.forEach((township, t) => {
    const short = township.name.replace(/(街道|镇|管理委员会)$/, '').replace('诸城经济开发区', '开发区');
    planned.push({
      code: `C${township.code}`,
      name: `${township.name}综治中心`,
      kind: 'centre',
      parent: township.code,
    });
    for (const [code, suffix, department] of AGENCIES) {
      planned.push({
        code: `A${township.code}-${code}`,
        name: `${short}${suffix}`,
        kind: 'agency',
        parent: township.code,
        department: `D${county}-${department}`,
      });
    }
    const communities = divisions.communities.filter((c) => c.township === township.code);
    const strips = splitRows(cells[t] as Rect, communities.length);
    communities.forEach((community, c) => {
      const count = 3 + ((c + t) % 4);
      const shortName = community.name.replace(/(居民委员会|村民委员会)$/, '');
      splitColumns(strips[c] as Rect, count).forEach((rect, g) => {
        planned.push({
          code: `${community.code}${String(g + 1).padStart(3, '0')}`,
          name: `${shortName}第${'一二三四五六'[g]}网格`,
          kind: 'grid',
          parent: community.code,
          gridType: GRID_TYPES[(c + g) % GRID_TYPES.length] as GridType,
          boundary: rect,
        });
      });
    });
  });
  return planned;
}

async function insertUnits(
  tx: Db,
  planned: PlannedUnit[],
  units: Map<string, OrgUnitRow>,
  now: Date,
): Promise<number> {
  const rows: OrgUnitRow[] = [];
  for (const unit of planned) {
    const parent = units.get(unit.parent);
    if (!parent) throw new Error(`demo seed: no parent ${unit.parent} for ${unit.code}`);
    const id = randomUUID();
    const row: OrgUnitRow = {
      id,
      parentId: parent.id,
      code: unit.code,
      name: unit.name,
      fullName: null,
      kind: unit.kind,
      gridType: unit.gridType ?? null,
      departmentId: unit.department ? (units.get(unit.department)?.id ?? null) : null,
      level: parent.level + 1,
      path: `${parent.path}${id}/`,
      boundary: unit.boundary ? rectPolygon(unit.boundary) : null,
      createdAt: now,
    };
    units.set(unit.code, row);
    rows.push(row);
  }
  for (let i = 0; i < rows.length; i += 400) await tx.insert(orgUnits).values(rows.slice(i, i + 400));
  return rows.length;
}

/** People in every post: grid heads and workers, secretaries, leaders, dispatchers, heads and handlers. */
async function staff(tx: Db, units: Map<string, OrgUnitRow>, now: Date) {
  const personRows: (typeof people.$inferInsert)[] = [];
  const postRows: (typeof posts.$inferInsert)[] = [];
  const contractRows: (typeof contracts.$inferInsert)[] = [];
  let n = 100; // demo people are numbered from 100; the demo accounts' people come later
  const hire = (unit: OrgUnitRow, role: Role, title: string) => {
    const id = randomUUID();
    const i = n++;
    personRows.push({
      id,
      name: demoName(i),
      phone: demoPhone(i),
      idNumber: demoIdNumber(i),
      unitId: unit.id,
      createdAt: now,
    });
    postRows.push({
      id: randomUUID(),
      personId: id,
      role,
      unitId: unit.id,
      title,
      startsOn: SINCE,
      createdAt: now,
    });
    return id;
  };
  const all = [...units.values()];
  const children = (parent: OrgUnitRow, kind: OrgKind) =>
    all.filter((u) => u.parentId === parent.id && u.kind === kind);
  const county = units.get('370782') as OrgUnitRow;
  const city = units.get('370700') as OrgUnitRow;
  const cityLeader = hire(city, 'leader', '市委常委（包联诸城市）');
  contractRows.push({
    id: randomUUID(),
    personId: cityLeader,
    fromUnitId: city.id,
    unitId: county.id,
    kind: 'leader',
    startsOn: SINCE,
    createdAt: now,
  });
  for (const unit of all) {
    switch (unit.kind) {
      case 'grid':
        if (unit.code === '370782001001001') break; // the demo accounts staff this grid
        hire(unit, 'grid_head', '网格长');
        hire(unit, 'grid_worker', '专职网格员');
        break;
      case 'community':
        if (unit.code !== '370782001001') hire(unit, 'community_secretary', '社区书记');
        break;
      case 'township': {
        const leader = unit.code === '370782001' ? null : hire(unit, 'township_leader', '分管负责同志');
        // G4: a county leader contracts each township; the township leader each community.
        const countyLeader = hire(county, 'leader', `副市长（包联${unit.name}）`);
        contractRows.push({
          id: randomUUID(),
          personId: countyLeader,
          fromUnitId: county.id,
          unitId: unit.id,
          kind: 'leader',
          startsOn: SINCE,
          createdAt: now,
        });
        if (leader) {
          for (const community of children(unit, 'community')) {
            contractRows.push({
              id: randomUUID(),
              personId: leader,
              fromUnitId: unit.id,
              unitId: community.id,
              kind: 'leader',
              startsOn: SINCE,
              createdAt: now,
            });
          }
        }
        break;
      }
      case 'centre':
        if (unit.code !== 'C370782001' && unit.code !== 'C370782')
          hire(unit, 'centre_dispatcher', '值班调度员');
        break;
      case 'department':
      case 'enterprise':
        if (unit.code !== 'D370782-ZJJ') {
          hire(unit, 'dept_head', '主要负责人');
          hire(unit, 'dept_handler', '承办人');
          hire(unit, 'dept_liaison', '联络员');
        }
        break;
      case 'agency':
        if (unit.code !== 'A370782001-SCJG') hire(unit, 'agency_head', '负责人');
        break;
      default:
        break;
    }
  }
  for (let i = 0; i < personRows.length; i += 400)
    await tx.insert(people).values(personRows.slice(i, i + 400));
  for (let i = 0; i < postRows.length; i += 400) await tx.insert(posts).values(postRows.slice(i, i + 400));
  if (contractRows.length) await tx.insert(contracts).values(contractRows);
  return { people: personRows.length, posts: postRows.length, contracts: contractRows.length };
}

/** The demo account's person, in its post; the township demo leader also contracts its communities. */
async function linkDemoPerson(
  db: Db,
  demo: (typeof DEMO_ACCOUNTS)[number],
  accountId: string,
  unitId: string,
  now: Date,
): Promise<void> {
  if (['system_admin', 'security_admin', 'audit_admin'].includes(demo.role)) return;
  const index = DEMO_ACCOUNTS.indexOf(demo);
  const personId = randomUUID();
  await db.insert(people).values({
    id: personId,
    name: demo.displayName,
    phone: demoPhone(index),
    idNumber: demoIdNumber(index),
    accountId,
    unitId,
    createdAt: now,
  });
  await db
    .insert(posts)
    .values({ id: randomUUID(), personId, role: demo.role, unitId, startsOn: SINCE, createdAt: now });
  if (demo.role === 'township_leader') {
    const children = await db
      .select({ id: orgUnits.id, kind: orgUnits.kind })
      .from(orgUnits)
      .where(eq(orgUnits.parentId, unitId));
    const rows = children
      .filter((u) => u.kind === 'community')
      .map((u) => ({
        id: randomUUID(),
        personId,
        fromUnitId: unitId,
        unitId: u.id,
        kind: 'leader' as const,
        startsOn: SINCE,
        createdAt: now,
      }));
    if (rows.length) await db.insert(contracts).values(rows);
  }
}
