import { z } from 'zod';
import type { personView } from './org.views.ts';

type PersonView = z.infer<typeof personView>;

/** How the people list may be sorted: by name (pinyin, the default) or by unit, then name. */
export const PEOPLE_SORTS = ['name', 'unit'] as const;
export type PeopleSort = (typeof PEOPLE_SORTS)[number];

/**
 * The filters of the people list, shared by `GET /api/people` and its export
 * `GET /api/people.xlsx`, so that the file holds what the page shows.
 */
export const peopleFilterShape = {
  /** People of this unit and the units under it (in my scope). */
  unitId: z.uuid().optional(),
  /** Part of the name. */
  q: z.string().trim().min(1).max(50).optional(),
  sort: z.enum(PEOPLE_SORTS).optional(),
};

export const peopleListQuery = z.strictObject({
  ...peopleFilterShape,
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export const peopleExportQuery = z.strictObject(peopleFilterShape);
export type PeopleFilters = z.infer<typeof peopleExportQuery>;

const byName = (a: PersonView, b: PersonView) => a.name.localeCompare(b.name, 'zh-CN');

/** The page's order: names by pinyin, or units (by pinyin) then names. */
export function sortPeople(people: readonly PersonView[], sort: PeopleSort): PersonView[] {
  const compare =
    sort === 'unit'
      ? (a: PersonView, b: PersonView) =>
          (a.unitName ?? '').localeCompare(b.unitName ?? '', 'zh-CN') || byName(a, b)
      : byName;
  return [...people].sort(compare);
}
