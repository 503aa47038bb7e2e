import { and, eq } from 'drizzle-orm';
import type { Clock } from '../../core/clock.ts';
import { badRequest, conflict, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import { type Actor, eventActor, requireAccess } from '../auth/index.ts';
import type { WorkCalendar } from '../calendar/index.ts';
import { appendEvent } from '../events/index.ts';
import { openObligation } from '../obligations/index.ts';
import { findOrgUnit } from '../org/index.ts';
import type { SessionRow } from './consultation.repository.ts';
import { consultationSessions } from './consultation.tables.ts';

/**
 * The deadlines of a session, as obligations of the 社管办: a monthly session closes
 * collection on the 18th (R4), fixes agenda, time and units by the 21st (R5) and is held
 * by the month's end, in its last ten days (R2). An extra session (R2) has two workdays
 * for its agenda and five to be held. A date on a rest day moves to the next workday.
 */
export function sessionDeadlines(kind: 'monthly' | 'extra'): { ruleId: string; deadline: string }[] {
  return kind === 'monthly'
    ? [
        { ruleId: 'R4', deadline: 'M+0@18' },
        { ruleId: 'R5', deadline: 'M+0@21' },
        { ruleId: 'R2', deadline: 'M+0@L' },
      ]
    : [
        { ruleId: 'R5', deadline: '2wd' },
        { ruleId: 'R2', deadline: '5wd' },
      ];
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** R2: the 社管办 opens a monthly session (one per district and month) or an extra one. */
export async function createSession(options: {
  db: Db;
  clock: Clock;
  calendar: WorkCalendar;
  actor: Actor;
  input: {
    areaUnitId: string;
    kind: 'monthly' | 'extra';
    month?: string | undefined;
    title?: string | undefined;
  };
  defaultWarnRatio: number;
}): Promise<SessionRow> {
  const { input, actor } = options;
  if (input.kind === 'monthly' && !MONTH.test(input.month ?? ''))
    throw badRequest('BAD_MONTH', '请给出会商月份，例如 2026-10', 'Give the month, e.g. 2026-10', 'month');
  return options.db.transaction(async (tx) => {
    const area = await findOrgUnit(tx, input.areaUnitId);
    if (!area) throw notFound('Unit', '单位');
    if (!['district', 'city'].includes(area.kind))
      throw badRequest(
        'BAD_AREA',
        '会商研判在县（市、区）或市一级召开',
        'Consultations are held for a district or a city',
        'areaUnitId',
      );
    requireAccess(actor, 'consultation.manage', area.path);
    const now = options.clock.now();
    const month = input.kind === 'monthly' ? (input.month as string) : null;
    if (month) {
      const [existing] = await tx
        .select({ id: consultationSessions.id })
        .from(consultationSessions)
        .where(and(eq(consultationSessions.areaUnitId, area.id), eq(consultationSessions.month, month)));
      if (existing)
        throw conflict(
          'SESSION_EXISTS',
          `${month} 的月度会商已建立`,
          `The monthly session of ${month} exists`,
        );
    }
    const title =
      input.title?.trim() ||
      (month
        ? `${area.name}${Number(month.slice(0, 4))}年${Number(month.slice(5))}月职责不清问题会商研判会议`
        : `${area.name}职责不清问题专题会商研判会议`);
    const [session] = await tx
      .insert(consultationSessions)
      .values({
        areaUnitId: area.id,
        kind: input.kind,
        month,
        title,
        state: 'collecting',
        createdBy: actor.id,
        createdAt: now,
      })
      .returning();
    if (!session) throw new Error('session insert returned nothing');
    // A monthly session's clocks run from the first of its month (00:00 Asia/Shanghai).
    const startedAt = month ? new Date(`${month}-01T00:00:00+08:00`) : now;
    for (const { ruleId, deadline } of sessionDeadlines(input.kind)) {
      await openObligation({
        db: tx,
        clock: options.clock,
        calendar: options.calendar,
        caller: 'system',
        subject: { type: 'consultation_session', id: session.id },
        ruleId,
        unitId: actor.orgUnitId ?? area.id,
        deadline,
        startedAt,
        defaultWarnRatio: options.defaultWarnRatio,
      });
    }
    await appendEvent({
      db: tx,
      at: now,
      actor: eventActor(actor),
      subject: { type: 'consultation_session', id: session.id },
      kind: 'consultation.session_created',
      payload: { areaUnitId: area.id, kind: input.kind, month, title },
    });
    return session;
  });
}
