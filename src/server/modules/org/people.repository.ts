import { and, asc, eq, ilike, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { orgUnits, people, posts } from './org.tables.ts';

export type PersonRow = typeof people.$inferSelect;
export type PostRow = typeof posts.$inferSelect;

export async function findPerson(db: Db, id: string): Promise<PersonRow | undefined> {
  const [row] = await db.select().from(people).where(eq(people.id, id));
  return row;
}

/** The person with the path of their unit, for scope checks. */
export async function findPersonWithPath(db: Db, id: string) {
  const [row] = await db
    .select({ person: people, path: orgUnits.path, unitName: orgUnits.name })
    .from(people)
    .innerJoin(orgUnits, eq(orgUnits.id, people.unitId))
    .where(eq(people.id, id));
  return row;
}

function inScope(scope: string[]) {
  if (scope.includes('/')) return undefined;
  if (scope.length === 0) return sql`false`;
  return or(...scope.map((p) => sql`${orgUnits.path} LIKE ${`${p}%`}`));
}

/** People of the units in scope, optionally of one unit's subtree and matching a name. */
export async function listPeople(
  db: Db,
  query: { scope: string[]; underPath?: string; q?: string; limit: number },
) {
  return db
    .select({ person: people, unitName: orgUnits.name, unitPath: orgUnits.path })
    .from(people)
    .innerJoin(orgUnits, eq(orgUnits.id, people.unitId))
    .where(
      and(
        inScope(query.scope),
        query.underPath ? sql`${orgUnits.path} LIKE ${`${query.underPath}%`}` : undefined,
        query.q ? ilike(people.name, `%${query.q}%`) : undefined,
      ),
    )
    .orderBy(asc(people.name))
    .limit(query.limit);
}

/** Active posts at the given units, with their holders. */
export async function activePostsAt(db: Db, unitIds: string[]) {
  if (unitIds.length === 0) return [];
  return db
    .select({ post: posts, person: people })
    .from(posts)
    .innerJoin(people, eq(people.id, posts.personId))
    .where(and(inArray(posts.unitId, unitIds), isNull(posts.endsOn)))
    .orderBy(asc(posts.role), asc(people.name));
}

export async function postsOfPerson(db: Db, personId: string) {
  return db
    .select({ post: posts, unitName: orgUnits.name })
    .from(posts)
    .innerJoin(orgUnits, eq(orgUnits.id, posts.unitId))
    .where(eq(posts.personId, personId))
    .orderBy(asc(posts.startsOn));
}

export async function activeGridHead(db: Db, gridId: string) {
  const [row] = await db
    .select({ post: posts, person: people })
    .from(posts)
    .innerJoin(people, eq(people.id, posts.personId))
    .where(and(eq(posts.unitId, gridId), eq(posts.role, 'grid_head'), isNull(posts.endsOn)));
  return row;
}
