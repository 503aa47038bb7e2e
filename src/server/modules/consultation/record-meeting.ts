import { and, eq, gt, inArray, isNull, or } from 'drizzle-orm';
import type { Clock } from '../../core/clock.ts';
import { badRequest, conflict } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import { type Actor, eventActor } from '../auth/index.ts';
import type { WorkCalendar } from '../calendar/index.ts';
import { appendEvent, notify } from '../events/index.ts';
import { createLedgerItem } from '../ledger/index.ts';
import { meetObligation, obligations } from '../obligations/index.ts';
import { createRule, type Principle, responsibilityRules } from '../routing/index.ts';
import { itemsOfSession, type SessionRow, sessionInScope } from './consultation.repository.ts';
import { accountabilityRecords, consultationItems, consultationSessions } from './consultation.tables.ts';
import { unitsExist } from './units.ts';

export interface Determination {
  itemId: string;
  /** R1 decided, or R7 sent to the district leaders. */
  outcome: 'decided' | 'to_leaders';
  principle?: Principle | undefined;
  leadUnitId?: string | undefined;
  cooperatingUnitIds?: string[] | undefined;
  basis?: string | undefined;
  reasoning?: string | undefined;
  /** The category and area the decided rule covers (default: the item's). */
  categoryCode?: string | undefined;
  areaUnitId?: string | undefined;
}

export interface MeetingRecord {
  attendance: { unitId: string; people: string }[];
  laggards?: { unitId: string; explanation: string }[] | undefined;
  requirements?: string | undefined;
  determinations: Determination[];
}

/**
 * R6: the meeting's record — attendance (R3: the involved units' leaders), the laggards'
 * explanations (recorded against them, R10), the convenors' requirements, and for each
 * item its determination: by R1 (principle, lead and cooperating units, basis, reasoning)
 * or to the district leaders. A decision becomes the responsibility rule for its
 * category and area with the meeting as its basis, and a ledger item owned by the lead
 * unit with a written report due on the 15th of each month (R7, R8).
 */
