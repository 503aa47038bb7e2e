import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CaseWorld, createCaseWorld } from '../../../../test/helpers/case-world.ts';
import { readListSheet } from '../../../../test/helpers/xlsx.ts';
import { addRule } from './rules-file.fixture.ts';

let w: CaseWorld;
beforeEach(async () => {
  w = await createCaseWorld(['establishment']);
});
afterEach(async () => {
  await w.close();
});

async function exported(query: string) {
  const response = await w.t.app.inject({
    method: 'GET',
    url: `/api/routing/rules.xlsx${query}`,
    headers: { cookie: w.cookies.establishment as string },
  });
  expect(response.statusCode, response.body).toBe(200);
  return (await readListSheet(response.rawPayload, '权责清单')).records.map(
    (r) => `${r.事项类别 || '兜底'}@${r.适用范围}`,
  );
}

describe('the responsibility catalogue’s export follows the rules page’s filters', () => {
  it('R1: by category (a 大类 takes its 小类), 属地兜底 only, and area', async () => {
    const rules = [
      { categoryCode: 'safety.housing', areaUnitId: w.units['370782'], leadUnitId: w.units['D370782-ZJJ'] },
      { categoryCode: 'utility.water', areaUnitId: w.units['370782001'], leadUnitId: w.units['E370782-SW'] },
      {
        categoryCode: null,
        fallback: true,
        areaUnitId: w.units['370782001'],
        leadUnitId: w.units['370782001'],
      },
    ];
    for (const rule of rules)
      expect((await addRule(w, { principle: 'statutory', basis: '依据', ...rule })).statusCode).toBe(201);
    expect(await exported('')).toHaveLength(3);
    expect(await exported('?category=safety')).toEqual(['safety.housing@370782']);
    expect(await exported('?category=utility.water')).toEqual(['utility.water@370782001']);
    expect(await exported('?category=fallback')).toEqual(['兜底@370782001']);
    expect((await exported(`?area=${w.units['370782001']}`)).sort()).toEqual([
      'utility.water@370782001',
      '兜底@370782001',
    ]);
    for (const [query, field] of [
      ['?category=DROP%20TABLE', 'category'],
      ['?area=here', 'area'],
    ] as const) {
      const response = await w.t.app.inject({
        method: 'GET',
        url: `/api/routing/rules.xlsx${query}`,
        headers: { cookie: w.cookies.establishment as string },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toMatchObject({ code: 'VALIDATION', field });
    }
  });
});
