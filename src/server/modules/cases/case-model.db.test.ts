import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CaseWorld, createCaseWorld } from '../../../../test/helpers/case-world.ts';
import type { Role } from '../auth/index.ts';
import {
  allowedActions,
  CASE_FLOW,
  type CaseAction,
  type CaseDuty,
  type CaseState,
  type CaseTransition,
  planTransition,
} from './case-flow.ts';

/**
 * Model-based test: random actors take random steps on a real case through the HTTP API,
 * and after every step the database is compared with a model built from the state
 * table alone (CASE_FLOW): no illegal step succeeds, every success writes exactly one
 * event, and the running clocks are exactly those the table opened and did not close.
 */

const ACCOUNTS = [
  'gridhead',
  'secretary',
  'township',
  'dispatcher',
  'citydispatcher',
  'socialoffice',
  'handler',
  'agencyhead',
] as const;
type Account = (typeof ACCOUNTS)[number];
type Lead = 'D370782-ZJJ' | 'A370782001-SCJG';

interface Model {
  state: CaseState;
  version: number;
  level: 'township' | 'district' | 'city';
  lead: Lead | null;
  /** Clocks running now, by rule (a multiset). */
  running: CaseDuty[];
  /** approve_extension grants a later day each time. */
  extensions: number;
}

interface Real {
  w: CaseWorld;
  id: string;
  mergeTarget: string;
}

/** The roles an account holds on the case, from where its grant lies (demo-data.ts). */
function rolesOf(who: Account, m: Model): Role[] {
  switch (who) {
    case 'gridhead':
      return ['grid_head'];
    case 'secretary':
      return ['community_secretary'];
    case 'township':
      return ['township_leader'];
    case 'dispatcher': // scope: the township 370782001
      return m.level === 'township' ? ['centre_dispatcher'] : [];
    case 'citydispatcher': // scope: 诸城市 370782
      return m.level === 'city' ? [] : ['centre_dispatcher'];
    case 'socialoffice':
      return m.level === 'city' ? [] : ['social_mgmt_officer'];
    case 'handler':
      return m.lead === 'D370782-ZJJ' ? ['dept_handler'] : [];
    case 'agencyhead':
      return m.lead === 'A370782001-SCJG' ? ['agency_head'] : [];
  }
}

/** Whether the step must succeed: the table allows it, and the step's own checks pass. */
function expectedToSucceed(action: CaseAction, who: Account, m: Model): boolean {
  if (!planTransition(m.state, action, rolesOf(who, m)).ok) return false;
  if (action === 'escalate') return m.level !== 'city';
  if (action === 'fix_on_spot') return m.lead === 'A370782001-SCJG';
  return true;
}

function applyToModel(action: CaseAction, m: Model, lead: Lead): void {
  const rule: CaseTransition = CASE_FLOW[action];
  for (const duty of rule.meets ?? []) {
    const at = m.running.indexOf(duty);
    if (at >= 0) m.running.splice(at, 1);
  }
  if (rule.cancels === 'all') m.running = [];
  m.running.push(...(rule.opens ?? []));
  m.state = rule.to;
  m.version += 1;
  if (action === 'dispatch') m.lead = lead;
  if (action === 'escalate') m.level = m.level === 'township' ? 'district' : 'city';
  if (action === 'approve_extension') m.extensions += 1;
}

/** A valid body for each step, so that only the table and the roles decide. */
async function bodyFor(action: CaseAction, r: Real, m: Model, who: Account, lead: Lead): Promise<object> {
  const rule: CaseTransition = CASE_FLOW[action];
  const body: Record<string, unknown> = {};
  if (rule.reason) body.reason = `理由：${action}`;
  if (rule.feedback) body.feedback = `答复：${action}`;
  if (rule.result) body.result = `结果：${action}`;
  if (rule.photoAndPosition)
    Object.assign(body, await r.w.onSite(who === 'agencyhead' ? 'agencyhead' : 'handler'));
  if (action === 'dispatch') body.leadUnitId = r.w.units[lead];
  if (action === 'merge') body.mergeIntoId = r.mergeTarget;
  if (action === 'approve_extension')
    body.dueAt = `2026-12-${String(10 + m.extensions).padStart(2, '0')}T17:00:00+08:00`;
  return body;
}