export async function recordMeeting(options: {
  db: Db;
  clock: Clock;
  calendar: WorkCalendar;
  actor: Actor;
  sessionId: string;
  input: MeetingRecord;
  defaultWarnRatio: number;
}): Promise<SessionRow> {
  const { actor, clock, input } = options;
  return options.db.transaction(async (tx) => {
    const { session, area } = await sessionInScope(tx, actor, options.sessionId, 'consultation.manage', true);
    if (session.state !== 'agenda_fixed')
      throw conflict(
        'SESSION_STATE',
        '会议尚未确定议程或已召开',
        'The meeting has no agenda yet or is recorded already',
      );
    const items = await itemsOfSession(tx, session.id);
    const now = clock.now();
    await unitsExist(
      tx,
      input.attendance.map((a) => a.unitId),
      'attendance',
    );
    // R3: the leaders of every unit on the agenda attend.
    const present = new Set(input.attendance.map((a) => a.unitId));
    const absent = [...new Set(items.flatMap((i) => i.involvedUnitIds))].filter((u) => !present.has(u));
    if (absent.length > 0)
      throw badRequest(
        'ATTENDANCE_INCOMPLETE',
        '议题涉及单位须参会',
        'Every unit on the agenda must attend',
        'attendance',
      );
    const byItem = new Map(input.determinations.map((d) => [d.itemId, d]));
    const missing = items.findIndex((i) => !byItem.has(i.id));
    if (missing >= 0 || input.determinations.length !== items.length)
      throw badRequest(
        'DETERMINATION_MISSING',
        '每个议题都须有研判结论',
        'Every item needs a determination',
        'determinations',
      );

    for (const [n, item] of items.entries()) {
      const d = byItem.get(item.id) as Determination;
      const at = input.determinations.indexOf(d);
      const field = (f: string) => `determinations.${at}.${f}`;
      if (d.outcome === 'to_leaders') {
        await tx
          .update(consultationItems)
          .set({ state: 'to_leaders', reasoning: d.reasoning?.trim() || null, decidedAt: now })
          .where(eq(consultationItems.id, item.id));
        continue;
      }
      if (!d.leadUnitId)
        throw badRequest('LEAD_UNIT_REQUIRED', '请确定牵头单位', 'Name the lead unit', field('leadUnitId'));
      if (!d.principle)
        throw badRequest(
          'PRINCIPLE_REQUIRED',
          '请写明确定方式（法定、商定、指定）',
          'Give the principle',
          field('principle'),
        );
      const basis = d.basis?.trim();
      if (!basis) throw badRequest('BASIS_REQUIRED', '请写明依据', 'Give the basis', field('basis'));
      const categoryCode = d.categoryCode ?? item.categoryCode;
      if (!categoryCode)
        throw badRequest(
          'CATEGORY_REQUIRED',
          '请确定事项类别',
          'Give the category the decision covers',
          field('categoryCode'),
        );
      const areaUnitId = d.areaUnitId ?? item.placeUnitId ?? area.id;
      // The decision replaces the rule valid now for the same category and area, if any.
      const [current] = await tx
        .select({ id: responsibilityRules.id })
        .from(responsibilityRules)
        .where(
          and(
            eq(responsibilityRules.categoryCode, categoryCode),
            eq(responsibilityRules.areaUnitId, areaUnitId),
            or(isNull(responsibilityRules.validTo), gt(responsibilityRules.validTo, now)),
          ),
        );
      const rule = await createRule({
        db: tx,
        clock,
        caller: actor,
        input: {
          categoryCode,
          areaUnitId,
          leadUnitId: d.leadUnitId,
          cooperatingUnitIds: d.cooperatingUnitIds,
          principle: d.principle,
          basis: `${session.title}第${n + 1}项：${basis}`,
          replacesId: current?.id,
          consultationItemId: item.id,
        },
      });
      const ledger = await createLedgerItem({
        db: tx,
        clock,
        calendar: options.calendar,
        caller: actor,
        input: {
          kind: 'consultation',
          sourceType: 'consultation_item',
          sourceId: item.id,
          title: item.title,
          content: `${basis}${d.reasoning?.trim() ? `\n${d.reasoning.trim()}` : ''}`,
          leadUnitId: d.leadUnitId,
          cooperatingUnitIds: d.cooperatingUnitIds,
          reportRule: 'M+1@15', // R8: a written report by the 15th of each month
        },
        defaultWarnRatio: options.defaultWarnRatio,
      });
      await tx
        .update(consultationItems)
        .set({
          state: 'decided',
          principle: d.principle,
          leadUnitId: d.leadUnitId,
          cooperatingUnitIds: d.cooperatingUnitIds ?? [],
          basis,
          reasoning: d.reasoning?.trim() || null,
          categoryCode,
          ruleId: rule.id,
          ledgerItemId: ledger.id,
          decidedAt: now,
        })
        .where(eq(consultationItems.id, item.id));
    }
    // R10: laggards' explanations are recorded against them for the assessment.
    for (const laggard of input.laggards ?? []) {
      await tx.insert(accountabilityRecords).values({
        unitId: laggard.unitId,
        kind: 'non_implementation',
        sourceType: 'consultation_session',
        sourceId: session.id,
        note: laggard.explanation.trim(),
        createdBy: actor.id,
        createdAt: now,
      });
    }
    const [held] = await tx
      .update(consultationSessions)
      .set({
        state: 'held',
        heldAt: now,
        attendance: input.attendance,
        laggards: input.laggards ?? [],
        requirements: input.requirements?.trim() || null,
      })
      .where(eq(consultationSessions.id, session.id))
      .returning();
    if (!held) throw new Error('session update returned nothing');
    const due = await tx
      .select()
      .from(obligations)
      .where(
        and(
          eq(obligations.subjectType, 'consultation_session'),
          eq(obligations.subjectId, session.id),
          eq(obligations.ruleId, 'R2'),
          inArray(obligations.state, ['running', 'breached']),
        ),
      );
    for (const o of due)
      if (!o.metAt) await meetObligation({ db: tx, clock, caller: 'system', obligationId: o.id });
    await appendEvent({
      db: tx,
      at: now,
      actor: eventActor(actor),
      subject: { type: 'consultation_session', id: session.id },
      kind: 'consultation.meeting_recorded',
      payload: {
        determinations: input.determinations.map((d) => ({
          itemId: d.itemId,
          outcome: d.outcome,
          leadUnitId: d.leadUnitId,
        })),
        laggards: (input.laggards ?? []).map((l) => l.unitId),
      },
    });
    for (const unitId of new Set(input.determinations.flatMap((d) => (d.leadUnitId ? [d.leadUnitId] : [])))) {
      await notify({
        db: tx,
        at: now,
        to: { unitId },
        kind: 'consultation.decided',
        subject: { type: 'consultation_session', id: session.id },
        title: {
          zh: `会商确定由贵单位牵头：${session.title}`,
          en: `The consultation named your unit as lead: ${session.title}`,
        },
        data: { sessionId: session.id },
      });
    }
    return held;
  });
}
