import { eq } from 'drizzle-orm';
import type { Clock } from '../../core/clock.ts';
import { conflict } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import { accounts } from '../auth/accounts.tables.ts';
import { type Actor, eventActor } from '../auth/index.ts';
import { appendEvent, notify } from '../events/index.ts';
import { findOrgUnit } from '../org/index.ts';
import { itemsOfSession, type SessionRow, sessionInScope } from './consultation.repository.ts';
import { consultationSessions } from './consultation.tables.ts';

/** The issuing body of a session's papers: the unit of the account that convened it (the 社管办). */
export async function issuerOf(db: Db, session: SessionRow): Promise<string> {
  if (session.createdBy) {
    const [account] = await db
      .select({ unitId: accounts.orgUnitId })
      .from(accounts)
      .where(eq(accounts.id, session.createdBy));
    const unit = account?.unitId ? await findOrgUnit(db, account.unitId) : undefined;
    if (unit) return unit.name;
  }
  return (await findOrgUnit(db, session.areaUnitId))?.name ?? '';
}

/**
 * R7: the minutes are issued to every unit that attended or is involved; the undecided
 * items go to the district leaders as a special report (downloadable once the meeting
 * is recorded). After this the session is closed.
 */
export async function issueMinutes(options: {
  db: Db;
  clock: Clock;
  actor: Actor;
  sessionId: string;
}): Promise<SessionRow> {
  const { actor, clock } = options;
  return options.db.transaction(async (tx) => {
    const { session } = await sessionInScope(tx, actor, options.sessionId, 'consultation.manage', true);
    if (session.state !== 'held')
      throw conflict(
        'SESSION_STATE',
        '会议尚未召开或纪要已印发',
        'The meeting is not recorded yet, or the minutes are issued',
      );
    const now = clock.now();
    const [issued] = await tx
      .update(consultationSessions)
      .set({ state: 'minutes_issued', minutesIssuedAt: now })
      .where(eq(consultationSessions.id, session.id))
      .returning();
    if (!issued) throw new Error('session update returned nothing');
    const items = await itemsOfSession(tx, session.id);
    const units = new Set([
      ...(session.attendance ?? []).map((a) => a.unitId),
      ...items.flatMap((i) => [
        ...i.involvedUnitIds,
        ...(i.leadUnitId ? [i.leadUnitId] : []),
        ...(i.cooperatingUnitIds ?? []),
      ]),
    ]);
    for (const unitId of units) {
      await notify({
        db: tx,
        at: now,
        to: { unitId },
        kind: 'consultation.minutes_issued',
        subject: { type: 'consultation_session', id: session.id },
        title: { zh: `会议纪要已印发：${session.title}`, en: `Minutes issued: ${session.title}` },
        data: { sessionId: session.id },
      });
    }
    await appendEvent({
      db: tx,
      at: now,
      actor: eventActor(actor),
      subject: { type: 'consultation_session', id: session.id },
      kind: 'consultation.minutes_issued',
      payload: { units: [...units], undecided: items.filter((i) => i.state === 'to_leaders').length },
    });
    return issued;
  });
}
