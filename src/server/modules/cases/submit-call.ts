import { createHash, randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Clock } from '../../core/clock.ts';
import { AppError, badRequest, conflict, forbidden } from '../../core/errors.ts';
import { toIsoShanghai } from '../../core/time.ts';
import type { Db } from '../../db/client.ts';
import { type Actor, eventActor, type Role } from '../auth/index.ts';
import type { WorkCalendar } from '../calendar/index.ts';
import { appendEvent, notify } from '../events/index.ts';
import { attachFiles } from '../files/index.ts';
import type { GridIndex, OrgUnitRow } from '../org/index.ts';
import { requireCaseCategory } from '../routing/index.ts';
import { nextActorUnit } from './case-duties.ts';
import { applyDutyEffects } from './case-duty-effects.ts';
import { type CaseDuty, firstState } from './case-flow.ts';
import type { CaseUnits } from './case-scope.ts';
import { type CaseView, presentCase } from './case-view.ts';
import { ancestorsOfPath, centreOf, nextSerial, unitsById } from './cases.repository.ts';
import { type CaseChannel, caseIdempotency, cases } from './cases.tables.ts';

/** C1: who may call from a grid, in the order a multi-role account raises as. */
export const RAISER_ROLES: readonly Role[] = [
  'grid_worker',
  'volunteer',
  'household_rep',
  'grid_head',
  'community_secretary',
];

export interface CallInput {
  category: string;
  channel: CaseChannel;
  occurredAt?: Date | undefined;
  lat?: number | undefined;
  lng?: number | undefined;
  address?: string | undefined;
  party?: string | undefined;
  situation?: string | undefined;
  demand?: string | undefined;
  proposedUnitId?: string | undefined;
  proposedUnitText?: string | undefined;
  /** Photos uploaded first (POST /api/files) by the raiser. */
  photoIds?: string[] | undefined;
}

export interface SubmitCallOptions {
  db: Db;
  clock: Clock;
  calendar: WorkCalendar;
  grids: GridIndex;
  actor: Actor;
  input: CallInput;
  defaultWarnRatio: number;
}

/** C6's six elements, in the order the refusal names them. */
export interface CallElement {
  field: string;
  zh: string;
  en: string;
  present: (i: CallInput) => boolean;
}

export const ELEMENTS: CallElement[] = [
  { field: 'occurredAt', zh: '时间', en: 'time', present: (i) => i.occurredAt !== undefined },
  {
    field: 'address',
    zh: '地点',
    en: 'place (lat/lng or address)',
    present: (i) => (i.lat !== undefined && i.lng !== undefined) || !!i.address?.trim(),
  },
  { field: 'party', zh: '当事人', en: 'party', present: (i) => !!i.party?.trim() },
  { field: 'situation', zh: '具体情形', en: 'situation', present: (i) => !!i.situation?.trim() },
  { field: 'demand', zh: '需求诉求', en: 'demand', present: (i) => !!i.demand?.trim() },
  {
    field: 'proposedUnitId',
    zh: '承办单位',
    en: 'proposed handling unit',
    present: (i) => !!i.proposedUnitId || !!i.proposedUnitText?.trim(),
  },
];

/** Units a call may be aimed at as a handling unit. */
const HANDLING_KINDS = ['department', 'enterprise', 'agency', 'township', 'office'];

/**
 * A call from a grid (C1, C6): checks the six elements, finds the grid of the place
 * (outside every grid: the raiser's township, flagged), starts in the gating state of
 * C4 with its approval duty, records the event and tells the approver's unit.
 */
export async function submitCall(options: SubmitCallOptions): Promise<CaseView> {
  const { db, actor, input } = options;
  const grant = RAISER_ROLES.flatMap((role) => actor.grants.filter((g) => g.role === role))[0];
  if (!grant)
    throw forbidden(
      'NOT_A_RAISER',
      '只有网格员、网格长、志愿者、联户代表和社区书记可以呼叫',
      'Only grid staff may raise a call',
    );
  requireElements(input, ELEMENTS);
  return db.transaction(async (tx) => {
    const raiserUnit = (await unitsById(tx, [grant.orgUnitId])).get(grant.orgUnitId);
    if (!raiserUnit) throw new Error('the raiser’s unit is missing');
    return openCase({
      ...options,
      db: tx,
      raiser: { accountId: actor.id, role: grant.role, unit: raiserUnit, actor: eventActor(actor) },
    });
  });
}

