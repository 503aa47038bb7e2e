import type { Clock } from '../core/clock.ts';
import type { Db } from '../db/client.ts';
import { type AuthSettings, createAccount, grantRole, type Role } from '../modules/auth/index.ts';
import { createOrgUnit, type OrgKind, type OrgUnitRow, rootOrgUnit } from '../modules/org/index.ts';

/** Password of every demo account (demo mode only; shown at start). */
export const DEMO_PASSWORD = 'Luoshi@2026';

interface UnitSeed {
  key: string;
  parent: string | null;
  code: string;
  name: string;
  kind: OrgKind;
}

/**
 * A small demo city over the real names of 潍坊市 / 诸城市; the codes follow the
 * GB/T 2260 and statistical code shapes but are for demonstration (the org issue
 * imports the real division tree).
 */
const UNITS: UnitSeed[] = [
  { key: 'city', parent: null, code: '370700', name: '潍坊市', kind: 'city' },
  { key: 'cityCentre', parent: 'city', code: 'C370700', name: '潍坊市社会治理综合指挥中心', kind: 'centre' },
  { key: 'county', parent: 'city', code: '370782', name: '诸城市', kind: 'district' },
  {
    key: 'countyCentre',
    parent: 'county',
    code: 'C370782',
    name: '诸城市社会治理综合指挥中心',
    kind: 'centre',
  },
  {
    key: 'housing',
    parent: 'county',
    code: 'D370782-ZJJ',
    name: '诸城市住房和城乡建设局',
    kind: 'department',
  },
  { key: 'water', parent: 'county', code: 'E370782-SW', name: '诸城市水务集团', kind: 'enterprise' },
  { key: 'govOffice', parent: 'county', code: 'O370782-ZFB', name: '诸城市人民政府办公室', kind: 'office' },
  { key: 'mizhou', parent: 'county', code: '370782001', name: '密州街道', kind: 'township' },
  { key: 'mizhouCentre', parent: 'mizhou', code: 'C370782001', name: '密州街道综治中心', kind: 'centre' },
  { key: 'mizhouMarket', parent: 'mizhou', code: 'A370782001-SCJG', name: '密州市场监管所', kind: 'agency' },
  { key: 'dongpo', parent: 'mizhou', code: '370782001001', name: '东坡社区', kind: 'community' },
  { key: 'dongpoGrid1', parent: 'dongpo', code: '370782001001001', name: '东坡社区第一网格', kind: 'grid' },
  { key: 'dongpoGrid2', parent: 'dongpo', code: '370782001001002', name: '东坡社区第二网格', kind: 'grid' },
  { key: 'xiguan', parent: 'mizhou', code: '370782001002', name: '西关社区', kind: 'community' },
  { key: 'xiguanGrid1', parent: 'xiguan', code: '370782001002001', name: '西关社区第一网格', kind: 'grid' },
  { key: 'longdu', parent: 'county', code: '370782002', name: '龙都街道', kind: 'township' },
  { key: 'longduCentre', parent: 'longdu', code: 'C370782002', name: '龙都街道综治中心', kind: 'centre' },
  { key: 'yangguang', parent: 'longdu', code: '370782002001', name: '阳光社区', kind: 'community' },
  {
    key: 'yangguangGrid1',
    parent: 'yangguang',
    code: '370782002001001',
    name: '阳光社区第一网格',
    kind: 'grid',
  },
];

/** Demo accounts: who they are, where they work, and where their role applies. */
export const DEMO_ACCOUNTS: {
  username: string;
  displayName: string;
  unit: string;
  role: Role;
  at: string;
}[] = [
  { username: 'sysadmin', displayName: '系统管理员', unit: 'city', role: 'system_admin', at: 'city' },
  { username: 'secadmin', displayName: '安全管理员', unit: 'city', role: 'security_admin', at: 'city' },
  { username: 'auditor', displayName: '审计管理员', unit: 'city', role: 'audit_admin', at: 'city' },
  {
    username: 'gridworker',
    displayName: '王小网',
    unit: 'dongpoGrid1',
    role: 'grid_worker',
    at: 'dongpoGrid1',
  },
  {
    username: 'gridhead',
    displayName: '李网格长',
    unit: 'dongpoGrid1',
    role: 'grid_head',
    at: 'dongpoGrid1',
  },
  { username: 'secretary', displayName: '张书记', unit: 'dongpo', role: 'community_secretary', at: 'dongpo' },
  { username: 'township', displayName: '刘主任', unit: 'mizhou', role: 'township_leader', at: 'mizhou' },
  {
    username: 'dispatcher',
    displayName: '陈调度',
    unit: 'mizhouCentre',
    role: 'centre_dispatcher',
    at: 'mizhou',
  },
  { username: 'handler', displayName: '赵承办', unit: 'housing', role: 'dept_handler', at: 'housing' },
  { username: 'leader', displayName: '周市长', unit: 'county', role: 'leader', at: 'county' },
];

export interface SeedDemoOptions {
  db: Db;
  clock: Clock;
  settings: AuthSettings;
}

/** Seeds the demo city into an empty database; returns false (and does nothing) otherwise. */
export async function seedDemo(options: SeedDemoOptions): Promise<boolean> {
  const { db, clock } = options;
  if (await rootOrgUnit(db)) return false;
  const units = new Map<string, OrgUnitRow>();
  for (const seed of UNITS) {
    const parent = seed.parent ? units.get(seed.parent) : undefined;
    const unit = await createOrgUnit({
      db,
      clock,
      actor: null,
      parentId: parent?.id ?? null,
      code: seed.code,
      name: seed.name,
      kind: seed.kind,
    });
    units.set(seed.key, unit);
  }
  const unitOf = (key: string): OrgUnitRow => {
    const unit = units.get(key);
    if (!unit) throw new Error(`demo seed: no unit ${key}`);
    return unit;
  };
  for (const demo of DEMO_ACCOUNTS) {
    const account = await createAccount({
      db,
      clock,
      caller: 'system',
      settings: { ...options.settings, demoMode: true },
      username: demo.username,
      displayName: demo.displayName,
      orgUnitId: unitOf(demo.unit).id,
      initialPassword: DEMO_PASSWORD,
    });
    await grantRole({
      db,
      clock,
      caller: 'system',
      accountId: account.id,
      role: demo.role,
      orgUnitId: unitOf(demo.at).id,
    });
  }
  return true;
}
