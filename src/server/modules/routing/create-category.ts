import { eq, max } from 'drizzle-orm';
import type { Clock } from '../../core/clock.ts';
import { badRequest, conflict } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import { type Caller, eventActor, requireAccess } from '../auth/index.ts';
import { appendEvent } from '../events/index.ts';
import type { CategoryRow } from './categories.repository.ts';
import {
  CATEGORY_CODE,
  categoryPayload,
  cleanText,
  findCategoryForUpdate,
  KEYWORDS,
  NAME_EN,
  NAME_ZH,
  parentOfCode,
  pgError,
} from './category-checks.ts';
import { categories, type SlaClass } from './routing.tables.ts';

export interface CategoryInput {
  /** `pets` for a 大类, `pets.stray_dogs` for a 小类 under it. */
  code: string;
  /** The 大类 of a 小类; when given it must be the code's part before the dot (null for a 大类). */
  parentCode?: string | null | undefined;
  nameZh: string;
  nameEn: string;
  /** Required on a 小类 (C9/C10 deadlines of its cases), refused on a 大类. */
  slaClass?: SlaClass | null | undefined;
  /** Words that help the category picker's search, separated by spaces. */
  keywords?: string | undefined;
  /** Position in the catalogue; by default after every category there is. */
  sort?: number | undefined;
}

/**
 * C2: adds a 大类, or a 小类 under an active 大类, to the category catalogue — with a
 * `routing.category_created` event in the same transaction. A code is never reused:
 * one that exists, even retired, is a 409.
 */
export async function createCategory(options: {
  db: Db;
  clock: Clock;
  caller: Caller;
  input: CategoryInput;
}): Promise<CategoryRow> {
  const { input } = options;
  requireAccess(options.caller, 'category.manage');
  const code = input.code.trim();
  if (!CATEGORY_CODE.test(code) || code.length > 100)
    throw badRequest(
      'BAD_CATEGORY_CODE',
      '编码须为小写字母开头的字母、数字或下划线；小类为“大类编码.小类编码”（如 utility.water）',
      'A code is lowercase letters, digits and underscores starting with a letter; a 小类 is "<大类>.<小类>" (utility.water)',
      'code',
    );
  const parentCode = parentOfCode(code);
  if (input.parentCode !== undefined && input.parentCode !== parentCode)
    throw badRequest(
      'BAD_CATEGORY_CODE',
      input.parentCode
        ? `小类编码须以所属大类编码“${input.parentCode}.”开头`
        : '大类编码不含“.”；带“.”的编码是小类',
      input.parentCode
        ? `A 小类's code starts with its 大类's code and a dot ("${input.parentCode}.")`
        : 'A 大类 has no dot in its code; a code with a dot is a 小类',
      'code',
    );
  const slaClass = input.slaClass ?? null;
  if (parentCode && !slaClass)
    throw badRequest(
      'SLA_REQUIRED',
      '小类须指定时限类别（决定到场和办结时限）',
      'A 小类 needs an SLA class (it sets the arrival and completion deadlines)',
      'slaClass',
    );
  if (!parentCode && slaClass)
    throw badRequest(
      'SLA_ON_BRANCH',
      '大类不设时限类别，时限由其小类决定',
      'A 大类 has no SLA class; its 小类 carry one',
      'slaClass',
    );
  const nameZh = cleanText(input.nameZh, 'nameZh', NAME_ZH, 50);
  const nameEn = cleanText(input.nameEn, 'nameEn', NAME_EN, 100);
  const keywords = cleanText(input.keywords ?? '', 'keywords', KEYWORDS, 500, false);

  return options.db.transaction(async (tx) => {
    if (parentCode) {
      // Locked, so the 大类 cannot be retired or deleted while its new 小类 is added.
      const parent = await findCategoryForUpdate(tx, parentCode);
      if (!parent || parent.parentCode !== null)
        throw badRequest(
          'UNKNOWN_PARENT',
          `大类“${parentCode}”不存在`,
          `There is no 大类 "${parentCode}"`,
          'parentCode',
        );
      if (parent.retiredAt)
        throw conflict(
          'PARENT_RETIRED',
          `大类“${parent.nameZh}”已停用，请先恢复`,
          `The 大类 "${parent.nameEn}" is retired; restore it first`,
          'parentCode',
        );
    }
    const [existing] = await tx.select().from(categories).where(eq(categories.code, code));
    if (existing)
      throw conflict(
        'CATEGORY_EXISTS',
        existing.retiredAt ? `编码“${code}”已被停用的类别占用，可恢复该类别` : `编码“${code}”已存在`,
        existing.retiredAt
          ? `The code "${code}" belongs to a retired category; restore it instead`
          : `The code "${code}" exists`,
        'code',
      );
    const [last] = await tx.select({ sort: max(categories.sort) }).from(categories);
    const now = options.clock.now();
    // Two administrators adding the same code at once: the primary key lets one win.
    const [row] = await tx
      .insert(categories)
      .values({
        code,
        parentCode,
        nameZh,
        nameEn,
        slaClass,
        keywords,
        sort: input.sort ?? (last?.sort ?? 0) + 1,
      })
      .returning()
      .catch((error: unknown) => {
        if (pgError(error, '23505'))
          throw conflict('CATEGORY_EXISTS', `编码“${code}”已存在`, `The code "${code}" exists`, 'code');
        throw error;
      });
    if (!row) throw new Error('category insert returned nothing');
    await appendEvent({
      db: tx,
      at: now,
      actor: eventActor(options.caller),
      subject: { type: 'category', id: code },
      kind: 'routing.category_created',
      payload: categoryPayload(row),
    });
    return row;
  });
}
