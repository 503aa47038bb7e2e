import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type IntakeFixture, intakeFixture } from './intake.fixture.ts';

let f: IntakeFixture;
let hotline: { id: string; key: string };

beforeEach(async () => {
  f = await intakeFixture();
  hotline = await f.source({ code: 'hotline12345' });
});
afterEach(async () => {
  await f.t.close();
});

const demand = (extra: Record<string, unknown> = {}) => ({
  sourceRef: 'RX-20260921-0001',
  category: 'environment.sanitation',
  occurredAt: '2026-09-21T08:10:00+08:00',
  ...f.inGrid,
  address: '密州街道兴华社区东门',
  contactName: '王女士',
  contactPhone: '13812348000',
  situation: '小区东门垃圾两天无人清运',
  demand: '尽快清运',
  ...extra,
});
const post = (
  payload: object,
  headers: Record<string, string> = { authorization: `Bearer ${hotline.key}` },
) => f.t.app.inject({ method: 'POST', url: '/api/intake/cases', headers, payload });
const read = (ref: string, key = hotline.key) =>
  f.t.app.inject({ method: 'GET', url: `/api/intake/cases/${ref}`, headers: { 'x-api-key': key } });
const admin = (url: string) => f.t.app.inject({ method: 'POST', url, headers: { cookie: f.admin } });

describe('source systems', () => {
  it('C5: the system administrator registers a source; the key is answered once and stored only as SHA-256', async () => {
    const [row] = await f.t.database.query<{ key_hash: string; key_prefix: string }>(
      'SELECT key_hash, key_prefix FROM intake_sources WHERE id = $1',
      [hotline.id],
    );
    expect(row?.key_hash).toBe(createHash('sha256').update(hotline.key).digest('hex'));
    expect(hotline.key.startsWith(row?.key_prefix as string)).toBe(true);
    const list = await f.t.app.inject({
      method: 'GET',
      url: '/api/intake/sources',
      headers: { cookie: f.admin },
    });
    expect(list.json().items).toEqual([
      expect.objectContaining({
        code: 'hotline12345',
        channel: 'hotline',
        keyPrefix: row?.key_prefix,
        disabledAt: null,
      }),
    ]);
    expect(list.body).not.toContain(hotline.key);
    const events = await f.t.database.query<{ kind: string; payload: object }>(
      "SELECT kind, payload FROM events WHERE subject_type = 'intake_source'",
    );
    expect(events.map((e) => e.kind)).toEqual(['intake.source_created']);
    expect(JSON.stringify(events)).not.toContain(hotline.key);
    // A taken code is refused; business roles may not manage sources.
    const again = await f.t.app.inject({
      method: 'POST',
      url: '/api/intake/sources',
      headers: { cookie: f.admin },
      payload: { code: 'hotline12345', name: 'x', channel: 'hotline', areaUnitId: f.units['370782'] },
    });
    expect(again.json().error.code).toBe('SOURCE_CODE_TAKEN');
    const dispatcher = await f.t.login('dispatcher');
    const denied = await f.t.app.inject({
      method: 'GET',
      url: '/api/intake/sources',
      headers: { cookie: dispatcher },
    });
    expect(denied.statusCode).toBe(403);
  });

  it('C5: a source authenticates with its key, not a session; wrong, rotated and disabled keys get 401 BAD_API_KEY', async () => {
    const created = await post(demand());
    expect(created.statusCode).toBe(201);
    const wrongKeys: Record<string, string>[] = [
      {},
      { cookie: f.admin },
      { authorization: 'Bearer lsk_wrong' },
      { 'x-api-key': `${hotline.key}x` },
    ];
    for (const headers of wrongKeys) {
      const refused = await post(demand({ sourceRef: 'RX-2' }), headers);
      expect(refused.statusCode).toBe(401);
      expect(refused.json().error.code).toBe('BAD_API_KEY');
    }
    const rotated = await admin(`/api/intake/sources/${hotline.id}/rotate-key`);
    expect(rotated.statusCode).toBe(200);
    const newKey = rotated.json().key as string;
    expect(newKey).not.toBe(hotline.key);
    expect((await read('RX-20260921-0001')).statusCode).toBe(401);
    expect((await read('RX-20260921-0001', newKey)).statusCode).toBe(200);
    expect((await admin(`/api/intake/sources/${hotline.id}/disable`)).json().disabledAt).not.toBeNull();
    expect((await read('RX-20260921-0001', newKey)).json().error.code).toBe('BAD_API_KEY');
    expect((await admin(`/api/intake/sources/${hotline.id}/rotate-key`)).json().error.code).toBe(
      'SOURCE_DISABLED',
    );
    const kinds = await f.t.database.query<{ kind: string }>(
      "SELECT kind FROM events WHERE subject_type = 'intake_source' ORDER BY id",
    );
    expect(kinds.map((k) => k.kind)).toEqual([
      'intake.source_created',
      'intake.source_key_rotated',
      'intake.source_disabled',
    ]);
  });
});

