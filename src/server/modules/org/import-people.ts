import { createHash, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Clock } from '../../core/clock.ts';
import { AppError, conflict } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import { authorize, type Caller, eventActor, isRole } from '../auth/index.ts';
import { dayNumberOf, isoDate } from '../calendar/index.ts';
import { appendEvent } from '../events/index.ts';
import { cleanPerson } from './create-person.ts';
import {
  activeGridHeads,
  activePostKeys,
  chunks,
  type ExistingPerson,
  peopleByIdNumber,
  type UnitRow,
  unitsByCode,
} from './import-people-lookups.ts';
import { type OrgKind, people, posts } from './org.tables.ts';
import {
  type BusinessRole,
  EXAMPLE_ID_NUMBER,
  type ImportIssue,
  PEOPLE_COLUMNS,
  type PeopleSheetRow,
  parseRole,
  parseSheetDate,
  ROLE_LABELS,
  readPeopleSheet,
} from './people-sheet.ts';
import { checkIdNumber, checkPhone } from './personal-data.ts';
import { isUniqueViolation } from './start-post.ts';
import { ROLE_UNIT_KINDS } from './unit-rules.ts';

export type { ImportIssue } from './people-sheet.ts';

export interface ImportPeopleOptions {
  db: Db;
  clock: Clock;
  /** Who imports: every unit the sheet names, and every person it updates, must lie in their `person.manage` scope. */
  caller: Caller;
  /** The bytes of the .xlsx file (sheet `人员`, see docs/IMPORT.md). */
  content: Uint8Array;
}

export interface ImportPeopleResult {
  /** People added. */
  created: number;
  /** People already registered (same ID number) whose name, mobile number or unit the sheet changed. */
  updated: number;
  /** People already registered whom the sheet matches exactly: nothing written for them. */
  unchanged: number;
  /** Posts started (a post the person already holds, same role at the same unit, is not started again). */
  posts: number;
}

/** 422 IMPORT_INVALID: the sheet has errors, listed in `errors`; nothing was written. */
export class ImportInvalidError extends AppError {
  readonly errors: ImportIssue[];

  constructor(errors: ImportIssue[]) {
    super({
      status: 422,
      code: 'IMPORT_INVALID',
      zh: `导入文件有 ${errors.length} 处错误，未导入任何数据`,
      en: `The file has ${errors.length} error(s); nothing was imported`,
    });
    this.errors = errors;
  }
}

/** One line per problem, for the command line: `第 3 行 手机号码：… / row 3, 手机号码: …`. */
export function describeImportIssue(issue: ImportIssue): string {
  return `第 ${issue.row} 行 ${issue.column}：${issue.message} / row ${issue.row}, ${issue.column}: ${issue.message_en}`;
}

export const KIND_LABELS: Record<OrgKind, string> = {
  city: '市',
  district: '县（市、区）',
  township: '镇（街道）',
  community: '社区（村）',
  grid: '网格',
  department: '部门',
  agency: '派驻机构',
  centre: '中心',
  office: '办公室',
  enterprise: '企业',
};

interface PlannedPerson {
  row: number;
  name: string;
  /** Null: keep the number already registered (an empty cell never erases one). */
  phone: string | null;
  idNumber: string;
  unitId: string;
  existing: ExistingPerson | undefined;
  post: { role: BusinessRole; unitId: string; title: string | null; startsOn: string } | undefined;
}

/** The zh/en messages of a refusal from the shared checks (cleanPerson, checkPhone, checkIdNumber). */
function attempt<T>(run: () => T, report: (zh: string, en: string) => void): T | undefined {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    report(error.messageZh, error.messageEn);
    return undefined;
  }
}

/**
 * Adds and updates people, and starts their posts, from an .xlsx sheet — all or nothing.
 * Every row is checked first and every problem reported (422 IMPORT_INVALID with the
 * list); only a sheet without any is written, in one transaction with one
 * `org.people_imported` event that carries counts, never personal numbers. A person is
 * recognised by their ID number: one already registered is updated, not added again.
 */
