import { describe, expect, it } from 'vitest';
import type { Category } from '../cases/case-types.ts';
import { categoryBody, categoryChoices, categoryTree, leafCode } from './category-model.ts';

function category(code: string, patch: Partial<Category> = {}): Category {
  const dot = code.indexOf('.');
  return {
    code,
    parentCode: dot > 0 ? code.slice(0, dot) : null,
    nameZh: code,
    nameEn: code,
    slaClass: dot > 0 ? 'general' : null,
    keywords: '',
    retiredAt: null,
    ...patch,
  };
}

describe('categoryTree', () => {
  const items = [
    category('utility'),
    category('utility.water'),
    category('utility.power', { retiredAt: '2026-09-01T00:00:00+08:00' }),
    category('pets', { retiredAt: '2026-09-01T00:00:00+08:00' }),
    category('pets.dogs', { retiredAt: '2026-09-01T00:00:00+08:00' }),
    category('city'),
  ];

  it('groups 小类 under their 大类 in order, without retired ones by default', () => {
    expect(categoryTree(items, false).map((b) => [b.branch.code, b.leaves.map((l) => l.code)])).toEqual([
      ['utility', ['utility.water']],
      ['city', []],
    ]);
  });

  it('shows retired entries when asked', () => {
    expect(categoryTree(items, true).map((b) => [b.branch.code, b.leaves.length])).toEqual([
      ['utility', 2],
      ['pets', 1],
      ['city', 0],
    ]);
  });
});

describe('categoryBody', () => {
  it('makes a 小类 code from its 大类 and asks an SLA class only of a 小类', () => {
    expect(leafCode('pets', ' stray_dogs ')).toBe('pets.stray_dogs');
    expect(
      categoryBody(
        {
          code: 'stray_dogs',
          nameZh: ' 流浪犬 ',
          nameEn: 'Stray dogs',
          slaClass: 'simple',
          keywords: ' 狗  犬 ',
        },
        'pets',
      ),
    ).toEqual({
      code: 'pets.stray_dogs',
      parentCode: 'pets',
      nameZh: '流浪犬',
      nameEn: 'Stray dogs',
      slaClass: 'simple',
      keywords: '狗 犬',
    });
    expect(categoryBody({ code: 'pets', nameZh: '宠物', nameEn: 'Pets', slaClass: 'simple' }, null)).toEqual({
      code: 'pets',
      parentCode: null,
      nameZh: '宠物',
      nameEn: 'Pets',
      slaClass: null,
      keywords: '',
    });
  });

  it('sends only what changed on an edit', () => {
    const water = category('utility.water', { nameZh: '供水', nameEn: 'Water', keywords: '停水' });
    expect(
      categoryBody({ nameZh: '供水', nameEn: 'Water', keywords: '停水', slaClass: 'general' }, null, water),
    ).toEqual({});
    expect(
      categoryBody(
        { nameZh: '供水保障', nameEn: 'Water', keywords: '停水 漏水', slaClass: 'livelihood' },
        null,
        water,
      ),
    ).toEqual({ nameZh: '供水保障', keywords: '停水 漏水', slaClass: 'livelihood' });
  });
});

describe('categoryChoices', () => {
  const items = [
    category('utility', { nameZh: '公用事业' }),
    category('utility.water', { nameZh: '供水' }),
    category('city', { nameZh: '城市管理' }),
    category('city.street_order', { nameZh: '街面秩序', keywords: '占道' }),
    category('city.old', { retiredAt: '2026-01-01T00:00:00+08:00' }),
  ];

  it('lists the active 小类 under their 大类, and the 大类 themselves when asked', () => {
    expect(categoryChoices(items, 'zh-CN').map((g) => [g.label, g.options.map((o) => o.value)])).toEqual([
      ['公用事业', ['utility.water']],
      ['城市管理', ['city.street_order']],
    ]);
    const withBranches = categoryChoices(items, 'zh-CN', (name) => `${name}（全部）`);
    expect(withBranches.map((g) => g.options.map((o) => o.label))).toEqual([
      ['公用事业（全部）', '供水'],
      ['城市管理（全部）', '街面秩序'],
    ]);
  });
});