describe('intake API', () => {
  it('C5: a demand goes to the township centre’s triage on the source’s channel, with the phone masked in the answer', async () => {
    const response = await post(demand());
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({
      sourceRef: 'RX-20260921-0001',
      channel: 'hotline',
      state: 'triage',
      status: 'open',
      gridId: f.units['370782001001001'],
      outsideGrid: false,
      feedback: null,
    });
    expect(body.party).toContain('138****8000');
    expect(response.body).not.toContain('13812348000');
    const [row] = await f.t.database.query<Record<string, unknown>>(
      'SELECT raised_by, raiser_role, source_id, source_ref, township_id FROM cases WHERE id = $1',
      [body.id],
    );
    expect(row).toEqual({
      raised_by: null,
      raiser_role: 'source',
      source_id: hotline.id,
      source_ref: 'RX-20260921-0001',
      township_id: f.units['370782001'],
    });
    const duties = await f.t.database.query<{ rule_id: string }>(
      'SELECT rule_id FROM obligations WHERE subject_id = $1',
      [body.id],
    );
    expect(duties.map((d) => d.rule_id)).toEqual(['C7']);
  });

  it('C5: the grid where it happened is told in the same transaction (网格协办)', async () => {
    const { id } = (await post(demand())).json();
    const notes = await f.t.database.query<{ kind: string; unit_id: string }>(
      'SELECT kind, unit_id FROM notifications WHERE subject_id = $1 ORDER BY kind',
      [id],
    );
    expect(notes).toEqual([
      { kind: 'case.grid_assist', unit_id: f.units['370782001001001'] },
      { kind: 'case.raised', unit_id: f.units.C370782001 },
    ]);
  });

  it('C5: the same sourceRef answers the stored case (200); ten concurrent first posts make one case', async () => {
    const first = await post(demand());
    const again = await post(demand({ situation: '重复推送' }));
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    expect(again.json().party).not.toContain('13812348000');

    const answers = await Promise.all(
      Array.from({ length: 10 }, () => post(demand({ sourceRef: 'RX-CONCURRENT' }))),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([
      200, 200, 200, 200, 200, 200, 200, 200, 200, 201,
    ]);
    expect(new Set(answers.map((a) => a.json().id)).size).toBe(1);
    const rows = await f.t.database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM cases WHERE source_ref = 'RX-CONCURRENT'",
    );
    expect(rows[0]?.n).toBe(1);
    const raised = await f.t.database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM events WHERE kind = 'case.raised'",
    );
    expect(raised[0]?.n).toBe(2);
  });

  it('C5: a demand lacking time, place, situation and demand is refused naming each one; nothing is written', async () => {
    const response = await post({ sourceRef: 'RX-9', category: 'environment.sanitation' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: 'MISSING_ELEMENTS',
      field: 'occurredAt',
      message: '呼叫要素不全，缺少：时间、地点、具体情形、需求诉求',
    });
    expect(await f.t.database.query('SELECT id FROM cases')).toEqual([]);
  });

  it('C5: a place outside the source’s area is refused with 400 OUTSIDE_AREA', async () => {
    const township = await f.source({ code: 'petitions-mz', channel: 'petition', areaCode: '370782001' });
    const other = f.inOtherTownship;
    const outside = await post(demand({ lat: other.lat, lng: other.lng }), { 'x-api-key': township.key });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error).toMatchObject({ code: 'OUTSIDE_AREA', field: 'lat' });
    // Outside every grid and every township of the area.
    for (const key of [hotline.key, township.key]) {
      const far = await post(demand({ lat: 39.9, lng: 116.4 }), { 'x-api-key': key });
      expect(far.json().error).toMatchObject({ code: 'OUTSIDE_AREA', field: 'lat' });
    }
    // Without coordinates: a place code inside the area, or a refusal naming placeCode.
    const noPoint = { lat: undefined, lng: undefined, sourceRef: 'RX-ADDR' };
    expect((await post(demand(noPoint))).json().error).toMatchObject({
      code: 'PLACE_UNKNOWN',
      field: 'placeCode',
    });
    const wrongPlace = await post(demand({ ...noPoint, placeCode: other.gridCode }), {
      'x-api-key': township.key,
    });
    expect(wrongPlace.json().error.code).toBe('OUTSIDE_AREA');
    const placed = await post(demand({ ...noPoint, placeCode: '370782001001001' }));
    expect(placed.statusCode).toBe(201);
    expect(placed.json()).toMatchObject({ gridId: f.units['370782001001001'], channel: 'hotline' });
    expect(await f.t.database.query('SELECT id FROM cases')).toHaveLength(1);
  });

  it('C5: outside every grid, the township whose boundary holds the point takes the case, flagged', async () => {
    // The grid loses its boundary: its centre now lies in no grid, but still in 密州街道.
    await f.t.database.query("UPDATE org_units SET boundary = NULL WHERE code = '370782001001001'");
    await f.t.ctx.grids.reload(f.t.ctx.db);
    const response = await post(demand());
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ gridId: null, outsideGrid: true });
    const [row] = await f.t.database.query<{ township_id: string; raiser_unit_id: string }>(
      'SELECT township_id, raiser_unit_id FROM cases WHERE id = $1',
      [response.json().id],
    );
    expect(row).toEqual({ township_id: f.units['370782001'], raiser_unit_id: f.units['370782001'] });
  });
});

