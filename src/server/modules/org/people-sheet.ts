import ExcelJS from 'exceljs';
import { AppError } from '../../core/errors.ts';
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

const badFile = (zh: string, en: string) => new AppError({ status: 400, code: 'BAD_FILE', zh, en });

/** 'grid_head' or '网格长' → the role code; null when it is neither a code nor a label. */
export function parseRole(text: string): BusinessRole | null {
  const value = text.trim();
  const roles: readonly string[] = BUSINESS_ROLES;
  if (roles.includes(value)) return value as BusinessRole;
  const byLabel = (Object.entries(ROLE_LABELS) as [BusinessRole, string][]).find(([, l]) => l === value);
  return byLabel ? byLabel[0] : null;
}

const pad = (n: number) => String(n).padStart(2, '0');
const isoOfUtc = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/**
 * A date as people type it: 2026-09-01, 2026/9/1, 2026.9.1 or 2026年9月1日 → 'YYYY-MM-DD';
 * null when it is not a real date. Excel date cells arrive as `Date` and never get here.
 */
export function parseSheetDate(text: string): string | null {
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return isoOfUtc(date);
}

/** Excel's day serial (1900 system, valid from 1900-03-01) → 'YYYY-MM-DD'. */
function excelSerialDate(serial: number): string | null {
  if (!Number.isInteger(serial) || serial < 61 || serial > 2_958_465) return null;
  return isoOfUtc(new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000));
}

type CellRead = { text: string } | { problem: { zh: string; en: string } };

/** A cell's value as text: rich text joined, formulas by their result, whole numbers without exponent. */
function cellText(value: ExcelJS.CellValue, field: PeopleField): CellRead {
  if (value === null || value === undefined) return { text: '' };
  if (value instanceof Date) {
    // exceljs gives date cells as UTC midnight of the day shown.
    return { text: field === 'startsOn' ? isoOfUtc(value) : value.toISOString() };
  }
  if (typeof value === 'string') return { text: value.trim() };
  if (typeof value === 'boolean') return { text: String(value) };
  if (typeof value === 'number') {
    // 18 digits do not fit a double: Excel has already replaced the last ones.
    if (field === 'idNumber')
      return {
        problem: {
          zh: '身份证号码被保存为数字，末几位已丢失；请将该列设为文本后重新填写',
          en: 'The ID number was stored as a number and lost its last digits; format the column as text and enter it again',
        },
      };
    if (field === 'startsOn') {
      const date = excelSerialDate(value);
      return date
        ? { text: date }
        : { problem: { zh: '上岗日期无法识别', en: 'The start date cannot be read' } };
    }
    return { text: Number.isSafeInteger(value) ? value.toFixed(0) : String(value) };
  }
  if ('error' in value)
    return {
      problem: { zh: `单元格为错误值 ${value.error}`, en: `The cell holds the error ${value.error}` },
    };
  if ('richText' in value)
    return {
      text: value.richText
        .map((r) => r.text)
        .join('')
        .trim(),
    };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    if (result === undefined || (typeof result === 'object' && result !== null && !(result instanceof Date)))
      return { problem: { zh: '公式没有可用的结果', en: 'The formula has no usable result' } };
    return cellText(result as ExcelJS.CellValue, field);
  }
  if ('text' in value && typeof value.text === 'string') return { text: value.text.trim() };
  return { problem: { zh: '单元格内容无法识别', en: 'The cell cannot be read' } };
}

/** Header text as people write it: spaces and a required-mark star do not matter. */
const normaliseHeader = (text: string) => text.replace(/\s+/g, '').replace(/^\*|\*$/g, '');

/**
 * Reads the `人员` sheet of an .xlsx file. Row 1 holds the headers, in any order, with
 * every column of PEOPLE_COLUMNS present (a misspelt header would otherwise drop its
 * column silently); other columns are ignored, blank rows skipped.
 * Throws 400 BAD_FILE for a file that is not an .xlsx workbook or lacks the sheet or a header.
 */
export async function readPeopleSheet(content: Uint8Array): Promise<PeopleSheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs wants a Node Buffer; wrapping shares the bytes, no copy.
    await workbook.xlsx.load(
      Buffer.from(content.buffer, content.byteOffset, content.byteLength) as unknown as ExcelJS.Buffer,
    );
  } catch {
    throw badFile('文件不是有效的 .xlsx 工作簿', 'The file is not a valid .xlsx workbook');
  }
  const sheet = workbook.worksheets.find((s) => s.name.trim() === PEOPLE_SHEET);
  if (!sheet) {
    const names = workbook.worksheets.map((s) => s.name).join('、') || '无';
    throw badFile(
      `工作簿中没有名为“${PEOPLE_SHEET}”的工作表（现有：${names}）`,
      `The workbook has no sheet named "${PEOPLE_SHEET}" (found: ${names})`,
    );
  }
  const columnOf = new Map<PeopleField, number>();
  const byHeader = new Map<string, PeopleField>(
    (Object.entries(PEOPLE_COLUMNS) as [PeopleField, string][]).map(([field, header]) => [header, field]),
  );
  sheet.getRow(1).eachCell((cell, column) => {
    const read = cellText(cell.value, 'name');
    const field = 'text' in read ? byHeader.get(normaliseHeader(read.text)) : undefined;
    if (!field) return;
    if (columnOf.has(field))
      throw badFile(
        `表头“${PEOPLE_COLUMNS[field]}”出现了两次`,
        `The header "${PEOPLE_COLUMNS[field]}" appears twice`,
      );
    columnOf.set(field, column);
  });
  const missing = (Object.keys(PEOPLE_COLUMNS) as PeopleField[]).filter((f) => !columnOf.has(f));
  if (missing.length > 0) {
    const headers = missing.map((f) => PEOPLE_COLUMNS[f]);
    throw badFile(
      `“${PEOPLE_SHEET}”工作表第 1 行缺少表头：${headers.join('、')}`,
      `Row 1 of the "${PEOPLE_SHEET}" sheet lacks the header(s): ${headers.join(', ')}`,
    );
  }
  if (sheet.actualRowCount - 1 > MAX_PEOPLE_ROWS)
    throw badFile(
      `数据行超过 ${MAX_PEOPLE_ROWS} 行，请拆分后分批导入`,
      `More than ${MAX_PEOPLE_ROWS} data rows; split the file`,
    );

  const rows: PeopleSheetRow[] = [];
  const issues: ImportIssue[] = [];
  sheet.eachRow((sheetRow, number) => {
    if (number === 1) return;
    const row: PeopleSheetRow = {
      row: number,
      name: '',
      phone: '',
      idNumber: '',
      unitCode: '',
      role: '',
      postUnitCode: '',
      title: '',
      startsOn: '',
    };
    const rowIssues: ImportIssue[] = [];
    for (const [field, column] of columnOf) {
      const read = cellText(sheetRow.getCell(column).value, field);
      if ('text' in read) row[field] = read.text;
      else
        rowIssues.push({
          row: number,
          column: PEOPLE_COLUMNS[field],
          message: read.problem.zh,
          message_en: read.problem.en,
        });
    }
    // A row of empty or blank cells (formatting only, a deleted row's remains) is no row.
    if (rowIssues.length === 0 && (Object.keys(PEOPLE_COLUMNS) as PeopleField[]).every((f) => !row[f]))
      return;
    rows.push(row);
    issues.push(...rowIssues);
  });
  return { rows, issues };
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
