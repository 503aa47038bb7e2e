import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { notFound } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import { type Actor, requireAccess } from '../auth/index.ts';
import { ancestorsOf } from './grids.repository.ts';
import { findOrgUnit } from './org.repository.ts';
import { contracts, orgUnits, people } from './org.tables.ts';
import { personView, presentPerson, presentUnit, unitView } from './org.views.ts';
import { activePostsAt } from './people.repository.ts';

export const unitPageView = z.object({
  unit: unitView,
  ancestors: z.array(unitView),
  children: z.array(unitView),
  posts: z.array(
    z.object({
      id: z.uuid(),
      role: z.string(),
      title: z.string().nullable(),
      startsOn: z.string(),
      person: personView,
    }),
  ),
  contractors: z.array(
    z.object({
      id: z.uuid(),
      kind: z.string(),
      startsOn: z.string(),
      fromUnitName: z.string(),
      person: personView,
    }),
  ),
});

/** A unit's page: where it sits, what it holds, who holds its posts and who contracts it (G3, G4). */
export async function getUnitPage(options: {
  db: Db;
  actor: Actor;
  unitId: string;
}): Promise<z.infer<typeof unitPageView>> {
  const { db, actor } = options;
  const unit = await findOrgUnit(db, options.unitId);
  if (!unit) throw notFound('Org unit', '组织');
  requireAccess(actor, 'org.read', unit.path);
  const [ancestors, children, held, contracted] = await Promise.all([
    ancestorsOf(db, unit.path),
    db.select().from(orgUnits).where(eq(orgUnits.parentId, unit.id)).orderBy(orgUnits.code),
    activePostsAt(db, [unit.id]),
    db
      .select({ contract: contracts, person: people, fromUnitName: orgUnits.name })
      .from(contracts)
      .innerJoin(people, eq(people.id, contracts.personId))
      .innerJoin(orgUnits, eq(orgUnits.id, contracts.fromUnitId))
      .where(and(eq(contracts.unitId, unit.id), isNull(contracts.endsOn))),
  ]);
  return {
    unit: presentUnit(unit),
    ancestors: ancestors.filter((a) => a.id !== unit.id).map(presentUnit),
    children: children.map(presentUnit),
    posts: held.map(({ post, person }) => ({
      id: post.id,
      role: post.role,
      title: post.title,
      startsOn: post.startsOn,
      person: presentPerson(actor, person, unit.path, unit.name),
    })),
    contractors: contracted.map(({ contract, person, fromUnitName }) => ({
      id: contract.id,
      kind: contract.kind,
      startsOn: contract.startsOn,
      fromUnitName,
      person: presentPerson(actor, person, unit.path),
    })),
  };
}
