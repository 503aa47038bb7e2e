import { count, eq } from 'drizzle-orm';
import type { Clock } from '../../core/clock.ts';
import { conflict } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import { type Caller, eventActor, requireAccess } from '../auth/index.ts';
import { appendEvent } from '../events/index.ts';
import { categoryPayload, lockCategory, pgError } from './category-checks.ts';
import { categories, responsibilityRules } from './routing.tables.ts';

/** What a table that refers to categories holds, for the refusal's message. */
const USERS: Record<string, { zh: string; en: string }> = {
  cases: { zh: '案件', en: 'cases' },
  consultation_items: { zh: '会商事项', en: 'consultation items' },
};

const inUse = (zh: string, en: string) =>
  conflict(
    'CATEGORY_IN_USE',
    `该类别已被${zh}使用，不能删除，只能停用`,
    `The category is used by ${en}; it cannot be deleted, only retired`,
    'code',
  );

/**
 * C2: deletes a category nobody refers to — a mistake caught before use. A category
 * that a 小类, a responsibility rule (valid or ended), a case or any other record names
 * is in use: 409 CATEGORY_IN_USE, and it can only be retired. 小类 and rules are checked
 * here by name; every other reference (cases, consultation items, tables to come) is
 * caught by its foreign key, so none is missed. One `routing.category_deleted` event
 * carries the whole row.
 */
export async function deleteCategory(options: {
  db: Db;
  clock: Clock;
  caller: Caller;
  code: string;
}): Promise<void> {
  requireAccess(options.caller, 'category.manage');
  try {
    await options.db.transaction(async (tx) => {
      const row = await lockCategory(tx, options.code);
      const [children] = await tx
        .select({ n: count() })
        .from(categories)
        .where(eq(categories.parentCode, row.code));
      if (children && children.n > 0) throw inUse(`其 ${children.n} 个小类`, `its ${children.n} 小类`);
      const [rules] = await tx
        .select({ n: count() })
        .from(responsibilityRules)
        .where(eq(responsibilityRules.categoryCode, row.code));
      if (rules && rules.n > 0) throw inUse(`${rules.n} 条权责规则`, `${rules.n} responsibility rule(s)`);
      await tx.delete(categories).where(eq(categories.code, row.code));
      await appendEvent({
        db: tx,
        at: options.clock.now(),
        actor: eventActor(options.caller),
        subject: { type: 'category', id: row.code },
        kind: 'routing.category_deleted',
        payload: { ...categoryPayload(row), retiredAt: row.retiredAt?.toISOString() ?? null },
      });
    });
  } catch (error) {
    // The transaction (or savepoint) has rolled back: nothing was deleted.
    const violation = pgError(error, '23503');
    if (!violation) throw error;
    const user = USERS[violation.table ?? ''] ?? { zh: '其他记录', en: 'other records' };
    throw inUse(user.zh, user.en);
  }
}
