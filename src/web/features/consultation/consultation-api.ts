import { requestJson, withQuery } from '../../lib/api.ts';
import type { Items } from '../../lib/api-types.ts';
import type { Obligation } from '../cases/case-types.ts';
import type {
  DispatchResult,
  Item,
  MeetingRecord,
  MyItem,
  NewItem,
  NewSession,
  Queue,
  Session,
  SessionState,
} from './consultation-types.ts';

const id = encodeURIComponent;

/** The .docx papers of a held session (R7): a plain link, the browser downloads it. */
export const minutesUrl = (sessionId: string) => `/api/consultation/sessions/${id(sessionId)}/minutes.docx`;
export const specialReportUrl = (sessionId: string) =>
  `/api/consultation/sessions/${id(sessionId)}/special-report.docx`;

/** The consultation endpoints; kept out of lib/api.ts so the login page does not download them. */
/** The sessions list's filters (R2: monthly or extra; the session's state). */
export interface SessionFilters {
  kind?: 'monthly' | 'extra' | undefined;
  state?: SessionState | undefined;
}

export const consultationApi = {
  sessions: (areaUnitId: string, filters: SessionFilters = {}) =>
    requestJson<Items<Session>>('GET', withQuery('/api/consultation/sessions', { areaUnitId, ...filters })),
  /** The sessions as .xlsx with the same filters (a plain link: the browser downloads it). */
  sessionsExportUrl: (areaUnitId: string, filters: SessionFilters = {}) =>
    withQuery('/api/consultation/sessions.xlsx', { areaUnitId, ...filters }),
  session: (sessionId: string) =>
    requestJson<{ session: Session; items: Item[] }>('GET', `/api/consultation/sessions/${id(sessionId)}`),
  createSession: (body: NewSession) => requestJson<Session>('POST', '/api/consultation/sessions', { body }),
  queue: (areaUnitId: string) =>
    requestJson<Queue>('GET', withQuery('/api/consultation/queue', { areaUnitId })),
  addItem: (body: NewItem) => requestJson<Item>('POST', '/api/consultation/items', { body }),
  /** R5: `meetingAt` with its offset (+08:00). */
  fixAgenda: (sessionId: string, body: { meetingAt: string; location: string; itemIds: string[] }) =>
    requestJson<Session>('POST', `/api/consultation/sessions/${id(sessionId)}/agenda`, { body }),
  recordMeeting: (sessionId: string, body: MeetingRecord) =>
    requestJson<Session>('POST', `/api/consultation/sessions/${id(sessionId)}/meeting`, { body }),
  issueMinutes: (sessionId: string) =>
    requestJson<Session>('POST', `/api/consultation/sessions/${id(sessionId)}/issue`, { body: {} }),
  /** R9, R7: the items involving my units, what each has sent, the session. */
  myItems: () => requestJson<Items<MyItem>>('GET', '/api/consultation/my-items'),
  submitMaterial: (itemId: string, body: { unitId: string; content: string }) =>
    requestJson<{ id: string }>('POST', `/api/consultation/items/${id(itemId)}/materials`, { body }),
  dispatchCases: (itemId: string) =>
    requestJson<DispatchResult>('POST', `/api/consultation/items/${id(itemId)}/dispatch-cases`, { body: {} }),
  /** The clocks of a subject (R2, R4, R5 of a session; R9 of an item), whatever their state. */
  obligations: (subjectType: string, subjectId: string) =>
    requestJson<Items<Obligation>>(
      'GET',
      withQuery('/api/obligations', { subjectType, subjectId, status: 'all', limit: 100 }),
    ),
};
