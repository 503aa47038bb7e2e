import { sql } from 'drizzle-orm';
import type { Clock } from '../../core/clock.ts';
import { badRequest, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import { type Caller, eventActor, requireAccess } from '../auth/index.ts';
import { appendEvent } from '../events/append-event.ts';
import { findOrgUnit } from '../org/index.ts';
import { assessmentSettings } from './assessment.tables.ts';

export interface Weights {
  signIn: number;
  onTime: number;
  firstTime: number;
  satisfaction: number;
}

export interface SettingsInForce {
  /** Null when no row applies and the defaults are used. */
  id: string | null;
  areaUnitId: string;
  weights: Weights;
  minimumCases: number;
  pointRules: Record<string, number>;
  validFrom: Date | null;
}

/** A2: the defaults — 25 % each rate, 10 cases, −1 per breach and −2 per consultation breach. */
export const DEFAULT_SETTINGS = {
  weights: { signIn: 25, onTime: 25, firstTime: 25, satisfaction: 25 },
  minimumCases: 10,
  pointRules: { breach: -1, consultationBreach: -2 },
};

/**
 * A2: the settings in force for an area at `at`: the newest row valid then of the area
 * itself or, failing that, of the nearest area above it; the defaults when none.
 */
export async function settingsInForce(db: Db, areaUnitId: string, at: Date): Promise<SettingsInForce> {
  const result = (await db.execute(
    sql`SELECT s.id, s.weights, s.minimum_cases AS "minimumCases", s.point_rules AS "pointRules",
               s.valid_from AS "validFrom"
        FROM org_units u
        JOIN org_units a ON u.path LIKE a.path || '%'
        JOIN assessment_settings s ON s.area_unit_id = a.id
        WHERE u.id = ${areaUnitId} AND s.valid_from <= ${at}
        ORDER BY length(a.path) DESC, s.valid_from DESC, s.created_at DESC LIMIT 1`,
  )) as unknown as {
    rows: {
      id: string;
      weights: Weights;
      minimumCases: number;
      pointRules: Record<string, number>;
      validFrom: unknown;
    }[];
  };
  const row = result.rows[0];
  if (!row) return { id: null, areaUnitId, ...DEFAULT_SETTINGS, validFrom: null };
  return {
    id: row.id,
    areaUnitId,
    weights: row.weights,
    minimumCases: row.minimumCases,
    pointRules: { ...DEFAULT_SETTINGS.pointRules, ...row.pointRules },
    validFrom: new Date(String(row.validFrom)),
  };
}

export interface PutSettingsOptions {
  db: Db;
  clock: Clock;
  caller: Caller;
  areaUnitId: string;
  weights: Weights;
  minimumCases?: number | undefined;
  pointRules?: Record<string, number> | undefined;
}

/** A2: a change of the settings is a new row valid from now, with an event. */
export async function putSettings(options: PutSettingsOptions): Promise<SettingsInForce> {
  const { db, weights } = options;
  const area = await findOrgUnit(db, options.areaUnitId);
  if (!area) throw notFound('Area', '地区', 'areaUnitId');
  requireAccess(options.caller, 'assessment.manage', area.path);
  const sum = weights.signIn + weights.onTime + weights.firstTime + weights.satisfaction;
  // A2: the four weights are percentages of one composite score.
  if (Math.abs(sum - 100) > 1e-9) {
    throw badRequest(
      'BAD_WEIGHTS',
      `四项权重之和须为 100（现为 ${sum}）`,
      `The four weights must sum to 100 (they sum to ${sum})`,
      'weights',
    );
  }
  const now = options.clock.now();
  const actor = eventActor(options.caller);
  const values = {
    areaUnitId: area.id,
    weights,
    minimumCases: options.minimumCases ?? DEFAULT_SETTINGS.minimumCases,
    pointRules: options.pointRules ?? DEFAULT_SETTINGS.pointRules,
    validFrom: now,
    createdBy: actor?.id ?? null,
    createdAt: now,
  };
  const id = await db.transaction(async (tx) => {
    const [row] = await tx.insert(assessmentSettings).values(values).returning({ id: assessmentSettings.id });
    if (!row) throw new Error('settings insert returned nothing');
    await appendEvent({
      db: tx,
      at: now,
      actor,
      subject: { type: 'assessment_settings', id: row.id },
      kind: 'assessment.settings_changed',
      payload: {
        areaUnitId: area.id,
        weights,
        minimumCases: values.minimumCases,
        pointRules: values.pointRules,
      },
    });
    return row.id;
  });
  return {
    id,
    areaUnitId: area.id,
    weights,
    minimumCases: values.minimumCases,
    pointRules: { ...DEFAULT_SETTINGS.pointRules, ...values.pointRules },
    validFrom: now,
  };
}

/** A2: GET — the settings in force now for the area (the defaults when none). */
export async function readSettings(options: { db: Db; clock: Clock; caller: Caller; areaUnitId: string }) {
  const area = await findOrgUnit(options.db, options.areaUnitId);
  if (!area) throw notFound('Area', '地区', 'areaUnitId');
  requireAccess(options.caller, 'assessment.read', area.path);
  return settingsInForce(options.db, area.id, options.clock.now());
}
