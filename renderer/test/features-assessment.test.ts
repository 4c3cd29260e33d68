// The two-way assessment page's arithmetic: a line per department with the score it got beside the
// score it gave, totals and stars computed from the sheets, one sheet per key, and the
// communities' annual targets from the local data.
import { describe, expect, it } from 'vitest';
import type { Assessment, Community, Compound, Need, Org, Street, Unit } from '@domain/collections';
import { assesseeSummaries, compareTotals, defaultYear, departmentRows, streetSheetRows, yearOptions } from '../src/features/assessment/sheetRows';
import { keptChoice, partyChoices, sheetFormValues, sheetFromForm } from '../src/features/assessment/sheetForm';
import { communityTargets } from '../src/features/assessment/targets';

const street: Street = {
  id: 'street-01',
  streetId: 'street-01',
  name: '城区街道',
  starThresholds: [60, 70, 80, 90],
  assessmentCriteria: [
    { id: 'org', name: '组织建设', weight: 60 },
    { id: 'svc', name: '服务群众', weight: 40 },
  ],
};

const unit = (id: string, name: string, kind: Unit['kind'] = 'department'): Unit => ({ id, streetId: 'street-01', name, kind });
const departments = [unit('dept-01', '市住建局'), unit('dept-02', '市卫健局'), unit('ent-01', '某企业', 'enterprise')];

const sheet = (id: string, direction: Assessment['direction'], assessorId: string, assesseeId: string, org: number, svc: number, year = 2025): Assessment => ({
  id,
  streetId: 'street-01',
  year,
  direction,
  assessorId,
  assesseeId,
  scores: [
    { criterionId: 'org', score: org },
    { criterionId: 'svc', score: svc },
  ],
});

const sheets = [
  sheet('a', 'streetToDepartment', 'street-01', 'dept-01', 90, 80), // 86 → 4 stars
  sheet('b', 'departmentToStreet', 'dept-01', 'street-01', 60, 50), // 56 → 1 star
  sheet('c', 'departmentToStreet', 'dept-02', 'street-01', 100, 90), // 96 → 5 stars
  sheet('d', 'departmentToCommunity', 'dept-02', 'community-01', 70, 70), // 70 → 3 stars
  sheet('e', 'streetToDepartment', 'street-01', 'dept-02', 100, 100, 2024),
];

describe('assessment rows', () => {
  it("give each department one line: the street's total on it beside the total it gave the street", () => {
    const rows = departmentRows(2025, departments, sheets, street);
    expect(rows.map((row) => row.id)).toEqual(['dept-01', 'dept-02']);
    expect(rows[0]).toMatchObject({ received: { total: 86, stars: 4 }, given: { total: 56, stars: 1 } });
    // dept-02 was rated in 2024 only; it rated the street in 2025.
    expect(rows[1]?.received).toBeUndefined();
    expect(rows[1]?.given).toMatchObject({ total: 96, stars: 5 });
  });

  it("list the departments' sheets on the street and communities, and average them per assessee", () => {
    const rows = streetSheetRows(2025, sheets, street);
    expect(rows.map((row) => row.sheet.id)).toEqual(['b', 'c', 'd']);
    const summaries = assesseeSummaries(rows, street);
    expect(summaries).toEqual([
      { assesseeId: 'street-01', direction: 'departmentToStreet', sheets: 2, total: 76, stars: 3 },
      { assesseeId: 'community-01', direction: 'departmentToCommunity', sheets: 1, total: 70, stars: 3 },
    ]);
  });

  it('recompute stars when a score or a threshold changes, and give none when the thresholds are out of order', () => {
    const raised = sheets.map((s) => (s.id === 'a' ? sheet('a', 'streetToDepartment', 'street-01', 'dept-01', 95, 95) : s));
    expect(departmentRows(2025, departments, raised, street)[0]?.received).toMatchObject({ total: 95, stars: 5 });
    const stricter = { ...street, starThresholds: [70, 80, 90, 95] };
    expect(departmentRows(2025, departments, sheets, stricter)[0]?.received).toMatchObject({ total: 86, stars: 3 });
    const broken = { ...street, starThresholds: [60, 90, 80, 95] };
    expect(departmentRows(2025, departments, sheets, broken)[0]?.received).toMatchObject({ total: 86, stars: undefined });
  });

  it('sort lines without a total below any total, and offer the years with sheets', () => {
    const lines = [{ total: 86 }, { total: undefined }, { total: 0 }, { total: 70 }];
    expect(lines.sort((a, b) => compareTotals(a.total, b.total)).map((line) => line.total)).toEqual([undefined, 0, 70, 86]);
    expect(yearOptions(sheets, 2026, 2025)).toEqual([2026, 2025, 2024]);
    expect(defaultYear(sheets, 2026)).toBe(2025);
    expect(defaultYear([], 2026)).toBe(2026);
  });
});

