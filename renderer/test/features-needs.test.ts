// The needs list's own logic: filters read from a link's query, the default order (overdue, then
// urgent, then newest), what a row shows (due date, overdue, names a liaison's device lacks), the
// search, and recording a need through the state machine.
import { describe, expect, it } from 'vitest';
import type { Building, Compound, Need, Unit } from '@domain/collections';
import { transitionProblem } from '@domain/needFlow';
import { buildSearchIndex, searchIndex } from '../src/lib/search';
import { needFormValues, needFromForm, recordedNeed, type NeedFormValues } from '../src/features/needs/needDoc';
import { claimingCandidates, coordinationCandidates, needRowOf, needRowsOf, type NeedLookups } from '../src/features/needs/needLookups';
import { filterNeedRows, filtersFromQuery, needSearchSource, queryWithFilters, rowsByState, sortNeedRows, type NeedRow } from '../src/features/needs/needRows';

const compound = (id: string, name: string): Compound => ({ id, streetId: 's1', communityId: 'c1', name, propertyManaged: false, residentCount: 100, pilot: true });
const building: Building = { id: 'b1', streetId: 's1', communityId: 'c1', compoundId: 'k1', name: '3号楼' };
const dept = (id: string, name: string, paired: string[] = []): Unit => ({ id, streetId: 's1', kind: 'department', name, pairedCompoundIds: paired });

const lookups: NeedLookups = {
  compounds: new Map([
    ['k1', compound('k1', '幸福花园')],
    ['k2', compound('k2', '阳光小区')],
  ]),
  buildings: new Map([['b1', building]]),
  units: new Map([['dept-01', dept('dept-01', '住建局', ['k1'])]]),
  categories: [
    { id: 'repair', name: '设施维修', deadlineDays: 15 },
    { id: 'dispute', name: '邻里纠纷', deadlineDays: 5 },
    { id: 'other', name: '其他', deadlineDays: 0 },
  ],
};

const need = (id: string, extra: Partial<Need> = {}): Need => ({
  id,
  streetId: 's1',
  communityId: 'c1',
  compoundId: 'k1',
  description: `问题${id}`,
  state: 'listed',
  categoryId: 'repair',
  urgency: 'normal',
  steps: [{ id: `${id}-r`, at: '2026-05-01T12:00:00.000Z', by: 'u-staff', action: 'record', toState: 'submitted' }],
  ...extra,
});
const now = new Date('2026-05-10T00:00:00.000Z');
const row = (doc: Need, isNew = false): NeedRow => needRowOf(doc, lookups, now, isNew);

describe('filtersFromQuery', () => {
  it('reads what another page links with, and ignores unknown states', () => {
    const filters = filtersFromQuery(new URLSearchParams('compound=k1&building=b1&department=dept-01&state=claimed,bogus&state=resolved&overdue=1'));
    expect(filters).toEqual({ compoundId: 'k1', buildingId: 'b1', departmentId: 'dept-01', states: ['claimed', 'resolved'], overdueOnly: true });
  });

  it('has no filter for an empty query, and no building without its compound', () => {
    expect(filtersFromQuery(new URLSearchParams(''))).toEqual({ states: [], overdueOnly: false });
    expect(filtersFromQuery(new URLSearchParams('building=b1&overdue=0')).buildingId).toBeUndefined();
    expect(filtersFromQuery(new URLSearchParams('overdue=0')).overdueOnly).toBe(false);
  });

  it('writes filters back into the query, keeping other parameters, and reads them the same', () => {
    const filters = { compoundId: 'k2', departmentId: 'dept-01', states: ['listed' as const, 'returned' as const], overdueOnly: true };
    const query = queryWithFilters(new URLSearchParams('new=k1&state=closed'), filters);
    expect(query.get('new')).toBe('k1');
    expect(filtersFromQuery(query)).toEqual({ ...filters, buildingId: undefined });
    expect(queryWithFilters(query, { states: [], overdueOnly: false }).toString()).toBe('new=k1');
  });
});

describe('needRowOf', () => {
  it('shows the due day from the category deadline and marks an open need past it overdue', () => {
    const late = row(need('n1'));
    expect(late).toMatchObject({ compoundName: '幸福花园', categoryName: '设施维修', overdue: false });
    expect(late.dueOn).toBe('2026-05-16');
    const dispute = row(need('n2', { categoryId: 'dispute' }));
    expect(dispute.overdue).toBe(true);
    // Resolved or closed needs are not overdue; a category without a deadline has no due day.
    expect(row(need('n3', { categoryId: 'dispute', state: 'resolved' })).overdue).toBe(false);
    expect(row(need('n4', { categoryId: 'other' }))).toMatchObject({ dueOn: undefined, overdue: false });
  });

  it("names the building, and the claiming department from the steps when the device holds no units", () => {
    const claimed = need('n5', {
      buildingId: 'b1',
      state: 'claimed',
      claimedByUnitId: 'dept-02',
      steps: [{ id: 'c', at: '2026-05-02T02:00:00.000Z', by: 'u-l', action: 'claim', toState: 'claimed', unitId: 'dept-02', unitName: '民政局' }],
    });
    expect(row(claimed)).toMatchObject({ buildingName: '3号楼', departmentName: '民政局' });
  });
});