/** C6: refuses a call that lacks any of `elements`, naming every missing one (400). */
export function requireElements(input: CallInput, elements: readonly CallElement[]): void {
  const missing = elements.filter((e) => !e.present(input));
  const [first] = missing;
  if (first) {
    throw badRequest(
      'MISSING_ELEMENTS',
      `呼叫要素不全，缺少：${missing.map((e) => e.zh).join('、')}`,
      `The call is incomplete; missing: ${missing.map((e) => e.en).join(', ')}`,
      first.field,
    );
  }
  if ((input.lat === undefined) !== (input.lng === undefined)) {
    throw badRequest(
      'BAD_COORDINATES',
      '经纬度须同时给出',
      'Give both lat and lng',
      input.lat === undefined ? 'lat' : 'lng',
    );
  }
}

export interface OpenCaseOptions {
  /** A transaction: the case, its duty, event and notification are written together. */
  db: Db;
  clock: Clock;
  calendar: WorkCalendar;
  grids: GridIndex;
  input: CallInput;
  defaultWarnRatio: number;
  raiser: {
    /** The raising account; null for a source system (C5). */
    accountId: string | null;
    /** The raiser's role (C4 gating depends on it), or `source`. */
    role: Role | 'source';
    /** The raiser's unit: the place of a call without coordinates, and the fallback area. */
    unit: OrgUnitRow;
    /** Who the event names as actor (null: the system on a source's behalf). */
    actor: { id: string; orgUnitId: string | null } | null;
    sourceId?: string | undefined;
    sourceRef?: string | undefined;
  };
}

/**
 * Writes a new case (validated input): checks the category and the proposed unit, places
 * it in a grid (or, outside every grid, the raiser's township, flagged), picks the first
 * state (C4 gating for grid staff; triage for a source system), opens its first duty,
 * records `case.raised` and tells the unit that acts next.
 */
export async function openCase(options: OpenCaseOptions): Promise<CaseView> {
  const { db: tx, clock, input, raiser } = options;
  const now = clock.now();
  await requireCaseCategory(tx, input.category);
  let proposed: OrgUnitRow | undefined;
  if (input.proposedUnitId) {
    proposed = (await unitsById(tx, [input.proposedUnitId])).get(input.proposedUnitId);
    if (!proposed || !HANDLING_KINDS.includes(proposed.kind)) {
      throw badRequest(
        'BAD_PROPOSED_UNIT',
        '承办单位不存在或不能承办',
        'The proposed unit does not exist or cannot handle cases',
        'proposedUnitId',
      );
    }
  }

  // Place → grid. Without coordinates the call is about the raiser's own grid.
  let grid: OrgUnitRow | null = null;
  let outsideGrid = false;
  if (input.lat !== undefined && input.lng !== undefined) {
    const gridId = options.grids.locate(input.lng, input.lat);
    if (gridId) grid = (await unitsById(tx, [gridId])).get(gridId) ?? null;
    outsideGrid = grid === null;
  } else if (raiser.unit.kind === 'grid') {
    grid = raiser.unit;
  }
  const ancestors = await ancestorsOfPath(tx, (grid ?? raiser.unit).path);
  const of = (kind: string) => ancestors.find((a) => a.kind === kind) ?? null;
  const township = of('township');
  if (!township) throw badRequest('NO_TOWNSHIP', '找不到所属乡镇（街道）', 'No township above this place');
  const community = grid ? of('community') : null;
  const district = of('district');
  const centre = (await centreOf(tx, township.id)) ?? null;

  const aimsAtCityDepartment = proposed?.kind === 'department' || proposed?.kind === 'enterprise';
  // C5: a source system's demand goes straight to the township centre's triage.
  const state = raiser.role === 'source' ? 'triage' : firstState(raiser.role, aimsAtCityDepartment);
  const prefix = `${district?.code ?? township.code.slice(0, 6)}-${toIsoShanghai(now).slice(0, 10).replaceAll('-', '')}`;

  const [inserted] = await tx
    .insert(cases)
    .values({
      // A provisional number: the daily serial is drawn last (below), so the counter row
      // of the district and day stays locked only for the end of the transaction.
      number: `~${randomUUID()}`,
      state,
      raisedBy: raiser.accountId,
      raiserRole: raiser.role,
      raiserUnitId: raiser.unit.id,
      sourceId: raiser.sourceId ?? null,
      sourceRef: raiser.sourceRef ?? null,
      channel: input.channel,
      category: input.category,
      occurredAt: input.occurredAt ?? now,
      lat: input.lat ?? null,
      lng: input.lng ?? null,
      address: input.address?.trim() || null,
      gridId: grid?.id ?? null,
      communityId: community?.id ?? null,
      townshipId: township.id,
      outsideGrid,
      party: (input.party ?? '').trim(),
      situation: (input.situation ?? '').trim(),
      demand: (input.demand ?? '').trim(),
      proposedUnitId: proposed?.id ?? null,
      proposedUnitText: input.proposedUnitText?.trim() || null,
      areaUnitId: township.id,
      centreUnitId: centre?.id ?? null,
      level: 'township',
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!inserted) throw new Error('case insert returned nothing');
  if (input.photoIds?.length && raiser.accountId) {
    await attachFiles({
      db: tx,
      fileIds: input.photoIds,
      uploadedBy: raiser.accountId,
      subject: { type: 'case', id: inserted.id },
      purpose: 'call',
      at: now,
    });
  }

  const units: CaseUnits = {
    place: grid ?? raiser.unit,
    community: of('community'),
    township,
    area: township,
    centre,
    lead: null,
    cooperating: [],
  };
  // C4: the approval duty; a call that goes straight to the centre opens its triage (C7).
  const opens: CaseDuty[] = state === 'triage' ? ['C7'] : ['C4'];
  await applyDutyEffects({
    db: tx,
    clock,
    calendar: options.calendar,
    caseId: inserted.id,
    state,
    units,
    slaClass: null,
    effects: { opens },
    reason: 'raised',
    defaultWarnRatio: options.defaultWarnRatio,
  });
  const serial = await nextSerial(tx, prefix);
  const [numbered] = await tx
    .update(cases)
    .set({ number: `${prefix}-${String(serial).padStart(4, '0')}` })
    .where(eq(cases.id, inserted.id))
    .returning();
  if (!numbered) throw new Error('case number update returned nothing');
  const row = numbered;
  await appendEvent({
    db: tx,
    at: now,
    actor: raiser.actor,
    subject: { type: 'case', id: row.id },
    kind: 'case.raised',
    payload: {
      number: row.number,
      state,
      category: row.category,
      channel: row.channel,
      outsideGrid,
      gridId: row.gridId,
      ...(input.photoIds?.length ? { photoIds: input.photoIds } : {}),
      ...(raiser.sourceId ? { sourceId: raiser.sourceId, sourceRef: raiser.sourceRef } : {}),
    },
  });
  const to = nextActorUnit(state, units);
  await notify({
    db: tx,
    at: now,
    to: { unitId: to },
    kind: 'case.raised',
    subject: { type: 'case', id: row.id },
    title: { zh: `新的呼叫待处理：${row.number}`, en: `New call to handle: ${row.number}` },
    data: { number: row.number, state },
  });
  return presentCase(row);
}

/** Canonical JSON (sorted keys) of a request body, hashed to recognise a retry. */
export function requestHash(body: unknown): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v as object)
              .sort()
              .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
          )
        : v;
  return createHash('sha256')
    .update(JSON.stringify(canonical(body ?? null)))
    .digest('hex');
}

