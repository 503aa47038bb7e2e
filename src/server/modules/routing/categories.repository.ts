import { eq } from 'drizzle-orm';
import { badRequest } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import { categories } from './routing.tables.ts';

export type CategoryRow = typeof categories.$inferSelect;

/** Every category, retired ones included, in catalogue order. */
export async function listCategories(db: Db): Promise<CategoryRow[]> {
  return db.select().from(categories).orderBy(categories.sort, categories.code);
}

/**
 * The leaf a case may take: it exists, is a leaf (has an SLA class) and is not retired.
 * Anything else is a 400 naming the field.
 */
export async function requireCaseCategory(db: Db, code: string, field = 'category'): Promise<CategoryRow> {
  const [row] = await db.select().from(categories).where(eq(categories.code, code));
  if (!row?.slaClass || row.retiredAt) {
    throw badRequest(
      'UNKNOWN_CATEGORY',
      `事项类别“${code}”不存在或已停用`,
      `Unknown or retired category “${code}”`,
      field,
    );
  }
  return row;
}
