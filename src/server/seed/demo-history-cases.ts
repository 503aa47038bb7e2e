import { and, desc, eq } from 'drizzle-orm';
import type { ManualClock } from '../core/clock.ts';
import { toIsoShanghai } from '../core/time.ts';
import type { Db } from '../db/client.ts';
import type { Actor } from '../modules/auth/index.ts';
import {
  addWorkingTime,
  computeDue,
  parseDeadlineRule,
  type WorkCalendar,
  workingTimeBetween,
} from '../modules/calendar/index.ts';
import {
  actOnTask,
  addProgress,
  applyCaseAction,
  type CaseAction,
  type CaseActionInput,
  caseTasks,
  submitCall,
} from '../modules/cases/index.ts';
import { type FileStore, storeFile } from '../modules/files/index.ts';
import { obligations } from '../modules/obligations/index.ts';
import type { GridIndex } from '../modules/org/index.ts';
import { suggestFor } from '../modules/routing/index.ts';
import type { CallingGrid, Cast, HandlingUnit } from './demo-history-cast.ts';
import { CALL_TEXTS } from './demo-history-data.ts';
import type { Agenda, Random } from './demo-history-random.ts';

/** One thing that happens at a simulated time. */
export interface Step {
  label: string;
  run: () => Promise<void>;
}

/** What the history's steps share: the database, the simulated clock, the cast and the agenda. */
export interface World {
  db: Db;
  clock: ManualClock;
  calendar: WorkCalendar;
  grids: GridIndex;
  files: FileStore;
  warnRatio: number;
  photoMaxBytes: number;
  /** A small picture standing in for the photos taken on site (C9). */
  photo: Uint8Array;
  random: Random;
  agenda: Agenda<Step>;
  cast: Cast;
  cases: SimCase[];
}

/** The history's view of one case: what it needs to take the next step. */
export interface SimCase {
  id: string;
  number: string;
  version: number;
  state: string;
  rounds: number;
  grid: CallingGrid;
  category: string;
  raisedAt: number;
  lat: number;
  lng: number;
  /** Raised by the grid head (C4: the community secretary approves). */
  byHead: boolean;
  /** Aimed at a city department or enterprise (C4: the township leader approves). */
  aimsAtCity: boolean;
  /** Escalated to the district centre (C15, C16: 乡呼县应). */
  atDistrict: boolean;
  lead: HandlingUnit | null;
  returned: boolean;
  tasks: { id: string; unit: HandlingUnit; round: number; state: 'dispatched' | 'signed' | 'done' }[];
}

const HANDLING = ['dispatched', 'signed', 'on_site', 'extension_requested'];
/**
 * The history runs the obligation scanner once this many simulated minutes; a late step
 * comes at least this long after its duty's due time, so the duty is breached (and then
 * met late) as the real scanner would have it, never just met.
 */
export const SCAN_MINUTES = 60;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A call raised at `at` in `grid` about `category`: the start of a case's life. */
export function scheduleCall(w: World, at: Date, grid: CallingGrid, category: string): void {
  w.agenda.push(at, { label: `raise ${category}`, run: () => raise(w, grid, category) });
}

function later(w: World, at: Date, c: SimCase, label: string, run: () => Promise<void>): void {
  w.agenda.push(at, { label: `${c.number} ${label}`, run });
}

const inWork = (w: World, minutes: number) => addWorkingTime(w.calendar, w.clock.now(), minutes * MINUTE);
const inMinutes = (w: World, minutes: number) => new Date(w.clock.now().getTime() + minutes * MINUTE);

/** C4, C7: a gating or triage decision, due in 2 working hours — mostly in time. */
const decisionTime = (w: World) =>
  w.random.chance(0.95)
    ? inWork(w, w.random.between(5, 100))
    : inWork(w, 120 + SCAN_MINUTES + w.random.between(5, 300));

async function act(w: World, c: SimCase, actor: Actor, action: CaseAction, input: CaseActionInput = {}) {
  const view = await applyCaseAction({
    db: w.db,
    clock: w.clock,
    calendar: w.calendar,
    actor,
    caseId: c.id,
    action,
    expectedVersion: c.version,
    input,
    defaultWarnRatio: w.warnRatio,
  });
  c.version = view.version;
  c.state = view.state;
  c.rounds = view.rounds;
}

