import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { CATEGORY_CATALOGUE } from './category-catalogue.ts';

let t: TestApp;
let cookie: string;

beforeAll(async () => {
  t = await createTestApp();
  cookie = await t.login('gridworker');
});
afterAll(async () => {
  await t.close();
});

describe('category catalogue', () => {
  it('the migration ships exactly the catalogue of category-catalogue.ts', async () => {
    const rows = await t.database.query<Record<string, string | null>>(
      'SELECT code, parent_code, name_zh, name_en, sla_class, keywords FROM categories ORDER BY sort',
    );
    expect(rows).toEqual(
      CATEGORY_CATALOGUE.map((c) => ({
        code: c.code,
        parent_code: c.parentCode,
        name_zh: c.nameZh,
        name_en: c.nameEn,
        sla_class: c.slaClass,
        keywords: c.keywords,
      })),
    );
  });

  it('C2: every matter seed 003 lets a grid call about has a category', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/categories', headers: { cookie } });
    expect(response.statusCode).toBe(200);
    const names = (response.json().items as { nameZh: string }[]).map((c) => c.nameZh).join(' ');
    const c2 = [
      '供水',
      '供电',
      '燃气',
      '供暖',
      '园林',
      '环卫',
      '环境',
      '法律',
      '安全生产',
      '公交车',
      '出租车',
    ];
    const more = ['网络通讯', '有线电视', '公共管理', '公共服务', '矛盾纠纷', '安全隐患', '复杂', '突发'];
    for (const matter of [...c2, ...more]) expect(names, matter).toContain(matter);
  });

  it('C9: water, power, heating and gas are livelihood matters (arrival within 1 h)', async () => {
    const livelihood = CATEGORY_CATALOGUE.filter((c) => c.slaClass === 'livelihood').map((c) => c.code);
    expect(livelihood).toEqual(
      expect.arrayContaining(['utility.water', 'utility.power', 'utility.heating', 'utility.gas']),
    );
  });

  it('the 数字城管 event classes are present as leaves with an SLA class', () => {
    const city = CATEGORY_CATALOGUE.filter((c) => c.parentCode === 'city');
    expect(city.map((c) => c.nameZh)).toEqual(
      expect.arrayContaining(['市容环境', '宣传广告', '施工管理', '街面秩序', '突发事件', '其他事件']),
    );
    expect(city.every((c) => c.slaClass !== null)).toBe(true);
  });

  it('refuses an anonymous caller', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/categories' });
    expect(response.statusCode).toBe(401);
  });
});
