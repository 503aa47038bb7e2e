import type { Clock } from '../../core/clock.ts';
import { conflict, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import { type Actor, requireAccess } from '../auth/index.ts';
import { findSource } from './intake.repository.ts';

/** Channels a source system may carry (C5); grid-side channels come from accounts, not keys. */
export const INTAKE_CHANNELS = ['hotline', 'petition', 'public_opinion', 'open311'] as const;
export type IntakeChannel = (typeof INTAKE_CHANNELS)[number];

/** Org kinds that can bound a source's area: divisions and grids. */
export const AREA_KINDS = ['city', 'district', 'township', 'community', 'grid'];

/** Postgres reports a broken unique index as 23505; both drivers wrap it in `cause`. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: string; constraint?: string; message?: string; cause?: unknown } | undefined;
  if (e?.code === '23505' && (e.constraint === constraint || e.message?.includes(constraint))) return true;
  return e?.cause !== undefined && isUniqueViolation(e.cause, constraint);
}

/** What changing a source takes: the administrator and the source. */
export interface ChangeIntakeSourceOptions {
  db: Db;
  clock: Clock;
  /** The system administrator; the source's area must lie in their scope. */
  actor: Actor;
  sourceId: string;
}

/** Locks the source row (inside the caller's transaction), checks scope and that it is enabled. */
export async function lockEnabledSource(tx: Db, options: ChangeIntakeSourceOptions) {
  const found = await findSource(tx, options.sourceId, true);
  if (!found) throw notFound('Intake source', '来源系统');
  requireAccess(options.actor, 'intake.manage', found.area.path);
  if (found.source.disabledAt) {
    throw conflict('SOURCE_DISABLED', '该来源系统已停用', 'This source system is disabled');
  }
  return found;
}
