import type { Config } from '../config.ts';
import type { Clock } from '../core/clock.ts';
import type { Database, Db } from '../db/client.ts';
import type { AuthSettings } from '../modules/auth/index.ts';
import type { CalendarStore } from '../modules/calendar/index.ts';
import type { NotificationBus } from '../modules/events/index.ts';
import type { FileStore } from '../modules/files/index.ts';
import type { GridIndexStore } from '../modules/org/index.ts';

/** What every route module receives: the database, the clock and the settings. */
export interface AppContext {
  database: Database;
  db: Db;
  clock: Clock;
  config: Config;
  auth: AuthSettings;
  version: string;
  /** The work calendar of this process, reloaded after changes. */
  calendar: CalendarStore;
  /** Wakes open notification streams after commits that notified someone. */
  bus: NotificationBus;
  /** Point → grid index of this process, rebuilt when boundaries change. */
  grids: GridIndexStore;
  /** Where the bytes of photos live (a directory under DATA_DIR, or memory). */
  files: FileStore;
}
