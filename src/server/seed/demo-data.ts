import type { Role } from '../modules/auth/index.ts';
import type { GridType } from '../modules/org/index.ts';

/** The demo city's fixed data: the reporting units, offices, agencies and demo accounts. */

/**
 * The 23 reporting units of seed 003 (市直部门单位、企业): the departments and the
 * enterprises for water, power, gas, heating, buses, taxis, telecom and cable TV.
 */
export const DEPARTMENTS: [code: string, name: string][] = [
  ['ZJJ', '诸城市住房和城乡建设局'],
  ['ZHZF', '诸城市综合行政执法局'],
  ['YLHW', '诸城市园林环卫服务中心'],
  ['HB', '潍坊市生态环境局诸城分局'],
  ['SFJ', '诸城市司法局'],
  ['YJJ', '诸城市应急管理局'],
  ['JTJ', '诸城市交通运输局'],
  ['SLJ', '诸城市水利局'],
  ['ZRZY', '诸城市自然资源和规划局'],
  ['SCJG', '诸城市市场监督管理局'],
  ['GAJ', '诸城市公安局'],
  ['MZJ', '诸城市民政局'],
  ['WJJ', '诸城市卫生健康局'],
  ['JTY', '诸城市教育和体育局'],
  ['NYJ', '诸城市农业农村局'],
];
export const ENTERPRISES: [code: string, name: string][] = [
  ['SW', '诸城市水务集团'],
  ['GD', '国网诸城市供电公司'],
  ['RQ', '诸城港华燃气有限公司'],
  ['RL', '诸城市热力有限公司'],
  ['GJ', '诸城市公共交通有限公司'],
  ['CZ', '诸城市出租汽车有限公司'],
  ['DX', '中国电信诸城分公司'],
  ['GDWL', '山东广电网络诸城分公司'],
];
/** The offices of the government (R3's three units, the supervision and assessment offices). */
export const OFFICES: [code: string, name: string, role: Role | null][] = [
  ['ZFB', '诸城市人民政府办公室', null],
  ['SGB', '诸城市社会管理办公室', 'social_mgmt_officer'],
  ['BB', '中共诸城市委机构编制委员会办公室', 'establishment_officer'],
  ['FZB', '诸城市人民政府法制办公室', 'legal_officer'],
  ['DCS', '诸城市委市政府督查室', 'supervision_officer'],
  ['KHB', '诸城市综合考核办公室', null],
];
/** Agencies a district department stations in every township (G7, E1). */
export const AGENCIES: [code: string, suffix: string, department: string][] = [
  ['SCJG', '市场监管所', 'SCJG'],
  ['ZF', '综合行政执法中队', 'ZHZF'],
  ['SF', '司法所', 'SFJ'],
  ['PCS', '派出所', 'GAJ'],
];
export const GRID_TYPES: GridType[] = ['compound', 'block', 'village_group', 'public_unit'];

/** Demo accounts, one for every role: who they are, where they work, where their role applies. */
export const DEMO_ACCOUNTS: {
  username: string;
  displayName: string;
  unit: string;
  role: Role;
  at: string;
}[] = [
  { username: 'sysadmin', displayName: '系统管理员', unit: '370700', role: 'system_admin', at: '370700' },
  { username: 'secadmin', displayName: '安全管理员', unit: '370700', role: 'security_admin', at: '370700' },
  { username: 'auditor', displayName: '审计管理员', unit: '370700', role: 'audit_admin', at: '370700' },
  {
    username: 'gridworker',
    displayName: '王小网',
    unit: '370782001001001',
    role: 'grid_worker',
    at: '370782001001001',
  },
  {
    username: 'gridhead',
    displayName: '李网格长',
    unit: '370782001001001',
    role: 'grid_head',
    at: '370782001001001',
  },
  {
    username: 'volunteer',
    displayName: '赵志愿',
    unit: '370782001001001',
    role: 'volunteer',
    at: '370782001001001',
  },
  {
    username: 'householdrep',
    displayName: '孙联户',
    unit: '370782001001001',
    role: 'household_rep',
    at: '370782001001001',
  },
  {
    username: 'secretary',
    displayName: '张书记',
    unit: '370782001001',
    role: 'community_secretary',
    at: '370782001001',
  },
  {
    username: 'township',
    displayName: '刘主任',
    unit: '370782001',
    role: 'township_leader',
    at: '370782001',
  },
  {
    username: 'dispatcher',
    displayName: '陈调度',
    unit: 'C370782001',
    role: 'centre_dispatcher',
    at: '370782001',
  },
  {
    username: 'citydispatcher',
    displayName: '吴调度',
    unit: 'C370782',
    role: 'centre_dispatcher',
    at: '370782',
  },
  {
    username: 'handler',
    displayName: '赵承办',
    unit: 'D370782-ZJJ',
    role: 'dept_handler',
    at: 'D370782-ZJJ',
  },
  {
    username: 'liaison',
    displayName: '钱联络',
    unit: 'D370782-ZJJ',
    role: 'dept_liaison',
    at: 'D370782-ZJJ',
  },
  { username: 'depthead', displayName: '冯局长', unit: 'D370782-ZJJ', role: 'dept_head', at: 'D370782-ZJJ' },
  {
    username: 'agencyhead',
    displayName: '郑所长',
    unit: 'A370782001-SCJG',
    role: 'agency_head',
    at: 'A370782001-SCJG',
  },
  {
    username: 'supervisor',
    displayName: '何督查',
    unit: 'O370782-DCS',
    role: 'supervision_officer',
    at: '370782',
  },
  {
    username: 'socialoffice',
    displayName: '高社管',
    unit: 'O370782-SGB',
    role: 'social_mgmt_officer',
    at: '370782',
  },
  {
    username: 'establishment',
    displayName: '罗编办',
    unit: 'O370782-BB',
    role: 'establishment_officer',
    at: '370782',
  },
  { username: 'legal', displayName: '梁法制', unit: 'O370782-FZB', role: 'legal_officer', at: '370782' },
  { username: 'leader', displayName: '周市长', unit: '370782', role: 'leader', at: '370782' },
];
