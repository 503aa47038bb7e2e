import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CaseWorld, createCaseWorld } from '../../../../test/helpers/case-world.ts';
import { snapshot } from '../../../../test/helpers/db.ts';

const ACCOUNTS = ['gridworker', 'gridhead', 'dispatcher', 'handler', 'agencyhead', 'socialoffice'];
let w: CaseWorld;
beforeEach(async () => {
  w = await createCaseWorld(ACCOUNTS);
  // Friday 2026-10-09: the month's collection is open until the 18th (R4).
  await moveTo('2026-10-09T09:00:00+08:00');
});
afterEach(async () => {
  await w.close();
});

async function moveTo(at: string): Promise<void> {
  w.t.clock.set(at);
  for (const name of ACCOUNTS) w.cookies[name] = await w.t.login(name);
}
const call = (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
  w.t.app.inject({
    method,
    url,
    headers: { cookie: w.cookies[who] as string },
    ...(payload ? { payload } : {}),
  });
const dutiesOf = async (type: string, id: string) =>
  (
    await w.t.database.query<{ rule_id: string; state: string; unit_id: string }>(
      'SELECT rule_id, state, unit_id FROM obligations WHERE subject_type = $1 AND subject_id = $2 ORDER BY rule_id, unit_id',
      [type, id],
    )
  ).map((o) => `${o.rule_id}:${o.state}`);

/** A street-order call approved and marked unclear by the township centre: it waits for the consultation. */
async function unclearCase(): Promise<string> {
  const raised = await w.raise(
    w.call({ category: 'city.street_order', situation: '路口占道经营，多部门互相推诿' }),
  );
  const id = raised.json().id as string;
  expect((await w.act('gridhead', id, 'approve_as_grid_head', 1)).statusCode).toBe(200);
  const unclear = await w.act('dispatcher', id, 'mark_unclear', 2, { reason: '职责不清，提交会商' });
  expect(unclear.json().state).toBe('in_consultation');
  return id;
}

describe('the monthly consultation', () => {
  it('R1, R2, R4, R5, R6, R7, R8, R9, C7: three unclear cases → session → determination → minutes → the next case is routed by the meeting', async () => {
    const waiting = [await unclearCase(), await unclearCase(), await unclearCase()];
    const district = w.units['370782'] as string;
    const township = w.units['370782001'] as string;
    const zjj = w.units['D370782-ZJJ'] as string;
    const agency = w.units['A370782001-SCJG'] as string;

    const created = await call('socialoffice', 'POST', '/api/consultation/sessions', {
      areaUnitId: district,
      kind: 'monthly',
      month: '2026-10',
    });
    expect(created.statusCode, created.body).toBe(201);
    const session = created.json().id as string;
    expect(await dutiesOf('consultation_session', session)).toEqual([
      'R2:running',
      'R4:running',
      'R5:running',
    ]);
    const due = await w.t.database.query<{ rule_id: string; due_at: Date }>(
      'SELECT rule_id, due_at FROM obligations WHERE subject_id = $1 ORDER BY rule_id',
      [session],
    );
    // R4 the 18th is a Sunday in October 2026: collection closes on Monday the 19th at office close.
    expect(due.map((d) => [d.rule_id, d.due_at.toISOString()])).toEqual([
      ['R2', '2026-10-30T09:30:00.000Z'],
      ['R4', '2026-10-19T09:30:00.000Z'],
      ['R5', '2026-10-21T09:30:00.000Z'],
    ]);

    const queue = (
      await call('socialoffice', 'GET', `/api/consultation/queue?areaUnitId=${district}`)
    ).json();
    expect(queue.waitingCases.map((c: { id: string }) => c.id).sort()).toEqual([...waiting].sort());
    const item = await call('socialoffice', 'POST', '/api/consultation/items', {
      areaUnitId: district,
      source: 'case',
      title: '兴华路口占道经营管理职责',
      description: '路口早市占道经营，城管、住建、市场监管和街道均认为不属本单位职责。',
      categoryCode: 'city.street_order',
      placeUnitId: township,
      involvedUnitIds: [zjj, township, agency],
      caseIds: waiting,
    });
    expect(item.statusCode, item.body).toBe(201);
    w.t.clock.advanceMinutes(5); // items are numbered in the order they were entered
    const media = await call('socialoffice', 'POST', '/api/consultation/items', {
      areaUnitId: district,
      source: 'media',
      title: '废弃共享单车清理职责',
      description: '网民反映废弃共享单车长期占用人行道。',
      involvedUnitIds: [zjj],
    });
    const itemIds = [item.json().id as string, media.json().id as string];

    const agenda = await call('socialoffice', 'POST', `/api/consultation/sessions/${session}/agenda`, {
      meetingAt: '2026-10-27T15:00:00+08:00',
      location: '市政府第一会议室',
      itemIds,
    });
    expect(agenda.statusCode, agenda.body).toBe(200);
    expect(await dutiesOf('consultation_session', session)).toEqual(['R2:running', 'R4:met', 'R5:met']);
    expect(await dutiesOf('consultation_item', itemIds[0] as string)).toEqual([
      'R9:running',
      'R9:running',
      'R9:running',
    ]);
    const material = await call('handler', 'POST', `/api/consultation/items/${itemIds[0]}/materials`, {
      unitId: zjj,
      content: '住建局意见：占道经营不属于房屋安全管理范围。',
    });
    expect(material.statusCode, material.body).toBe(201);
    expect(
      (await dutiesOf('consultation_item', itemIds[0] as string)).filter((d) => d === 'R9:met'),
    ).toHaveLength(1);

    await moveTo('2026-10-27T15:00:00+08:00');
    const record = {
      attendance: [
        { unitId: w.units['O370782-ZFB'], people: '市政府办公室副主任' },
        { unitId: w.units['O370782-SGB'], people: '社管办主任' },
        { unitId: w.units['O370782-BB'], people: '编办副主任' },
        { unitId: w.units['O370782-FZB'], people: '法制办主任' },
        { unitId: zjj, people: '分管副局长' },
        { unitId: township, people: '分管副主任' },
        { unitId: agency, people: '所长' },
      ],
      requirements: '各单位要讲政治、顾大局，不得推诿扯皮。',
      determinations: [
        {
          itemId: itemIds[0],
          outcome: 'decided',
          principle: 'designated',
          leadUnitId: township,
          cooperatingUnitIds: [agency],
          basis: '属地管理原则',
          reasoning: '占道经营发生在街道辖区，由街道牵头整治，市场监管所配合查处无照经营。',
        },
        { itemId: itemIds[1], outcome: 'to_leaders', reasoning: '涉及多家运营企业，需市领导协调。' },
      ],
    };
    // Bad input: a decision without a lead unit changes nothing.
    const before = await snapshot(w.t.database);
    const noLead = await call('socialoffice', 'POST', `/api/consultation/sessions/${session}/meeting`, {
      ...record,
      determinations: [{ ...record.determinations[0], leadUnitId: undefined }, record.determinations[1]],
    });
    expect([noLead.statusCode, noLead.json().error.field]).toEqual([400, 'determinations.0.leadUnitId']);
    expect(await snapshot(w.t.database)).toEqual(before);

    const held = await call('socialoffice', 'POST', `/api/consultation/sessions/${session}/meeting`, record);
    expect(held.statusCode, held.body).toBe(200);
    expect(await dutiesOf('consultation_session', session)).toEqual(['R2:met', 'R4:met', 'R5:met']);
    const page = (await call('socialoffice', 'GET', `/api/consultation/sessions/${session}`)).json();
    const decided = page.items.find((i: { id: string }) => i.id === itemIds[0]);
    expect(decided).toMatchObject({ state: 'decided', principle: 'designated', leadUnitId: township });
    // R7, R8: the decision is a ledger item of the lead unit with a report due on the 15th.
    const [report] = await w.t.database.query<{ rule_id: string; unit_id: string; due_at: Date }>(
      "SELECT rule_id, unit_id, due_at FROM obligations WHERE subject_type = 'ledger_item' AND subject_id = $1",
      [decided.ledgerItemId],
    );
    expect(report).toMatchObject({ rule_id: 'R8', unit_id: township });
    expect(report?.due_at.toISOString().slice(0, 10)).toBe('2026-11-16'); // the 15th is a Sunday

    expect(
      (await call('socialoffice', 'POST', `/api/consultation/sessions/${session}/issue`, {})).statusCode,
    ).toBe(200);
    const minutes = await call('dispatcher', 'GET', `/api/consultation/sessions/${session}/minutes.docx`);
    expect(minutes.statusCode).toBe(200);
    expect(minutes.headers['content-type']).toContain('wordprocessingml');
    const xml = await (await JSZip.loadAsync(minutes.rawPayload)).file('word/document.xml')?.async('string');
    expect(xml).toContain('兴华路口占道经营管理职责');
    expect(xml).toContain('按照指定原则');
    expect(xml).toContain('仿宋_GB2312');
    const special = await call(
      'socialoffice',
      'GET',
      `/api/consultation/sessions/${session}/special-report.docx`,
    );
    const specialXml = await (await JSZip.loadAsync(special.rawPayload))
      .file('word/document.xml')
      ?.async('string');
    expect(specialXml).toContain('废弃共享单车清理职责');

    // C7: the waiting cases go to the decided lead in one action, following the meeting's rule.
    const sent = await call('dispatcher', 'POST', `/api/consultation/items/${itemIds[0]}/dispatch-cases`, {});
    expect(sent.json()).toEqual({ dispatched: expect.arrayContaining(waiting), skipped: [] });
    for (const id of waiting) {
      const c = (await w.read(id)).json();
      expect(c.case).toMatchObject({ state: 'dispatched', leadUnitId: township });
      const dispatch = c.timeline.find((e: { kind: string }) => e.kind === 'case.dispatch');
      expect(dispatch.payload).toMatchObject({ suggestedRuleId: decided.ruleId, followedSuggestion: true });
    }
    // The next such case is routed by the meeting's rule, which cites it.
    const next = await w.raise(w.call({ category: 'city.street_order' }));
    const suggestion = (
      await call(
        'dispatcher',
        'GET',
        `/api/routing/suggest?category=city.street_order&grid=${next.json().gridId}`,
      )
    ).json();
    expect(suggestion).toMatchObject({
      status: 'rule',
      rule: { id: decided.ruleId, lead: { id: township } },
    });
    expect(suggestion.rule.basis).toContain('2026年10月职责不清问题会商研判会议第1项');
  });

  /** An extra session with one leader-assigned item on its agenda (meeting on Tuesday the 13th). */
  async function extraSessionWithItem(): Promise<{ session: string; item: string; zjj: string }> {
    const district = w.units['370782'] as string;
    const zjj = w.units['D370782-ZJJ'] as string;
    const session = (
      await call('socialoffice', 'POST', '/api/consultation/sessions', {
        areaUnitId: district,
        kind: 'extra',
      })
    ).json().id;
    const item = (
      await call('socialoffice', 'POST', '/api/consultation/items', {
        areaUnitId: district,
        source: 'leader',
        title: '小区电动车充电设施管理职责',
        description: '领导交办。',
        categoryCode: 'safety.hazard',
        involvedUnitIds: [zjj],
      })
    ).json().id;
    const agenda = await call('socialoffice', 'POST', `/api/consultation/sessions/${session}/agenda`, {
      meetingAt: '2026-10-13T15:00:00+08:00',
      location: '社管办会议室',
      itemIds: [item],
    });
    expect(agenda.statusCode, agenda.body).toBe(200);
    return { session, item, zjj };
  }
  const toLeaders = (item: string) => [{ itemId: item, outcome: 'to_leaders', reasoning: '待领导研究' }];

  it('R3: every unit on the agenda attends, or the meeting is not recorded', async () => {
    const { session, item } = await extraSessionWithItem();
    const absent = await call('socialoffice', 'POST', `/api/consultation/sessions/${session}/meeting`, {
      attendance: [{ unitId: w.units['O370782-SGB'], people: '社管办主任' }],
      determinations: toLeaders(item),
    });
    expect([absent.statusCode, absent.json().error.code]).toEqual([400, 'ATTENDANCE_INCOMPLETE']);
    expect(
      (await call('socialoffice', 'GET', `/api/consultation/sessions/${session}`)).json().session.state,
    ).toBe('agenda_fixed');
  });

  it('R10: laggards’ explanations at the meeting are recorded against them for the assessment', async () => {
    const { session, item, zjj } = await extraSessionWithItem();
    const held = await call('socialoffice', 'POST', `/api/consultation/sessions/${session}/meeting`, {
      attendance: [{ unitId: zjj, people: '副局长' }],
      laggards: [{ unitId: zjj, explanation: '上次议定的整改事项因资金未到位滞后，计划11月底完成。' }],
      determinations: toLeaders(item),
    });
    expect(held.statusCode, held.body).toBe(200);
    const records = await w.t.database.query<{ unit_id: string; kind: string }>(
      'SELECT unit_id, kind FROM accountability_records',
    );
    expect(records).toEqual([{ unit_id: zjj, kind: 'non_implementation' }]);
  });

  it('R5: fixing the agenda meets the collection and agenda clocks; a past time or a foreign item is refused', async () => {
    const district = w.units['370782'] as string;
    const session = (
      await call('socialoffice', 'POST', '/api/consultation/sessions', {
        areaUnitId: district,
        kind: 'extra',
      })
    ).json().id;
    expect(await dutiesOf('consultation_session', session)).toEqual(['R2:running', 'R5:running']);
    const past = await call('socialoffice', 'POST', `/api/consultation/sessions/${session}/agenda`, {
      meetingAt: '2026-10-08T15:00:00+08:00',
      location: '会议室',
      itemIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect([past.statusCode, past.json().error.code]).toEqual([400, 'MEETING_IN_PAST']);
    const unknown = await call('socialoffice', 'POST', `/api/consultation/sessions/${session}/agenda`, {
      meetingAt: '2026-10-13T15:00:00+08:00',
      location: '会议室',
      itemIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([400, 'BAD_ITEMS']);
    expect(await dutiesOf('consultation_session', session)).toEqual(['R2:running', 'R5:running']);
  });

  it('R9: only an involved unit submits written material, and it meets that unit’s own duty', async () => {
    const { item, zjj } = await extraSessionWithItem();
    expect(await dutiesOf('consultation_item', item)).toEqual(['R9:running']);
    const before = (await call('handler', 'GET', '/api/consultation/my-items')).json().items;
    expect(before.map((r: { units: { submittedAt: string | null }[] }) => r.units[0]?.submittedAt)).toEqual([
      null,
    ]);
    const stranger = await call('agencyhead', 'POST', `/api/consultation/items/${item}/materials`, {
      unitId: w.units['A370782001-SCJG'],
      content: '不相关单位的材料',
    });
    expect(stranger.statusCode).toBe(404);
    const empty = await call('handler', 'POST', `/api/consultation/items/${item}/materials`, {
      unitId: zjj,
      content: ' ',
    });
    expect([empty.statusCode, empty.json().error.field]).toEqual([400, 'content']);
    const sent = await call('handler', 'POST', `/api/consultation/items/${item}/materials`, {
      unitId: zjj,
      content: '住建局书面意见：……',
    });
    expect(sent.statusCode).toBe(201);
    expect(await dutiesOf('consultation_item', item)).toEqual(['R9:met']);
    // The unit finds its items, and what it has sent, on its own list.
    const mine = (await call('handler', 'GET', '/api/consultation/my-items')).json().items;
    expect(mine).toEqual([
      expect.objectContaining({
        item: expect.objectContaining({ id: item }),
        units: [expect.objectContaining({ unitId: zjj, submittedAt: '2026-10-09T09:00:00+08:00' })],
      }),
    ]);
    expect((await call('agencyhead', 'GET', '/api/consultation/my-items')).json().items).toEqual([]);
  });

  it('R2: a monthly session is one per month and its meeting falls in the last ten days', async () => {
    const district = w.units['370782'] as string;
    const body = { areaUnitId: district, kind: 'monthly', month: '2026-10' };
    const session = (await call('socialoffice', 'POST', '/api/consultation/sessions', body)).json().id;
    expect((await call('socialoffice', 'POST', '/api/consultation/sessions', body)).json().error.code).toBe(
      'SESSION_EXISTS',
    );
    const item = (
      await call('socialoffice', 'POST', '/api/consultation/items', {
        areaUnitId: district,
        source: 'netizen',
        title: '某问题',
        description: '网民反映。',
      })
    ).json().id;
    const early = await call('socialoffice', 'POST', `/api/consultation/sessions/${session}/agenda`, {
      meetingAt: '2026-10-15T15:00:00+08:00',
      location: '会议室',
      itemIds: [item],
    });
    expect([early.statusCode, early.json().error.code]).toEqual([400, 'MEETING_NOT_LATE_MONTH']);
    // Only the 社管办 runs the cycle.
    expect(
      (await call('dispatcher', 'POST', '/api/consultation/sessions', { ...body, month: '2026-11' }))
        .statusCode,
    ).toBe(403);
  });
});
