import type {
  Account,
  AuditPage,
  BoundaryImportResult,
  CalendarArrangement,
  CalendarChangeResult,
  CalendarDays,
  CalendarYear,
  ChainLink,
  CoverageReport,
  DayChange,
  DivisionImportResult,
  DivisionSource,
  DueResult,
  Grant,
  GridFeatureCollection,
  Items,
  LocateResult,
  Me,
  NewAccount,
  NewGrant,
  NewOfficeHours,
  NewOrgUnit,
  NewPerson,
  NewPost,
  OfficeHours,
  OrgUnit,
  PeopleImportResult,
  Person,
  PersonDetail,
  Post,
  UnitPage,
  VerifyResult,
} from './api-types.ts';

/** An error the API answered with (or a failure to reach it, status 0), in both languages. */
export class ApiError extends Error {
  readonly status: number;
  /** Stable code from the error envelope, e.g. BAD_CREDENTIALS. */
  readonly code: string;
  readonly message_en: string;
  /** Path of the offending request field, e.g. 'newPassword', when the server named one. */
  readonly field: string | undefined;
  /**
   * The whole answer the error came in, for the few errors that carry more than the
   * envelope (the row-by-row list of a refused import, say); undefined when not JSON.
   */
  readonly body: unknown;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    message_en: string;
    field?: string | undefined;
    body?: unknown;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.message_en = init.message_en;
    this.field = init.field;
    this.body = init.body;
  }
}

interface ErrorEnvelope {
  error: { code: string; message: string; message_en: string; field?: string | null };
}

function isErrorEnvelope(value: unknown): value is ErrorEnvelope {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = value.error;
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof error.code === 'string' &&
    'message' in error &&
    typeof error.message === 'string'
  );
}

type AuthFailureHandler = (error: ApiError) => void;

interface AuthFailureHandlers {
  /** A call other than login answered 401: the session is gone. */
  unauthorized?: AuthFailureHandler;
  /** A call answered 403 PASSWORD_CHANGE_REQUIRED. */
  passwordChangeRequired?: AuthFailureHandler;
}

let handlers: AuthFailureHandlers = {};

/** The session layer registers here; the client itself knows nothing about routing. */
export function setAuthFailureHandlers(next: AuthFailureHandlers): void {
  handlers = next;
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as it is, with its own type as Content-Type (a photo's bytes); instead of `body`. */
  blob?: Blob;
  /** Extra headers a call needs, such as Idempotency-Key or If-Match. */
  headers?: Record<string, string>;
  /**
   * False for calls that answer 401 as part of their normal work: login (bad credentials)
   * and the start-up session probe (nobody signed in yet). They do not trigger the redirect.
   */
  handle401?: boolean;
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON: a proxy's error page, say. Fall through to the generic error.
  }
  if (isErrorEnvelope(body)) {
    const { code, message, message_en, field } = body.error;
    return new ApiError({
      status: response.status,
      code,
      message,
      message_en: message_en || message,
      field: field ?? undefined,
      body,
    });
  }
  return new ApiError({
    status: response.status,
    code: `HTTP_${response.status}`,
    message: `服务器返回错误（${response.status}），请稍后重试。`,
    message_en: `The server answered with an error (${response.status}). Please try again later.`,
  });
}

async function send(method: Method, path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { ...options.headers, Accept: 'application/json' };
  // No Content-Type without a body: a JSON parser rejects an empty body declared as JSON.
  if (options.blob) headers['Content-Type'] = options.blob.type || 'application/octet-stream';
  else if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers,
      body: options.blob ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    });
  } catch {
    throw new ApiError({
      status: 0,
      code: 'NETWORK',
      message: '无法连接服务器，请检查网络后重试。',
      message_en: 'Cannot reach the server. Check the network and try again.',
    });
  }
  if (response.ok) return response;
  const error = await toApiError(response);
  if (error.status === 401 && options.handle401 !== false) handlers.unauthorized?.(error);
  if (error.status === 403 && error.code === 'PASSWORD_CHANGE_REQUIRED') {
    handlers.passwordChangeRequired?.(error);
  }
  throw error;
}

/** One JSON call, for the feature modules that keep their own endpoints out of this shared file. */
export async function requestJson<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(method, path, options);
  return (await response.json()) as T;
}

/** One call whose answer has no body (204). */
export async function requestVoid(method: Method, path: string, options: RequestOptions = {}): Promise<void> {
  await send(method, path, options);
}

