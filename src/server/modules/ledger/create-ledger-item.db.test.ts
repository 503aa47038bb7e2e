import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { snapshot } from '../../../../test/helpers/db.ts';
import { AppError } from '../../core/errors.ts';
import { createLedgerItem, type LedgerItemInput } from './index.ts';

let t: TestApp;
let units: Record<string, string>;
beforeAll(async () => {
  t = await createTestApp();
  const rows = await t.database.query<{ code: string; id: string }>('SELECT code, id FROM org_units');
  units = Object.fromEntries(rows.map((r) => [r.code, r.id]));
});
afterAll(async () => {
  await t.close();
});

const create = (input: Partial<LedgerItemInput> = {}) =>
  t.ctx.db.transaction((tx) =>
    createLedgerItem({
      db: tx,
      clock: t.clock,
      calendar: t.ctx.calendar.current(),
      caller: 'system',
      input: {
        kind: 'consultation',
        title: '兴华社区 3 号楼外墙维修责任',
        content: '由住建局牵头，密州街道配合，10 月底前完成外墙排查维修',
        leadUnitId: units['D370782-ZJJ'] as string,
        cooperatingUnitIds: [units['370782001'] as string],
        reportRule: 'M+1@15',
        ...input,
      },
      defaultWarnRatio: 0.8,
    }),
  );

const duties = async (id: string) =>
  t.database.query<{ rule_id: string; state: string; deadline: string; due_at: Date; unit_id: string }>(
    `SELECT rule_id, state, deadline, due_at, unit_id FROM obligations
      WHERE subject_type = 'ledger_item' AND subject_id = $1 ORDER BY rule_id`,
    [id],
  );

describe('creating a ledger item', () => {
  it('R7, R8: opens the first monthly report (the 15th of next month) and the completion clock, tells both units', async () => {
    const item = await create({ dueAt: new Date('2026-10-30T17:00:00+08:00') });
    expect(item).toMatchObject({ kind: 'consultation', state: 'open', reopened: 0, reportRule: 'M+1@15' });
    const rows = await duties(item.id);
    expect(rows.map((r) => [r.rule_id, r.state, r.deadline, r.unit_id])).toEqual([
      ['R7', 'running', 'M+1@30@17:00', units['D370782-ZJJ']],
      ['R8', 'running', 'M+1@15', units['D370782-ZJJ']],
    ]);
    expect(rows[0]?.due_at.toISOString()).toBe('2026-10-30T09:00:00.000Z');
    expect(rows[1]?.due_at.toISOString()).toBe('2026-10-15T09:30:00.000Z'); // 17:30, office close
    const notified = await t.database.query<{ unit_id: string }>(
      `SELECT unit_id FROM notifications WHERE kind = 'ledger.item_created' AND subject_id = $1 ORDER BY title`,
      [item.id],
    );
    expect(notified.map((n) => n.unit_id).sort()).toEqual([units['D370782-ZJJ'], units['370782001']].sort());
    const [event] = await t.database.query<{ kind: string }>(
      `SELECT kind FROM events WHERE subject_type = 'ledger_item' AND subject_id = $1`,
      [item.id],
    );
    expect(event?.kind).toBe('ledger.item_created');
  });

  it('R7: bad input is refused naming the field, and nothing is written', async () => {
    const before = await snapshot(t.database);
    const bad: [Partial<LedgerItemInput>, string, string][] = [
      [{ kind: 'gossip' }, 'UNKNOWN_KIND', 'kind'],
      [{ title: '  ' }, 'TITLE_REQUIRED', 'title'],
      [{ content: '' }, 'CONTENT_REQUIRED', 'content'],
      [{ reportRule: 'monthly' }, 'BAD_RULE', 'reportRule'],
      [{ leadUnitId: units['370782001001001'] }, 'BAD_LEAD_UNIT', 'leadUnitId'],
      [
        { cooperatingUnitIds: [units['D370782-ZJJ'] as string] },
        'BAD_COOPERATING_UNIT',
        'cooperatingUnitIds.0',
      ],
      [{ dueAt: new Date('2026-09-01T00:00:00+08:00') }, 'DUE_IN_PAST', 'dueAt'],
      [{ dueRuleId: 'R8' }, 'BAD_DUE_RULE', 'dueRuleId'],
      [{ sourceType: 'consultation_item' }, 'SOURCE_INCOMPLETE', 'sourceId'],
    ];
    for (const [input, code, field] of bad) {
      const error = await create(input).catch((e: unknown) => e);
      expect(error, code).toBeInstanceOf(AppError);
      expect([(error as AppError).code, (error as AppError).field]).toEqual([code, field]);
    }
    expect(await snapshot(t.database)).toEqual(before);
  });

  it('R7: inside the caller’s transaction, a rollback leaves no item, clock or event behind', async () => {
    const before = await snapshot(t.database);
    await expect(
      t.ctx.db.transaction(async (tx) => {
        await createLedgerItem({
          db: tx,
          clock: t.clock,
          calendar: t.ctx.calendar.current(),
          caller: 'system',
          input: {
            kind: 'consultation',
            title: 'x',
            content: 'y',
            leadUnitId: units['D370782-ZJJ'] as string,
            reportRule: 'M+1@15',
          },
          defaultWarnRatio: 0.8,
        });
        throw new Error('the consultation decision failed');
      }),
    ).rejects.toThrow('the consultation decision failed');
    expect(await snapshot(t.database)).toEqual(before);
  });
});
