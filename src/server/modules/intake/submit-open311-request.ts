import { randomUUID } from 'node:crypto';
import type { Clock } from '../../core/clock.ts';
import type { Db } from '../../db/client.ts';
import type { WorkCalendar } from '../calendar/index.ts';
import { ELEMENTS } from '../cases/index.ts';
import type { GridIndex } from '../org/index.ts';
import { requireCaseCategory } from '../routing/index.ts';
import { hashApiKey } from './api-key.ts';
import { findSourceByKeyHash } from './intake.repository.ts';
import { sourceRef as sourceRefSchema } from './intake.schemas.ts';
import { Open311Error } from './open311-format.ts';
import { MEDIA_LINE, SOURCE_REF_ATTRIBUTE } from './open311-view.ts';
import { type ReceivedCase, receiveCase } from './receive-case.ts';

/** The fields of a POST requests form: single values, and `attribute[code]` lists. */
export interface Open311Form {
  get(name: string): string | undefined;
  attribute(code: string): string[];
}

export interface SubmitOpen311RequestOptions {
  db: Db;
  clock: Clock;
  calendar: WorkCalendar;
  grids: GridIndex;
  defaultWarnRatio: number;
  form: Open311Form;
}

/** C6 as it applies to Open311: besides the service_code, a location and a description. */
const OPEN311_ELEMENTS = ELEMENTS.filter((e) => ['address', 'situation', 'demand'].includes(e.field));

/** An optional number field: undefined when absent, NaN when not a number. */
function numberField(form: Open311Form, name: string): number | undefined {
  const raw = form.get(name);
  return raw === undefined ? undefined : /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : Number.NaN;
}

/**
 * POST requests (Open311 GeoReport v2) as a C5 intake: the api_key must belong to an
 * enabled source allowed to use Open311 (403 otherwise, as the spec says), every missing
 * or bad field is listed in one 400, an unknown service_code is a 404. The case is
 * opened like any source's (triage, grid assist) on channel open311.
 */
export async function submitOpen311Request(options: SubmitOpen311RequestOptions): Promise<ReceivedCase> {
  const { form } = options;
  const key = form.get('api_key');
  if (!key) throw new Open311Error(403, ['缺少 api_key (api_key is missing)']);
  const source = key.length <= 200 ? await findSourceByKeyHash(options.db, hashApiKey(key)) : undefined;
  if (!source?.open311) {
    throw new Open311Error(403, ['api_key 无效或未获准使用 Open311 (invalid api_key for Open311)']);
  }

  const problems: string[] = [];
  const serviceCode = form.get('service_code');
  if (!serviceCode) problems.push('缺少 service_code (service_code is missing)');
  const lat = numberField(form, 'lat');
  const lng = numberField(form, 'long');
  const address = form.get('address_string');
  if ((lat === undefined) !== (lng === undefined)) {
    problems.push('lat 与 long 须同时给出 (send both lat and long)');
  } else if (lat !== undefined && lng !== undefined) {
    if (!(Math.abs(lat) <= 90 && Math.abs(lng) <= 180)) {
      problems.push('lat/long 不是有效的 WGS84 坐标 (lat/long are not WGS84 coordinates)');
    }
  } else if (!address) {
    // C6: the place. address_id alone cannot be placed: there is no address register here.
    problems.push(
      '缺少位置：请给出 lat 和 long，或 address_string (location is missing: lat & long or address_string)',
    );
  }
  const description = form.get('description');
  if (!description) problems.push('缺少 description (description is missing)');
  else if (description.length > 4000)
    problems.push('description 超过 4000 字 (description exceeds 4,000 characters)');
  const mediaUrl = form.get('media_url');
  if (mediaUrl && (mediaUrl.length > 1000 || !/^https?:\/\/\S+$/i.test(mediaUrl))) {
    problems.push('media_url 须为 http(s) 地址 (media_url must be an http(s) URL)');
  }
  const [clientRef] = form.attribute(SOURCE_REF_ATTRIBUTE);
  if (clientRef !== undefined && !sourceRefSchema.safeParse(clientRef).success) {
    problems.push(
      `attribute[${SOURCE_REF_ATTRIBUTE}] 只能含字母、数字和 ._:- (letters, digits and ._:- only)`,
    );
  }
  for (const [name, max] of [
    ['first_name', 50],
    ['last_name', 50],
    ['phone', 30],
    ['email', 200],
    ['address_string', 300],
  ] as const) {
    if ((form.get(name)?.length ?? 0) > max) problems.push(`${name} 过长 (${name} is too long)`);
  }
  if (problems.length > 0) throw new Open311Error(400, problems);

  try {
    await requireCaseCategory(options.db, serviceCode as string, 'service_code');
  } catch {
    throw new Open311Error(404, [`service_code “${serviceCode}” 不存在 (service_code not found)`]);
  }
  const name = `${form.get('last_name') ?? ''}${form.get('first_name') ?? ''}`.trim() || '市民';
  const contact = [
    form.get('phone') && `电话：${form.get('phone')}`,
    form.get('email') && `邮箱：${form.get('email')}`,
  ]
    .filter(Boolean)
    .join('，');
  const text = description as string;
  return receiveCase({
    db: options.db,
    clock: options.clock,
    calendar: options.calendar,
    grids: options.grids,
    defaultWarnRatio: options.defaultWarnRatio,
    source,
    // Without the client's own reference each POST is a new request.
    sourceRef: clientRef ?? `open311-${randomUUID()}`,
    input: {
      category: serviceCode as string,
      channel: 'open311',
      occurredAt: options.clock.now(),
      lat,
      lng,
      address,
      party: contact ? `${name}（${contact}）` : name,
      // Media stays a link in the text: nothing is downloaded.
      situation: mediaUrl ? `${text}\n${MEDIA_LINE}${mediaUrl}` : text,
      demand: text,
    },
    elements: OPEN311_ELEMENTS,
  });
}