describe('score sheet form', () => {
  const streetChoice = { value: 'street-01', label: '街道办' };
  const depts = [
    { value: 'dept-01', label: '市住建局' },
    { value: 'dept-02', label: '市卫健局' },
  ];
  const communities = [{ value: 'community-01', label: '东塔社区' }];

  it('offers the parties that fit the direction, filling in the street where it is the only choice', () => {
    expect(partyChoices('streetToDepartment', streetChoice, depts, communities)).toEqual({ assessors: [streetChoice], assessees: depts });
    expect(partyChoices('departmentToStreet', streetChoice, depts, communities)).toEqual({ assessors: depts, assessees: [streetChoice] });
    expect(partyChoices('departmentToCommunity', streetChoice, depts, communities).assessees).toEqual(communities);
    expect(keptChoice(undefined, [streetChoice])).toBe('street-01');
    expect(keptChoice('dept-01', depts)).toBe('dept-01');
    expect(keptChoice('street-01', depts)).toBeUndefined();
  });

  it('makes a sheet with one score per criterion, in order, or says what is missing', () => {
    const base = { id: 'new', streetId: 'street-01', year: 2025 };
    const values = { direction: 'departmentToCommunity' as const, assessorId: 'dept-01', assesseeId: 'community-01', scores: { svc: 80, org: 70 }, note: '  好 ' };
    expect(sheetFromForm(values, street.assessmentCriteria ?? [], base).sheet).toEqual({
      ...base,
      direction: 'departmentToCommunity',
      assessorId: 'dept-01',
      assesseeId: 'community-01',
      scores: [
        { criterionId: 'org', score: 70 },
        { criterionId: 'svc', score: 80 },
      ],
      note: '好',
    });
    const problems = sheetFromForm({ ...values, assessorId: undefined, scores: { org: 101 } }, street.assessmentCriteria ?? [], base).problems;
    expect(problems).toEqual([
      { field: 'assessorId', code: 'assessor' },
      { field: 'score', code: 'scoreRange', criterionId: 'org', name: '组织建设' },
      { field: 'score', code: 'score', criterionId: 'svc', name: '服务群众' },
    ]);
    expect(sheetFromForm(values, [], base).problems).toEqual([{ field: 'criteria', code: 'noCriteria' }]);
  });

  it('edits a sheet in place: same id, a cleared note removed, and its scores shown again', () => {
    const existing = { ...sheets[0]!, note: '旧' };
    const values = { ...sheetFormValues(existing), note: '' };
    expect(values.scores).toEqual({ org: 90, svc: 80 });
    const saved = sheetFromForm(values, street.assessmentCriteria ?? [], existing).sheet;
    expect(saved?.id).toBe('a');
    expect(saved && 'note' in saved).toBe(false);
  });
});

describe('community targets', () => {
  const communities: Community[] = [
    { id: 'community-01', streetId: 'street-01', name: '东塔社区' },
    { id: 'community-02', streetId: 'street-01', name: '西城社区' },
  ];
  const compound = (id: string, communityId: string, pilot: boolean, venues = 0): Compound => ({
    id,
    streetId: 'street-01',
    communityId,
    name: id,
    propertyManaged: false,
    residentCount: 500,
    pilot,
    ...(venues > 0 ? { venues: Array.from({ length: venues }, (_, i) => ({ id: `${id}-v${i}`, kind: 'shared' as const })) } : {}),
  });
  const compounds = [compound('c1', 'community-01', true, 1), compound('c2', 'community-01', false), compound('c3', 'community-02', true, 2)];
  const branch = (id: string, compoundId: string, foundedOn: string, dissolvedOn?: string): Org => ({
    id,
    streetId: 'street-01',
    communityId: 'community-01',
    level: 'compoundBranch',
    name: id,
    compoundId,
    foundedOn,
    ...(dissolvedOn ? { dissolvedOn } : {}),
  });
  const orgs = [branch('o1', 'c1', '2025-03-01'), branch('o2', 'c2', '2024-05-01', '2025-06-01')];
  const need = (id: string, state: Need['state'], raisedOn: string): Need => ({
    id,
    streetId: 'street-01',
    communityId: 'community-01',
    compoundId: 'c1',
    description: '路灯坏了',
    state,
    raisedOn,
    categoryId: 'repair',
  });
  const needs = [need('n1', 'listed', '2025-01-01'), need('n2', 'resolved', '2025-02-01'), need('n3', 'claimed', '2025-12-30'), need('n4', 'listed', '2024-12-01')];

  it('count compounds, pilots, branches founded in the year, venues and the needs recorded in it', () => {
    const rows = communityTargets(2025, communities, { compounds, orgs, needs }, [{ id: 'repair', name: '设施维修', deadlineDays: 15 }], new Date('2026-01-05T00:00:00Z'));
    expect(rows[0]).toEqual({
      communityId: 'community-01',
      name: '东塔社区',
      compounds: 2,
      pilots: 1,
      branchesFounded: 1,
      withBranch: 1,
      withVenue: 1,
      needs: 3,
      openNeeds: 2,
      overdueNeeds: 1,
    });
    expect(rows[1]).toMatchObject({ compounds: 1, pilots: 1, branchesFounded: 0, withVenue: 1, needs: 0 });
  });
});