export async function importPeople(options: ImportPeopleOptions): Promise<ImportPeopleResult> {
  const { db, caller } = options;
  const sheet = await readPeopleSheet(options.content);
  const errors: ImportIssue[] = [...sheet.issues];
  // A cell that could not be read is reported once, not again as empty or invalid.
  const unreadable = new Set(sheet.issues.map((i) => `${i.row} ${i.column}`));
  const inScope = (path: string) =>
    caller === 'system' || authorize(caller, 'person.manage', { orgPath: path });

  const codes = new Set<string>();
  const idNumbers = new Set<string>();
  for (const r of sheet.rows) {
    if (r.unitCode) codes.add(r.unitCode);
    if (r.postUnitCode) codes.add(r.postUnitCode);
    if (r.idNumber) idNumbers.add(r.idNumber.toUpperCase());
  }
  const units = await unitsByCode(db, [...codes]);
  const existingByIdNumber = await peopleByIdNumber(db, [...idNumbers]);
  const heldPosts = await activePostKeys(
    db,
    [...existingByIdNumber.values()].map((p) => p.id),
  );
  const heads = await activeGridHeads(
    db,
    [...units.values()].filter((u) => u.kind === 'grid').map((u) => u.id),
  );
  const today = isoDate(dayNumberOf(options.clock.now()));

  const firstRowOfId = new Map<string, number>();
  const headRowOfGrid = new Map<string, { row: number; idNumber: string }>();
  const planned: PlannedPerson[] = [];
  for (const r of sheet.rows) {
    const rowErrors: ImportIssue[] = [];
    const report = (column: string) => (zh: string, en: string) => {
      if (!unreadable.has(`${r.row} ${column}`))
        rowErrors.push({ row: r.row, column, message: zh, message_en: en });
    };
    const person = checkPersonCells(r, report);
    const unit = r.unitCode ? lookUpUnit(r.unitCode, report(PEOPLE_COLUMNS.unitCode)) : undefined;
    if (!r.unitCode)
      report(PEOPLE_COLUMNS.unitCode)(
        '所属组织编码必填',
        'The code of the unit the person belongs to is required',
      );

    let existing: ExistingPerson | undefined;
    if (person.idNumber) {
      const first = firstRowOfId.get(person.idNumber);
      if (first !== undefined) {
        report(PEOPLE_COLUMNS.idNumber)(
          `与第 ${first} 行的身份证号码重复：每人只占一行`,
          `Same ID number as row ${first}: one row per person`,
        );
      } else {
        firstRowOfId.set(person.idNumber, r.row);
      }
      existing = existingByIdNumber.get(person.idNumber);
      if (existing && !inScope(existing.path))
        report(PEOPLE_COLUMNS.idNumber)(
          '该人员已登记在您管理范围之外的组织，您不能修改',
          'This person is registered at a unit outside your scope; you may not change them',
        );
    }

    const post = checkPostCells(r, unit, report);
    // G3: one active grid head per grid — in the sheet and against the database.
    if (post?.role === 'grid_head' && post.unit && person.idNumber) {
      const head = heads.get(post.unit.id);
      const other = headRowOfGrid.get(post.unit.id);
      if (head && head.personId !== existing?.id) {
        report(PEOPLE_COLUMNS.role)(
          `${post.unit.name}已有在岗网格长${head.name}，更换网格长请办理交接`,
          `${post.unit.name} already has an active grid head (${head.name}); hand over instead`,
        );
      } else if (other && other.idNumber !== person.idNumber) {
        report(PEOPLE_COLUMNS.role)(
          `第 ${other.row} 行已将${post.unit.name}的网格长定为他人：一个网格只有一名在岗网格长`,
          `Row ${other.row} already makes someone else grid head of ${post.unit.name}: a grid has one active grid head`,
        );
      }
      if (!other) headRowOfGrid.set(post.unit.id, { row: r.row, idNumber: person.idNumber });
    }

    errors.push(...rowErrors);
    if (rowErrors.length > 0 || !unit || !person.name || !person.idNumber) continue;
    const holds = existing && post?.unit && heldPosts.has(`${existing.id} ${post.role} ${post.unit.id}`);
    planned.push({
      row: r.row,
      name: person.name,
      phone: person.phone,
      idNumber: person.idNumber,
      unitId: unit.id,
      existing,
      post:
        post?.unit && !holds
          ? { role: post.role, unitId: post.unit.id, title: post.title, startsOn: post.startsOn ?? today }
          : undefined,
    });
  }

  if (errors.length > 0) {
    const order: string[] = Object.values(PEOPLE_COLUMNS);
    errors.sort((a, b) => a.row - b.row || order.indexOf(a.column) - order.indexOf(b.column));
    throw new ImportInvalidError(errors);
  }
  return write(options, planned, sheet.rows.length);

  function lookUpUnit(code: string, report: (zh: string, en: string) => void): UnitRow | undefined {
    const unit = units.get(code);
    if (!unit) {
      report(`组织编码 ${code} 不存在`, `No org unit has the code ${code}`);
      return undefined;
    }
    if (!inScope(unit.path)) {
      report(`${unit.name}（${code}）不在您的管理范围内`, `${unit.name} (${code}) is outside your scope`);
      return undefined;
    }
    return unit;
  }

  /** The post columns: a role (code or label), where it is held, its title and start date. */
  function checkPostCells(
    r: PeopleSheetRow,
    personUnit: UnitRow | undefined,
    report: (column: string) => (zh: string, en: string) => void,
  ) {
    if (!r.role) {
      if (r.postUnitCode || r.title || r.startsOn)
        report(PEOPLE_COLUMNS.role)(
          '填写了岗位单位编码、岗位名称或上岗日期，却没有岗位角色',
          'A post unit, title or start date is given without a role',
        );
      return undefined;
    }
    const role = parseRole(r.role);
    if (!role) {
      if (isRole(r.role))
        report(PEOPLE_COLUMNS.role)(
          '管理员角色不能导入，请由安全管理员授予',
          'Administrator roles are not imported; the security administrator grants them',
        );
      else
        report(PEOPLE_COLUMNS.role)(
          `岗位角色“${r.role}”无效，请填写角色代码或中文名称（如 grid_head 或 网格长）`,
          `Unknown role "${r.role}": give a role code or its Chinese label (grid_head or 网格长)`,
        );
    }
    // Empty: the post is held at the person's own unit, so that column answers for it.
    const unitColumn = r.postUnitCode ? PEOPLE_COLUMNS.postUnitCode : PEOPLE_COLUMNS.unitCode;
    const unit = r.postUnitCode ? lookUpUnit(r.postUnitCode, report(unitColumn)) : personUnit;
    const kinds = role ? ROLE_UNIT_KINDS[role] : 'any';
    // G3/G7: a grid head at a grid, a dispatcher at a centre, a department head at a department…
    if (role && unit && kinds !== 'any' && !kinds.includes(unit.kind)) {
      const where = kinds.map((k) => KIND_LABELS[k]).join('或');
      report(unitColumn)(
        `${ROLE_LABELS[role]}只能设在${where}，${unit.name}是${KIND_LABELS[unit.kind]}`,
        `A ${role} post is held at a ${kinds.join(' or ')}; ${unit.name} is a ${unit.kind}`,
      );
    }
    if (r.title.length > 50)
      report(PEOPLE_COLUMNS.title)('岗位名称最多 50 个字', 'The post title has at most 50 characters');
    const startsOn = r.startsOn ? parseSheetDate(r.startsOn) : null;
    if (r.startsOn && !startsOn)
      report(PEOPLE_COLUMNS.startsOn)(
        `上岗日期“${r.startsOn}”无效，请填写 YYYY-MM-DD 或日期格式单元格`,
        `Start date "${r.startsOn}" is not a date: use YYYY-MM-DD or a date cell`,
      );
    if (!role) return undefined;
    return {
      role,
      unit: unit && (kinds === 'any' || kinds.includes(unit.kind)) ? unit : undefined,
      title: r.title || null,
      startsOn,
    };
  }
}

