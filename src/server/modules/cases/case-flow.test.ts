import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../auth/index.ts';
import {
  allowedActions,
  CASE_FLOW,
  CASE_STATES,
  type CaseAction,
  type CaseDuty,
  type CaseState,
  firstState,
  planTransition,
} from './case-flow.ts';

const ACTIONS = Object.keys(CASE_FLOW) as CaseAction[];
const STATES = Object.keys(CASE_STATES) as CaseState[];
const INITIAL: CaseState[] = [
  'awaiting_grid_head',
  'awaiting_secretary',
  'awaiting_township_leader',
  'triage',
];
/** What a gating or triage state owes when a case enters it. */
const OWED_ON_ENTRY: Partial<Record<CaseState, CaseDuty[]>> = {
  awaiting_grid_head: ['C4'],
  awaiting_secretary: ['C4'],
  awaiting_township_leader: ['C4'],
  triage: ['C7'],
};

describe('the case state table', () => {
  it('C4: a worker’s call waits for the grid head, a grid head’s for the secretary, a city call for the township', () => {
    expect(firstState('grid_worker', false)).toBe('awaiting_grid_head');
    expect(firstState('grid_head', false)).toBe('awaiting_secretary');
    expect(firstState('community_secretary', true)).toBe('awaiting_township_leader');
    expect(firstState('resident', false)).toBe('triage');
  });

  it('C12: every step into a closed state carries feedback to whoever raised the case', () => {
    for (const action of ACTIONS) {
      const rule = CASE_FLOW[action];
      if (CASE_STATES[rule.to] === 'closed')
        expect({ action, feedback: 'feedback' in rule }).toEqual({ action, feedback: true });
    }
  });

  it('C11: an unsatisfied rating sends the case back to the same unit for second handling with a new sign-in clock', () => {
    expect(CASE_FLOW.rate_unsatisfied).toMatchObject({
      from: ['finished'],
      to: 'dispatched',
      opens: ['C8'],
      reason: true,
    });
  });

  it('every state that is not closed has a way on, and every state is reachable', () => {
    const reachable = new Set<CaseState>(INITIAL);
    for (let changed = true; changed; ) {
      changed = false;
      for (const action of ACTIONS) {
        const rule = CASE_FLOW[action];
        if (rule.from.some((s) => reachable.has(s)) && !reachable.has(rule.to)) {
          reachable.add(rule.to);
          changed = true;
        }
      }
    }
    expect([...reachable].sort()).toEqual([...STATES].sort());
    for (const state of STATES)
      if (CASE_STATES[state] !== 'closed') expect(allowedActions(state), state).not.toEqual([]);
  });

  it('C8: no action succeeds from a state the table does not list, nor for a role it does not name', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...STATES),
        fc.constantFrom(...ACTIONS),
        fc.subarray([...ROLES] as Role[]),
        (state, action, roles) => {
          const rule = CASE_FLOW[action];
          const result = planTransition(state, action, roles);
          const legal =
            (rule.from as readonly CaseState[]).includes(state) &&
            rule.roles.some((r: Role) => roles.includes(r));
          expect(result.ok).toBe(legal);
          if (!result.ok && result.reason === 'state') expect(result.allowed).toEqual(allowedActions(state));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('C10: on every path, each clock is met or cancelled exactly once, and none is left running at closure', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...INITIAL),
        fc.array(fc.nat(), { minLength: 1, maxLength: 60 }),
        (start, picks) => {
          let state = start;
          let open: CaseDuty[] = [...(OWED_ON_ENTRY[start] ?? [])];
          for (const pick of picks) {
            const actions = allowedActions(state);
            if (actions.length === 0) break;
            const action = actions[pick % actions.length] as CaseAction;
            const rule = CASE_FLOW[action] as (typeof CASE_FLOW)[CaseAction] & {
              meets?: CaseDuty[];
              opens?: CaseDuty[];
              cancels?: 'all';
            };
            for (const duty of rule.meets ?? []) {
              // Meeting a duty that is not running would be a bug in the table.
              expect(open, `${state} --${action}--> meets ${duty}`).toContain(duty);
              open.splice(open.indexOf(duty), 1);
            }
            if (rule.cancels === 'all') open = [];
            open.push(...(rule.opens ?? []));
            state = rule.to;
            if (CASE_STATES[state] === 'closed') expect(open, `closed by ${action}`).toEqual([]);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });
});
