import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { CaseUnits } from './case-scope.ts';
import { caseTasks } from './case-work.tables.ts';
import { ancestorsOfPath, type CaseRow, unitsById } from './cases.repository.ts';

/** Reads the units a case touches (its place with community and township, its centre, its lead unit). */
export async function resolveCaseUnits(db: Db, row: CaseRow): Promise<CaseUnits> {
  const tasks = await db
    .select({ unitId: caseTasks.unitId })
    .from(caseTasks)
    .where(and(eq(caseTasks.caseId, row.id), ne(caseTasks.state, 'cancelled')));
  const byId = await unitsById(db, [
    ...tasks.map((t) => t.unitId),
    row.gridId,
    row.raiserUnitId,
    row.areaUnitId,
    row.centreUnitId,
    row.leadUnitId,
  ]);
  const place = byId.get(row.gridId ?? row.raiserUnitId);
  const area = byId.get(row.areaUnitId);
  if (!place || !area) throw new Error(`case ${row.id} refers to a missing unit`);
  const ancestors = await ancestorsOfPath(db, place.path);
  const of = (kind: string) => ancestors.find((a) => a.kind === kind) ?? null;
  return {
    place,
    community: of('community'),
    township: of('township'),
    area,
    centre: row.centreUnitId ? (byId.get(row.centreUnitId) ?? null) : null,
    lead: row.leadUnitId ? (byId.get(row.leadUnitId) ?? null) : null,
    cooperating: [...new Set(tasks.map((t) => t.unitId))].flatMap((id) => byId.get(id) ?? []),
  };
}
