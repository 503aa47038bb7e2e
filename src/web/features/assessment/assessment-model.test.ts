import { describe, expect, it } from 'vitest';
import {
  alertFacts,
  apartReason,
  correctionValues,
  defaultPeriod,
  defaultSubject,
  groupVersions,
  lastDay,
  numberFromEvent,
  pointBody,
  pointRuleRows,
  previousMonth,
  publishes,
  RULE_ID_PATTERN,
  rateFigures,
  referralEvidence,
  settingsBody,
  shanghaiDay,
  splitRows,
  traceChain,
  weightsTotal,
} from './assessment-model.ts';
import type { PublishedRanking, RankingRow } from './assessment-types.ts';

const row = (unitId: string, rank: number | null, cases = 12, score: number | null = 90): RankingRow => ({
  unitId,
  code: unitId,
  name: unitId,
  kind: 'township',
  cases,
  rates: { signIn: 100, onTime: 90, firstTime: null, satisfaction: 80 },
  breaches: 0,
  consultationBreaches: 0,
  points: { automatic: 0, manual: 0, total: 0 },
  score,
  rank,
});

const published = (id: string, from: string, version: number, subject = 'township'): PublishedRanking =>
  ({
    id,
    areaUnitId: 'area',
    subject,
    period: { kind: 'month', from, to: '2026-11-01' },
    version,
    reason: version > 1 ? '补录数据' : null,
    rows: [],
    publishedAt: '2026-10-31T10:00:00.000Z',
  }) as unknown as PublishedRanking;

