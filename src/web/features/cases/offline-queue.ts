import { ApiError } from '../../lib/api.ts';
import type { CallValues, Position } from './call-form.ts';
import type { CaseView, NewCall } from './case-types.ts';

/**
 * A photo of a call saved on the phone: its bytes until they are uploaded, then the id
 * the server gave them (kept before the call is posted, so a retry posts the same body).
 */
export interface QueuedPhoto {
  /** Set once POST /api/files took the bytes; the bytes are then dropped. */
  fileId?: string;
  blob?: Blob;
  name: string;
  /** Where the photo was taken, stored with the file on upload (C9). */
  position: { lat: number; lng: number } | null;
}

/** The last refusal or failure of a saved call, in both languages, as the API said it. */
export interface QueuedError {
  status: number;
  code: string;
  message: string;
  message_en: string;
  field?: string;
}

/**
 * A call (C1, C6) written without network, waiting on the phone to be sent. The
 * Idempotency-Key is the record's key: the form's key, sent with every try, so the
 * server records the call once however often the phone sends it.
 */
export interface QueuedCall {
  key: string;
  /** Whose call: only this account sends it (the key is per account on the server). */
  accountId: string;
  /** When it was saved, by the phone's clock (ISO). */
  savedAt: string;
  /** The request as it will be posted, without the photos (their ids are added on sending). */
  body: NewCall;
  /** What the form held, so the user can open the call again to fix it. */
  values: CallValues;
  position: Position | null;
  photos: QueuedPhoto[];
  /** waiting: sent when the network allows; rejected: the server refused it, the user decides. */
  state: 'waiting' | 'rejected';
  error?: QueuedError;
  attempts: number;
}

/** Where saved calls live (IndexedDB on the phone; a map in tests). */
export interface CallStore {
  all(): Promise<QueuedCall[]>;
  put(call: QueuedCall): Promise<void>;
  delete(key: string): Promise<void>;
}

/** The two requests a saved call needs; they throw ApiError as lib/api.ts does. */
export interface CallTransport {
  uploadPhoto(blob: Blob, position: { lat: number; lng: number } | null): Promise<string>;
  raise(body: NewCall, idempotencyKey: string): Promise<CaseView>;
}

/**
 * What a failed request means for a saved call:
 * - offline: no network; stop and try again when it returns;
 * - later: the server cannot answer now (5xx, 429, the same key still in progress);
 * - signedOut: the session ended; the call waits for its user to sign in again;
 * - rejected: the server refused this call (4xx, or 409 for a key used with another body).
 */
export type FailureKind = 'offline' | 'later' | 'signedOut' | 'rejected';

export function classifyFailure(error: unknown): FailureKind {
  if (!(error instanceof ApiError)) return 'later';
  if (error.code === 'NETWORK') return 'offline';
  if (error.status === 401) return 'signedOut';
  if (error.status === 403 && error.code === 'PASSWORD_CHANGE_REQUIRED') return 'signedOut';
  if (error.status === 409 && error.code === 'IDEMPOTENCY_IN_PROGRESS') return 'later';
  if (error.status === 0 || error.status === 408 || error.status === 425 || error.status === 429)
    return 'later';
  if (error.status >= 500) return 'later';
  return 'rejected';
}

function errorOf(error: unknown): QueuedError {
  if (error instanceof ApiError) {
    const out: QueuedError = {
      status: error.status,
      code: error.code,
      message: error.message,
      message_en: error.message_en,
    };
    if (error.field) out.field = error.field;
    return out;
  }
  return {
    status: 0,
    code: 'CLIENT_ERROR',
    message: '页面出现错误，请刷新后重试。',
    message_en: 'Something went wrong on this page. Reload and try again.',
  };
}

/** A saved call as the form hands it over; it waits to be sent. */
export function newQueuedCall(init: {
  key: string;
  accountId: string;
  savedAt: string;
  body: NewCall;
  values: CallValues;
  position: Position | null;
  photos: QueuedPhoto[];
}): QueuedCall {
  const { photoIds: _ignored, ...body } = init.body;
  return { ...init, body, state: 'waiting', attempts: 0 };
}

