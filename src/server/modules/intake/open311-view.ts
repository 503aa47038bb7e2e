import { toIsoShanghai } from '../../core/time.ts';
import type { Db } from '../../db/client.ts';
import { type CategoryRow, listCategories } from '../routing/index.ts';
import { type IntakeCaseRow, runningDueTimes, unitNames } from './intake.repository.ts';
import { CLOSED_STATES } from './open311.repository.ts';
import type { Open311Value } from './open311-format.ts';

/** The line a request's media_url is kept on inside the case's situation (nothing is downloaded). */
export const MEDIA_LINE = '附件链接：';

/** Leaves of the catalogue that are in use: the Open311 services (service_code = category code). */
export async function openServices(db: Db): Promise<{ leaf: CategoryRow; group: string | null }[]> {
  const rows = await listCategories(db);
  const names = new Map(rows.map((r) => [r.code, r.nameZh]));
  return rows
    .filter((r) => r.slaClass && !r.retiredAt)
    .map((leaf) => ({ leaf, group: leaf.parentCode ? (names.get(leaf.parentCode) ?? null) : null }));
}

/** GET services: one entry per leaf, fields in the spec's order. */
export function presentService(leaf: CategoryRow, group: string | null): Open311Value {
  return {
    service_code: leaf.code,
    service_name: leaf.nameZh,
    description: `${leaf.nameZh}（${leaf.nameEn}）`,
    // Nothing beyond the standard fields is required, so no definition call is needed.
    metadata: false,
    // Requests are created synchronously: the answer carries the service_request_id.
    type: 'realtime',
    keywords: leaf.keywords.split(/\s+/).filter(Boolean).join(', '),
    group,
  };
}

/** Open311 attribute code for the client's own reference (retries return the same request). */
export const SOURCE_REF_ATTRIBUTE = 'source_ref';

/** GET services/{code}: one optional attribute, the client's own reference. */
export function presentServiceDefinition(leaf: CategoryRow): Open311Value {
  return {
    service_code: leaf.code,
    attributes: [
      {
        variable: true,
        code: SOURCE_REF_ATTRIBUTE,
        datatype: 'string',
        required: false,
        datatype_description: '字母、数字和 ._:-，最多 100 个字符 (letters, digits and ._:-, up to 100)',
        order: 1,
        description:
          '客户端自己的唯一编号；同一编号再次提交时返回同一请求 (your own unique id: resubmitting it returns the same request)',
        values: [],
      },
    ],
  };
}

/** What the state tells a member of the public; never who raised it or how to reach them. */
export function serviceNotice(closed: boolean, leadUnitId: string | null): string {
  if (closed) return '已办结，答复见 status_notes';
  if (leadUnitId) return '已派单，由承办单位处理';
  return '已受理，等待指挥中心分拨';
}

/** Splits the media line back out of the situation. */
function splitMedia(situation: string): { description: string; mediaUrl: string | null } {
  const at = situation.lastIndexOf(`\n${MEDIA_LINE}`);
  if (at < 0) return { description: situation, mediaUrl: null };
  return {
    description: situation.slice(0, at),
    mediaUrl: situation.slice(at + MEDIA_LINE.length + 1).trim(),
  };
}

/**
 * GET requests / requests/{id}: the spec's fields, in its order. No personal data: the
 * party (name, phone, email) is never part of the answer.
 */
export async function presentRequests(db: Db, rows: IntakeCaseRow[]): Promise<Open311Value[]> {
  const [services, agencies, due] = await Promise.all([
    listCategories(db),
    unitNames(
      db,
      rows.map((r) => r.leadUnitId),
    ),
    runningDueTimes(
      db,
      rows.map((r) => r.id),
    ),
  ]);
  const serviceNames = new Map(services.map((s) => [s.code, s.nameZh]));
  return rows.map((row) => {
    const closed = CLOSED_STATES.includes(row.state);
    const expected = due.get(row.id);
    const { description, mediaUrl } = splitMedia(row.situation);
    return {
      service_request_id: row.number,
      status: closed ? 'closed' : 'open',
      // C12: the answer given when the case closed.
      status_notes: closed ? row.feedback : null,
      service_name: serviceNames.get(row.category) ?? row.category,
      service_code: row.category,
      description,
      agency_responsible: row.leadUnitId ? (agencies.get(row.leadUnitId) ?? null) : null,
      service_notice: serviceNotice(closed, row.leadUnitId),
      requested_datetime: toIsoShanghai(row.createdAt),
      updated_datetime: toIsoShanghai(row.updatedAt),
      expected_datetime: expected && !closed ? toIsoShanghai(expected) : null,
      address: row.address,
      address_id: null,
      zipcode: null,
      lat: row.lat,
      long: row.lng,
      media_url: mediaUrl,
    };
  });
}
