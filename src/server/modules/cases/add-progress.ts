import type { Clock } from '../../core/clock.ts';
import { badRequest, conflict, forbidden } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import { type Actor, eventActor } from '../auth/index.ts';
import { appendEvent } from '../events/index.ts';
import { attachFiles } from '../files/index.ts';
import { HANDLING_STATES, lockVisibleCase } from './case-guard.ts';
import { rolesOnCase } from './case-scope.ts';

const LEAD_ROLES = ['dept_handler', 'dept_head', 'agency_head'];

/** C10: the lead unit's progress note (with photos) while it handles the case; the state stays. */
export async function addProgress(options: {
  db: Db;
  clock: Clock;
  actor: Actor;
  caseId: string;
  note: string;
  photoIds?: string[] | undefined;
}): Promise<void> {
  const note = options.note.trim();
  if (!note) throw badRequest('NOTE_REQUIRED', '请填写进展情况', 'Write the progress note', 'note');
  await options.db.transaction(async (tx) => {
    const { row, units } = await lockVisibleCase(tx, options.actor, options.caseId);
    if (!rolesOnCase(options.actor, units).some((r) => LEAD_ROLES.includes(r)))
      throw forbidden('CASE_ROLE', '只有牵头单位可以报告进展', 'Only the lead unit reports progress');
    if (!HANDLING_STATES.includes(row.state) || row.state === 'dispatched')
      throw conflict('CASE_STATE', '签收后才能报告进展', 'Progress is reported after signing');
    const now = options.clock.now();
    if (options.photoIds?.length) {
      await attachFiles({
        db: tx,
        fileIds: options.photoIds,
        uploadedBy: options.actor.id,
        subject: { type: 'case', id: row.id },
        purpose: 'progress',
        at: now,
      });
    }
    await appendEvent({
      db: tx,
      at: now,
      actor: eventActor(options.actor),
      subject: { type: 'case', id: row.id },
      kind: 'case.progress',
      payload: { note, ...(options.photoIds?.length ? { photoIds: options.photoIds } : {}) },
    });
  });
}
