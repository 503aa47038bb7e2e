import { describe, expect, it } from 'vitest';
import {
  callBody,
  categoryGroups,
  formatPosition,
  fromShanghaiInput,
  matchesCategory,
  shanghaiInputValue,
  startedNextCall,
} from './call-form.ts';
import type { Category } from './case-types.ts';

const cat = (
  code: string,
  parentCode: string | null,
  nameZh: string,
  nameEn: string,
  keywords = '',
): Category => ({
  code,
  parentCode,
  nameZh,
  nameEn,
  slaClass: parentCode ? 'general' : null,
  keywords,
  retiredAt: null,
});

const CATALOGUE = [
  cat('utility', null, '公用事业', 'Public utilities'),
  cat('utility.water', 'utility', '供水', 'Water supply', '停水 水管 漏水 自来水'),
  cat('safety', null, '安全隐患', 'Safety'),
  cat('safety.housing', 'safety', '房屋安全', 'Housing safety', '危房 裂缝'),
  { ...cat('safety.old', 'safety', '旧类', 'Old'), retiredAt: '2026-01-01T00:00:00+08:00' },
];

describe('categoryGroups', () => {
  it('puts the leaves under their branches in the reader’s language, without retired ones', () => {
    const zh = categoryGroups(CATALOGUE, 'zh-CN');
    expect(zh.map((g) => [g.label, g.options.map((o) => o.label)])).toEqual([
      ['公用事业', ['供水']],
      ['安全隐患', ['房屋安全']],
    ]);
    expect(categoryGroups(CATALOGUE, 'en')[1]?.options[0]?.label).toBe('Housing safety');
  });

  it('finds a leaf by keyword, by either name, by code or by its branch', () => {
    const options = categoryGroups(CATALOGUE, 'zh-CN').flatMap((g) => g.options);
    const find = (q: string) => options.filter((o) => matchesCategory(q, o)).map((o) => o.value);
    expect(find('漏水')).toEqual(['utility.water']);
    expect(find('裂缝')).toEqual(['safety.housing']);
    expect(find('housing')).toEqual(['safety.housing']);
    expect(find('WATER supply')).toEqual(['utility.water']);
    expect(find('安全隐患')).toEqual(['safety.housing']);
    expect(find('水 裂缝')).toEqual([]);
    expect(matchesCategory('x', undefined)).toBe(false);
  });
});

describe('Shanghai wall-clock inputs', () => {
  it('shows an instant as a Shanghai wall clock and reads one back with +08:00', () => {
    expect(shanghaiInputValue(Date.parse('2026-09-21T00:30:00Z'))).toBe('2026-09-21T08:30');
    expect(fromShanghaiInput('2026-09-21T08:30')).toBe('2026-09-21T08:30:00+08:00');
    expect(fromShanghaiInput('2026-09-21T08:30:15')).toBe('2026-09-21T08:30:15+08:00');
    expect(fromShanghaiInput('')).toBeNull();
    expect(fromShanghaiInput('2026-13-40T08:30')).toBeNull();
    expect(fromShanghaiInput(undefined)).toBeNull();
  });
});

describe('callBody', () => {
  it('trims, leaves out empty fields and sends the time with its offset', () => {
    expect(
      callBody(
        {
          category: 'safety.housing',
          occurredAt: '2026-09-21T08:30',
          address: ' 兴华社区 3 号楼 ',
          party: '',
          situation: '外墙瓷砖脱落',
          demand: '  ',
          proposedUnitText: '住建局',
        },
        null,
      ),
    ).toEqual({
      category: 'safety.housing',
      channel: 'grid_app',
      occurredAt: '2026-09-21T08:30:00+08:00',
      address: '兴华社区 3 号楼',
      situation: '外墙瓷砖脱落',
      proposedUnitText: '住建局',
    });
  });

  it('sends a picked unit by id and the position when one was taken', () => {
    expect(
      callBody(
        { category: 'x', channel: 'patrol', proposedUnitId: 'u1', proposedUnitText: '住建局' },
        { lat: 36, lng: 119.4, accuracy: 20 },
      ),
    ).toEqual({ category: 'x', channel: 'patrol', lat: 36, lng: 119.4, proposedUnitId: 'u1' });
  });

  it('shows coordinates to five decimals', () => {
    expect(formatPosition({ lat: 35.9957123, lng: 119.40321 })).toBe('35.99571, 119.40321');
  });
});

describe('startedNextCall', () => {
  it('C1: an emptied form with its new time and channel, or blanks from a reset control, is not a new call', () => {
    expect(startedNextCall({ occurredAt: '2026-12-04T09:00', channel: 'grid_app' })).toBe(false);
    expect(startedNextCall({ proposedUnitText: '', address: '  ', photoIds: [] })).toBe(false);
  });

  it('C1: anything written or picked is', () => {
    expect(startedNextCall({ party: '住户' })).toBe(true);
    expect(startedNextCall({ category: 'safety.housing' })).toBe(true);
    expect(startedNextCall({ photoIds: ['f1'] })).toBe(true);
  });
});
