import { describe, expect, it } from 'vitest';
import type { Building, Compound } from '@domain/collections';
import { buildingFromForm } from '../src/features/compounds/buildingDoc';
import { compoundFormValues, compoundFromForm } from '../src/features/compounds/compoundDoc';
import { filterCompounds } from '../src/features/compounds/compoundFilters';
import { compoundBlockers } from '../src/features/compounds/compoundDependants';
import { serverProblems } from './serverRules';

const stored: Compound = {
  id: 'k1',
  streetId: 's1',
  communityId: 'c1',
  name: '幸福花园',
  propertyManaged: true,
  propertyCompany: '宁夏物业公司',
  propertyUnitId: 'u9',
  residentCount: 1200,
  pilot: true,
  venues: [{ id: 'v1', kind: 'shared', name: '物业用房' }],
};

describe('compound form', () => {
  it('creates a document the server accepts, with no empty strings', () => {
    const doc = compoundFromForm(
      { name: ' 阳光小区 ', communityId: 'c1', address: '', propertyManaged: false, propertyCompany: '', ownersCommittee: false, residentCount: 0, pilot: false, note: '  ' },
      { id: 'k2', streetId: 's1' },
    );
    expect(doc).toEqual({ id: 'k2', streetId: 's1', communityId: 'c1', name: '阳光小区', propertyManaged: false, ownersCommittee: false, residentCount: 0, pilot: false });
    expect(serverProblems('compounds', doc)).toEqual([]);
  });

  it('drops the property company when the compound has no management any more', () => {
    const values = { ...(compoundFormValues(stored, undefined) as Parameters<typeof compoundFromForm>[0]), propertyManaged: false };
    const doc = compoundFromForm(values, stored);
    expect(doc.propertyCompany).toBeUndefined();
    expect(doc.propertyUnitId).toBeUndefined();
    expect(serverProblems('compounds', doc)).toEqual([]);
  });

  it('keeps what the form does not show (venues, the company record) when editing', () => {
    const values = { ...(compoundFormValues(stored, undefined) as Parameters<typeof compoundFromForm>[0]), residentCount: 1300 };
    expect(compoundFromForm(values, stored)).toEqual({ ...stored, residentCount: 1300 });
  });

  it('starts a new compound in the suggested community, unmanaged, not a pilot', () => {
    expect(compoundFormValues(undefined, 'c2')).toMatchObject({ communityId: 'c2', propertyManaged: false, pilot: false, residentCount: 0 });
  });
});

describe('compound list filters', () => {
  const list: Compound[] = [
    stored,
    { ...stored, id: 'k2', name: '阳光小区', communityId: 'c2', propertyManaged: false, pilot: false },
    { ...stored, id: 'k3', name: '和平小区', communityId: 'c1', propertyManaged: false, pilot: true },
  ];
  const ids = (filters: Parameters<typeof filterCompounds>[1]) => filterCompounds(list, filters).map((c) => c.id);

  it('narrows by community, pilot and property management together', () => {
    expect(ids({})).toEqual(['k1', 'k2', 'k3']);
    expect(ids({ communityId: 'c1' })).toEqual(['k1', 'k3']);
    expect(ids({ pilot: true, propertyManaged: false })).toEqual(['k3']);
    expect(ids({ propertyManaged: true })).toEqual(['k1']);
    expect(ids({ communityId: 'c2', pilot: true })).toEqual([]);
  });
});

describe('deleting a compound', () => {
  const dependants = {
    buildings: new Map([['k1', 3]]),
    members: new Map([['k1', 12], ['k2', 0]]),
    needs: new Map<string, number>(),
    activities: new Map([['k3', 1]]),
  };

  it('is refused while buildings, members or other records point at it, saying which', () => {
    expect(compoundBlockers(dependants, { id: 'k1' })).toEqual([['buildings', 3], ['members', 12]]);
    expect(compoundBlockers(dependants, { id: 'k3' })).toEqual([['activities', 1]]);
    expect(compoundBlockers(dependants, { id: 'k2' })).toEqual([]);
  });
});

describe('building form', () => {
  it('puts the building in the compound and its community, keeping the leader and claim history', () => {
    const building: Building = {
      id: 'b1',
      streetId: 's1',
      communityId: 'c1',
      compoundId: 'k1',
      name: '3号楼',
      leaderMemberId: 'm1',
      leaderClaims: [{ id: 'l1', at: '2024-01-01T00:00:00Z', by: 'u1', action: 'claim', memberId: 'm1' }],
    };
    const doc = buildingFromForm({ name: ' 3号楼 ', units: 4, households: null, floors: 6 }, stored, building);
    expect(doc).toEqual({ ...building, units: 4, floors: 6 });
    expect(serverProblems('buildings', doc)).toEqual([]);
  });

  it('creates a building with only a name', () => {
    const doc = buildingFromForm({ name: '1号楼' }, stored, { id: 'b2' });
    expect(doc).toEqual({ id: 'b2', streetId: 's1', communityId: 'c1', compoundId: 'k1', name: '1号楼' });
  });
});
