import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en.ts';
import { makeTranslate } from '../../i18n/translate.ts';
import { zhCN } from '../../i18n/zh-CN.ts';
import type { CaseTask } from './case-types.ts';
import { isBareStep, mayRecord, openTasks, stepForm, stepTitle, taskSteps } from './steps.ts';

const task = (patch: Partial<CaseTask>): CaseTask => ({
  id: 't1',
  unitId: 'u1',
  round: 1,
  state: 'dispatched',
  result: null,
  createdAt: '2026-09-21T10:00:00+08:00',
  signedAt: null,
  doneAt: null,
  ...patch,
});

describe('stepForm', () => {
  it('C9: arrival asks for the position and a photo', () => {
    expect(stepForm({ kind: 'flow', action: 'arrive' })).toMatchObject({
      position: true,
      photos: { purpose: 'arrival', required: true },
    });
  });

  it('finishing asks for the result and offers photos; signing asks nothing', () => {
    expect(stepForm({ kind: 'flow', action: 'finish' })).toMatchObject({
      result: true,
      photos: { purpose: 'finish', required: false },
    });
    expect(isBareStep(stepForm({ kind: 'flow', action: 'sign' }))).toBe(true);
    expect(isBareStep(stepForm({ kind: 'flow', action: 'approve_as_grid_head' }))).toBe(true);
    expect(isBareStep(stepForm({ kind: 'flow', action: 'dispatch' }))).toBe(false);
  });

  it('a progress note is the note itself; a task finish needs its result', () => {
    expect(stepForm({ kind: 'progress' })).toMatchObject({
      note: 'required',
      photos: { purpose: 'progress' },
    });
    expect(stepForm({ kind: 'task', action: 'finish', task: task({}) })).toMatchObject({
      result: true,
      note: 'hidden',
    });
    expect(isBareStep(stepForm({ kind: 'task', action: 'sign', task: task({}) }))).toBe(true);
  });
});

describe('tasks', () => {
  it('offers a cooperating unit’s people the next step of its task while the case is handled', () => {
    const mine = new Set(['u1']);
    expect(taskSteps(task({}), 'signed', mine)).toEqual(['sign']);
    expect(taskSteps(task({ state: 'signed' }), 'on_site', mine)).toEqual(['finish']);
    expect(taskSteps(task({ state: 'done' }), 'on_site', mine)).toEqual([]);
    expect(taskSteps(task({}), 'finished', mine)).toEqual([]);
    expect(taskSteps(task({}), 'signed', new Set(['u2']))).toEqual([]);
  });

  it('counts the open tasks of the current round only', () => {
    const tasks = [
      task({ id: 'a' }),
      task({ id: 'b', state: 'done' }),
      task({ id: 'c', round: 2, state: 'signed' }),
    ];
    expect(openTasks(tasks, 1).map((t) => t.id)).toEqual(['a']);
    expect(openTasks(tasks, 2).map((t) => t.id)).toEqual(['c']);
  });
});

describe('stepTitle', () => {
  it('names flow steps by their action, task steps and progress notes by their own words', () => {
    const zh = makeTranslate(zhCN);
    expect(stepTitle(zh, { kind: 'flow', action: 'dispatch' })).toBe('派遣');
    expect(stepTitle(zh, { kind: 'task', action: 'finish', task: task({}) })).toBe('完成任务');
    expect(stepTitle(makeTranslate(en), { kind: 'progress' })).toBe('Report progress');
  });
});

describe('C14 records', () => {
  it('are the centre’s while the case is open, with their own form', () => {
    expect(mayRecord(['centre_dispatcher'], 'open')).toBe(true);
    expect(mayRecord(['centre_dispatcher'], 'closed')).toBe(false);
    expect(mayRecord(['grid_head'], 'open')).toBe(false);
    expect(stepForm({ kind: 'record', record: 'joint_consultation' })).toMatchObject({
      record: 'joint_consultation',
      note: 'hidden',
    });
    expect(isBareStep(stepForm({ kind: 'record', record: 'mediation_referral' }))).toBe(false);
    expect(stepTitle(makeTranslate(zhCN), { kind: 'record', record: 'joint_consultation' })).toBe(
      '组织联合会商',
    );
  });
});
