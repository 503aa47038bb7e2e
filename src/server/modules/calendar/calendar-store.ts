import type { Db } from '../../db/client.ts';
import { loadWorkCalendar } from './calendar.repository.ts';
import { WorkCalendar } from './work-calendar.ts';

/**
 * Holds the current WorkCalendar for a server process. It is reloaded after every
 * change this process makes and periodically (another process may have changed it).
 */
export class CalendarStore {
  private calendar: WorkCalendar = new WorkCalendar([]);

  current(): WorkCalendar {
    return this.calendar;
  }

  async reload(db: Db): Promise<WorkCalendar> {
    this.calendar = await loadWorkCalendar(db);
    return this.calendar;
  }
}