/** C1, C6: a grid worker (or grid head) calls with the six elements, proposing the unit the catalogue names. */
async function raise(w: World, grid: CallingGrid, category: string): Promise<void> {
  const { random } = w;
  const now = w.clock.now();
  const text = CALL_TEXTS[category];
  if (!text) throw new Error(`demo history: no texts for ${category}`);
  const byHead = grid.secretary !== null && random.chance(0.25);
  const [west, south, east, north] = grid.box;
  const lng = west + (east - west) * random.between(0.1, 0.9);
  const lat = south + (north - south) * random.between(0.1, 0.9);
  const suggestion = await suggestFor(w.db, category, grid.unit, now);
  const proposed =
    suggestion.status === 'rule' && random.chance(0.9) ? suggestion.rule.leadUnitId : undefined;
  const view = await submitCall({
    db: w.db,
    clock: w.clock,
    calendar: w.calendar,
    grids: w.grids,
    actor: byHead ? grid.head : grid.worker,
    defaultWarnRatio: w.warnRatio,
    input: {
      category,
      channel: random.weighted([
        ['grid_app', 8],
        ['patrol', 2],
        ['phone', 1],
      ] as const),
      occurredAt: new Date(now.getTime() - random.between(10, 240) * MINUTE),
      lat,
      lng,
      address: `${grid.township.unit.name}${grid.unit.name}${random.pick(['东门', '主路', '广场', '路口', '院内', '北侧'])}`,
      party: text.party,
      situation: random.pick(text.situations),
      demand: text.demand,
      proposedUnitId: proposed,
      proposedUnitText: proposed ? undefined : '请中心研判',
    },
  });
  const proposedKind = proposed ? w.cast.handlers.get(proposed)?.unit.kind : undefined;
  const c: SimCase = {
    id: view.id,
    number: view.number,
    version: view.version,
    state: view.state,
    rounds: view.rounds,
    grid,
    category,
    raisedAt: now.getTime(),
    lat,
    lng,
    byHead,
    aimsAtCity: proposedKind === 'department' || proposedKind === 'enterprise',
    atDistrict: false,
    lead: null,
    returned: false,
    tasks: [],
  };
  w.cases.push(c);
  later(w, decisionTime(w), c, 'gate', () => gate(w, c));
}

/** C4: the grid head (or, for the grid head's own call, the community secretary) checks the call. */
async function gate(w: World, c: SimCase): Promise<void> {
  const approver = c.byHead ? (c.grid.secretary as Actor) : c.grid.head;
  const r = w.random.next();
  if (r < 0.03) {
    await act(w, c, approver, 'send_back', {
      reason: '经核实，该事项不属于网格呼叫范围',
      feedback: '已向反映人解释说明相关政策',
    });
  } else if (r < 0.07) {
    await act(w, c, approver, 'solve_at_grid', { feedback: '网格内已协调解决，反映人认可' });
  } else if (c.aimsAtCity) {
    await act(w, c, approver, 'forward_to_township');
    later(w, decisionTime(w), c, 'township approval', async () => {
      await act(w, c, c.grid.township.leader, 'approve_as_township');
      later(w, decisionTime(w), c, 'triage', () => triage(w, c));
    });
  } else {
    await act(w, c, approver, c.byHead ? 'approve_as_secretary' : 'approve_as_grid_head');
    later(w, decisionTime(w), c, 'triage', () => triage(w, c));
  }
}

const centreOf = (w: World, c: SimCase) =>
  c.atDistrict ? w.cast.districtDispatcher : c.grid.township.dispatcher;