class StepCommand implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly who: Account,
    readonly action: CaseAction,
    readonly lead: Lead,
  ) {}
  check(): boolean {
    return true; // illegal steps are tried too: they must fail and change nothing
  }
  async run(m: Model, r: Real): Promise<void> {
    const before = await r.w.events(r.id);
    const response = await r.w.act(
      this.who,
      r.id,
      this.action,
      m.version,
      await bodyFor(this.action, r, m, this.who, this.lead),
    );
    const after = await r.w.events(r.id);
    const succeed = expectedToSucceed(this.action, this.who, m);
    expect({
      step: this.toString(),
      status: response.statusCode,
      ok: response.statusCode === 200,
    }).toMatchObject({
      ok: succeed,
    });
    if (succeed) {
      applyToModel(this.action, m, this.lead);
      reached.add(m.state);
      expect(after).toEqual([...before, `case.${this.action}`]);
      expect(response.json()).toMatchObject({ state: m.state, version: m.version });
    } else {
      expect([403, 404, 409], response.body).toContain(response.statusCode);
      if (response.statusCode === 409 && !allowedActions(m.state).includes(this.action))
        expect(response.json().error.code).toBe('CASE_STATE');
      expect(after).toEqual(before);
    }
    const running = await r.w.t.database.query<{ rule_id: string }>(
      `SELECT rule_id FROM obligations WHERE subject_type = 'case' AND subject_id = $1
         AND state IN ('running', 'warned', 'paused')`,
      [r.id],
    );
    expect(running.map((o) => o.rule_id).sort()).toEqual([...m.running].sort());
  }
  toString(): string {
    return `${this.who}:${this.action}${this.action === 'dispatch' ? `→${this.lead}` : ''}`;
  }
}

/**
 * A legal step picked at run time among those the model allows now (`pick` modulo their
 * number), so that runs go deep into the flow; random StepCommands try illegal ones.
 */
class LegalStepCommand implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly pick: number,
    readonly lead: Lead,
    /** Take the step that moves the case on toward closure (most runs), not a random one. */
    readonly forward: boolean,
  ) {}
  check(m: Model): boolean {
    return legalSteps(m).length > 0;
  }
  async run(m: Model, r: Real): Promise<void> {
    const steps = legalSteps(m);
    const rank = (a: CaseAction) => (FORWARD.indexOf(a) + FORWARD.length + 1) % (FORWARD.length + 1);
    const ordered = this.forward ? [...steps].sort((a, b) => rank(a[1]) - rank(b[1])) : steps;
    const [who, action] = (this.forward ? ordered[0] : ordered[this.pick % ordered.length]) as [
      Account,
      CaseAction,
    ];
    await new StepCommand(who, action, this.lead).run(m, r);
  }
  toString(): string {
    return this.forward ? 'forward' : `legal#${this.pick}`;
  }
}

/** The usual way through: approval, dispatch, the department report, verification. */
const FORWARD: CaseAction[] = [
  'approve_as_grid_head',
  'approve_as_secretary',
  'approve_as_township',
  'consultation_decided',
  'dispatch',
  'sign',
  'arrive',
  'approve_extension',
  'finish',
  'rate_satisfied',
];

function legalSteps(m: Model): [Account, CaseAction][] {
  return ACCOUNTS.flatMap((who) =>
    allowedActions(m.state)
      .filter((action) => expectedToSucceed(action, who, m))
      .map((action): [Account, CaseAction] => [who, action]),
  );
}

/** States reached over all runs: the test fails if the runs stayed shallow. */
const reached = new Set<CaseState>();

let w: CaseWorld;
let mergeTarget: string;
beforeAll(async () => {
  w = await createCaseWorld(['gridworker', ...ACCOUNTS]);
  const target = await w.raise(w.call({ situation: '合并目标' }));
  mergeTarget = target.json().id;
}, 120_000);
afterAll(async () => {
  await w.close();
});

const ACTIONS = Object.keys(CASE_FLOW) as CaseAction[];
/** Steps the table makes likely from a state are drawn more often, so runs go deep. */
const commands = fc.commands(
  [
    fc
      .tuple(
        fc.constantFrom(...ACCOUNTS),
        fc.constantFrom(...ACTIONS),
        fc.constantFrom<Lead>('D370782-ZJJ', 'A370782001-SCJG'),
      )
      .map(([who, action, lead]) => new StepCommand(who, action, lead)),
    ...Array.from({ length: 4 }, () =>
      fc
        .tuple(fc.nat(), fc.constantFrom<Lead>('D370782-ZJJ', 'A370782001-SCJG'), fc.nat({ max: 2 }))
        .map(([pick, lead, n]) => new LegalStepCommand(pick, lead, n > 0)),
    ),
  ],
  { maxCommands: 60, size: 'max' },
);

describe('the case flow against its model', () => {
  it('C4, C7, C8, C9, C10, C11, C15: random actors and steps on real cases follow the state table exactly', async () => {
    await fc.assert(
      fc.asyncProperty(commands, async (cmds) => {
        const raised = await w.raise(w.call());
        expect(raised.statusCode).toBe(201);
        const model: Model = {
          state: 'awaiting_grid_head',
          version: 1,
          level: 'township',
          lead: null,
          running: ['C4'],
          extensions: 0,
        };
        await fc.asyncModelRun(() => ({ model, real: { w, id: raised.json().id, mergeTarget } }), cmds);
      }),
      { numRuns: 30 },
    );
    // The runs went deep: through the department report to closure, and through many states.
    expect([...reached]).toEqual(expect.arrayContaining(['finished', 'closed']));
    expect(reached.size).toBeGreaterThanOrEqual(9);
  }, 600_000);
});
