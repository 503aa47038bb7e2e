import ExcelJS from 'exceljs';
import { parseSheetDate, readSheet } from '../../lib/read-sheet.ts';
import { BUSINESS_ROLES } from '../auth/index.ts';

/** The sheet the import reads and the template carries. */
export const PEOPLE_SHEET = '人员';

/** A sheet bigger than this is refused whole: split it (the import is one transaction). */
export const MAX_PEOPLE_ROWS = 50_000;

/** The columns, by their header text (what errors name) and the row field they fill. */
export const PEOPLE_COLUMNS = {
  name: '姓名',
  phone: '手机号码',
  idNumber: '身份证号码',
  unitCode: '所属组织编码',
  role: '岗位角色',
  postUnitCode: '岗位单位编码',
  title: '岗位名称',
  startsOn: '上岗日期',
} as const;
export type PeopleField = keyof typeof PEOPLE_COLUMNS;
export type PeopleColumn = (typeof PEOPLE_COLUMNS)[PeopleField];

/** The roles a post may be imported with: administrator roles are granted, never imported. */
export type BusinessRole = (typeof BUSINESS_ROLES)[number];

/** The Chinese labels of the roles a post may be imported with (the web shows the same). */
export const ROLE_LABELS: Record<BusinessRole, string> = {
  grid_worker: '网格员',
  grid_head: '网格长',
  community_secretary: '社区书记',
  township_leader: '镇街分管领导',
  centre_dispatcher: '中心调度员',
  dept_handler: '部门承办人',
  dept_liaison: '部门联络员',
  dept_head: '部门负责人',
  agency_head: '派驻机构负责人',
  supervision_officer: '督查专员',
  social_mgmt_officer: '社管办专员',
  establishment_officer: '编办专员',
  legal_officer: '法制办专员',
  leader: '领导',
  volunteer: '志愿者',
  household_rep: '联户代表',
};

/**
 * The template's example row carries the example ID number of GB 11643 itself; the
 * import refuses that number, so an example row left in the sheet is an error rather
 * than a person called 张三.
 */
export const EXAMPLE_ID_NUMBER = '11010519491231002X';

/** One problem, at a spreadsheet row (1 = the header) and a column named by its header. */
export interface ImportIssue {
  row: number;
  column: string;
  message: string;
  message_en: string;
}

/** One data row as text, trimmed; `startsOn` is already YYYY-MM-DD when the cell was a date. */
export interface PeopleSheetRow extends Record<PeopleField, string> {
  /** The spreadsheet row number. */
  row: number;
}

export interface PeopleSheet {
  rows: PeopleSheetRow[];
  /** Cells that cannot be read as what their column needs (an ID number stored as a number…). */
  issues: ImportIssue[];
}

/** 'grid_head' or '网格长' → the role code; null when it is neither a code nor a label. */
export function parseRole(text: string): BusinessRole | null {
  const value = text.trim();
  const roles: readonly string[] = BUSINESS_ROLES;
  if (roles.includes(value)) return value as BusinessRole;
  const byLabel = (Object.entries(ROLE_LABELS) as [BusinessRole, string][]).find(([, l]) => l === value);
  return byLabel ? byLabel[0] : null;
}

/** Re-exported for the import's own date check. */
export { parseSheetDate };

/**
 * Reads the `人员` sheet of an .xlsx file (readSheet: headers in row 1 in any order, every
 * column of PEOPLE_COLUMNS present, other columns ignored, blank rows skipped).
 * Throws 400 BAD_FILE for a file that is not an .xlsx workbook or lacks the sheet or a header.
 */
export async function readPeopleSheet(content: Uint8Array): Promise<PeopleSheet> {
  const { rows, problems } = await readSheet({
    content,
    sheet: PEOPLE_SHEET,
    columns: PEOPLE_COLUMNS,
    maxRows: MAX_PEOPLE_ROWS,
    kindOf: (field) => (field === 'startsOn' ? 'date' : field === 'idNumber' ? 'id-number' : 'text'),
  });
  return {
    rows,
    issues: problems.map((p) => ({ row: p.row, column: p.column, message: p.zh, message_en: p.en })),
  };
}

/**
 * The import template: the `人员` sheet with its headers, one example row (whose ID
 * number the import refuses, see EXAMPLE_ID_NUMBER), text-formatted number columns so
 * Excel keeps ID numbers whole, a role drop-down, and a `说明` sheet explaining it all.
 */
export async function writePeopleTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(PEOPLE_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  const widths: Record<PeopleField, number> = {
    name: 12,
    phone: 15,
    idNumber: 22,
    unitCode: 18,
    role: 16,
    postUnitCode: 18,
    title: 16,
    startsOn: 13,
  };
  sheet.columns = (Object.keys(PEOPLE_COLUMNS) as PeopleField[]).map((field) => ({
    header: PEOPLE_COLUMNS[field],
    key: field,
    width: widths[field],
    style: { numFmt: field === 'startsOn' ? 'yyyy-mm-dd' : '@' },
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRow({
    name: '张三',
    phone: '13800138000',
    idNumber: EXAMPLE_ID_NUMBER,
    unitCode: '370782001001',
    role: ROLE_LABELS.grid_head,
    postUnitCode: '370782001001001',
    title: '专职网格长',
    startsOn: new Date(Date.UTC(2026, 0, 1)),
  });
  const labels = Object.values(ROLE_LABELS).join(',');
  for (let row = 2; row <= 1000; row++) {
    sheet.getCell(row, 5).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [`"${labels}"`],
      showErrorMessage: false,
    };
  }

  const notes = workbook.addWorksheet('说明');
  notes.columns = [
    { header: '列', key: 'column', width: 16 },
    { header: '说明', key: 'note', width: 90 },
  ];
  notes.getRow(1).font = { bold: true };
  notes.addRows([
    { column: PEOPLE_COLUMNS.name, note: '必填，1–50 个字' },
    { column: PEOPLE_COLUMNS.phone, note: '11 位手机号码；留空则不改动已登记的号码' },
    {
      column: PEOPLE_COLUMNS.idNumber,
      note: '必填，18 位居民身份证号码；按此识别已登记人员（已登记则更新，不重复添加）。示例行的号码不会被导入，请删除示例行',
    },
    { column: PEOPLE_COLUMNS.unitCode, note: '必填，人员所属组织的编码，须在您的管理范围内' },
    { column: PEOPLE_COLUMNS.role, note: '可空（只登记人员）；填角色代码或中文名称，见下表' },
    { column: PEOPLE_COLUMNS.postUnitCode, note: '岗位所在组织的编码；留空表示所属组织' },
    { column: PEOPLE_COLUMNS.title, note: '可空，岗位的称呼，如 第一责任人、楼院长（最多 50 字）' },
    { column: PEOPLE_COLUMNS.startsOn, note: 'YYYY-MM-DD 或日期格式单元格；留空为导入当天' },
    {},
    { column: '角色代码', note: '中文名称' },
    ...(Object.entries(ROLE_LABELS) as [BusinessRole, string][]).map(([code, label]) => ({
      column: code,
      note: label,
    })),
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