/** C7: the township centre refuses, merges, dispatches, or sends a department's matter up (C16). */
async function triage(w: World, c: SimCase): Promise<void> {
  const { random } = w;
  const dispatcher = c.grid.township.dispatcher;
  const r = random.next();
  if (r < 0.02) {
    await act(w, c, dispatcher, 'refuse', {
      reason: '属于司法诉讼事项，不在网格呼叫受理范围',
      feedback: '已告知反映人依法通过诉讼途径解决',
    });
    return;
  }
  const since = w.clock.now().getTime() - 3 * 24 * HOUR;
  let target: SimCase | undefined;
  for (let i = w.cases.length - 1; i >= 0 && !target; i--) {
    const o = w.cases[i] as SimCase;
    if (o.raisedAt < since) break;
    const same = o !== c && o.grid.township === c.grid.township && o.category === c.category;
    if (same && !o.atDistrict && HANDLING.includes(o.state)) target = o;
  }
  if (target && r < 0.17) {
    await act(w, c, dispatcher, 'merge', {
      mergeIntoId: target.id,
      feedback: `与${target.number}反映的为同一事项，已合并办理，结果将一并反馈`,
    });
    return;
  }
  const suggestion = await suggestFor(w.db, c.category, c.grid.unit, w.clock.now());
  const rule = suggestion.status === 'rule' || suggestion.status === 'fallback' ? suggestion.rule : null;
  const lead =
    (rule && w.cast.handlers.get(rule.leadUnitId)) ?? (c.grid.township.agencies.get('ZF') as HandlingUnit);
  const cooperating = rule && random.chance(0.8) ? rule.cooperatingUnitIds : [];
  if (lead.unit.kind !== 'agency' && random.chance(0.4)) {
    await act(w, c, dispatcher, 'escalate', { reason: '需市直部门办理，乡呼县应' });
    c.atDistrict = true;
    later(w, decisionTime(w), c, 'district triage', () => dispatch(w, c, lead, cooperating));
    return;
  }
  await dispatch(w, c, lead, cooperating);
}

/** C7: the centre names the lead unit (and cooperating units); each gets its sign clock (C8). */
async function dispatch(w: World, c: SimCase, lead: HandlingUnit, cooperating: string[]): Promise<void> {
  await act(w, c, centreOf(w, c), 'dispatch', { leadUnitId: lead.unit.id, cooperatingUnitIds: cooperating });
  c.lead = lead;
  const tasks = await w.db
    .select({ id: caseTasks.id, unitId: caseTasks.unitId })
    .from(caseTasks)
    .where(and(eq(caseTasks.caseId, c.id), eq(caseTasks.round, c.rounds), eq(caseTasks.state, 'dispatched')));
  // In the order the dispatcher named them, so the history does not depend on ids.
  for (const unitId of cooperating) {
    const task = tasks.find((t) => t.unitId === unitId);
    const unit = w.cast.handlers.get(unitId);
    if (!task || !unit) continue;
    const entry = { id: task.id, unit, round: c.rounds, state: 'dispatched' as const };
    c.tasks.push(entry);
    later(w, signTime(w, unit), c, 'task sign', () => taskStep(w, c, entry, 'sign'));
  }
  planLeadSign(w, c);
}

/** C8: signed within 2 hours of dispatch by a good unit, hours later by a poor one. */
function signTime(w: World, unit: HandlingUnit): Date {
  const late = w.random.chance(0.02 + 0.3 * (1 - unit.quality));
  return late
    ? inMinutes(w, 120 + SCAN_MINUTES + w.random.between(5, 480))
    : inMinutes(w, w.random.between(5, 110));
}

/** The lead unit's next move after a dispatch: sign, fix on the spot (C16), or return (C7). */
function planLeadSign(w: World, c: SimCase): void {
  const lead = c.lead as HandlingUnit;
  const { random } = w;
  if (lead.unit.kind === 'agency' && c.rounds === 1 && !c.returned && random.chance(0.12)) {
    later(w, inMinutes(w, random.between(20, 100)), c, 'fix on spot', async () => {
      await act(w, c, lead.actor, 'fix_on_spot', { result: CALL_TEXTS[c.category]?.result ?? '已现场处置' });
      planRating(w, c);
    });
    return;
  }
  if (c.rounds === 1 && !c.returned && random.chance(0.01 + 0.08 * (1 - lead.quality))) {
    later(w, inMinutes(w, random.between(10, 100)), c, 'return', async () => {
      await act(w, c, lead.actor, 'return_case', { reason: '经核实不属于本单位职责，申请退回重新派单' });
      c.returned = true;
      c.tasks = [];
      later(w, decisionTime(w), c, 'return decision', () => decideReturn(w, c));
    });
    return;
  }
  later(w, signTime(w, lead), c, 'sign', async () => {
    await act(w, c, lead.actor, 'sign');
    await planArrival(w, c);
  });
}

