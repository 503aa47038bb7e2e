import { requestJson, requestVoid, withQuery } from '../../lib/api.ts';
import type { Items } from '../../lib/api-types.ts';
import type { CaseListQuery } from './case-list.ts';
import type {
  ActionInput,
  CaseDetail,
  CaseRecord,
  CaseTask,
  CaseView,
  Category,
  DuplicateSuggestion,
  NewCall,
  RoutingSuggestion,
} from './case-types.ts';

const id = encodeURIComponent;

const caseParams = (query: CaseListQuery & { limit?: number }) => ({
  state: query.state || undefined,
  mine: query.mine ? 'true' : undefined,
  category: query.category,
  from: query.from,
  to: query.to,
  q: query.q,
  sort: query.sort && query.sort !== 'newest' ? query.sort : undefined,
  limit: query.limit,
});

/** The case endpoints; kept here, out of lib/api.ts, so the login page does not download them. */
export const casesApi = {
  categories: () => requestJson<Items<Category>>('GET', '/api/categories'),
  /** C1, C6. The key makes a retry after a network failure return the first answer, not a second case. */
  raise: (body: NewCall, idempotencyKey: string) =>
    requestJson<CaseView>('POST', '/api/cases', { body, headers: { 'Idempotency-Key': idempotencyKey } }),
  list: (query: CaseListQuery & { limit?: number } = {}) =>
    requestJson<Items<CaseView>>('GET', withQuery('/api/cases', caseParams(query))),
  /** The list as .xlsx with the same filters and sort (a plain link: the browser downloads it). */
  exportUrl: (query: CaseListQuery) => withQuery('/api/cases.xlsx', caseParams(query)),
  get: (caseId: string) => requestJson<CaseDetail>('GET', `/api/cases/${id(caseId)}`),
  /** One step of the flow; `version` is the case version read (412 VERSION_CONFLICT when stale). */
  act: (caseId: string, action: string, version: number, body: ActionInput) =>
    requestJson<CaseView>('POST', `/api/cases/${id(caseId)}/actions/${id(action)}`, {
      body,
      headers: { 'If-Match': `"${version}"` },
    }),
  /** The lead unit's progress note (after signing); the state stays. */
  progress: (caseId: string, body: { note: string; photoIds?: string[] }) =>
    requestVoid('POST', `/api/cases/${id(caseId)}/progress`, { body }),
  /** A cooperating unit signs (C8) or finishes (C10) its task. */
  actOnTask: (
    caseId: string,
    taskId: string,
    action: 'sign' | 'finish',
    body: { result?: string; photoIds?: string[] } = {},
  ) => requestJson<CaseTask>('POST', `/api/cases/${id(caseId)}/tasks/${id(taskId)}/${action}`, { body }),
  /** C14: a joint consultation (two units or more, decision and minutes) or a referral to mediation (one body). */
  addRecord: (
    caseId: string,
    body: {
      kind: 'joint_consultation' | 'mediation_referral';
      unitIds: string[];
      decision?: string;
      minutes?: string;
      decidedByLeader?: boolean;
    },
  ) => requestJson<CaseRecord>('POST', `/api/cases/${id(caseId)}/records`, { body }),
  /** C7: the responsibility catalogue's lead unit for a category at a place (a grid, or the area). */
  suggestRouting: (category: string, placeUnitId: string) =>
    requestJson<RoutingSuggestion>('GET', withQuery('/api/routing/suggest', { category, grid: placeUnitId })),
  duplicates: (caseId: string) =>
    requestJson<Items<DuplicateSuggestion>>('GET', `/api/cases/${id(caseId)}/duplicates`),
};

let categoriesOnce: Promise<Category[]> | null = null;

/** The catalogue changes rarely: one request per page load serves every case page. */
export function loadCategories(): Promise<Category[]> {
  if (!categoriesOnce) {
    categoriesOnce = casesApi.categories().then(
      (page) => page.items,
      (error: unknown) => {
        categoriesOnce = null;
        throw error;
      },
    );
  }
  return categoriesOnce;
}

/** A fresh Idempotency-Key (crypto.randomUUID needs a secure context: HTTPS or localhost). */
export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // Plain HTTP on an intranet address: random enough to tell one submission from another.
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
