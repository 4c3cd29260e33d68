import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hoursByMember, memberHoursByYear, membersWithoutActivity } from '@domain/serviceHours';

const memberIds = ['m1', 'm2', 'm3', 'm4'] as const;

interface TestActivity {
  date: string;
  participantIds?: string[];
  hours?: number;
  _deleted?: boolean;
}

// Hours as the form allows them: 0 to 24 in half hours (exact in binary, so sums compare exactly).
const activityArb: fc.Arbitrary<TestActivity> = fc.record(
  {
    date: fc.constantFrom('2025-12-31', '2026-01-01', '2026-06-15', '2027-03-02'),
    participantIds: fc.uniqueArray(fc.constantFrom(...memberIds), { maxLength: 4 }),
    hours: fc.integer({ min: 0, max: 48 }).map((halves) => halves / 2),
    _deleted: fc.boolean(),
  },
  { requiredKeys: ['date'] },
);

const live = (activities: readonly TestActivity[], year: number) =>
  activities.filter((activity) => activity._deleted !== true && activity.date.startsWith(String(year)));

describe('hours by member', () => {
  it('credits each participant the full hours of every live activity of the year', () => {
    const activities: TestActivity[] = [
      { date: '2026-03-01', participantIds: ['m1', 'm2'], hours: 2 },
      { date: '2026-05-01', participantIds: ['m1'], hours: 1.5 },
      { date: '2025-05-01', participantIds: ['m1'], hours: 8 },
      { date: '2026-06-01', participantIds: ['m2'], hours: 3, _deleted: true },
      { date: '2026-07-01', participantIds: ['m3'] },
    ];
    const totals = hoursByMember(activities, 2026);
    expect(Object.fromEntries(totals)).toEqual({
      m1: { activities: 2, hours: 3.5 },
      m2: { activities: 1, hours: 2 },
      m3: { activities: 1, hours: 0 },
    });
  });

  it('totals equal the sum of hours × participants over the live activities of the year', () => {
    fc.assert(
      fc.property(fc.array(activityArb, { maxLength: 30 }), fc.constantFrom(2025, 2026, 2027), (activities, year) => {
        const totals = [...hoursByMember(activities, year).values()];
        const counted = live(activities, year);
        const expectedHours = counted.reduce((sum, activity) => sum + (activity.hours ?? 0) * (activity.participantIds ?? []).length, 0);
        const expectedCount = counted.reduce((sum, activity) => sum + (activity.participantIds ?? []).length, 0);
        expect(totals.reduce((sum, total) => sum + total.hours, 0)).toBe(expectedHours);
        expect(totals.reduce((sum, total) => sum + total.activities, 0)).toBe(expectedCount);
      }),
    );
  });

  it('never gives a member negative hours, even from a malformed activity', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ date: fc.constant('2026-01-01'), participantIds: fc.constant<string[]>(['m1']), hours: fc.double() })), (activities) => {
        for (const total of hoursByMember(activities, 2026).values()) expect(total.hours).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('ignores deleted activities: deleting one never raises anyone’s hours', () => {
    fc.assert(
      fc.property(fc.array(activityArb, { maxLength: 20 }), fc.nat(), (activities, pick) => {
        if (activities.length === 0) return;
        const index = pick % activities.length;
        const deleted = activities.map((activity, i) => (i === index ? { ...activity, _deleted: true } : activity));
        const before = hoursByMember(activities, 2026);
        const after = hoursByMember(deleted, 2026);
        for (const [id, total] of after) expect(total.hours).toBeLessThanOrEqual(before.get(id)?.hours ?? 0);
        expect(hoursByMember(activities.map((a) => ({ ...a, _deleted: true })), 2026).size).toBe(0);
      }),
    );
  });

  it('per year, a member’s hours add up to their hours in each year', () => {
    fc.assert(
      fc.property(fc.array(activityArb, { maxLength: 30 }), fc.constantFrom(...memberIds), (activities, memberId) => {
        const years = memberHoursByYear(activities, memberId);
        for (const { year, hours, activities: count } of years) {
          expect(hoursByMember(activities, year).get(memberId)).toEqual({ activities: count, hours });
        }
        expect(years.map((row) => row.year)).toEqual([...years.map((row) => row.year)].sort((a, b) => b - a));
      }),
    );
  });
});

describe('reported members without an activity', () => {
  const members = [
    { id: 'm1', category: 'inServiceReported' as const },
    { id: 'm2', category: 'inServiceReported' as const },
    { id: 'm3', category: 'retired' as const },
    { id: 'm4', category: 'inServiceReported' as const, _deleted: true },
    { id: 'm5' },
  ];

  it('lists the live reported members with no live activity in the year', () => {
    const activities: TestActivity[] = [
      { date: '2026-02-01', participantIds: ['m1'], hours: 1 },
      { date: '2025-02-01', participantIds: ['m2'], hours: 1 },
      { date: '2026-02-02', participantIds: ['m2'], hours: 1, _deleted: true },
    ];
    expect(membersWithoutActivity(members, activities, 2026).map((member) => member.id)).toEqual(['m2']);
    expect(membersWithoutActivity(members, activities, 2025).map((member) => member.id)).toEqual(['m1']);
    expect(membersWithoutActivity(members, [], 2026).map((member) => member.id)).toEqual(['m1', 'm2']);
  });

  it('is exactly the reported members not counted in the year’s hours', () => {
    fc.assert(
      fc.property(fc.array(activityArb, { maxLength: 20 }), (activities) => {
        const idle = new Set(membersWithoutActivity(members, activities, 2026).map((member) => member.id));
        const active = hoursByMember(activities, 2026);
        for (const member of members) {
          const reported = member.category === 'inServiceReported' && member._deleted !== true;
          expect(idle.has(member.id)).toBe(reported && !active.has(member.id));
        }
      }),
    );
  });
});
