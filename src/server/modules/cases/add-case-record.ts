import type { Clock } from '../../core/clock.ts';
import { badRequest, conflict, forbidden } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import { type Actor, eventActor } from '../auth/index.ts';
import { appendEvent, notify } from '../events/index.ts';
import { CASE_STATES, type CaseState } from './case-flow.ts';
import { lockVisibleCase } from './case-guard.ts';
import { rolesOnCase } from './case-scope.ts';
import { caseRecords } from './case-work.tables.ts';
import { unitsById } from './cases.repository.ts';

export type CaseRecordRow = typeof caseRecords.$inferSelect;

export interface CaseRecordInput {
  kind: 'joint_consultation' | 'mediation_referral';
  unitIds: string[];
  decision?: string | undefined;
  minutes?: string | undefined;
  decidedByLeader?: boolean | undefined;
}

/** Units that take part in a joint consultation; mediation goes to an office or a justice agency. */
const CONSULT_KINDS = ['department', 'enterprise', 'agency', 'township', 'office', 'centre'];
const MEDIATION_KINDS = ['office', 'agency', 'centre'];

/**
 * C14: the centre records a joint consultation of several units on a case (units,
 * decision, minutes; a major matter may be decided by unit heads or a city leader), or
 * refers a dispute to the multi-party mediation office. The units hear of it.
 */
export async function addCaseRecord(options: {
  db: Db;
  clock: Clock;
  actor: Actor;
  caseId: string;
  input: CaseRecordInput;
}): Promise<CaseRecordRow> {
  const { input, actor } = options;
  const unitIds = [...new Set(input.unitIds)];
  const decision = input.decision?.trim() ?? '';
  const minutes = input.minutes?.trim() ?? '';
  const consultation = input.kind === 'joint_consultation';
  if (consultation && unitIds.length < 2)
    throw badRequest(
      'UNITS_REQUIRED',
      '联合会商至少需要两个单位',
      'A joint consultation needs at least two units',
      'unitIds',
    );
  if (!consultation && unitIds.length !== 1)
    throw badRequest('UNITS_REQUIRED', '请选择一个调解组织', 'Choose one mediation body', 'unitIds');
  if (consultation && !decision)
    throw badRequest(
      'DECISION_REQUIRED',
      '请填写会商决定',
      'Give the decision of the consultation',
      'decision',
    );
  if (consultation && !minutes)
    throw badRequest('MINUTES_REQUIRED', '请填写会商纪要', 'Give the minutes of the consultation', 'minutes');
  return options.db.transaction(async (tx) => {
    const { row, units } = await lockVisibleCase(tx, actor, options.caseId);
    if (!rolesOnCase(actor, units).includes('centre_dispatcher'))
      throw forbidden('CASE_ROLE', '只有综治中心可以组织会商或转调解', 'Only the centre convenes or refers');
    if (CASE_STATES[row.state as CaseState] === 'closed')
      throw conflict('CASE_CLOSED', '案件已办结', 'The case is closed');
    const found = await unitsById(tx, unitIds);
    const kinds = consultation ? CONSULT_KINDS : MEDIATION_KINDS;
    unitIds.forEach((id, i) => {
      const unit = found.get(id);
      if (!unit || !kinds.includes(unit.kind))
        throw badRequest(
          'BAD_UNIT',
          '单位不存在或不能参加',
          'A unit does not exist or cannot take part',
          `unitIds.${i}`,
        );
    });
    const now = options.clock.now();
    const [record] = await tx
      .insert(caseRecords)
      .values({
        caseId: row.id,
        kind: input.kind,
        unitIds,
        decision: decision || null,
        minutes: minutes || null,
        decidedByLeader: input.decidedByLeader ?? false,
        createdBy: actor.id,
        createdAt: now,
      })
      .returning();
    if (!record) throw new Error('case record insert returned nothing');
    const kind = `case.${input.kind}`;
    await appendEvent({
      db: tx,
      at: now,
      actor: eventActor(actor),
      subject: { type: 'case', id: row.id },
      kind,
      payload: {
        recordId: record.id,
        unitIds,
        ...(decision ? { decision } : {}),
        decidedByLeader: record.decidedByLeader,
      },
    });
    for (const unitId of unitIds) {
      await notify({
        db: tx,
        at: now,
        to: { unitId },
        kind,
        subject: { type: 'case', id: row.id },
        title: consultation
          ? {
              zh: `请落实案件 ${row.number} 的会商决定`,
              en: `Carry out the consultation decision on case ${row.number}`,
            }
          : { zh: `案件 ${row.number} 转交调解`, en: `Case ${row.number} referred for mediation` },
        data: { number: row.number, recordId: record.id },
      });
    }
    return record;
  });
}