export function withQuery(path: string, query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

const id = encodeURIComponent;

export const api = {
  login: (body: { username: string; password: string }) =>
    requestJson<{ user: Me }>('POST', '/api/auth/login', { body, handle401: false }),
  me: (options: { handle401?: boolean } = {}) => requestJson<Me>('GET', '/api/auth/me', options),
  changePassword: (body: { currentPassword: string; newPassword: string }) =>
    requestVoid('POST', '/api/auth/password', { body }),
  logout: () => requestVoid('POST', '/api/auth/logout', { handle401: false }),
  logoutAll: () => requestVoid('POST', '/api/auth/logout-all', { handle401: false }),
  updateSettings: (body: { locale: Me['locale'] }) =>
    requestJson<Me>('PUT', '/api/auth/me/settings', { body }),

  orgUnits: (query: { q?: string; kind?: string; parentId?: string; limit?: number } = {}) =>
    requestJson<Items<OrgUnit>>('GET', withQuery('/api/org/units', query)),
  orgUnit: (unitId: string) => requestJson<UnitPage>('GET', `/api/org/units/${id(unitId)}`),
  createOrgUnit: (body: NewOrgUnit) => requestJson<OrgUnit>('POST', '/api/org/units', { body }),
  importDivisions: (body: { county: string; from: DivisionSource }) =>
    requestJson<DivisionImportResult>('POST', '/api/org/divisions/import', { body }),
  gridBoundaries: (townshipId: string) =>
    requestJson<GridFeatureCollection>('GET', `/api/org/units/${id(townshipId)}/grids.geojson`),
  /** The body is the FeatureCollection as read from the user's file: the server checks it. */
  putGridBoundaries: (townshipId: string, body: unknown) =>
    requestJson<BoundaryImportResult>('PUT', `/api/org/units/${id(townshipId)}/grids.geojson`, { body }),
  coverage: (townshipId: string) =>
    requestJson<CoverageReport>('GET', `/api/org/units/${id(townshipId)}/coverage`),
  locateGrid: (query: { lat: number; lng: number }) =>
    requestJson<LocateResult>('GET', withQuery('/api/grids/locate', query)),
  gridChain: (gridId: string) => requestJson<Items<ChainLink>>('GET', `/api/grids/${id(gridId)}/chain`),
  handOverGrid: (gridId: string, body: { personId: string; on: string }) =>
    requestJson<{ endedPostId: string | null; startedPostId: string }>(
      'POST',
      `/api/grids/${id(gridId)}/hand-over`,
      { body },
    ),

  people: (query: { unitId?: string; q?: string; sort?: 'name' | 'unit'; limit?: number } = {}) =>
    requestJson<Items<Person>>('GET', withQuery('/api/people', query)),
  person: (personId: string) => requestJson<PersonDetail>('GET', `/api/people/${id(personId)}`),
  createPerson: (body: NewPerson) => requestJson<Person>('POST', '/api/people', { body }),
  updatePerson: (personId: string, body: Partial<NewPerson>) =>
    requestJson<Person>('PATCH', `/api/people/${id(personId)}`, { body }),
  startPost: (body: NewPost) => requestJson<Post>('POST', '/api/posts', { body }),
  endPost: (postId: string, body: { endsOn: string }) =>
    requestJson<Post>('POST', `/api/posts/${id(postId)}/end`, { body }),
  /** `content`: the .xlsx file, base64. A refusal (422 IMPORT_INVALID) lists the bad cells in `ApiError.body`. */
  importPeople: (body: { content: string }) =>
    requestJson<PeopleImportResult>('POST', '/api/people/import', { body }),

  accounts: (query: Record<string, string | undefined> = {}) =>
    requestJson<Items<Account>>('GET', withQuery('/api/accounts', query)),
  createAccount: (body: NewAccount) => requestJson<Account>('POST', '/api/accounts', { body }),
  resetPassword: (accountId: string, body: { newPassword: string }) =>
    requestVoid('POST', `/api/accounts/${id(accountId)}/reset-password`, { body }),
  unlockAccount: (accountId: string) => requestVoid('POST', `/api/accounts/${id(accountId)}/unlock`),

  grants: (accountId: string) => requestJson<Items<Grant>>('GET', withQuery('/api/grants', { accountId })),
  createGrant: (body: NewGrant) => requestJson<Grant>('POST', '/api/grants', { body }),
  revokeGrant: (grantId: string) => requestVoid('DELETE', `/api/grants/${id(grantId)}`),

  auditEvents: (query: { limit?: number; before?: string } & Record<string, string | number | undefined>) =>
    requestJson<AuditPage>('GET', withQuery('/api/audit/events', query)),
  verifyAudit: () => requestJson<VerifyResult>('POST', '/api/audit/verify'),

  calendarDays: (query: { from: string; to: string }) =>
    requestJson<CalendarDays>('GET', withQuery('/api/calendar/days', query)),
  calendarYears: () => requestJson<Items<CalendarYear>>('GET', '/api/calendar/years'),
  setCalendarDays: (body: { days: DayChange[]; reason: string }) =>
    requestJson<CalendarChangeResult>('PUT', '/api/calendar/days', { body }),
  loadArrangement: (body: CalendarArrangement) =>
    requestJson<CalendarChangeResult>('POST', '/api/calendar/arrangements', { body }),
  importCalendar: (body: { format: 'json' | 'ics'; content: string }) =>
    requestJson<CalendarChangeResult>('POST', '/api/calendar/import', { body }),
  officeHours: () => requestJson<Items<OfficeHours>>('GET', '/api/calendar/office-hours'),
  addOfficeHours: (body: NewOfficeHours) =>
    requestJson<CalendarChangeResult>('POST', '/api/calendar/office-hours', { body }),
  removeOfficeHours: (scheduleId: string) =>
    requestJson<CalendarChangeResult>('DELETE', `/api/calendar/office-hours/${id(scheduleId)}`),
  due: (query: { start: string; rule: string }) =>
    requestJson<DueResult>('GET', withQuery('/api/calendar/due', query)),
};

/** Anything thrown by the client is an ApiError; anything else (a bug) is wrapped so the UI can show it. */
export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  console.error(error);
  return new ApiError({
    status: 0,
    code: 'CLIENT_ERROR',
    message: '页面出现错误，请刷新后重试。',
    message_en: 'Something went wrong on this page. Reload and try again.',
  });
}

/** True when the error names this form field (the server may give a path such as 'body.password'). */
export function isFieldError(error: ApiError | null, name: string): boolean {
  const field = error?.field;
  return field !== undefined && (field === name || field.endsWith(`.${name}`));
}