/**
 * Runs `work` once per (account, Idempotency-Key): the key's row is claimed first in
 * the same transaction, so a concurrent request with the key waits for the first to
 * commit and then answers what it answered. Refusals are not stored (nothing committed).
 */
export async function once(options: {
  db: Db;
  clock: Clock;
  accountId: string;
  key: string;
  body: unknown;
  work: (tx: Db) => Promise<{ status: number; body: Record<string, unknown> }>;
}): Promise<{ status: number; body: Record<string, unknown> }> {
  const hash = requestHash(options.body);
  return options.db.transaction(async (tx) => {
    const claimed = await tx
      .insert(caseIdempotency)
      .values({
        accountId: options.accountId,
        key: options.key,
        requestHash: hash,
        status: 0,
        response: null,
        createdAt: options.clock.now(),
      })
      .onConflictDoNothing()
      .returning({ key: caseIdempotency.key });
    if (claimed.length === 0) {
      const [stored] = await tx
        .select()
        .from(caseIdempotency)
        .where(and(eq(caseIdempotency.accountId, options.accountId), eq(caseIdempotency.key, options.key)));
      if (!stored) throw new Error('idempotency row vanished');
      if (stored.requestHash !== hash) {
        throw conflict(
          'IDEMPOTENCY_MISMATCH',
          '该幂等键已用于另一个请求',
          'This Idempotency-Key was used for a different request',
        );
      }
      if (stored.status === 0 || !stored.response) {
        throw new AppError({
          status: 409,
          code: 'IDEMPOTENCY_IN_PROGRESS',
          zh: '相同请求正在处理',
          en: 'The same request is in progress',
        });
      }
      return { status: stored.status, body: stored.response };
    }
    const answer = await options.work(tx);
    await tx
      .update(caseIdempotency)
      .set({ status: answer.status, response: answer.body })
      .where(and(eq(caseIdempotency.accountId, options.accountId), eq(caseIdempotency.key, options.key)));
    return answer;
  });
}