/** C7: the centre refuses the return (the same unit handles it) or agrees and dispatches another. */
async function decideReturn(w: World, c: SimCase): Promise<void> {
  const lead = c.lead as HandlingUnit;
  if (w.random.chance(0.6)) {
    await act(w, c, centreOf(w, c), 'refuse_return', { reason: '经研判属于贵单位职责，请按期办理' });
    planLeadSign(w, c);
    return;
  }
  const others = [...w.cast.handlers.values()]
    .filter((h) =>
      lead.unit.kind === 'agency'
        ? h.unit.kind === 'agency' && h.unit.parentId === lead.unit.parentId && h !== lead
        : (h.unit.kind === 'department' || h.unit.kind === 'enterprise') && h !== lead,
    )
    .sort((a, b) => a.unit.code.localeCompare(b.unit.code));
  await dispatch(w, c, w.random.pick(others), []);
}

/** C9: on site before the arrival duty falls due (1 hour for livelihood matters, else 2), with position and photo. */
async function planArrival(w: World, c: SimCase): Promise<void> {
  const lead = c.lead as HandlingUnit;
  const due = (await dueOf(w, c, 'C9')).getTime();
  const now = w.clock.now().getTime();
  const late = w.random.chance(0.02 + 0.25 * (1 - lead.quality));
  const at = new Date(
    late
      ? due + (SCAN_MINUTES + w.random.between(5, 180)) * MINUTE
      : now + (due - now) * w.random.between(0.15, 0.92),
  );
  later(w, at, c, 'arrive', async () => {
    const photo = await storeFile({
      db: w.db,
      store: w.files,
      clock: w.clock,
      actor: lead.actor,
      bytes: w.photo,
      maxBytes: w.photoMaxBytes,
      purpose: 'arrival',
      lat: c.lat,
      lng: c.lng,
    });
    await act(w, c, lead.actor, 'arrive', { lat: c.lat, lng: c.lng, photoIds: [photo.id] });
    await planFinish(w, c, true);
  });
}

/** The due time of the case's running duty under `rule` (C9, C10), as the obligations module computed it. */
async function dueOf(w: World, c: SimCase, rule: 'C9' | 'C10'): Promise<Date> {
  const [row] = await w.db
    .select({ dueAt: obligations.dueAt })
    .from(obligations)
    .where(
      and(
        eq(obligations.subjectType, 'case'),
        eq(obligations.subjectId, c.id),
        eq(obligations.ruleId, rule),
        eq(obligations.state, 'running'),
      ),
    )
    .orderBy(desc(obligations.startedAt))
    .limit(1);
  if (!row) throw new Error(`demo history: ${c.number} has no running ${rule} duty`);
  return row.dueAt;
}

/**
 * C10: finish before the due (a share of the remaining office time) or after it; now and
 * then a progress note on the way, or an extension asked for first (once per case).
 */
async function planFinish(w: World, c: SimCase, mayExtend: boolean): Promise<void> {
  const lead = c.lead as HandlingUnit;
  const { random } = w;
  const due = await dueOf(w, c, 'C10');
  const now = w.clock.now();
  const office = workingTimeBetween(w.calendar, now, due);
  if (mayExtend && random.chance(0.07) && office > 6 * HOUR) {
    const askAt = addWorkingTime(w.calendar, now, office * random.between(0.1, 0.3));
    later(w, askAt, c, 'request extension', () => requestExtension(w, c, due));
    return;
  }
  const late = random.chance(0.03 + 0.35 * (1 - lead.quality));
  const at = late
    ? addWorkingTime(w.calendar, due, (SCAN_MINUTES + random.between(5, 1200)) * MINUTE)
    : addWorkingTime(w.calendar, now, Math.max(20 * MINUTE, office * random.between(0.1, 0.85)));
  if (random.chance(0.2) && at.getTime() - now.getTime() > 4 * HOUR) {
    const noteAt = new Date(now.getTime() + (at.getTime() - now.getTime()) / 2);
    later(w, noteAt, c, 'progress', async () => {
      if (c.state !== 'on_site') return;
      await addProgress({
        db: w.db,
        clock: w.clock,
        actor: lead.actor,
        caseId: c.id,
        note: '已制定处置方案，正在组织施工（处置）',
      });
    });
  }
  later(w, at, c, 'finish', () => finish(w, c));
}