/** The person columns through the same checks as the API (cleanPerson and its number checks). */
function checkPersonCells(r: PeopleSheetRow, report: (column: string) => (zh: string, en: string) => void) {
  const name = attempt(() => cleanPerson({ name: r.name, unitId: '' }).name, report(PEOPLE_COLUMNS.name));
  const phone = r.phone ? attempt(() => checkPhone(r.phone), report(PEOPLE_COLUMNS.phone)) : null;
  let idNumber: string | undefined;
  if (!r.idNumber) {
    report(PEOPLE_COLUMNS.idNumber)(
      '身份证号码必填：导入按身份证号码识别已登记的人员',
      'The ID number is required: the import recognises registered people by it',
    );
  } else {
    idNumber = attempt(() => checkIdNumber(r.idNumber), report(PEOPLE_COLUMNS.idNumber));
    if (idNumber === EXAMPLE_ID_NUMBER) {
      report(PEOPLE_COLUMNS.idNumber)(
        '这是模板的示例行，请删除后再导入',
        'This is the template’s example row; delete it before importing',
      );
      idNumber = undefined;
    }
  }
  return { name, phone: phone ?? null, idNumber };
}

/** Writes the checked plan: one transaction, one event. */
async function write(
  options: ImportPeopleOptions,
  planned: PlannedPerson[],
  rows: number,
): Promise<ImportPeopleResult> {
  const now = options.clock.now();
  const result: ImportPeopleResult = { created: 0, updated: 0, unchanged: 0, posts: 0 };
  try {
    return await options.db.transaction(async (tx) => {
      const newPeople: (typeof people.$inferInsert)[] = [];
      const newPosts: (typeof posts.$inferInsert)[] = [];
      for (const p of planned) {
        let personId: string;
        if (p.existing) {
          personId = p.existing.id;
          const changes = {
            name: p.name,
            phone: p.phone ?? p.existing.phone,
            unitId: p.unitId,
          };
          if (
            changes.name !== p.existing.name ||
            changes.phone !== p.existing.phone ||
            changes.unitId !== p.existing.unitId
          ) {
            await tx.update(people).set(changes).where(eq(people.id, personId));
            result.updated++;
          } else {
            result.unchanged++;
          }
        } else {
          personId = randomUUID();
          newPeople.push({
            id: personId,
            name: p.name,
            phone: p.phone,
            idNumber: p.idNumber,
            unitId: p.unitId,
            createdAt: now,
          });
        }
        if (p.post)
          newPosts.push({
            id: randomUUID(),
            personId,
            role: p.post.role,
            unitId: p.post.unitId,
            title: p.post.title,
            startsOn: p.post.startsOn,
            endsOn: null,
            createdAt: now,
          });
      }
      for (const part of chunks(newPeople)) await tx.insert(people).values(part);
      for (const part of chunks(newPosts)) await tx.insert(posts).values(part);
      result.created = newPeople.length;
      result.posts = newPosts.length;
      await appendEvent({
        db: tx,
        at: now,
        actor: eventActor(options.caller),
        subject: { type: 'people_import', id: randomUUID() },
        kind: 'org.people_imported',
        // Counts and the file's digest (which file it was), never names or numbers.
        payload: {
          rows,
          ...result,
          sha256: createHash('sha256').update(options.content).digest('hex'),
        },
      });
      return result;
    });
  } catch (error) {
    // Checked a moment ago; someone added the same person or a grid head since.
    if (isUniqueViolation(error, 'people_id_number_uq') || isUniqueViolation(error, 'posts_one_grid_head_uq'))
      throw conflict(
        'IMPORT_CONFLICT',
        '导入期间人员或网格长已被他人修改，请重新导入',
        'People or grid heads changed while importing; import again',
      );
    throw error;
  }
}
