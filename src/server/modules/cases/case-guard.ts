import { notFound } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../auth/index.ts';
import { type CaseUnits, canSeeCase } from './case-scope.ts';
import { type CaseRow, findCase } from './cases.repository.ts';
import { resolveCaseUnits } from './resolve-case-units.ts';

/**
 * Locks a case for a step outside the state table (task, progress note, C14 record) and
 * checks the caller sees it: outside their scope it does not exist (404).
 */
export async function lockVisibleCase(
  db: Db,
  actor: Actor,
  caseId: string,
): Promise<{ row: CaseRow; units: CaseUnits }> {
  const row = await findCase(db, caseId, true);
  const units = row ? await resolveCaseUnits(db, row) : null;
  if (!row || !units || !canSeeCase(actor, row, units)) throw notFound('Case', '案件');
  return { row, units };
}

/** States in which the department side works on a case (tasks, progress notes). */
export const HANDLING_STATES: readonly string[] = ['dispatched', 'signed', 'on_site', 'extension_requested'];
