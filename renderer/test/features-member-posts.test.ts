// A member's page says where they serve, read from the documents that name them.
import { describe, expect, it } from 'vitest';
import type { Building, Compound, Grid, Org } from '@domain/collections';
import { memberPosts } from '../src/features/members/MemberPosts';

const place = { streetId: 's1', communityId: 'c1' };
const compounds: Compound[] = [{ ...place, id: 'p1', name: '幸福里小区', propertyManaged: false, residentCount: 800, pilot: true }];
const buildings: Building[] = [
  { ...place, id: 'b1', compoundId: 'p1', name: '3号楼', leaderMemberId: 'm1' },
  { ...place, id: 'b2', compoundId: 'p1', name: '4号楼', leaderMemberId: 'm2' },
];
const grids: Grid[] = [{ ...place, id: 'g1', name: '第一网格', gridWorkerIds: ['m1'], volunteerIds: ['m1', 'm2'] }];
const orgs: Org[] = [
  { ...place, id: 'o1', level: 'compoundBranch', name: '幸福里小区支部委员会', secretaryMemberId: 'm1' },
  { ...place, id: 'o2', level: 'functionalGroup', name: '已撤销党小组', secretaryMemberId: 'm1', dissolvedOn: '2026-01-01' },
];

describe('a member’s posts', () => {
  it('lists the buildings they lead, their grid roles and the live organisations they lead, with links', () => {
    expect(memberPosts('m1', { buildings, compounds, grids, orgs })).toEqual([
      { key: 'building-b1', role: 'buildingLeader', place: '幸福里小区 3号楼', to: '/compounds/p1' },
      { key: 'grid-g1-gridWorkerIds', role: 'gridWorker', place: '第一网格', to: '/grids/g1' },
      { key: 'grid-g1-volunteerIds', role: 'volunteer', place: '第一网格', to: '/grids/g1' },
      { key: 'org-o1', role: 'secretary', place: '幸福里小区支部委员会', to: '/orgs?org=o1' },
    ]);
  });

  it('is empty for someone named nowhere', () => {
    expect(memberPosts('m9', { buildings, compounds, grids, orgs })).toEqual([]);
  });
});
