import { describe, expect, it } from 'vitest';
import type { Compound, Venue } from '@domain/collections';
import { isDate, venueFormValues, venueFromForm, venueProblems, withVenue, withoutVenue, type VenueFormValues } from '../src/features/compounds/venueDoc';
import { compoundsWithoutVenue, countsByKind, gapOverTime, venueRows } from '../src/features/venues/venueStats';
import { serverProblems } from './serverRules';

const compound = (id: string, communityId: string, name: string, venues?: Venue[]): Compound => ({
  id,
  streetId: 's1',
  communityId,
  name,
  propertyManaged: true,
  residentCount: 100,
  pilot: false,
  ...(venues !== undefined && { venues }),
});
const venue = (id: string, kind: Venue['kind'], extra: Partial<Venue> = {}): Venue => ({ id, kind, ...extra });
const compare = (a: string, b: string) => a.localeCompare(b);

describe('venue form', () => {
  const units = [{ id: 'u1', name: '幸福物业' }];

  it('makes a venue the server accepts, with blanks left out and the unit’s name as contributor', () => {
    const values: VenueFormValues = { kind: 'shared', name: ' 物业用房党群服务点 ', address: '', areaSquareMeters: 45.5, openingHours: '周一至周五 9:00-17:30', contributorUnitId: 'u1', openedOn: '2021-06-01' };
    const made = venueFromForm(values, 'v1', units);
    expect(made).toEqual({ id: 'v1', kind: 'shared', name: '物业用房党群服务点', areaSquareMeters: 45.5, openingHours: '周一至周五 9:00-17:30', contributor: '幸福物业', contributorUnitId: 'u1', openedOn: '2021-06-01' });
    expect(serverProblems('compounds', withVenue(compound('k1', 'c1', '幸福花园'), made))).toEqual([]);
    expect(venueFormValues(made)).toMatchObject({ kind: 'shared', contributorUnitId: 'u1', areaSquareMeters: 45.5 });
  });

  it('keeps free text as contributor when no unit is chosen, and area 0', () => {
    expect(venueFromForm({ kind: 'rented', contributor: ' 张记商店 ', areaSquareMeters: 0 }, 'v2', units)).toEqual({ id: 'v2', kind: 'rented', contributor: '张记商店', areaSquareMeters: 0 });
  });

  it('keeps the stored name of a contributing unit this device does not hold', () => {
    const before = venue('v3', 'shared', { contributorUnitId: 'gone', contributor: '旧物业' });
    expect(venueFromForm({ kind: 'shared', contributorUnitId: 'gone' }, 'v3', units, before)).toMatchObject({ contributorUnitId: 'gone', contributor: '旧物业' });
  });

  it('tells in Chinese what is wrong with area, dates, kind and lengths', () => {
    const today = '2026-11-27';
    expect(venueProblems({ kind: 'shared', areaSquareMeters: 30, openedOn: '2024-02-29' }, today)).toEqual([]);
    const fields = (values: Partial<VenueFormValues>) => venueProblems(values, today).map((problem) => problem.field);
    expect(fields({ kind: 'shared', areaSquareMeters: -1 })).toEqual(['areaSquareMeters']);
    expect(fields({ kind: 'shared', areaSquareMeters: 100001 })).toEqual(['areaSquareMeters']);
    expect(fields({ kind: 'shared', openedOn: '2023-02-29' })).toEqual(['openedOn']);
    expect(fields({ kind: 'shared', openedOn: '2026-11-28' })).toEqual(['openedOn']);
    expect(fields({ kind: 'shared', name: '阵'.repeat(101) })).toEqual(['name']);
    expect(fields({})).toEqual(['kind']);
    expect(venueProblems({ kind: 'shared', areaSquareMeters: -1 }, today)[0]?.message).toMatch(/面积/);
    expect(isDate('2024-13-01')).toBe(false);
  });
});

describe('venues in the compound', () => {
  const start = compound('k1', 'c1', '幸福花园', [venue('v1', 'shared')]);

  it('replaces a venue of the same id, adds a new one at the end, removes one', () => {
    const edited = withVenue(start, venue('v1', 'rented', { name: '租用门面' }));
    expect(edited.venues).toEqual([venue('v1', 'rented', { name: '租用门面' })]);
    const added = withVenue(edited, venue('v2', 'newBuilt'));
    expect(added.venues?.map((v) => v.id)).toEqual(['v1', 'v2']);
    expect(withoutVenue(added, 'v1').venues?.map((v) => v.id)).toEqual(['v2']);
    // The last venue removed leaves no empty list behind.
    expect(withoutVenue(start, 'v1')).not.toHaveProperty('venues');
    expect(start.venues).toHaveLength(1);
  });
});

describe('venue overview', () => {
  const compounds = [
    compound('k1', 'c2', '阳光小区', [venue('v1', 'shared', { areaSquareMeters: 40, openedOn: '2020-05-01' }), venue('v2', 'rented', { areaSquareMeters: 20, openedOn: '2022-03-01' })]),
    compound('k2', 'c1', '幸福花园', [venue('v3', 'shared', { areaSquareMeters: 60, openedOn: '2022-07-01' })]),
    compound('k3', 'c1', '老街小区', [venue('v4', 'newBuilt')]),
    compound('k4', 'c1', '东门小区'),
    compound('k5', 'c2', '西门小区', []),
  ];
  const communities = [
    { id: 'c1', name: 'A社区' },
    { id: 'c2', name: 'B社区' },
  ];

  it('lists every venue by community and compound', () => {
    const rows = venueRows(compounds, communities, compare);
    expect(rows.map((row) => row.communityName)).toEqual(['A社区', 'A社区', 'B社区', 'B社区']);
    const inA = rows.slice(0, 2).map((row) => row.compound.name);
    expect(inA).toEqual([...inA].sort(compare));
    // Within a compound, by opening date.
    expect(rows.slice(2).map((row) => row.key)).toEqual(['k1/v1', 'k1/v2']);
  });

  it('counts venues, compounds and area by kind', () => {
    expect(countsByKind(compounds)).toEqual([
      { kind: 'shared', venues: 2, compounds: 2, area: 100 },
      { kind: 'rented', venues: 1, compounds: 1, area: 20 },
      { kind: 'revived', venues: 0, compounds: 0, area: 0 },
      { kind: 'newBuilt', venues: 1, compounds: 1, area: 0 },
    ]);
  });

  it('finds the compounds without a venue, an empty list counting as none', () => {
    expect(compoundsWithoutVenue(compounds).map((c) => c.id)).toEqual(['k4', 'k5']);
  });

  it('shows the gap closing year by year from each compound’s first dated venue', () => {
    const gap = gapOverTime(compounds, 2023);
    expect(gap.rows).toEqual([
      { period: '2020', withVenue: 1, total: 5, withoutVenue: 4, added: 1 },
      { period: '2021', withVenue: 1, total: 5, withoutVenue: 4, added: 0 },
      { period: '2022', withVenue: 2, total: 5, withoutVenue: 3, added: 1 },
      { period: '2023', withVenue: 2, total: 5, withoutVenue: 3, added: 0 },
    ]);
    // 老街小区's venue has no date: it counts today only.
    expect(gap).toMatchObject({ undated: 1, now: 3, total: 5 });
  });

  it('has no rows when no venue is dated', () => {
    expect(gapOverTime([compound('k1', 'c1', 'x', [venue('v1', 'revived')]), compound('k2', 'c1', 'y')], 2026)).toEqual({ rows: [], undated: 1, now: 1, total: 2 });
  });
});
