import type { Db } from '../../db/client.ts';
import { findJurisdiction, type Open311Query } from './open311.repository.ts';
import { Open311Error } from './open311-format.ts';
import type { Open311Form } from './submit-open311-request.ts';

const DAY_MS = 86_400_000;
/** The spec: 90 days or the first 1000 requests, whichever is smaller. */
export const MAX_SPAN_DAYS = 90;
export const MAX_REQUESTS = 1000;

/** A w3 datetime with its zone (Z or ±HH:MM); a `+` that a query string turned into a space is put back. */
const W3_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function dateField(form: Open311Form, name: string, problems: string[]): Date | undefined {
  const raw = form.get(name)?.replace(/ (\d{2}:\d{2})$/, '+$1');
  if (raw === undefined) return undefined;
  const date = W3_DATETIME.test(raw) ? new Date(raw) : null;
  if (!date || Number.isNaN(date.getTime())) {
    problems.push(
      `${name} 须为带时区的 w3 时间，例如 2026-09-21T00:00:00+08:00 (${name} must be a w3 datetime with a zone)`,
    );
    return undefined;
  }
  return date;
}

const list = (value: string | undefined) =>
  value
    ?.split(',')
    .map((v) => v.trim())
    .filter(Boolean);

/**
 * The filters of GET requests: service_request_id (overrides the rest), service_code,
 * start_date and end_date (default: the last 90 days; no wider span), status. Every bad
 * parameter is listed in one 400.
 */
export function requestsQuery(form: Open311Form, now: Date): Omit<Open311Query, 'jurisdictionPath'> {
  const problems: string[] = [];
  const numbers = list(form.get('service_request_id'));
  const serviceCodes = list(form.get('service_code'));
  const statuses = list(form.get('status'));
  if (statuses?.some((s) => s !== 'open' && s !== 'closed')) {
    problems.push('status 只能是 open 或 closed (status must be open or closed)');
  }
  const start = dateField(form, 'start_date', problems);
  const end = dateField(form, 'end_date', problems);
  const to = end ?? (start ? new Date(start.getTime() + MAX_SPAN_DAYS * DAY_MS) : now);
  const from = start ?? new Date(to.getTime() - MAX_SPAN_DAYS * DAY_MS);
  if (to < from) problems.push('end_date 早于 start_date (end_date is before start_date)');
  else if (to.getTime() - from.getTime() > MAX_SPAN_DAYS * DAY_MS) {
    problems.push(
      `查询跨度不得超过 ${MAX_SPAN_DAYS} 天 (the range may not span more than ${MAX_SPAN_DAYS} days)`,
    );
  }
  if ((numbers?.length ?? 0) > MAX_REQUESTS) {
    problems.push(`service_request_id 最多 ${MAX_REQUESTS} 个 (at most ${MAX_REQUESTS} ids)`);
  }
  if (problems.length > 0) throw new Open311Error(400, problems);
  return {
    numbers: numbers?.length ? numbers : undefined,
    serviceCodes: serviceCodes?.length ? serviceCodes : undefined,
    from,
    to,
    statuses: statuses as ('open' | 'closed')[] | undefined,
    limit: MAX_REQUESTS,
  };
}

/**
 * jurisdiction_id: optional (one endpoint serves the whole org tree); when given it must
 * be the division code of a city or district (county) here — else 404, as the spec
 * says — and it narrows what GET answers to that division.
 */
export async function jurisdictionPath(db: Db, form: Open311Form): Promise<string | undefined> {
  const code = form.get('jurisdiction_id');
  if (!code) return undefined;
  const unit = code.length <= 20 ? await findJurisdiction(db, code) : undefined;
  if (!unit) throw new Open311Error(404, [`jurisdiction_id “${code}” 不存在 (jurisdiction_id not found)`]);
  return unit.path;
}
