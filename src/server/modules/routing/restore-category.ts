import { eq } from 'drizzle-orm';
import type { Clock } from '../../core/clock.ts';
import { conflict } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import { type Caller, eventActor, requireAccess } from '../auth/index.ts';
import { appendEvent } from '../events/index.ts';
import type { CategoryRow } from './categories.repository.ts';
import { findCategoryForUpdate, lockCategory } from './category-checks.ts';
import { categories } from './routing.tables.ts';

/**
 * C2: brings a retired category back into use, with a `routing.category_restored` event.
 * A 小类 comes back only under an active 大类 (restore the 大类 first: 409 PARENT_RETIRED).
 */
export async function restoreCategory(options: {
  db: Db;
  clock: Clock;
  caller: Caller;
  code: string;
}): Promise<CategoryRow> {
  requireAccess(options.caller, 'category.manage');
  return options.db.transaction(async (tx) => {
    const row = await lockCategory(tx, options.code);
    if (!row.retiredAt) throw conflict('NOT_RETIRED', '该类别未停用', 'The category is not retired', 'code');
    if (row.parentCode) {
      // Locked, so the 大类 is not retired while its 小类 comes back.
      const parent = await findCategoryForUpdate(tx, row.parentCode);
      if (parent?.retiredAt)
        throw conflict(
          'PARENT_RETIRED',
          `大类“${parent.nameZh}”已停用，请先恢复大类`,
          `The 大类 "${parent.nameEn}" is retired; restore it first`,
          'code',
        );
    }
    const [restored] = await tx
      .update(categories)
      .set({ retiredAt: null })
      .where(eq(categories.code, row.code))
      .returning();
    if (!restored) throw new Error('category update returned nothing');
    await appendEvent({
      db: tx,
      at: options.clock.now(),
      actor: eventActor(options.caller),
      subject: { type: 'category', id: row.code },
      kind: 'routing.category_restored',
      payload: { code: row.code, nameZh: row.nameZh, retiredAt: row.retiredAt.toISOString() },
    });
    return restored;
  });
}
