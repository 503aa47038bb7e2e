import { badRequest, conflict } from '../../core/errors.ts';
import { type AlertBase, caseForAlert, insertAlerts, presentAlert } from './alerts.ts';
import { chinaDay, unitHeadsOn } from './unit-heads.ts';

/**
 * A4: bottom-up tracing (逐级倒查) of a case exposed by the media, confirmed from a
 * complaint or found by an inspection — a 'trace' alert whose details hold the chain
 * grid → community → township → lead department (属地管理、分级负责; 谁主管、谁负责) with
 * who held each unit's head post on the day the case was created. One trace per case.
 */
export async function traceCase(options: AlertBase & { caseId: string; reason: string }) {
  const reason = options.reason.trim();
  if (reason === '') throw badRequest('REASON_REQUIRED', '请填写理由', 'A reason is required', 'reason');
  const { row, unit } = await caseForAlert(options.db, options.caller, options.caseId);
  const day = chinaDay(row.createdAt);
  const levels = [
    ['grid', row.gridId],
    ['community', row.communityId],
    ['township', row.townshipId],
    ['lead', row.leadUnitId],
  ] as const;
  const present = levels.filter((l): l is readonly [(typeof l)[0], string] => l[1] !== null);
  const heads = await unitHeadsOn(
    options.db,
    present.map((l) => l[1]),
    day,
  );
  const chain = present.map(([level, unitId]) => {
    const head = heads.find((h) => h.unitId === unitId);
    return {
      level,
      unitId,
      unitName: head?.unitName ?? null,
      unitKind: head?.unitKind ?? null,
      post: head?.post ?? null,
      personId: head?.personId ?? null,
      personName: head?.name ?? null,
    };
  });
  const [created] = await insertAlerts(options, [
    {
      kind: 'trace',
      unitId: unit.id,
      reason,
      ruleId: 'A4',
      sourceType: 'case',
      sourceId: row.id,
      details: { caseNumber: row.number, asOf: day, chain },
    },
  ]);
  if (!created) throw conflict('ALREADY_TRACED', '该案件已倒查', 'This case is already traced');
  return presentAlert(created);
}