describe('needRowsOf: what is new to the person', () => {
  const looked = '2026-05-09T00:00:00.000Z';
  const byOther = need('other', { steps: [{ id: 'o', at: '2026-05-05T00:00:00.000Z', by: 'u-staff', action: 'record' }] });
  const mine = need('mine', { steps: [{ id: 'm', at: '2026-05-09T06:00:00.000Z', by: 'u-liaison', action: 'claim' }] });
  const seen = need('seen', { steps: [{ id: 's', at: '2026-05-08T00:00:00.000Z', by: 'u-staff', action: 'record' }] });
  const arrivals = new Map([
    // Recorded offline before the look, arrived after it: new.
    ['other', Date.parse('2026-05-09T08:00:00.000Z')],
    ['mine', Date.parse('2026-05-09T08:00:00.000Z')],
    ['seen', Date.parse('2026-05-08T08:00:00.000Z')],
  ]);
  const newIds = (since: string | undefined) =>
    needRowsOf([byOther, mine, seen], lookups, { userId: 'u-liaison', since, arrivals }, now)
      .filter((entry) => entry.isNew)
      .map((entry) => entry.id)
      .sort();

  it("marks others' needs that arrived since the last look, never one's own step", () => {
    expect(newIds(looked)).toEqual(['other']);
  });

  it('marks everything by others for a person who has never looked on this device', () => {
    expect(newIds(undefined)).toEqual(['other', 'seen']);
  });
});

describe('sortNeedRows', () => {
  it('puts overdue needs first, then the most urgent, then the newest', () => {
    const rows = [
      row(need('low-old', { urgency: 'low', steps: [{ id: 'x1', at: '2026-05-08T00:00:00.000Z', by: 'u', action: 'record' }] })),
      row(need('normal-new', { steps: [{ id: 'x2', at: '2026-05-09T00:00:00.000Z', by: 'u', action: 'record' }] })),
      row(need('normal-old', { steps: [{ id: 'x3', at: '2026-05-07T00:00:00.000Z', by: 'u', action: 'record' }] })),
      row(need('high', { urgency: 'high', steps: [{ id: 'x4', at: '2026-05-06T00:00:00.000Z', by: 'u', action: 'record' }] })),
      row(need('overdue-low', { urgency: 'low', categoryId: 'dispute' })),
    ];
    expect(sortNeedRows(rows).map((entry) => entry.id)).toEqual(['overdue-low', 'high', 'normal-new', 'normal-old', 'low-old']);
  });

  it('counts a need without an urgency as normal and orders by the day raised without steps', () => {
    const rows = [row(need('a', { urgency: undefined, steps: [], raisedOn: '2026-05-01' })), row(need('b', { urgency: 'low', steps: [], raisedOn: '2026-05-09' })), row(need('c', { urgency: 'normal', steps: [], raisedOn: '2026-05-03' }))];
    expect(sortNeedRows(rows).map((entry) => entry.id)).toEqual(['c', 'a', 'b']);
  });
});

describe('filterNeedRows', () => {
  const rows = [
    row(need('n1', { buildingId: 'b1' })),
    row(need('n2', { compoundId: 'k2', state: 'claimed', claimedByUnitId: 'dept-01', categoryId: 'dispute' })),
    row(need('n3', { state: 'closed' })),
  ];
  const ids = (filtered: NeedRow[]) => filtered.map((entry) => entry.id);

  it('narrows by compound, building, claiming department, states and overdue', () => {
    expect(ids(filterNeedRows(rows, { compoundId: 'k1', states: [], overdueOnly: false }))).toEqual(['n1', 'n3']);
    expect(ids(filterNeedRows(rows, { compoundId: 'k1', buildingId: 'b1', states: [], overdueOnly: false }))).toEqual(['n1']);
    expect(ids(filterNeedRows(rows, { departmentId: 'dept-01', states: [], overdueOnly: false }))).toEqual(['n2']);
    expect(ids(filterNeedRows(rows, { states: ['listed', 'closed'], overdueOnly: false }))).toEqual(['n1', 'n3']);
    expect(ids(filterNeedRows(rows, { states: [], overdueOnly: true }))).toEqual(['n2']);
    expect(ids(filterNeedRows(rows, { states: [], overdueOnly: false }))).toEqual(['n1', 'n2', 'n3']);
  });

  it('groups rows by state for the board', () => {
    const groups = rowsByState(rows);
    expect(groups.listed.map((entry) => entry.id)).toEqual(['n1']);
    expect(groups.claimed.map((entry) => entry.id)).toEqual(['n2']);
    expect(groups.returned).toEqual([]);
  });
});