describe('assessment model', () => {
  it("A2: the form starts with the level's publishing period — township weekly, district monthly, city monthly", () => {
    expect(defaultPeriod('township')).toBe('week');
    expect(defaultPeriod('district')).toBe('month');
    expect(defaultPeriod('city')).toBe('month');
    expect(defaultPeriod('department')).toBe('month');
    expect(publishes('city', 'quarter')).toBe(true);
    expect(publishes('district', 'week')).toBe(false);
    expect(publishes('township', 'week')).toBe(true);
    expect(publishes('community', 'month')).toBe(false);
    expect(defaultSubject('township')).toBe('community');
    expect(defaultSubject('district')).toBe('township');
  });

  it('A2: days and months in Shanghai, whatever the browser zone', () => {
    // 2026-09-30 16:30 UTC is already October 1st in Shanghai.
    expect(shanghaiDay(Date.parse('2026-09-30T16:30:00Z'))).toBe('2026-10-01');
    expect(previousMonth('2027-01')).toBe('2026-12');
    expect(previousMonth('2026-10')).toBe('2026-09');
    expect(lastDay('2026-11-01')).toBe('2026-10-31');
    expect(lastDay('2026-03-01')).toBe('2026-02-28');
  });

  it('A2: the weights must sum to 100; the total is shown to two decimals', () => {
    expect(weightsTotal({ signIn: 25, onTime: 25, firstTime: 25, satisfaction: 25 })).toBe(100);
    expect(weightsTotal({ signIn: 33.33, onTime: 33.33, firstTime: 33.34, satisfaction: 0 })).toBe(100);
    expect(weightsTotal({ signIn: 40, onTime: 30 })).toBe(70);
    expect(weightsTotal(undefined)).toBe(0);
  });

  it('A2: the settings body keeps the filled point rules and the minimum cases', () => {
    expect(
      settingsBody({
        weights: { signIn: 40, onTime: 30, firstTime: 10, satisfaction: 20 },
        minimumCases: 5,
        pointRules: [
          { key: ' breach ', points: -1.5 },
          { key: '', points: 3 },
          { key: 'consultationBreach', points: null },
        ],
      }),
    ).toEqual({
      weights: { signIn: 40, onTime: 30, firstTime: 10, satisfaction: 20 },
      minimumCases: 5,
      pointRules: { breach: -1.5 },
    });
    expect(settingsBody({ weights: { signIn: 100 }, minimumCases: null })).toEqual({
      weights: { signIn: 100, onTime: 0, firstTime: 0, satisfaction: 0 },
      pointRules: {},
    });
    expect(pointRuleRows({ zeta: 1, consultationBreach: -2, breach: -1 })).toEqual([
      { key: 'breach', points: -1 },
      { key: 'consultationBreach', points: -2 },
      { key: 'zeta', points: 1 },
    ]);
  });

  it('A2: a manual entry is sent trimmed with its offset; empty parts go empty so the server names them', () => {
    expect(
      pointBody({
        unitId: 'u1',
        occurredAt: '2026-10-12T09:30',
        points: -2,
        ruleId: ' r10 ',
        reason: '  推诿扯皮  ',
        approvedBy: 'a1',
      }),
    ).toEqual({
      unitId: 'u1',
      occurredAt: '2026-10-12T09:30:00+08:00',
      points: -2,
      ruleId: 'R10',
      reason: '推诿扯皮',
      approvedBy: 'a1',
    });
    expect(pointBody({})).toEqual({
      unitId: '',
      occurredAt: '',
      points: 0,
      ruleId: '',
      reason: '',
      approvedBy: '',
    });
    expect(RULE_ID_PATTERN.test('A2')).toBe(true);
    expect(RULE_ID_PATTERN.test('R10')).toBe(true);
    expect(RULE_ID_PATTERN.test('AB')).toBe(false);
    expect(numberFromEvent({ target: { value: ' -2.5 ' } })).toBe(-2.5);
    expect(numberFromEvent({ target: { value: '' } })).toBeNull();
    expect(numberFromEvent({ target: { value: 'e' } })).toBeNull();
  });

  it('A2: a correction of an entry starts as its opposite, naming it', () => {
    const values = correctionValues(
      { id: 'p1', unitId: 'u1', occurredAt: '2026-10-12T09:30:00+08:00', points: -2, ruleId: 'A2' },
      (ms) => new Date(ms).toISOString(),
    );
    expect(values).toEqual({
      unitId: 'u1',
      occurredAt: '2026-10-12T01:30:00.000Z',
      points: 2,
      ruleId: 'A2',
      corrects: 'p1',
    });
  });

  it('A1: published versions are grouped per ranking, newest period and newest version first', () => {
    const groups = groupVersions([
      published('s1', '2026-09-01', 1),
      published('o1', '2026-10-01', 1),
      published('o2', '2026-10-01', 2),
      published('d1', '2026-10-01', 1, 'department'),
    ]);
    expect(groups.map((g) => g.key)).toEqual([
      'department|month|2026-10-01',
      'township|month|2026-10-01',
      'township|month|2026-09-01',
    ]);
    expect(groups[1]?.versions.map((v) => v.id)).toEqual(['o2', 'o1']);
  });

  it('A2: frozen rows split into ranked (by rank) and apart, with why', () => {
    const { ranked, apart } = splitRows([
      row('b', 2),
      row('x', null, 3),
      row('a', 1),
      row('y', null, 20, null),
    ]);
    expect(ranked.map((r) => r.unitId)).toEqual(['a', 'b']);
    expect(apart.map((r) => r.unitId)).toEqual(['x', 'y']);
    expect(apartReason(apart[0] as RankingRow, 10)).toBe('fewCases');
    expect(apartReason(apart[1] as RankingRow, 10)).toBe('noScore');
  });

  it('A1: the numerators and denominators behind the rates, by unit', () => {
    const rate = (numerator: number, denominator: number) => ({ numerator, denominator, rate: null });
    const figures = rateFigures({
      units: [
        {
          unit: { id: 'u1' },
          rates: {
            timelySignIn: rate(9, 10),
            onTimeCompletion: rate(4, 5),
            firstTimeCompletion: rate(0, 0),
            satisfaction: rate(7, 8),
          },
        },
      ],
    });
    expect(figures.get('u1')).toEqual({
      signIn: { numerator: 9, denominator: 10 },
      onTime: { numerator: 4, denominator: 5 },
      firstTime: { numerator: 0, denominator: 0 },
      satisfaction: { numerator: 7, denominator: 8 },
    });
  });

  it('A3, A5: the facts of an alert in reading order; unknown ones skipped', () => {
    expect(
      alertFacts({
        details: {
          period: { kind: 'month', from: '2026-10-01', to: '2026-11-01' },
          rank: 1,
          score: 98.5,
          version: 2,
          unitName: '密州街道',
          ranked: 7,
        },
      }),
    ).toEqual([
      { key: 'period', value: '2026-10-01 ~ 2026-10-31' },
      { key: 'rank', value: '1' },
      { key: 'score', value: '98.5' },
      { key: 'version', value: '2' },
    ]);
    expect(
      alertFacts({ details: { month: '2026-10', unsatisfied: 4, threshold: 3, cases: ['A-1', 'A-2'] } }),
    ).toEqual([
      { key: 'months', value: '2026-10' },
      { key: 'unsatisfied', value: '4 / 3' },
      { key: 'cases', value: 'A-1、A-2' },
    ]);
  });

  it('A4, A5: a trace names each link and who held its post; a referral lists its evidence', () => {
    expect(
      traceChain({
        details: {
          chain: [
            { level: 'grid', unitName: '兴华一网格', post: 'grid_head', personName: '李网格' },
            { level: 'lead', unitName: '住建局', post: 'dept_head', personName: null },
          ],
        },
      }),
    ).toEqual([
      { level: 'grid', unitName: '兴华一网格', post: 'grid_head', personName: '李网格' },
      { level: 'lead', unitName: '住建局', post: 'dept_head', personName: null },
    ]);
    expect(traceChain({ details: {} })).toEqual([]);
    expect(
      referralEvidence({
        details: {
          evidence: [
            {
              caseNumber: '370782-20261012-0001',
              reason: '不属本单位职责',
              decidedAt: '2026-10-12T02:00:00Z',
            },
            { ruleId: 'R8', subjectType: 'ledger_item', dueAt: '2026-10-05T09:00:00+08:00' },
          ],
        },
      }),
    ).toEqual(['370782-20261012-0001 · 不属本单位职责 · 2026-10-12 10:00', 'R8 · 2026-10-05 09:00']);
  });
});
