import type { LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CaseWorld, createCaseWorld } from '../../../../test/helpers/case-world.ts';
import { TINY_JPEG, uploadPhoto } from '../../../../test/helpers/photo.ts';

let w: CaseWorld;
beforeEach(async () => {
  w = await createCaseWorld();
});
afterEach(async () => {
  await w.close();
});

type Step = (who: string, action: string, payload?: object) => Promise<LightMyRequestResponse>;

/** Steps on one case that carry its version along (If-Match). */
function stepper(id: string, version: number): Step {
  let v = version;
  return async (who, action, payload = {}) => {
    const response = await w.act(who, id, action, v, payload);
    if (response.statusCode === 200) v = response.json().version;
    return response;
  };
}

/** A grid worker's call approved by the grid head: in triage at 密州街道's centre. */
async function inTriage(extra: Record<string, unknown> = {}): Promise<{ id: string; step: Step }> {
  const raised = await w.raise(w.call(extra));
  expect(raised.statusCode).toBe(201);
  const step = stepper(raised.json().id, 1);
  expect((await step('gridhead', 'approve_as_grid_head')).statusCode).toBe(200);
  return { id: raised.json().id, step };
}

const ok = async (response: Promise<LightMyRequestResponse>) => {
  const r = await response;
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
};
const refused = async (response: Promise<LightMyRequestResponse>) => (await response).json().error;

describe('photos', () => {
  it('C9: arrival needs a position and a photo; a photo is checked by its bytes and its size', async () => {
    const { id, step } = await inTriage();
    await ok(step('dispatcher', 'dispatch', { leadUnitId: w.units['D370782-ZJJ'] }));
    await ok(step('handler', 'sign'));
    expect((await refused(step('handler', 'arrive', { photoIds: [] }))).code).toBe('POSITION_REQUIRED');
    expect((await refused(step('handler', 'arrive', { ...w.inGrid }))).code).toBe('PHOTO_REQUIRED');
    const upload = (body: Buffer, type = 'image/jpeg') =>
      w.t.app.inject({
        method: 'POST',
        url: '/api/files',
        headers: { cookie: w.cookies.handler as string, 'content-type': type },
        payload: body,
      });
    const text = await upload(Buffer.from('not a photo at all'));
    expect([text.statusCode, text.json().error.code]).toEqual([415, 'NOT_AN_IMAGE']);
    const big = await upload(Buffer.concat([TINY_JPEG, Buffer.alloc(11 * 1024 * 1024)]));
    expect(big.statusCode).toBe(413);
    // Someone else's upload cannot be borrowed.
    const foreign = await uploadPhoto(w.t.app, w.cookies.gridworker as string);
    expect((await refused(step('handler', 'arrive', { ...w.inGrid, photoIds: [foreign] }))).code).toBe(
      'BAD_PHOTO',
    );
    expect(await w.duties(id)).toContain('C9:running');

    const site = await w.onSite();
    expect((await ok(step('handler', 'arrive', site))).state).toBe('on_site');
    expect(await w.duties(id)).toContain('C9:met');
    const page = (await w.read(id, 'gridhead')).json();
    expect(page.files).toEqual([expect.objectContaining({ purpose: 'arrival', contentType: 'image/jpeg' })]);
    const photo = await w.t.app.inject({
      method: 'GET',
      url: page.files[0].url,
      headers: { cookie: w.cookies.gridhead as string },
    });
    expect([photo.statusCode, photo.headers['content-type']]).toEqual([200, 'image/jpeg']);
    expect(photo.rawPayload.equals(TINY_JPEG)).toBe(true);
    // Outside the case's scope the photo does not exist: the agency has no part in this case.
    const hidden = await w.t.app.inject({
      method: 'GET',
      url: page.files[0].url,
      headers: { cookie: w.cookies.agencyhead as string },
    });
    expect(hidden.statusCode).toBe(404);
    // Nor can another account read an upload before it is attached.
    const loose = await uploadPhoto(w.t.app, w.cookies.handler as string);
    const other = await w.t.app.inject({
      method: 'GET',
      url: `/api/files/${loose}`,
      headers: { cookie: w.cookies.gridworker as string },
    });
    expect(other.statusCode).toBe(404);
  });

  it('C6: a call carries its photos; they show on the case page', async () => {
    const photo = await uploadPhoto(w.t.app, w.cookies.gridworker as string, '?purpose=call');
    const raised = await w.raise(w.call({ photoIds: [photo] }));
    expect(raised.statusCode).toBe(201);
    const page = (await w.read(raised.json().id, 'gridhead')).json();
    expect(page.files.map((f: { id: string; purpose: string }) => [f.id, f.purpose])).toEqual([
      [photo, 'call'],
    ]);
    // A photo attaches once.
    expect((await w.raise(w.call({ photoIds: [photo] }))).json().error.code).toBe('BAD_PHOTO');
  });
});

