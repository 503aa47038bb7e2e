import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Clock } from '../../core/clock.ts';
import { badRequest } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import type { WorkCalendar } from '../calendar/index.ts';
import {
  type CallElement,
  type CallInput,
  type CaseView,
  openCase,
  presentCase,
  requireElements,
} from '../cases/index.ts';
import { notify } from '../events/index.ts';
import type { GridIndex, OrgUnitRow } from '../org/index.ts';
import {
  ancestorsOf,
  findCaseBySourceRef,
  findUnit,
  findUnitByCode,
  type IntakeSourceRow,
  townshipsUnder,
} from './intake.repository.ts';
import { isUniqueViolation } from './intake-sources.ts';

export interface ReceiveCaseOptions {
  db: Db;
  clock: Clock;
  calendar: WorkCalendar;
  grids: GridIndex;
  defaultWarnRatio: number;
  /** The authenticated, enabled source system. */
  source: IntakeSourceRow;
  /** The source's own reference: the case's identity for retries (C5). */
  sourceRef: string;
  /** The demand; `channel` is the source's (or open311). */
  input: CallInput;
  /** The elements this channel must carry (C6 as it applies to the channel), each missing one named. */
  elements: readonly CallElement[];
  /** Without coordinates: the code of the township, community or grid where it happened. */
  placeCode?: string | undefined;
}

export interface ReceivedCase {
  /** False when the source's reference was already known: the stored case, unchanged. */
  created: boolean;
  case: CaseView;
}

/** Units a case without coordinates may be placed at (placeCode). */
const PLACE_KINDS = ['township', 'community', 'grid'];

const outsideArea = (field: string) =>
  badRequest(
    'OUTSIDE_AREA',
    '该地点不在来源系统的受理辖区内',
    'The place lies outside the source system’s area',
    field,
  );

/**
 * A demand handed in by a source system (C5: 12345 hotline, petitions, public opinion,
 * Open311). Idempotent by the source's own reference: a known reference returns the stored
 * case; two concurrent first posts race on the unique index (source_id, source_ref) and
 * the loser returns the winner's case. The case starts at the township centre's triage
 * (C7) and the grid where it happened is told in the same transaction (网格协办).
 */
export async function receiveCase(options: ReceiveCaseOptions): Promise<ReceivedCase> {
  const { db, source, sourceRef } = options;
  const known = await findCaseBySourceRef(db, source.id, sourceRef);
  if (known) return { created: false, case: presentCase(known) };
  requireElements(options.input, options.elements);
  const raiserUnit = await placeOf(options);
  try {
    const view = await db.transaction(async (tx) => {
      const opened = await openCase({
        db: tx,
        clock: options.clock,
        calendar: options.calendar,
        grids: options.grids,
        input: options.input,
        defaultWarnRatio: options.defaultWarnRatio,
        raiser: {
          accountId: null,
          role: 'source',
          unit: raiserUnit,
          actor: null,
          sourceId: source.id,
          sourceRef,
        },
      });
      // C5: a demand from any channel is also sent to the grid where it happened (网格协办).
      if (opened.gridId) {
        await notify({
          db: tx,
          at: options.clock.now(),
          to: { unitId: opened.gridId },
          kind: 'case.grid_assist',
          subject: { type: 'case', id: opened.id },
          title: {
            zh: `${source.name}转来诉求，请网格协办：${opened.number}`,
            en: `${source.name} handed in a demand in your grid: ${opened.number}`,
          },
          data: { number: opened.number, channel: opened.channel, sourceCode: source.code },
        });
      }
      return opened;
    });
    return { created: true, case: view };
  } catch (error) {
    // C5: a concurrent post with the same reference won the race; answer with its case.
    if (!isUniqueViolation(error, 'cases_source_ref_uq')) throw error;
    const winner = await findCaseBySourceRef(db, source.id, sourceRef);
    if (!winner) throw error;
    return { created: false, case: presentCase(winner) };
  }
}

/** Whether the point lies in the unit's boundary; true when the unit has none to test. */
function within(unit: OrgUnitRow, lng: number, lat: number): boolean {
  const boundary = unit.boundary;
  if (!boundary || (boundary.type !== 'Polygon' && boundary.type !== 'MultiPolygon')) return true;
  return booleanPointInPolygon([lng, lat], boundary);
}

/**
 * The unit openCase places the case with when the point lies in no grid, or when there
 * is no point: the named place (inside the source's area), else the area itself — or,
 * for a point outside every grid in an area above township level, the township whose
 * boundary holds it. A point in a grid or a boundary outside the area is refused
 * (OUTSIDE_AREA), and so is a case that cannot be placed in one township.
 */
async function placeOf(options: ReceiveCaseOptions): Promise<OrgUnitRow> {
  const { db, input } = options;
  const area = await findUnit(db, options.source.areaUnitId);
  if (!area) throw new Error('the source’s area is missing');
  let unit = area;
  if (options.placeCode) {
    const named = await findUnitByCode(db, options.placeCode);
    if (!named?.path.startsWith(area.path) || !PLACE_KINDS.includes(named.kind)) {
      throw outsideArea('placeCode');
    }
    unit = named;
  }
  const township = (await ancestorsOf(db, unit)).find((u) => u.kind === 'township');
  if (input.lat === undefined || input.lng === undefined) {
    if (township) return unit;
    throw badRequest(
      'PLACE_UNKNOWN',
      '无法确定所属乡镇（街道）：请给出经纬度，或给出乡镇、社区或网格代码（placeCode）',
      'Cannot tell the township: give lat/lng, or the code of a township, community or grid (placeCode)',
      'placeCode',
    );
  }
  const { lat, lng } = input;
  const gridId = options.grids.locate(lng, lat);
  const grid = gridId ? await findUnit(db, gridId) : undefined;
  if (grid) {
    if (!grid.path.startsWith(area.path)) throw outsideArea('lat');
    return unit;
  }
  // Outside every grid: openCase holds the case at this unit's township, flagged.
  if (!within(area, lng, lat)) throw outsideArea('lat');
  if (township) {
    if (!within(township, lng, lat)) throw outsideArea('lat');
    return unit;
  }
  const holding = (await townshipsUnder(db, area.path)).find((t) => within(t, lng, lat));
  if (!holding) throw outsideArea('lat');
  return holding;
}