export type SendOutcome =
  | { kind: 'sent'; key: string; result: CaseView }
  | { kind: 'rejected'; key: string; error: QueuedError }
  | { kind: 'offline' | 'later' | 'signedOut'; key: string; error: QueuedError };

/**
 * Sends one saved call: the photos not yet uploaded (each id saved at once), then the
 * call with its own Idempotency-Key. The record is removed only after the server
 * accepted the call (201, or 200 for a replay): a crash between the answer and the
 * removal sends it again, and the key makes the server answer with the first case.
 */
export async function sendQueuedCall(
  call: QueuedCall,
  deps: { store: CallStore; transport: CallTransport },
): Promise<SendOutcome> {
  let current: QueuedCall = { ...call, photos: [...call.photos], attempts: call.attempts + 1 };
  const fail = async (caught: unknown, field?: string): Promise<SendOutcome> => {
    const kind = classifyFailure(caught);
    const error = errorOf(caught);
    if (field && !error.field) error.field = field;
    // No network says nothing about the call: keep the record as it was, error and all.
    if (kind === 'offline') return { kind, key: call.key, error };
    await deps.store.put({ ...current, state: kind === 'rejected' ? 'rejected' : 'waiting', error });
    return { kind, key: call.key, error };
  };
  for (const [index, photo] of current.photos.entries()) {
    if (photo.fileId) continue;
    if (!photo.blob) return fail(missingPhoto(), 'photoIds');
    let fileId: string;
    try {
      fileId = await deps.transport.uploadPhoto(photo.blob, photo.position);
    } catch (caught) {
      return fail(caught, 'photoIds');
    }
    current.photos[index] = { name: photo.name, position: photo.position, fileId };
    current = { ...current, photos: [...current.photos] };
    await deps.store.put(current);
  }
  const photoIds = current.photos.flatMap((photo) => (photo.fileId ? [photo.fileId] : []));
  const body: NewCall = photoIds.length > 0 ? { ...current.body, photoIds } : current.body;
  let result: CaseView;
  try {
    result = await deps.transport.raise(body, current.key);
  } catch (caught) {
    return fail(caught);
  }
  await deps.store.delete(current.key);
  return { kind: 'sent', key: current.key, result };
}

function missingPhoto(): ApiError {
  return new ApiError({
    status: 422,
    code: 'PHOTO_LOST',
    message: '本机保存的照片已丢失，请移除后重新拍摄。',
    message_en: 'A photo saved on this phone is lost; remove it and take it again.',
  });
}

export interface FlushResult {
  sent: { key: string; result: CaseView }[];
  rejected: { key: string; error: QueuedError }[];
  /** Why the round stopped before the end, when it did. */
  stopped?: 'offline' | 'later' | 'signedOut';
}

/** The account's waiting calls, oldest first. */
export function waitingCalls(calls: readonly QueuedCall[], accountId: string): QueuedCall[] {
  return calls
    .filter((call) => call.accountId === accountId && call.state === 'waiting')
    .sort((a, b) => a.savedAt.localeCompare(b.savedAt) || a.key.localeCompare(b.key));
}

/**
 * One round over the account's waiting calls, oldest first, each sent once. The round
 * stops at the first call that cannot go now (no network, server busy, signed out): the
 * others would fail the same way. A refused call is kept for its user and the round goes on.
 */
export async function flushQueue(deps: {
  store: CallStore;
  transport: CallTransport;
  accountId: string;
}): Promise<FlushResult> {
  const result: FlushResult = { sent: [], rejected: [] };
  for (const call of waitingCalls(await deps.store.all(), deps.accountId)) {
    const outcome = await sendQueuedCall(call, deps);
    if (outcome.kind === 'sent') result.sent.push({ key: outcome.key, result: outcome.result });
    else if (outcome.kind === 'rejected') result.rejected.push({ key: outcome.key, error: outcome.error });
    else {
      result.stopped = outcome.kind;
      break;
    }
  }
  return result;
}
