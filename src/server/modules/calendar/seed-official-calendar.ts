import type { Clock } from '../../core/clock.ts';
import type { Db } from '../../db/client.ts';
import { findCalendarYear } from './calendar.repository.ts';
import { loadArrangement } from './load-arrangement.ts';
import { OFFICIAL_ARRANGEMENTS } from './official/arrangements.ts';

/**
 * Loads the official arrangements this release knows into a database that lacks
 * them (every start, demo or not). A year already present is left alone: an
 * administrator's edits win over the shipped data.
 */
export async function seedOfficialCalendar(options: { db: Db; clock: Clock }): Promise<number[]> {
  const loaded: number[] = [];
  for (const arrangement of OFFICIAL_ARRANGEMENTS) {
    if (await findCalendarYear(options.db, arrangement.year)) continue;
    await loadArrangement({ db: options.db, clock: options.clock, caller: 'system', arrangement });
    loaded.push(arrangement.year);
  }
  return loaded;
}