describe('needSearchSource', () => {
  const rows = [row(need('n1', { raisedBy: '王桂兰', description: '楼道声控灯损坏' })), row(need('n2', { compoundId: 'k2', description: '垃圾清运不及时' }))];
  const find = (query: string) => searchIndex(buildSearchIndex(rows, needSearchSource), query).map((entry) => entry.id);

  it('finds a need by description, by who raised it (pinyin too) and by compound name', () => {
    expect(find('声控灯')).toEqual(['n1']);
    expect(find('wgl')).toEqual(['n1']);
    expect(find('阳光')).toEqual(['n2']);
    expect(find('ygxq')).toEqual(['n2']);
  });
});

describe('recording a need', () => {
  const values: NeedFormValues = {
    compoundId: 'k1',
    buildingId: 'b1',
    raisedBy: ' 王桂兰 ',
    raisedByPhone: '',
    raisedOn: '2026-05-09',
    categoryId: 'repair',
    description: '楼道声控灯损坏',
    urgency: 'high',
    listNow: true,
  };
  const ids = { id: 'n-new', streetId: 's1', communityId: 'c1' };
  let counter = 0;
  const contextOf = () => ({ entryId: `e${++counter}`, at: '2026-05-09T10:00:00.000Z', by: 'u-staff', byName: '李社工' });

  it('records and lists it at once, with both steps, as the server accepts a new need', () => {
    const result = recordedNeed(values, ids, { role: 'community_staff' }, contextOf);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.need).toMatchObject({ id: 'n-new', communityId: 'c1', compoundId: 'k1', raisedBy: '王桂兰', state: 'listed', urgency: 'high' });
    expect(result.need).not.toHaveProperty('raisedByPhone');
    expect(result.need.steps?.map((step) => [step.action, step.toState])).toEqual([
      ['record', 'submitted'],
      ['list', 'listed'],
    ]);
    expect(transitionProblem(undefined, result.need, { role: 'community_staff' })).toBeNull();
  });

  it('only records it when the person does not list it yet', () => {
    const result = recordedNeed({ ...values, listNow: false }, ids, { role: 'street_admin' }, contextOf);
    expect(result.ok && result.need.state).toBe('submitted');
    expect(result.ok && result.need.steps?.length).toBe(1);
  });

  it('refuses a liaison: departments do not record needs', () => {
    const result = recordedNeed(values, ids, { role: 'department_liaison', unitId: 'dept-01', compoundIds: ['k1'] }, contextOf);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problem.code).toBe('roleNotAllowed');
  });

  it('edits only the need’s own fields: state, claim and steps stay', () => {
    const stored = need('n9', { state: 'claimed', claimedByUnitId: 'dept-01', raisedByPhone: '13812345678' });
    const form = { ...(needFormValues(stored, undefined, '2026-05-10') as NeedFormValues), description: '改了描述', raisedByPhone: '' };
    const edited = needFromForm(form, stored);
    expect(edited).toMatchObject({ state: 'claimed', claimedByUnitId: 'dept-01', steps: stored.steps, description: '改了描述' });
    expect(edited).not.toHaveProperty('raisedByPhone');
  });

  it('starts a new form today, normal urgency, listed at once, in the chosen compound', () => {
    expect(needFormValues(undefined, 'k2', '2026-05-10')).toEqual({ compoundId: 'k2', raisedOn: '2026-05-10', urgency: 'normal', listNow: true });
  });
});

describe('units offered for a step', () => {
  const units = [dept('d1', '住建局', ['k1']), dept('d2', '民政局'), { id: 'j1', streetId: 's1', kind: 'jurisdiction' as const, name: '派出所' }, { id: 's1u', streetId: 's1', kind: 'stationed' as const, name: '第一小学' }, { id: 'e1', streetId: 's1', kind: 'enterprise' as const, name: '某公司' }];

  it('offers the departments paired with the compound to claim, else every department', () => {
    expect(claimingCandidates(units, 'k1').map((unit) => unit.id)).toEqual(['d1']);
    expect(claimingCandidates(units, 'k9').map((unit) => unit.id)).toEqual(['d1', 'd2']);
  });

  it('offers jurisdiction and stationed units to coordinate with', () => {
    expect(coordinationCandidates(units).map((unit) => unit.id)).toEqual(['j1', 's1u']);
  });
});
