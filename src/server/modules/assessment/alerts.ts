import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Clock } from '../../core/clock.ts';
import { badRequest, conflict, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import { type Caller, eventActor, requireAccess } from '../auth/index.ts';
import { cases } from '../cases/cases.tables.ts';
import { appendEvent } from '../events/append-event.ts';
import { findOrgUnit } from '../org/index.ts';
import { assessmentAlerts } from './assessment.tables.ts';

export const ALERT_KINDS = ['commendation', 'warning', 'interview', 'referral', 'key_case', 'trace'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
type AlertRow = typeof assessmentAlerts.$inferSelect;

export interface AlertBase {
  db: Db;
  clock: Clock;
  caller: Caller;
}

export interface NewAlert {
  kind: AlertKind;
  unitId: string;
  head?: { personId: string | null; name: string; post: string } | null;
  reason: string;
  ruleId: string;
  sourceType: string;
  sourceId: string;
  details: Record<string, unknown>;
}

/**
 * A3–A6: writes alerts once — the unique index (kind, unit, source) makes a repeated
 * derivation a no-op. Returns the alerts inserted now (the existing ones are skipped).
 */
export async function insertAlerts(options: AlertBase, alerts: NewAlert[]): Promise<AlertRow[]> {
  if (alerts.length === 0) return [];
  const now = options.clock.now();
  const actor = eventActor(options.caller);
  return options.db.transaction(async (tx) => {
    const rows = await tx
      .insert(assessmentAlerts)
      .values(
        alerts.map((a) => ({ ...a, head: a.head ?? null, createdBy: actor?.id ?? null, createdAt: now })),
      )
      .onConflictDoNothing()
      .returning();
    for (const row of rows) {
      await appendEvent({
        db: tx,
        at: now,
        actor,
        subject: { type: 'assessment_alert', id: row.id },
        kind: 'assessment.alert_raised',
        payload: { kind: row.kind, unitId: row.unitId, ruleId: row.ruleId, sourceId: row.sourceId },
      });
    }
    return rows;
  });
}

export function presentAlert(r: AlertRow) {
  return {
    id: r.id,
    kind: r.kind,
    unitId: r.unitId,
    head: r.head,
    reason: r.reason,
    ruleId: r.ruleId,
    sourceType: r.sourceType,
    sourceId: r.sourceId,
    details: r.details,
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
    closedAt: r.closedAt?.toISOString() ?? null,
    closedBy: r.closedBy,
    closingNote: r.closingNote,
  };
}

/** A3, A5: the alerts derived from one source (a ranking, a month), kind then unit order. */
export async function listAlertsOfSource(db: Db, sourceType: string, sourceId: string) {
  return db
    .select()
    .from(assessmentAlerts)
    .where(and(eq(assessmentAlerts.sourceType, sourceType), eq(assessmentAlerts.sourceId, sourceId)))
    .orderBy(
      sql`${assessmentAlerts.kind}, (${assessmentAlerts.details}->>'rank')::int, ${assessmentAlerts.unitId}`,
    );
}

/** The case with the unit answering for it (lead unit, else township, else area) and its path. */
export async function caseForAlert(db: Db, caller: Caller, caseId: string) {
  const [row] = await db.select().from(cases).where(eq(cases.id, caseId));
  if (!row) throw notFound('Case', '案件', 'caseId');
  const unitId = row.leadUnitId ?? row.townshipId ?? row.areaUnitId;
  const unit = await findOrgUnit(db, unitId);
  if (!unit) throw notFound('Unit', '单位', 'caseId');
  requireAccess(caller, 'assessment.manage', unit.path);
  return { row, unit };
}

const required = (reason: string) => {
  if (reason.trim() === '')
    throw badRequest('REASON_REQUIRED', '请填写理由', 'A reason is required', 'reason');
  return reason.trim();
};

/** A6: flags a case as a key case for special supervision (once: a second flag is 409). */
export async function flagKeyCase(options: AlertBase & { caseId: string; reason: string }) {
  const reason = required(options.reason);
  const { row, unit } = await caseForAlert(options.db, options.caller, options.caseId);
  const [created] = await insertAlerts(options, [
    {
      kind: 'key_case',
      unitId: unit.id,
      reason,
      ruleId: 'A6',
      sourceType: 'case',
      sourceId: row.id,
      details: { caseNumber: row.number, state: row.state, category: row.category, unitName: unit.name },
    },
  ]);
  if (!created) throw conflict('ALREADY_FLAGGED', '该案件已列为重点案件', 'This case is already a key case');
  return presentAlert(created);
}

/** A3–A6: the alerts of the units under an area (optionally of one kind, open or closed), newest first. */
export async function listAlerts(
  options: AlertBase & {
    areaUnitId: string;
    kind?: AlertKind | undefined;
    state?: 'open' | 'closed' | undefined;
  },
) {
  const area = await findOrgUnit(options.db, options.areaUnitId);
  if (!area) throw notFound('Area', '地区', 'area');
  requireAccess(options.caller, 'assessment.read', area.path);
  const rows = await options.db
    .select()
    .from(assessmentAlerts)
    .where(
      and(
        options.kind ? eq(assessmentAlerts.kind, options.kind) : undefined,
        options.state === 'open' ? isNull(assessmentAlerts.closedAt) : undefined,
        options.state === 'closed' ? isNotNull(assessmentAlerts.closedAt) : undefined,
        sql`${assessmentAlerts.unitId} IN (SELECT id FROM org_units WHERE path LIKE ${`${area.path}%`})`,
      ),
    )
    .orderBy(sql`${assessmentAlerts.createdAt} DESC, ${assessmentAlerts.id}`);
  return rows.map(presentAlert);
}

/** A6: closes an alert once, with a note; a closed alert is 409 ALREADY_CLOSED. */
export async function closeAlert(options: AlertBase & { id: string; note: string }) {
  const note = options.note.trim();
  if (note === '') throw badRequest('NOTE_REQUIRED', '请填写办结说明', 'A closing note is required', 'note');
  const [alert] = await options.db.select().from(assessmentAlerts).where(eq(assessmentAlerts.id, options.id));
  if (!alert) throw notFound('Alert', '预警', 'id');
  const unit = alert.unitId ? await findOrgUnit(options.db, alert.unitId) : null;
  requireAccess(options.caller, 'assessment.manage', unit?.path ?? '/');
  const now = options.clock.now();
  const actor = eventActor(options.caller);
  return options.db.transaction(async (tx) => {
    const [closed] = await tx
      .update(assessmentAlerts)
      .set({ closedAt: now, closedBy: actor?.id ?? null, closingNote: note })
      .where(and(eq(assessmentAlerts.id, alert.id), isNull(assessmentAlerts.closedAt)))
      .returning();
    if (!closed) throw conflict('ALREADY_CLOSED', '该预警已办结', 'This alert is already closed');
    await appendEvent({
      db: tx,
      at: now,
      actor,
      subject: { type: 'assessment_alert', id: closed.id },
      kind: 'assessment.alert_closed',
      payload: { kind: closed.kind, note },
    });
    return presentAlert(closed);
  });
}