describe('cooperating units, returns and merges', () => {
  it('C7: cooperating units get their own tasks and clocks; the lead unit’s finish waits or records why not', async () => {
    const { id, step } = await inTriage();
    const agency = w.units['A370782001-SCJG'] as string;
    const dispatched = await ok(
      step('dispatcher', 'dispatch', { leadUnitId: w.units['D370782-ZJJ'], cooperatingUnitIds: [agency] }),
    );
    expect(dispatched.slaClass).toBe('general'); // the category's SLA class (safety.housing)
    let page = (await w.read(id)).json();
    expect(page.tasks).toEqual([expect.objectContaining({ unitId: agency, state: 'dispatched', round: 1 })]);
    const task = page.tasks[0].id as string;
    expect(await w.duties(task, 'case_task')).toEqual(['C8:running']);

    const taskStep = (who: string, action: string, body: object = {}) =>
      w.t.app.inject({
        method: 'POST',
        url: `/api/cases/${id}/tasks/${task}/${action}`,
        headers: { cookie: w.cookies[who] as string },
        payload: body,
      });
    expect((await taskStep('handler', 'sign')).statusCode).toBe(403); // the lead unit is not the cooperating unit
    expect((await taskStep('agencyhead', 'sign')).statusCode).toBe(200);
    expect(await w.duties(task, 'case_task')).toEqual(['C10:running', 'C8:met']);

    await ok(step('handler', 'sign'));
    await ok(step('handler', 'arrive', await w.onSite()));
    const early = await refused(step('handler', 'finish', { result: '已加固' }));
    expect(early.code).toBe('TASKS_OPEN');
    expect((await taskStep('agencyhead', 'finish', {})).json().error.code).toBe('RESULT_REQUIRED');
    expect((await taskStep('agencyhead', 'finish', { result: '已检查商户招牌' })).statusCode).toBe(200);
    expect(await w.duties(task, 'case_task')).toEqual(['C10:met', 'C8:met']);
    expect((await ok(step('handler', 'finish', { result: '已加固外墙' }))).state).toBe('finished');
    page = (await w.read(id)).json();
    expect(page.timeline.map((e: { kind: string }) => e.kind)).toEqual(
      expect.arrayContaining(['case.task_signed', 'case.task_finished', 'case.finish']),
    );
    // The task clocks show on the case page beside the case's own.
    expect(
      page.obligations.filter((o: { subject: { type: string } }) => o.subject.type === 'case_task'),
    ).toHaveLength(2);
  });

  it('C10: the lead unit may finish before a cooperating unit when it records why', async () => {
    const { step } = await inTriage();
    await ok(
      step('dispatcher', 'dispatch', {
        leadUnitId: w.units['D370782-ZJJ'],
        cooperatingUnitIds: [w.units['A370782001-SCJG']],
      }),
    );
    await ok(step('handler', 'sign'));
    await ok(step('handler', 'arrive', await w.onSite()));
    const done = await ok(
      step('handler', 'finish', { result: '已加固', pendingReason: '市场监管所的复查不影响结案' }),
    );
    expect(done.state).toBe('finished');
  });

  it('C7: a return the centre agrees to counts against the routing; one it refuses goes back to the same unit', async () => {
    const { id, step } = await inTriage();
    await ok(step('dispatcher', 'dispatch', { leadUnitId: w.units['D370782-ZJJ'] }));
    expect((await refused(step('handler', 'return_case'))).code).toBe('REASON_REQUIRED');
    await ok(step('handler', 'return_case', { reason: '不属于本单位职责' }));
    expect(await w.duties(id)).toEqual(['C4:met', 'C7:met', 'C7:running', 'C8:cancelled']);
    const back = await ok(step('dispatcher', 'refuse_return', { reason: '属住建局房屋安全职责' }));
    expect(back).toMatchObject({ state: 'dispatched', leadUnitId: w.units['D370782-ZJJ'] });
    await ok(step('handler', 'return_case', { reason: '请转交属地' }));
    await ok(step('dispatcher', 'dispatch', { leadUnitId: w.units['370782001'] }));
    const page = (await w.read(id)).json();
    expect(
      page.returns.map((r: { decision: string; countsAgainst: string }) => [r.decision, r.countsAgainst]),
    ).toEqual([
      ['refused', 'department'],
      ['agreed', 'routing'],
    ]);
  });

  it('C7: a returned case the centre sends to the consultation counts the return against the routing', async () => {
    const { id, step } = await inTriage();
    await ok(step('dispatcher', 'dispatch', { leadUnitId: w.units['D370782-ZJJ'] }));
    await ok(step('handler', 'return_case', { reason: '不属于本单位职责' }));
    expect((await ok(step('dispatcher', 'mark_unclear', { reason: '职责不清，提交会商' }))).state).toBe(
      'in_consultation',
    );
    const page = (await w.read(id)).json();
    expect(
      page.returns.map((r: { decision: string; countsAgainst: string }) => [r.decision, r.countsAgainst]),
    ).toEqual([['agreed', 'routing']]);
  });

  it('C7, C12: a duplicate within 100 m and 72 h is suggested and merged; its raiser still hears', async () => {
    const first = await inTriage();
    w.t.clock.advanceMinutes(60 * 20); // within 72 h (and within the session's idle time)
    const second = await inTriage({ lat: w.inGrid.lat + 0.0003 }); // ~33 m north
    const other = await inTriage({ category: 'environment.sanitation' });
    const suggestions = (
      await w.t.app.inject({
        method: 'GET',
        url: `/api/cases/${second.id}/duplicates`,
        headers: { cookie: w.cookies.dispatcher as string },
      })
    ).json().items;
    expect(suggestions.map((s: { case: { id: string }; metres: number }) => [s.case.id, s.metres])).toEqual([
      [first.id, 33],
    ]);
    expect(suggestions.some((s: { case: { id: string } }) => s.case.id === other.id)).toBe(false);
    expect((await refused(second.step('dispatcher', 'merge', { feedback: '已合并' }))).code).toBe(
      'MERGE_TARGET_REQUIRED',
    );
    expect(
      (await refused(second.step('dispatcher', 'merge', { feedback: '已合并', mergeIntoId: second.id })))
        .code,
    ).toBe('BAD_MERGE_TARGET');
    const merged = await ok(
      second.step('dispatcher', 'merge', {
        feedback: '与前一呼叫为同一问题，已合并办理',
        mergeIntoId: first.id,
      }),
    );
    expect(merged).toMatchObject({ state: 'merged', feedback: '与前一呼叫为同一问题，已合并办理' });
    expect(await w.duties(second.id)).toEqual(['C4:met', 'C7:met']);
    const notes = await w.t.database.query<{ kind: string }>(
      "SELECT kind FROM notifications WHERE subject_id = $1 AND kind = 'case.feedback'",
      [second.id],
    );
    expect(notes).toHaveLength(1);
  });
});

