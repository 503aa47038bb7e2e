import { sql } from 'drizzle-orm';
import { notFound } from '../../core/errors.ts';
import { toIsoShanghai } from '../../core/time.ts';
import type { Db } from '../../db/client.ts';
import { type Caller, eventActor, requireAccess } from '../auth/index.ts';
import { findOrgUnit } from '../org/index.ts';
import { monthRange } from './alert-month.ts';
import { APPROVER_ROLES } from './record-point.ts';

/** A manual plus or minus point entry as the assessment pages show it. */
export interface PointEntryView {
  id: string;
  unitId: string;
  unitName: string;
  occurredAt: string;
  points: number;
  ruleId: string;
  reason: string;
  /** The entry this one corrects, if it is a correction. */
  corrects: string | null;
  /** The entries that correct this one (an entry is never edited, A2). */
  correctedBy: string[];
  approvedBy: string | null;
  approverName: string | null;
  createdByName: string | null;
  createdAt: string;
}

/**
 * A2: the manual point entries of the units under an area whose fact (`occurredAt`) lies
 * in the month (YYYY-MM, China time), newest fact first, each with the entries that
 * correct it — so a correction can name the entry it corrects. `assessment.read`.
 */
export async function listPointEntries(options: {
  db: Db;
  caller: Caller;
  areaUnitId: string;
  month: string;
}): Promise<PointEntryView[]> {
  const area = await findOrgUnit(options.db, options.areaUnitId);
  if (!area) throw notFound('Area', '地区', 'area');
  requireAccess(options.caller, 'assessment.read', area.path);
  const { from, to } = monthRange(options.month);
  const result = (await options.db.execute(sql`
    SELECT p.id, p.unit_id, u.name AS unit_name, p.occurred_at, p.points::float8 AS points, p.rule_id,
           p.reason, p.corrects, p.approved_by, ap.display_name AS approver_name,
           cr.display_name AS created_by_name, p.created_at,
           coalesce((SELECT array_agg(c.id ORDER BY c.created_at) FROM assessment_points c
                     WHERE c.corrects = p.id), '{}') AS corrected_by
    FROM assessment_points p
    JOIN org_units u ON u.id = p.unit_id
    LEFT JOIN accounts ap ON ap.id = p.approved_by
    LEFT JOIN accounts cr ON cr.id = p.created_by
    WHERE p.automatic IS NULL AND u.path LIKE ${`${area.path}%`}
      AND p.occurred_at >= ${from} AND p.occurred_at < ${to}
    ORDER BY p.occurred_at DESC, p.created_at DESC, p.id`)) as unknown as {
    rows: {
      id: string;
      unit_id: string;
      unit_name: string;
      occurred_at: unknown;
      points: number;
      rule_id: string;
      reason: string;
      corrects: string | null;
      approved_by: string | null;
      approver_name: string | null;
      created_by_name: string | null;
      created_at: unknown;
      corrected_by: string[];
    }[];
  };
  const iso = (v: unknown) => toIsoShanghai(v instanceof Date ? v : new Date(String(v)));
  return result.rows.map((r) => ({
    id: r.id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    occurredAt: iso(r.occurred_at),
    points: Number(r.points),
    ruleId: r.rule_id,
    reason: r.reason,
    corrects: r.corrects,
    correctedBy: r.corrected_by,
    approvedBy: r.approved_by,
    approverName: r.approver_name,
    createdByName: r.created_by_name,
    createdAt: iso(r.created_at),
  }));
}

/** An account that may approve a manual point entry for a unit. */
export interface PointApprover {
  accountId: string;
  displayName: string;
  role: string;
  orgUnitName: string;
}

/**
 * A2: who may approve a manual point entry for the unit — the active accounts holding
 * leader or supervision_officer over it, the caller left out (recordPoint refuses the
 * caller as approver). Names only: no personal data. `assessment.manage` over the unit.
 */
export async function listPointApprovers(options: {
  db: Db;
  caller: Caller;
  unitId: string;
}): Promise<PointApprover[]> {
  const unit = await findOrgUnit(options.db, options.unitId);
  if (!unit) throw notFound('Unit', '单位', 'unit');
  requireAccess(options.caller, 'assessment.manage', unit.path);
  const self = eventActor(options.caller)?.id ?? null;
  const result = (await options.db.execute(sql`
    SELECT DISTINCT ON (a.id) a.id, a.display_name, g.role, o.name AS org_unit_name
    FROM role_grants g
    JOIN accounts a ON a.id = g.account_id
    JOIN org_units o ON o.id = g.org_unit_id
    WHERE g.role IN (${sql.join(
      APPROVER_ROLES.map((r) => sql`${r}`),
      sql`, `,
    )})
      AND ${unit.path} LIKE o.path || '%' AND a.disabled_at IS NULL
      AND (${self}::uuid IS NULL OR a.id <> ${self}::uuid)
    ORDER BY a.id, length(o.path) DESC`)) as unknown as {
    rows: { id: string; display_name: string; role: string; org_unit_name: string }[];
  };
  return result.rows
    .map((r) => ({
      accountId: r.id,
      displayName: r.display_name,
      role: r.role,
      orgUnitName: r.org_unit_name,
    }))
    .sort((a, b) => a.displayName.localeCompare(b.displayName, 'zh-CN'));
}
