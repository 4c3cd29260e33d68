import { describe, expect, it } from 'vitest';
import type { Activity, Compound, Member } from '@domain/collections';
import { activityFormValues, activityFromForm, activityProblems, isValidHours, personHours, type ActivityFormValues } from '../src/features/activities/activityDoc';
import {
  activityRows,
  activityTotals,
  activityYears,
  filterActivities,
  hourRows,
  idleRows,
  participantOrder,
} from '../src/features/activities/activityRows';
import { serverProblems } from './serverRules';

const compare = (a: string, b: string) => a.localeCompare(b);
const compound = (id: string, communityId: string, name: string, venueIds: string[] = []): Compound => ({
  id,
  streetId: 's1',
  communityId,
  name,
  propertyManaged: true,
  residentCount: 100,
  pilot: false,
  ...(venueIds.length > 0 && { venues: venueIds.map((venueId) => ({ id: venueId, kind: 'shared' as const, name: `阵地${venueId}` })) }),
});
const member = (id: string, communityId: string, name: string, extra: Partial<Member> = {}): Member => ({ id, streetId: 's1', communityId, name, isPartyMember: false, ...extra });
const activity = (id: string, extra: Partial<Activity> = {}): Activity => ({ id, streetId: 's1', communityId: 'c1', compoundId: 'k1', date: '2026-03-01', kind: 'service', title: '志愿服务', ...extra });

const compounds = [compound('k1', 'c1', '幸福花园', ['v1']), compound('k2', 'c2', '阳光小区')];
const members = [member('m1', 'c1', '张三'), member('m2', 'c1', '李四'), member('m9', 'c2', '王五')];
const today = '2026-11-27';
const valid: ActivityFormValues = { date: '2026-11-20', compoundId: 'k1', venueId: 'v1', kind: 'deliberation', title: ' 小区议事会：停车管理 ', participantIds: ['m1', 'm2'], hours: 1.5, note: '' };

describe('activity form', () => {
  it('makes an activity the server accepts, in the compound’s community, blanks left out', () => {
    expect(activityProblems(valid, today, compounds, members)).toEqual([]);
    const made = activityFromForm(valid, 'a1', compounds[0] ?? compound('x', 'x', 'x'));
    expect(made).toEqual({
      id: 'a1',
      streetId: 's1',
      communityId: 'c1',
      compoundId: 'k1',
      venueId: 'v1',
      date: '2026-11-20',
      kind: 'deliberation',
      title: '小区议事会：停车管理',
      participantIds: ['m1', 'm2'],
      hours: 1.5,
    });
    expect(serverProblems('activities', made)).toEqual([]);
    expect(activityFormValues(made, {})).toMatchObject({ compoundId: 'k1', venueId: 'v1', participantIds: ['m1', 'm2'], hours: 1.5 });
  });

  it('keeps 0 hours and leaves out venue and participants when none are chosen', () => {
    const made = activityFromForm({ date: '2026-11-20', compoundId: 'k1', kind: 'study', title: '学习', participantIds: [], hours: 0 }, 'a2', { id: 'k1', streetId: 's1', communityId: 'c1' });
    expect(made).toEqual({ id: 'a2', streetId: 's1', communityId: 'c1', compoundId: 'k1', date: '2026-11-20', kind: 'study', title: '学习', hours: 0 });
  });

  it('says which field is wrong: date, compound, venue, title, hours, participants', () => {
    const problems = (values: Partial<ActivityFormValues>) => activityProblems({ ...valid, ...values }, today, compounds, members).map((problem) => problem.kind);
    expect(problems({ date: '' })).toEqual(['dateRequired']);
    expect(problems({ date: '2026-02-30' })).toEqual(['dateInvalid']);
    expect(problems({ date: '2026-11-28' })).toEqual(['dateFuture']);
    expect(problems({ date: today })).toEqual([]);
    expect(problems({ compoundId: undefined, participantIds: [] })).toEqual(['compoundRequired']);
    expect(problems({ compoundId: 'gone' })).toEqual(['compoundUnknown']);
    expect(problems({ compoundId: 'k2', participantIds: ['m9'] })).toEqual(['venueUnknown']);
    expect(problems({ title: '   ' })).toEqual(['titleRequired']);
    expect(problems({ title: '活'.repeat(101) })).toEqual(['titleTooLong']);
    expect(problems({ hours: undefined })).toEqual(['hoursRequired']);
    expect(problems({ hours: null, participantIds: [] })).toEqual([]);
    expect(problems({ hours: 1.25 })).toEqual(['hoursInvalid']);
    expect(problems({ hours: 24.5 })).toEqual(['hoursInvalid']);
    expect(problems({ participantIds: ['m1', 'm9'] })).toEqual(['participantsOtherCommunity']);
    // A participant no longer on this device stays as recorded.
    expect(problems({ participantIds: ['m1', 'gone'] })).toEqual([]);
    expect(activityProblems({}, today, compounds, members).map((problem) => problem.field)).toEqual(['date', 'compoundId', 'kind', 'title']);
  });

  it('takes hours in half hours from 0 to 24', () => {
    expect([0, 0.5, 1, 23.5, 24].every(isValidHours)).toBe(true);
    expect([-0.5, 0.3, 24.5, Number.NaN].some(isValidHours)).toBe(false);
  });
});

