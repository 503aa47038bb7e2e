import { eq } from 'drizzle-orm';
import type { Clock } from '../../core/clock.ts';
import { badRequest } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import { type Caller, eventActor, requireAccess } from '../auth/index.ts';
import { appendEvent } from '../events/index.ts';
import type { CategoryRow } from './categories.repository.ts';
import { cleanText, isLeaf, KEYWORDS, lockCategory, NAME_EN, NAME_ZH } from './category-checks.ts';
import { categories, type SlaClass } from './routing.tables.ts';

export interface CategoryChanges {
  nameZh?: string | undefined;
  nameEn?: string | undefined;
  keywords?: string | undefined;
  sort?: number | undefined;
  /** A 小类's SLA class; a 大类 has none. */
  slaClass?: SlaClass | undefined;
}

type Changed = Partial<Record<keyof CategoryChanges, { from: unknown; to: unknown }>>;

/**
 * C2: changes the names, keywords, position or (on a 小类) SLA class of a category, with
 * a `routing.category_changed` event listing each change from → to. Fields the request
 * leaves out, or sets to what they already are, are not changes: nothing at all changed
 * means no write and no event.
 *
 * C9/C10: a case takes its SLA class when it is dispatched (cases/case-steps.ts), so a
 * new SLA class governs only dispatches after the change; the event says so.
 */
export async function updateCategory(options: {
  db: Db;
  clock: Clock;
  caller: Caller;
  code: string;
  changes: CategoryChanges;
}): Promise<CategoryRow> {
  const { changes } = options;
  requireAccess(options.caller, 'category.manage');
  const next: Partial<Pick<CategoryRow, keyof CategoryChanges>> = {};
  if (changes.nameZh !== undefined) next.nameZh = cleanText(changes.nameZh, 'nameZh', NAME_ZH, 50);
  if (changes.nameEn !== undefined) next.nameEn = cleanText(changes.nameEn, 'nameEn', NAME_EN, 100);
  if (changes.keywords !== undefined)
    next.keywords = cleanText(changes.keywords, 'keywords', KEYWORDS, 500, false);
  if (changes.sort !== undefined) next.sort = changes.sort;
  if (changes.slaClass !== undefined) next.slaClass = changes.slaClass;

  return options.db.transaction(async (tx) => {
    const row = await lockCategory(tx, options.code);
    if (next.slaClass !== undefined && !isLeaf(row))
      throw badRequest(
        'SLA_ON_BRANCH',
        '大类不设时限类别，时限由其小类决定',
        'A 大类 has no SLA class; its 小类 carry one',
        'slaClass',
      );
    const changed: Changed = {};
    for (const key of Object.keys(next) as (keyof CategoryChanges)[]) {
      if (next[key] !== row[key]) changed[key] = { from: row[key], to: next[key] };
    }
    if (Object.keys(changed).length === 0) return row;
    const [updated] = await tx.update(categories).set(next).where(eq(categories.code, row.code)).returning();
    if (!updated) throw new Error('category update returned nothing');
    await appendEvent({
      db: tx,
      at: options.clock.now(),
      actor: eventActor(options.caller),
      subject: { type: 'category', id: row.code },
      kind: 'routing.category_changed',
      payload: {
        code: row.code,
        changes: changed,
        ...(changed.slaClass
          ? {
              slaClassAppliesTo: 'later_dispatches',
              note: '时限类别的变更只适用于此后派遣的案件；已派遣的案件保持原时限类别',
              note_en:
                'The SLA class applies to cases dispatched after this change; cases already dispatched keep theirs',
            }
          : {}),
      },
    });
    return updated;
  });
}
