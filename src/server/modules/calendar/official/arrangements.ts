import type { CalendarArrangement } from '../calendar-arrangement.ts';

/**
 * The State Council's holiday arrangements (国务院办公厅关于部分节假日安排的通知).
 * `off` is an inclusive range of rest days; `work` lists the make-up workdays (调休).
 * A new year is added by an administrator (API, page or file import) when published.
 */
export const OFFICIAL_ARRANGEMENTS: CalendarArrangement[] = [
  {
    year: 2025,
    source: '国办发明电〔2024〕12号',
    holidays: [
      { name: '元旦', off: ['2025-01-01', '2025-01-01'], work: [] },
      { name: '春节', off: ['2025-01-28', '2025-02-04'], work: ['2025-01-26', '2025-02-08'] },
      { name: '清明节', off: ['2025-04-04', '2025-04-06'], work: [] },
      { name: '劳动节', off: ['2025-05-01', '2025-05-05'], work: ['2025-04-27'] },
      { name: '端午节', off: ['2025-05-31', '2025-06-02'], work: [] },
      { name: '国庆节、中秋节', off: ['2025-10-01', '2025-10-08'], work: ['2025-09-28', '2025-10-11'] },
    ],
  },
  {
    year: 2026,
    source: '国务院办公厅关于2026年部分节假日安排的通知',
    holidays: [
      { name: '元旦', off: ['2026-01-01', '2026-01-03'], work: ['2026-01-04'] },
      { name: '春节', off: ['2026-02-15', '2026-02-23'], work: ['2026-02-14', '2026-02-28'] },
      { name: '清明节', off: ['2026-04-04', '2026-04-06'], work: [] },
      { name: '劳动节', off: ['2026-05-01', '2026-05-05'], work: ['2026-05-09'] },
      { name: '端午节', off: ['2026-06-19', '2026-06-21'], work: [] },
      { name: '中秋节', off: ['2026-09-25', '2026-09-27'], work: [] },
      { name: '国庆节', off: ['2026-10-01', '2026-10-07'], work: ['2026-09-20', '2026-10-10'] },
    ],
  },
];