describe('activities list', () => {
  const activities = [
    activity('a1', { date: '2026-03-01', venueId: 'v1', participantIds: ['m1', 'm2'], hours: 2 }),
    activity('a2', { date: '2025-12-31', kind: 'study', participantIds: ['m1'], hours: 1.5 }),
    activity('a3', { date: '2026-05-02', communityId: 'c2', compoundId: 'k2', kind: 'meeting' }),
  ];
  const rows = activityRows(
    activities,
    new Map([['c1', { name: '东城社区' }], ['c2', { name: '西城社区' }]]),
    new Map(compounds.map((doc) => [doc.id, doc])),
  );

  it('shows names, participants and person-hours, latest first', () => {
    expect(rows.map((row) => [row.id, row.compoundName, row.venueName, row.participantCount, row.personHours])).toEqual([
      ['a3', '阳光小区', '', 0, 0],
      ['a1', '幸福花园', '阵地v1', 2, 4],
      ['a2', '幸福花园', '', 1, 1.5],
    ]);
    expect(activityTotals(rows)).toEqual({ activities: 3, participations: 3, personHours: 5.5 });
    expect(personHours({ hours: 3 })).toBe(0);
  });

  it('filters by community, compound, kind, year and an inclusive date range', () => {
    const ids = (filters: Parameters<typeof filterActivities>[1]) => filterActivities(rows, filters).map((row) => row.id);
    expect(ids({ year: 2026 })).toEqual(['a3', 'a1']);
    expect(ids({ year: 2025 })).toEqual(['a2']);
    expect(ids({ communityId: 'c1' })).toEqual(['a1', 'a2']);
    expect(ids({ compoundId: 'k2' })).toEqual(['a3']);
    expect(ids({ kind: 'study' })).toEqual(['a2']);
    expect(ids({ from: '2025-12-31', to: '2026-03-01' })).toEqual(['a1', 'a2']);
    expect(ids({ from: '2026-03-02' })).toEqual(['a3']);
    expect(ids({})).toEqual(['a3', 'a1', 'a2']);
  });

  it('offers this year and every year with activities, latest first', () => {
    expect(activityYears(activities, 2027)).toEqual([2027, 2026, 2025]);
  });
});

describe('participants and hours', () => {
  it('offers reported Party members first, then Party members, then reported, then the rest', () => {
    const people = [
      member('p1', 'c1', '甲'),
      member('p2', 'c1', '乙', { isPartyMember: true }),
      member('p3', 'c1', '丙', { isPartyMember: true, category: 'inServiceReported', report: { date: '2025-01-01' } }),
      member('p4', 'c1', '丁', { category: 'inServiceReported' }),
    ];
    expect(participantOrder(people, compare).map((person) => person.id)).toEqual(['p3', 'p2', 'p4', 'p1']);
  });

  const reported = (id: string, name: string) => member(id, 'c1', name, { isPartyMember: true, category: 'inServiceReported', report: { date: '2025-01-01' }, compoundId: 'k1' });
  const people = [reported('r1', '赵一'), reported('r2', '钱二'), reported('r3', '孙三'), member('m1', 'c1', '张三')];
  const activities = [
    activity('a1', { participantIds: ['r1', 'm1'], hours: 2 }),
    activity('a2', { participantIds: ['r1'], hours: 1.5 }),
    activity('a3', { participantIds: ['r2'], hours: 8, date: '2025-06-01' }),
    activity('a4', { participantIds: ['gone'], hours: 1 }),
  ];
  const communities = new Map([['c1', { name: '东城社区' }]]);
  const compoundNames = new Map([['k1', { name: '幸福花园' }]]);

  it('lists each participant of the year with activities and hours, most hours first', () => {
    const rows = hourRows(activities, 2026, new Map(people.map((person) => [person.id, person])), communities, compoundNames, compare);
    expect(rows.map((row) => [row.id, row.name, row.activities, row.hours])).toEqual([
      ['r1', '赵一', 2, 3.5],
      ['m1', '张三', 1, 2],
      ['gone', '', 1, 1],
    ]);
    expect(rows[0]).toMatchObject({ communityName: '东城社区', compoundName: '幸福花园', category: 'inServiceReported' });
    expect(rows[2]?.member).toBeUndefined();
  });

  it('lists the reported members who took part in nothing that year', () => {
    const idle = (year: number) => idleRows(people, activities, year, communities, compoundNames, compare).map((row) => row.id);
    expect(idle(2026).sort()).toEqual(['r2', 'r3']);
    expect(idle(2025).sort()).toEqual(['r1', 'r3']);
  });
});
