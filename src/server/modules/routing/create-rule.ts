import { eq } from 'drizzle-orm';
import type { Clock } from '../../core/clock.ts';
import { badRequest, conflict } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import { type Caller, eventActor, requireAccess } from '../auth/index.ts';
import { appendEvent } from '../events/index.ts';
import { categories, type Principle, responsibilityRules } from './routing.tables.ts';
import { rulesAt, unitsOf } from './rules.repository.ts';
import type { RuleRow } from './suggest.ts';

export interface RuleInput {
  /** Null for a fallback rule (属地兜底). */
  categoryCode: string | null;
  areaUnitId: string;
  leadUnitId: string;
  cooperatingUnitIds?: string[] | undefined;
  principle: Principle;
  basis: string;
  fallback?: boolean | undefined;
  validFrom?: Date | undefined;
  validTo?: Date | undefined;
  /** The rule this one replaces: its validity ends where this one starts. */
  replacesId?: string | undefined;
  consultationItemId?: string | undefined;
}

/** Areas a rule may cover: divisions of the four-level platform and their grids. */
const AREA_KINDS = ['city', 'district', 'township', 'community', 'grid'];
const LEAD_KINDS = ['department', 'enterprise', 'agency', 'township', 'office', 'community'];

/**
 * R1: a responsibility rule. The category must exist (a leaf or a 大类), the area be a
 * division, the units able to handle cases, the basis given. Two rules for the same
 * category and area may not be valid at the same time unless the new one replaces the
 * old (whose validity then ends): overlap is refused and nothing changes.
 */
export async function createRule(options: {
  db: Db;
  clock: Clock;
  caller: Caller;
  input: RuleInput;
}): Promise<RuleRow> {
  const { input } = options;
  const fallback = input.fallback ?? false;
  const basis = input.basis.trim();
  if (!basis)
    throw badRequest(
      'BASIS_REQUIRED',
      '请写明依据（法规文件条款或会商决定）',
      'Give the basis (law, document, article or decision)',
      'basis',
    );
  if (!fallback && !input.categoryCode)
    throw badRequest('CATEGORY_REQUIRED', '请选择事项类别', 'Choose the category', 'categoryCode');
  if (fallback && input.categoryCode)
    throw badRequest(
      'FALLBACK_WITH_CATEGORY',
      '属地兜底规则不针对具体类别',
      'A fallback rule has no category',
      'categoryCode',
    );
  return options.db.transaction(async (tx) => {
    const now = options.clock.now();
    if (input.categoryCode) {
      const [cat] = await tx.select().from(categories).where(eq(categories.code, input.categoryCode));
      if (!cat || cat.retiredAt)
        throw badRequest(
          'UNKNOWN_CATEGORY',
          '事项类别不存在或已停用',
          'Unknown or retired category',
          'categoryCode',
        );
    }
    const cooperating = [...new Set(input.cooperatingUnitIds ?? [])];
    const units = await unitsOf(tx, [input.areaUnitId, input.leadUnitId, ...cooperating]);
    const area = units.get(input.areaUnitId);
    if (!area || !AREA_KINDS.includes(area.kind))
      throw badRequest(
        'BAD_AREA',
        '适用范围须为行政区划或网格',
        'The area must be a division or a grid',
        'areaUnitId',
      );
    requireAccess(options.caller, 'routing.manage', area.path);
    const lead = units.get(input.leadUnitId);
    if (!lead || !LEAD_KINDS.includes(lead.kind))
      throw badRequest(
        'BAD_LEAD_UNIT',
        '牵头单位不存在或不能承办',
        'The lead unit does not exist or cannot handle cases',
        'leadUnitId',
      );
    cooperating.forEach((id, i) => {
      const unit = units.get(id);
      if (!unit || id === lead.id || !LEAD_KINDS.includes(unit.kind))
        throw badRequest(
          'BAD_COOPERATING_UNIT',
          '配合单位不存在、不能承办或与牵头单位相同',
          'A cooperating unit does not exist, cannot handle cases, or is the lead',
          `cooperatingUnitIds.${i}`,
        );
    });
    const validFrom = input.validFrom ?? now;
    const validTo = input.validTo ?? null;
    if (validTo && validTo.getTime() <= validFrom.getTime())
      throw badRequest(
        'BAD_VALIDITY',
        '失效时间须晚于生效时间',
        'validTo must be after validFrom',
        'validTo',
      );

    const existing = await rulesAt(tx, input.categoryCode, area.id);
    const replaced = input.replacesId ? existing.find((r) => r.id === input.replacesId) : undefined;
    if (
      input.replacesId &&
      (!replaced || (replaced.validTo && replaced.validTo <= validFrom) || replaced.validFrom >= validFrom)
    ) {
      throw badRequest(
        'BAD_REPLACES',
        '被替代的规则须为同类别、同范围且在新规则生效时仍有效',
        'The replaced rule must have the same category and area and still be valid when this one starts',
        'replacesId',
      );
    }
    const end = (r: RuleRow) => (r.id === replaced?.id ? validFrom : r.validTo);
    const overlapping = existing.filter((r) => {
      const rEnd = end(r);
      return (rEnd === null || rEnd > validFrom) && (validTo === null || r.validFrom < validTo);
    });
    if (overlapping.length > 0) {
      throw conflict(
        'RULE_OVERLAP',
        '同一类别和范围已有有效规则，请改为替代该规则',
        'A rule for this category and area is valid in that period; replace it instead',
      );
    }
    if (replaced) {
      await tx
        .update(responsibilityRules)
        .set({ validTo: validFrom })
        .where(eq(responsibilityRules.id, replaced.id));
    }
    const [row] = await tx
      .insert(responsibilityRules)
      .values({
        categoryCode: input.categoryCode,
        areaUnitId: area.id,
        leadUnitId: lead.id,
        cooperatingUnitIds: cooperating,
        principle: input.principle,
        basis,
        consultationItemId: input.consultationItemId ?? null,
        fallback,
        validFrom,
        validTo,
        replacesId: replaced?.id ?? null,
        createdBy: options.caller === 'system' ? null : options.caller.id,
        createdAt: now,
      })
      .returning();
    if (!row) throw new Error('rule insert returned nothing');
    await appendEvent({
      db: tx,
      at: now,
      actor: eventActor(options.caller),
      subject: { type: 'responsibility_rule', id: row.id },
      kind: 'routing.rule_created',
      payload: {
        categoryCode: row.categoryCode,
        areaUnitId: row.areaUnitId,
        leadUnitId: row.leadUnitId,
        principle: row.principle,
        basis,
        fallback,
        replacesId: row.replacesId,
      },
    });
    return row;
  });
}