describe('answers to the source', () => {
  it('C12: the source reads the centre’s answer after the case is refused, and only its own cases', async () => {
    const created = (await post(demand())).json();
    const before = (await read('RX-20260921-0001')).json();
    expect(before).toMatchObject({ state: 'triage', status: 'open', feedback: null });
    f.t.clock.set('2026-09-21T10:00:00+08:00');
    const dispatcher = await f.t.login('dispatcher');
    const refused = await f.t.app.inject({
      method: 'POST',
      url: `/api/cases/${created.id}/actions/refuse`,
      headers: { cookie: dispatcher, 'if-match': '1' },
      payload: { reason: '属于物业服务合同纠纷', feedback: '已联系物业公司当日清运，后续请拨打物业电话' },
    });
    expect(refused.statusCode).toBe(200);
    const after = await read('RX-20260921-0001');
    expect(after.json()).toMatchObject({
      state: 'refused',
      stateType: 'closed',
      status: 'closed',
      feedback: '已联系物业公司当日清运，后续请拨打物业电话',
      feedbackAt: '2026-09-21T10:00:00+08:00',
      updatedAt: '2026-09-21T10:00:00+08:00',
    });
    const opinion = await f.source({ code: 'opinion', channel: 'public_opinion' });
    expect((await read('RX-20260921-0001', opinion.key)).statusCode).toBe(404);
  });
});
