import type { Clock } from '../core/clock.ts';
import { AppError } from '../core/errors.ts';
import type { Db } from '../db/client.ts';
import { CATEGORY_CATALOGUE, createRule } from '../modules/routing/index.ts';
import type { Cast } from './demo-history-cast.ts';
import { DISTRICT_RULES, RULE_BASIS, TOWNSHIP_RULES } from './demo-history-data.ts';

/**
 * R1, C7: the demo city's responsibility catalogue, through the routing module — the
 * district's rules (category → reporting department or enterprise) and, on every
 * township, the matters its stationed agencies settle. A rule already valid for the same
 * category and area (an operator imported a catalogue) is kept. Returns the rules created.
 */
export async function seedDemoRouting(options: { db: Db; clock: Clock; cast: Cast }): Promise<number> {
  const { cast } = options;
  const name = (code: string) => CATEGORY_CATALOGUE.find((c) => c.code === code)?.nameZh ?? code;
  const id = (code: string) => {
    const unit = cast.byCode.get(code);
    if (!unit) throw new Error(`demo history: no unit ${code}`);
    return unit.id;
  };
  const wanted = [
    ...DISTRICT_RULES.map(([category, lead, cooperating]) => ({
      category,
      areaUnitId: cast.district.id,
      leadUnitId: id(lead),
      cooperatingUnitIds: cooperating.map(id),
    })),
    ...cast.townships.flatMap((t) =>
      TOWNSHIP_RULES.map(([category, lead, cooperating]) => ({
        category,
        areaUnitId: t.unit.id,
        leadUnitId: id(`A${t.unit.code}-${lead}`),
        cooperatingUnitIds: cooperating.map((c) => id(`A${t.unit.code}-${c}`)),
      })),
    ),
  ];
  let created = 0;
  for (const rule of wanted) {
    try {
      await createRule({
        db: options.db,
        clock: options.clock,
        caller: 'system',
        input: {
          categoryCode: rule.category,
          areaUnitId: rule.areaUnitId,
          leadUnitId: rule.leadUnitId,
          cooperatingUnitIds: rule.cooperatingUnitIds,
          principle: 'statutory',
          basis: `${RULE_BASIS}“${name(rule.category)}”`,
        },
      });
      created += 1;
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'RULE_OVERLAP')) throw error;
    }
  }
  return created;
}
