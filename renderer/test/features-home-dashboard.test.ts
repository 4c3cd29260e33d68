import { describe, expect, it } from 'vitest';
import type { Activity, Assessment, Compound, LedgerEntry, Member, Need, Org, Street } from '@domain/collections';
import { branchFunds } from '@domain/funds';
import { departmentStars, fundsOverview, needsOverview, reportingSeries, serviceHoursByMonth } from '../src/features/home/dashboard';

const street: Street = {
  id: 's1',
  name: '街道',
  fundRates: [{ year: 2026, fenPerResident: 750 }],
  starThresholds: [60, 70, 80, 90],
  assessmentCriteria: [
    { id: 'a', name: '甲', weight: 1 },
    { id: 'b', name: '乙', weight: 3 },
  ],
  needCategories: [{ id: 'cat', name: '环境', deadlineDays: 10 }],
} as Street;

const need = (id: string, communityId: string, state: Need['state'], raisedOn: string): Need => ({
  id,
  streetId: 's1',
  communityId,
  compoundId: 'k1',
  description: id,
  state,
  raisedOn,
  categoryId: 'cat',
});

describe('needs overview', () => {
  const needs = [
    need('n1', 'c1', 'closed', '2026-02-01'),
    need('n2', 'c1', 'claimed', '2026-03-01'),
    need('n3', 'c1', 'closed', '2025-12-20'),
    need('n4', 'c1', 'listed', '2026-11-25'),
    need('n5', 'c2', 'claimed', '2026-01-01'),
  ];
  const overview = needsOverview(needs, new Set(['c1']), street.needCategories, 2026, new Date('2026-11-27T00:00:00Z'));

  it('counts the needs of the communities shown by state', () => {
    const counts = Object.fromEntries(overview.byState.map((entry) => [entry.state, entry.count]));
    expect(counts).toEqual({ submitted: 0, listed: 1, claimed: 1, coordinating: 0, resolved: 0, closed: 2, returned: 0 });
  });

  it('gives the closure rate of the needs recorded in the year, and the overdue ones now', () => {
    expect([overview.recorded, overview.closed, overview.closureRate]).toEqual([3, 1, 1 / 3]);
    // n2 is open past its 10 days; n4 is within them; n5 is another community's.
    expect(overview.overdue).toBe(1);
    expect(needsOverview([], new Set(['c1']), undefined, 2026, new Date()).closureRate).toBeUndefined();
  });
});

describe('reporting and service hours per month', () => {
  const member = (id: string, date: string | undefined, extra: Partial<Member> = {}): Member => ({
    id,
    streetId: 's1',
    communityId: 'c1',
    name: id,
    isPartyMember: true,
    category: 'inServiceReported',
    ...(date ? { report: { date } } : {}),
    ...extra,
  });

  it('counts reports per month and the running total from earlier years', () => {
    const members = [
      member('m1', '2025-06-01'),
      member('m2', '2026-01-10'),
      member('m3', '2026-01-20'),
      member('m4', '2026-03-05'),
      member('m5', undefined),
      member('m6', '2026-02-01', { communityId: 'c2' }),
      member('m7', '2026-02-01', { isPartyMember: false }),
    ];
    const series = reportingSeries(members, new Set(['c1']), 2026, 4);
    expect(series.monthly.map((point) => point.value)).toEqual([2, 0, 1, 0]);
    expect(series.cumulative.map((point) => point.value)).toEqual([3, 3, 4, 4]);
  });

  it('credits each participant with the activity hours, in the month held', () => {
    const activity = (id: string, date: string, hours: number | undefined, participantIds: string[]): Activity => ({
      id,
      streetId: 's1',
      communityId: 'c1',
      date,
      kind: 'service',
      title: id,
      participantIds,
      ...(hours === undefined ? {} : { hours }),
    });
    const activities = [activity('a1', '2026-01-05', 2, ['m1', 'm2']), activity('a2', '2026-01-25', 1.5, ['m1']), activity('a3', '2026-02-01', undefined, ['m1']), activity('a4', '2025-01-01', 8, ['m1'])];
    expect(serviceHoursByMonth(activities, new Set(['c1']), 2026, 3).map((point) => point.value)).toEqual([5.5, 0, 0]);
  });
});

describe('funds per community', () => {
  const compound = (id: string, communityId: string, residentCount: number): Compound => ({
    id,
    streetId: 's1',
    communityId,
    name: id,
    propertyManaged: true,
    residentCount,
    pilot: false,
  });
  const branch = (id: string, communityId: string, compoundId: string): Org => ({ id, streetId: 's1', communityId, compoundId, level: 'compoundBranch', name: id });
  const compounds = [compound('k1', 'c1', 1000), compound('k2', 'c1', 333), compound('k3', 'c2', 2001), compound('k4', 'c3', 50)];
  const orgs = [branch('o1', 'c1', 'k1'), branch('o2', 'c1', 'k2'), branch('o3', 'c2', 'k3'), branch('o4', 'c3', 'k4')];
  const ledger: LedgerEntry[] = [{ id: 'l1', streetId: 's1', communityId: 'c1', orgId: 'o1', kind: 'disbursement', date: '2026-03-01', amountFen: 12345 }];

  it('sums the branches of each community, in fen, for the communities shown', () => {
    const overview = fundsOverview(street, ['c1', 'c2'], orgs, compounds, ledger, 2026);
    const rows = branchFunds(orgs, compounds, ledger, 2026, 750);
    for (const entry of overview.communities) {
      const own = rows.filter((row) => row.communityId === entry.communityId);
      expect(entry.budgetFen).toBe(own.reduce((sum, row) => sum + row.budgetFen, 0));
      expect(entry.spentFen).toBe(own.reduce((sum, row) => sum + row.spentFen, 0));
    }
    expect(overview.communities.map((entry) => entry.budgetFen)).toEqual([(1000 + 333) * 750, 2001 * 750]);
    expect(overview.total).toEqual({ budgetFen: 3334 * 750, spentFen: 12345, balanceFen: 3334 * 750 - 12345 });
  });

  it('has no budget in a year without a rate', () => {
    const overview = fundsOverview(street, ['c1'], orgs, compounds, [], 2027);
    expect(overview.rateFen).toBeUndefined();
    expect(overview.total.budgetFen).toBe(0);
  });
});

describe('department stars', () => {
  const assessment = (id: string, year: number, assesseeId: string, a: number, b: number, direction: Assessment['direction'] = 'streetToDepartment'): Assessment => ({
    id,
    streetId: 's1',
    year,
    direction,
    assessorId: 's1',
    assesseeId,
    scores: [
      { criterionId: 'a', score: a },
      { criterionId: 'b', score: b },
    ],
  });

  it('rates the departments of the latest year the street assessed, best first', () => {
    const stars = departmentStars(
      [assessment('x1', 2024, 'd1', 100, 100), assessment('x2', 2025, 'd1', 50, 70), assessment('x3', 2025, 'd2', 90, 94), assessment('x4', 2026, 's1', 99, 99, 'departmentToStreet')],
      street,
    );
    expect(stars.year).toBe(2025);
    // d1: (50 + 3 × 70) / 4 = 65 → 2 stars; d2: (90 + 3 × 94) / 4 = 93 → 5 stars.
    expect(stars.ratings).toEqual([
      { assesseeId: 'd2', score: 93, stars: 5 },
      { assesseeId: 'd1', score: 65, stars: 2 },
    ]);
  });
});
