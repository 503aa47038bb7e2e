import { eq } from 'drizzle-orm';
import { badRequest, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import type { CategoryRow } from './categories.repository.ts';
import { categories } from './routing.tables.ts';

/** A 大类 is one lowercase word (`utility`); a 小类 is its 大类's code, a dot and one more (`utility.water`). */
export const CATEGORY_CODE = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)?$/;

/** The 大类 a code belongs under: the part before the dot, or null for a 大类 itself. */
export function parentOfCode(code: string): string | null {
  const dot = code.indexOf('.');
  return dot < 0 ? null : code.slice(0, dot);
}

/** The category row, locked until the transaction ends; undefined when there is none. */
export async function findCategoryForUpdate(db: Db, code: string): Promise<CategoryRow | undefined> {
  const [row] = await db.select().from(categories).where(eq(categories.code, code)).for('update');
  return row;
}

/** The category row, locked until the transaction ends; 404 when there is none. */
export async function lockCategory(db: Db, code: string): Promise<CategoryRow> {
  const row = await findCategoryForUpdate(db, code);
  if (!row) throw notFound('Category', '事项类别', 'code');
  return row;
}

/** A name or keyword text, trimmed; a required one must not be blank, none may exceed `max`. */
export function cleanText(
  value: string,
  field: string,
  label: { zh: string; en: string },
  max: number,
  required = true,
): string {
  const text = value.trim();
  if (required && !text)
    throw badRequest('NAME_REQUIRED', `请填写${label.zh}`, `Give the ${label.en}`, field);
  if (text.length > max)
    throw badRequest(
      'TOO_LONG',
      `${label.zh}最多 ${max} 个字`,
      `The ${label.en} has at most ${max} characters`,
      field,
    );
  return text;
}

export const NAME_ZH = { zh: '中文名称', en: 'Chinese name' };
export const NAME_EN = { zh: '英文名称', en: 'English name' };
export const KEYWORDS = { zh: '关键词', en: 'keywords' };

/** Whether the row is a 小类 (a leaf a call can take) rather than a 大类. */
export const isLeaf = (row: Pick<CategoryRow, 'parentCode'>) => row.parentCode !== null;

/** The category as an event payload: everything needed to see what it was. */
export function categoryPayload(row: CategoryRow) {
  return {
    code: row.code,
    parentCode: row.parentCode,
    nameZh: row.nameZh,
    nameEn: row.nameEn,
    slaClass: row.slaClass,
    keywords: row.keywords,
    sort: row.sort,
  };
}

/** The PostgreSQL error of SQLSTATE `code` behind `error` (drizzle wraps driver errors as `cause`). */
export function pgError(error: unknown, code: string): { table?: string; constraint?: string } | undefined {
  const e = error as { code?: string; table?: string; constraint?: string; cause?: unknown } | undefined;
  if (!e || typeof e !== 'object') return undefined;
  if (e.code === code) return e;
  return pgError(e.cause, code);
}