describe('township task orders and joint handling', () => {
  it('C16: a task order to a stationed agency is fixed on the spot and reported; a department cannot', async () => {
    const { id, step } = await inTriage();
    const agency = w.units['A370782001-SCJG'] as string;
    await ok(step('dispatcher', 'dispatch', { leadUnitId: agency }));
    expect(
      (
        await w.t.database.query<{ payload: { taskOrder?: boolean } }>(
          "SELECT payload FROM events WHERE subject_id = $1 AND kind = 'case.dispatch'",
          [id],
        )
      )[0]?.payload.taskOrder,
    ).toBe(true);
    expect((await refused(step('agencyhead', 'fix_on_spot'))).code).toBe('RESULT_REQUIRED');
    const fixed = await ok(step('agencyhead', 'fix_on_spot', { result: '已当场责令商户整改' }));
    expect(fixed.state).toBe('finished');
    expect(await w.duties(id)).toEqual(['C11:running', 'C4:met', 'C7:met', 'C8:met']);

    const dept = await inTriage();
    await ok(dept.step('dispatcher', 'dispatch', { leadUnitId: w.units['D370782-ZJJ'] }));
    expect((await refused(dept.step('handler', 'fix_on_spot', { result: 'x' }))).code).toBe('NOT_AN_AGENCY');
  });

  it('C16: joint enforcement is led by the township with stationed agencies', async () => {
    const { step } = await inTriage();
    const bad = await refused(
      step('dispatcher', 'dispatch', {
        leadUnitId: w.units['370782001'],
        cooperatingUnitIds: [w.units['D370782-ZJJ']],
        jointEnforcement: true,
      }),
    );
    expect([bad.code, bad.field]).toEqual(['BAD_JOINT_ENFORCEMENT', 'jointEnforcement']);
    const joint = await ok(
      step('dispatcher', 'dispatch', {
        leadUnitId: w.units['370782001'],
        cooperatingUnitIds: [w.units['A370782001-SCJG'], w.units['A370782001-ZF']],
        jointEnforcement: true,
      }),
    );
    expect(joint).toMatchObject({ state: 'dispatched', jointEnforcement: true });
  });

  it('C14: the centre records a joint consultation with minutes, or refers a dispute to mediation', async () => {
    const { id } = await inTriage();
    const record = (who: string, body: object) =>
      w.t.app.inject({
        method: 'POST',
        url: `/api/cases/${id}/records`,
        headers: { cookie: w.cookies[who] as string },
        payload: body,
      });
    const units = [w.units['D370782-ZJJ'], w.units['A370782001-SCJG']];
    const noMinutes = await record('dispatcher', {
      kind: 'joint_consultation',
      unitIds: units,
      decision: '住建局牵头',
    });
    expect([noMinutes.statusCode, noMinutes.json().error.field]).toEqual([400, 'minutes']);
    expect(
      (await record('gridhead', { kind: 'joint_consultation', unitIds: units, decision: 'x', minutes: 'y' }))
        .statusCode,
    ).toBe(403);
    const made = await record('dispatcher', {
      kind: 'joint_consultation',
      unitIds: units,
      decision: '住建局牵头，市场监管所配合',
      minutes: '2026年9月21日会商：……',
      decidedByLeader: false,
    });
    expect(made.statusCode).toBe(201);
    const office = w.units['O370782-SGB'] as string;
    expect((await record('dispatcher', { kind: 'mediation_referral', unitIds: [office] })).statusCode).toBe(
      201,
    );
    const page = (await w.read(id)).json();
    expect(page.records.map((r: { kind: string }) => r.kind)).toEqual([
      'joint_consultation',
      'mediation_referral',
    ]);
    expect(await w.events(id)).toEqual(
      expect.arrayContaining(['case.joint_consultation', 'case.mediation_referral']),
    );
    const told = await w.t.database.query<{ unit_id: string }>(
      "SELECT unit_id FROM notifications WHERE kind = 'case.joint_consultation' ORDER BY unit_id",
    );
    expect(told.map((n) => n.unit_id).sort()).toEqual([...units].sort());
  });

  it('C10: the lead unit reports progress with a note after signing; others cannot', async () => {
    const { id, step } = await inTriage();
    await ok(step('dispatcher', 'dispatch', { leadUnitId: w.units['D370782-ZJJ'] }));
    const progress = (who: string, body: object) =>
      w.t.app.inject({
        method: 'POST',
        url: `/api/cases/${id}/progress`,
        headers: { cookie: w.cookies[who] as string },
        payload: body,
      });
    expect((await progress('handler', { note: '已联系物业' })).statusCode).toBe(409); // not signed yet
    await ok(step('handler', 'sign'));
    expect((await progress('handler', { note: '  ' })).statusCode).toBe(400);
    expect((await progress('dispatcher', { note: '催办' })).statusCode).toBe(403);
    expect((await progress('handler', { note: '已联系物业，明日施工' })).statusCode).toBe(204);
    expect((await w.events(id)).at(-1)).toBe('case.progress');
  });
});
