import { describe, expect, it } from 'vitest';
import {
  actionFields,
  CASE_ACTIONS,
  isCaseAction,
  orderActions,
  queueStates,
  WAITING_ON,
} from './case-flow.ts';

describe('queueStates', () => {
  it('gives each role the states it acts in', () => {
    expect(queueStates(['grid_head'])).toEqual(['awaiting_grid_head', 'finished']);
    expect(queueStates(['centre_dispatcher'])).toEqual(['triage', 'extension_requested', 'returned']);
    expect(queueStates(['dept_handler'])).toEqual(['dispatched', 'signed', 'on_site']);
    expect(queueStates(['community_secretary'])).toEqual(['awaiting_secretary']);
    expect(queueStates(['agency_head'])).toEqual(['dispatched', 'signed', 'on_site']);
  });

  it('gives roles that take no step an empty queue, and merges several roles', () => {
    expect(queueStates(['grid_worker'])).toEqual([]);
    expect(queueStates([])).toEqual([]);
    expect(queueStates(['grid_worker', 'grid_head'])).toEqual(queueStates(['grid_head']));
  });
});

describe('WAITING_ON', () => {
  it('names only roles that have a step to take in that state', () => {
    for (const [state, roles] of Object.entries(WAITING_ON)) {
      for (const role of roles ?? []) {
        const steps = Object.values(CASE_ACTIONS).filter(
          (rule) =>
            (rule.from as readonly string[]).includes(state) &&
            (rule.roles as readonly string[]).includes(role),
        );
        expect(steps.length, `${role} in ${state}`).toBeGreaterThan(0);
      }
    }
  });
});

describe('actionFields', () => {
  it('asks for what the server requires with each step', () => {
    expect(actionFields('send_back')).toMatchObject({ reason: 'required', feedback: 'required' });
    expect(actionFields('rate_satisfied')).toMatchObject({ reason: 'hidden', feedback: 'required' });
    expect(actionFields('rate_unsatisfied')).toMatchObject({ reason: 'required', feedback: 'hidden' });
    expect(actionFields('dispatch')).toMatchObject({ dispatch: true, reason: 'hidden' });
    expect(actionFields('approve_extension')).toMatchObject({ dueAt: true });
    expect(actionFields('finish')).toMatchObject({ result: 'required' });
    expect(actionFields('arrive')).toMatchObject({ photoAndPosition: 'required' });
    expect(actionFields('sign')).toMatchObject({
      reason: 'hidden',
      feedback: 'hidden',
      result: 'hidden',
      dispatch: false,
      note: true,
    });
  });

  it('gives an action it does not know a note only', () => {
    expect(isCaseAction('teleport')).toBe(false);
    expect(actionFields('teleport')).toMatchObject({ reason: 'hidden', feedback: 'hidden', note: true });
  });
});

describe('orderActions', () => {
  it('orders as the table does and makes the first forward step primary', () => {
    expect(orderActions(['send_back', 'solve_at_grid', 'approve_as_grid_head'])).toEqual([
      { action: 'approve_as_grid_head', primary: true },
      { action: 'send_back', primary: false },
      { action: 'solve_at_grid', primary: false },
    ]);
    expect(orderActions(['rate_unsatisfied', 'rate_satisfied'])).toEqual([
      { action: 'rate_satisfied', primary: true },
      { action: 'rate_unsatisfied', primary: false },
    ]);
    expect(orderActions(['zzz', 'sign']).map((a) => a.action)).toEqual(['sign', 'zzz']);
  });

  it('lists every action of the table once', () => {
    const all = Object.keys(CASE_ACTIONS);
    expect(new Set(all).size).toBe(all.length);
  });
});