/** C10: the lead unit asks for more time; the centre approves (2 more workdays) or refuses, before the due. */
async function requestExtension(w: World, c: SimCase, due: Date): Promise<void> {
  if (c.state !== 'on_site') return;
  const lead = c.lead as HandlingUnit;
  await act(w, c, lead.actor, 'request_extension', { reason: '需协调相关单位并等待材料，申请延期办结' });
  const now = w.clock.now().getTime();
  const decideAt = Math.min(inWork(w, w.random.between(30, 240)).getTime(), now + (due.getTime() - now) / 2);
  later(w, new Date(decideAt), c, 'extension decision', async () => {
    if (w.random.chance(0.85)) {
      const dueAt = computeDue(w.calendar, due, parseDeadlineRule('2wd'));
      await act(w, c, centreOf(w, c), 'approve_extension', {
        dueAt: toIsoShanghai(dueAt),
        reason: '情况属实，同意延期',
      });
    } else {
      await act(w, c, centreOf(w, c), 'refuse_extension', { reason: '事项不复杂，请按原期限办结' });
    }
    await planFinish(w, c, false);
  });
}

async function finish(w: World, c: SimCase): Promise<void> {
  if (c.state !== 'on_site') return;
  const lead = c.lead as HandlingUnit;
  const open = c.tasks.some((t) => t.round === c.rounds && t.state !== 'done');
  await act(w, c, lead.actor, 'finish', {
    result: CALL_TEXTS[c.category]?.result ?? '已办结',
    pendingReason: open ? '配合单位仍在办理，牵头单位先行办结，后续情况另行反馈' : undefined,
  });
  planRating(w, c);
}

/** C11: the grid head checks and rates; unsatisfied sends the case back to the same unit. */
function planRating(w: World, c: SimCase): void {
  const { random } = w;
  const lead = c.lead as HandlingUnit;
  const at = random.chance(0.97)
    ? inWork(w, random.between(30, 600))
    : inWork(w, random.between(26, 40) * 60);
  later(w, at, c, 'rate', async () => {
    const unhappy =
      c.rounds === 1 ? random.chance(0.03 + 0.3 * (1 - lead.quality)) : c.rounds < 3 && random.chance(0.1);
    if (unhappy) {
      await act(w, c, c.grid.head, 'rate_unsatisfied', { reason: '问题未彻底解决，群众不满意，请二次办理' });
      planLeadSign(w, c);
      return;
    }
    await act(w, c, c.grid.head, 'rate_satisfied', {
      feedback: `${CALL_TEXTS[c.category]?.result ?? '已办结'}，经回访反映人满意`,
    });
  });
}

/** A cooperating unit signs its task (C8), then finishes it (C10), while the lead unit handles the case. */
async function taskStep(
  w: World,
  c: SimCase,
  task: SimCase['tasks'][number],
  action: 'sign' | 'finish',
): Promise<void> {
  if (!HANDLING.includes(c.state) || !c.tasks.includes(task)) return;
  await actOnTask({
    db: w.db,
    clock: w.clock,
    calendar: w.calendar,
    actor: task.unit.actor,
    caseId: c.id,
    taskId: task.id,
    action,
    result: action === 'finish' ? '已按分工配合完成相关工作' : undefined,
    defaultWarnRatio: w.warnRatio,
  });
  task.state = action === 'sign' ? 'signed' : 'done';
  if (action === 'sign') {
    const late = w.random.chance(0.03 + 0.3 * (1 - task.unit.quality));
    // A task's finish falls due in 3 or 5 workdays (C10): 40 office hours is late either way.
    const at = late ? inWork(w, w.random.between(40, 60) * 60) : inWork(w, w.random.between(60, 900));
    later(w, at, c, 'task finish', () => taskStep(w, c, task, 'finish'));
  }
}
