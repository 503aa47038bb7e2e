import { describe, expect, it } from 'vitest';
import {
  areaCandidates,
  defaultMeetingTime,
  determinationIndex,
  involvedUnits,
  meetingBody,
  meetingTimeProblem,
  monthChoices,
  nextMonth,
  sessionStep,
  shanghaiMonth,
} from './consultation-model.ts';
import type { Item } from './consultation-types.ts';

const at = (iso: string) => Date.parse(iso);

function item(patch: Partial<Item>): Item {
  return {
    id: 'i1',
    areaUnitId: 'district',
    sessionId: 's1',
    source: 'case',
    title: '占道经营管理职责',
    description: '…',
    categoryCode: 'city.street_order',
    placeUnitId: 'township',
    involvedUnitIds: ['zjj', 'township'],
    state: 'on_agenda',
    principle: null,
    leadUnitId: null,
    cooperatingUnitIds: [],
    basis: null,
    reasoning: null,
    ruleId: null,
    ledgerItemId: null,
    createdAt: '2026-10-09T09:00:00+08:00',
    decidedAt: null,
    ...patch,
  };
}

describe('areas and steps', () => {
  it('takes the units where a grant reads the consultation, each once', () => {
    expect(
      areaCandidates([
        { role: 'social_mgmt_officer', orgUnitId: 'd', orgUnitName: '诸城市' },
        { role: 'leader', orgUnitId: 'd', orgUnitName: '诸城市' },
        { role: 'grid_worker', orgUnitId: 'g', orgUnitName: '网格' },
      ]),
    ).toEqual(['d']);
  });

  it('puts each state on its step', () => {
    expect(['collecting', 'agenda_fixed', 'held', 'minutes_issued'].map(sessionStep)).toEqual([0, 1, 2, 3]);
  });
});

describe('months', () => {
  it('counts months in Asia/Shanghai and rolls over the year', () => {
    // 16:30 UTC on 31 October is already 1 November in Shanghai.
    expect(shanghaiMonth(at('2026-10-31T16:30:00Z'))).toBe('2026-11');
    expect(nextMonth('2026-12')).toBe('2027-01');
    expect(monthChoices(at('2026-11-22T13:00:00+08:00'))).toEqual(['2026-11', '2026-12', '2027-01']);
  });
});

describe('meeting time (R2)', () => {
  const now = at('2026-10-09T09:00:00+08:00');

  it('is refused in the past and, for a monthly session, before the 21st or outside its month', () => {
    expect(meetingTimeProblem('2026-10-27T15:00', '2026-10', now)).toBeNull();
    expect(meetingTimeProblem('2026-10-20T15:00', '2026-10', now)).toBe('notLateMonth');
    expect(meetingTimeProblem('2026-11-21T15:00', '2026-10', now)).toBe('notLateMonth');
    expect(meetingTimeProblem('2026-10-08T15:00', null, now)).toBe('past');
    expect(meetingTimeProblem('2026-10-12T15:00', null, now)).toBeNull();
    expect(meetingTimeProblem('', '2026-10', now)).toBe('bad');
  });

  it('starts on the 21st, or the first later day still ahead, or tomorrow for an extra session', () => {
    expect(defaultMeetingTime('2026-10', now)).toBe('2026-10-21T15:00');
    expect(defaultMeetingTime('2026-11', at('2026-11-22T13:20:00+08:00'))).toBe('2026-11-22T15:00');
    expect(defaultMeetingTime('2026-11', at('2026-11-22T16:00:00+08:00'))).toBe('2026-11-23T15:00');
    expect(defaultMeetingTime('2026-11', at('2026-11-30T16:00:00+08:00'))).toBe('');
    expect(defaultMeetingTime(null, now)).toBe('2026-10-10T15:00');
  });
});

describe('meetingBody (R6)', () => {
  const items = [
    item({ id: 'a' }),
    item({ id: 'b', categoryCode: null, placeUnitId: null, involvedUnitIds: ['zjj'] }),
  ];

  it('lists the involved units once', () => {
    expect(involvedUnits(items)).toEqual(['zjj', 'township']);
  });

  it('sends one determination per item in order, without empty rows, and the category only when changed', () => {
    const body = meetingBody(
      {
        attendance: [{ unitId: 'zjj', people: ' 分管副局长 ' }, { people: 'nobody' }, { unitId: 'township' }],
        laggards: [{}],
        requirements: '  ',
        determinations: [
          {
            outcome: 'decided',
            principle: 'designated',
            leadUnitId: 'township',
            cooperatingUnitIds: [],
            basis: ' 属地管理原则 ',
            categoryCode: 'city.street_order',
            areaUnitId: 'township',
          },
          { outcome: 'to_leaders', reasoning: '需市领导协调', leadUnitId: 'x' },
        ],
      },
      items,
    );
    expect(body).toEqual({
      attendance: [
        { unitId: 'zjj', people: '分管副局长' },
        { unitId: 'township', people: '' },
      ],
      determinations: [
        {
          itemId: 'a',
          outcome: 'decided',
          principle: 'designated',
          leadUnitId: 'township',
          basis: '属地管理原则',
          reasoning: undefined,
        },
        { itemId: 'b', outcome: 'to_leaders', reasoning: '需市领导协调' },
      ],
    });
  });

  it('finds the item an error names', () => {
    expect(determinationIndex('determinations.1.leadUnitId')).toBe(1);
    expect(determinationIndex('body.determinations.0')).toBe(0);
    expect(determinationIndex('attendance')).toBeNull();
  });
});
