import { and, eq, gt, isNull, or } from 'drizzle-orm';
import type { Clock } from '../../core/clock.ts';
import { conflict } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import { type Caller, eventActor, requireAccess } from '../auth/index.ts';
import { appendEvent } from '../events/index.ts';
import type { CategoryRow } from './categories.repository.ts';
import { isLeaf, lockCategory } from './category-checks.ts';
import { categories, responsibilityRules } from './routing.tables.ts';

/**
 * C2: retires a category — the way out for one in use, which is never deleted. A retired
 * category takes no new calls and no new rules; cases and rules that name it keep it.
 * A 大类 is retired after its 小类 (409 CATEGORY_HAS_ACTIVE_CHILDREN lists them), so no
 * active 小类 hangs under a retired 大类. One `routing.category_retired` event, which
 * counts the rules still valid for it (they no longer apply to new calls).
 */
export async function retireCategory(options: {
  db: Db;
  clock: Clock;
  caller: Caller;
  code: string;
}): Promise<CategoryRow> {
  requireAccess(options.caller, 'category.manage');
  return options.db.transaction(async (tx) => {
    const row = await lockCategory(tx, options.code);
    if (row.retiredAt)
      throw conflict('ALREADY_RETIRED', '该类别已停用', 'The category is already retired', 'code');
    const now = options.clock.now();
    if (!isLeaf(row)) {
      const active = await tx
        .select({ code: categories.code })
        .from(categories)
        .where(and(eq(categories.parentCode, row.code), isNull(categories.retiredAt)));
      if (active.length > 0) {
        const codes = active.map((c) => c.code);
        throw conflict(
          'CATEGORY_HAS_ACTIVE_CHILDREN',
          `请先停用该大类下的小类：${codes.join('、')}`,
          `Retire the 小类 of this 大类 first: ${codes.join(', ')}`,
          'code',
        );
      }
    }
    const rules = await tx
      .select({ id: responsibilityRules.id })
      .from(responsibilityRules)
      .where(
        and(
          eq(responsibilityRules.categoryCode, row.code),
          or(isNull(responsibilityRules.validTo), gt(responsibilityRules.validTo, now)),
        ),
      );
    const [retired] = await tx
      .update(categories)
      .set({ retiredAt: now })
      .where(eq(categories.code, row.code))
      .returning();
    if (!retired) throw new Error('category update returned nothing');
    await appendEvent({
      db: tx,
      at: now,
      actor: eventActor(options.caller),
      subject: { type: 'category', id: row.code },
      kind: 'routing.category_retired',
      payload: { code: row.code, nameZh: row.nameZh, validRules: rules.length },
    });
    return retired;
  });
}
