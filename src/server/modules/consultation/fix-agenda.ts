import { and, eq, inArray } from 'drizzle-orm';
import type { Clock } from '../../core/clock.ts';
import { badRequest, conflict } from '../../core/errors.ts';
import { toIsoShanghai } from '../../core/time.ts';
import type { Db } from '../../db/client.ts';
import { type Actor, eventActor } from '../auth/index.ts';
import type { WorkCalendar } from '../calendar/index.ts';
import { appendEvent, notify } from '../events/index.ts';
import { meetObligation, obligations, openObligation } from '../obligations/index.ts';
import { itemsByIds, type SessionRow, sessionInScope } from './consultation.repository.ts';
import { consultationItems, consultationSessions } from './consultation.tables.ts';

/**
 * R5: the agenda, the time and the units are fixed (monthly: by the 21st; the meeting in
 * the last ten days of the month, R2). The queued items go on the agenda; every involved
 * unit owes written material before the meeting (R9, an obligation due at the meeting).
 */
export async function fixAgenda(options: {
  db: Db;
  clock: Clock;
  calendar: WorkCalendar;
  actor: Actor;
  sessionId: string;
  input: { meetingAt: Date; location: string; itemIds: string[] };
  defaultWarnRatio: number;
}): Promise<SessionRow> {
  const { input, actor, clock } = options;
  const location = input.location.trim();
  if (!location)
    throw badRequest('LOCATION_REQUIRED', '请填写会议地点', 'Give the place of the meeting', 'location');
  const itemIds = [...new Set(input.itemIds)];
  if (itemIds.length === 0)
    throw badRequest('ITEMS_REQUIRED', '请选择上会议题', 'Choose the items', 'itemIds');
  return options.db.transaction(async (tx) => {
    const { session, area } = await sessionInScope(tx, actor, options.sessionId, 'consultation.manage', true);
    if (session.state !== 'collecting')
      throw conflict('SESSION_STATE', '议程已确定', 'The agenda is fixed already');
    const now = clock.now();
    if (input.meetingAt.getTime() <= now.getTime())
      throw badRequest(
        'MEETING_IN_PAST',
        '会议时间须晚于现在',
        'The meeting must be in the future',
        'meetingAt',
      );
    if (session.month) {
      // R2: a monthly meeting is held in the last ten days (下旬) of its month.
      const local = toIsoShanghai(input.meetingAt);
      if (local.slice(0, 7) !== session.month || Number(local.slice(8, 10)) < 21)
        throw badRequest(
          'MEETING_NOT_LATE_MONTH',
          `月度会商须在 ${session.month} 下旬召开`,
          `A monthly meeting is held in the last ten days of ${session.month}`,
          'meetingAt',
        );
    }
    const items = await itemsByIds(tx, itemIds);
    items.sort((a, b) => itemIds.indexOf(a.id) - itemIds.indexOf(b.id));
    if (
      items.length !== itemIds.length ||
      items.some((i) => i.state !== 'queued' || i.areaUnitId !== area.id)
    )
      throw badRequest(
        'BAD_ITEMS',
        '议题须为本地区待会商的问题',
        'Items must be queued matters of this area',
        'itemIds',
      );
    await tx
      .update(consultationItems)
      .set({ state: 'on_agenda', sessionId: session.id })
      .where(inArray(consultationItems.id, itemIds));
    const [updated] = await tx
      .update(consultationSessions)
      .set({ state: 'agenda_fixed', meetingAt: input.meetingAt, location })
      .where(eq(consultationSessions.id, session.id))
      .returning();
    if (!updated) throw new Error('session update returned nothing');
    // R4 collection and R5 agenda are done.
    const owed = await tx
      .select()
      .from(obligations)
      .where(
        and(
          eq(obligations.subjectType, 'consultation_session'),
          eq(obligations.subjectId, session.id),
          inArray(obligations.ruleId, ['R4', 'R5']),
          inArray(obligations.state, ['running']),
        ),
      );
    for (const o of owed) await meetObligation({ db: tx, clock, caller: 'system', obligationId: o.id });
    // R9: written material from every involved unit before the meeting.
    const hours = Math.max(1, Math.floor((input.meetingAt.getTime() - now.getTime()) / 3_600_000));
    for (const item of items) {
      for (const unitId of item.involvedUnitIds) {
        await openObligation({
          db: tx,
          clock,
          calendar: options.calendar,
          caller: 'system',
          subject: { type: 'consultation_item', id: item.id },
          ruleId: 'R9',
          unitId,
          deadline: `${hours}h`,
          defaultWarnRatio: options.defaultWarnRatio,
        });
        await notify({
          db: tx,
          at: now,
          to: { unitId },
          kind: 'consultation.agenda_fixed',
          subject: { type: 'consultation_item', id: item.id },
          title: {
            zh: `请于会前报送书面材料：${item.title}（${toIsoShanghai(input.meetingAt).slice(0, 16).replace('T', ' ')}，${location}）`,
            en: `Send written material before the meeting: ${item.title}`,
          },
          data: { sessionId: session.id, itemId: item.id },
        });
      }
    }
    await appendEvent({
      db: tx,
      at: now,
      actor: eventActor(actor),
      subject: { type: 'consultation_session', id: session.id },
      kind: 'consultation.agenda_fixed',
      payload: { meetingAt: toIsoShanghai(input.meetingAt), location, itemIds },
    });
    return updated;
  });
}
