import { describe, expect, it } from 'vitest';
import type { Building, Community, Compound, Grid, Member, Org } from '@domain/collections';
import { headlineFigures } from '@domain/figures';
import { homeSummary } from '../src/features/home/homeSummary';

const community = (id: string): Community => ({ id, streetId: 's1', name: id });
const compound = (id: string, communityId: string, extra: Partial<Compound> = {}): Compound => ({
  id,
  streetId: 's1',
  communityId,
  name: id,
  propertyManaged: true,
  residentCount: 0,
  pilot: false,
  ...extra,
});

describe('home summary', () => {
  it('counts per community and in total, only within the communities shown', () => {
    const compounds = [compound('k1', 'c1', { pilot: true, propertyManaged: false }), compound('k2', 'c1'), compound('k3', 'c9')];
    const buildings: Building[] = [{ id: 'b1', streetId: 's1', communityId: 'c1', compoundId: 'k1', name: '1号楼' }];
    const members: Member[] = [
      { id: 'm1', streetId: 's1', communityId: 'c1', name: '张三', isPartyMember: true },
      { id: 'm2', streetId: 's1', communityId: 'c2', name: '李四', isPartyMember: false },
      { id: 'm3', streetId: 's1', communityId: 'c9', name: '王五', isPartyMember: true },
    ];
    const summary = homeSummary([community('c1'), community('c2')], compounds, buildings, members);
    expect(summary.communities.map(({ community: c, compounds: k, buildings: b, members: m }) => [c.id, k, b, m])).toEqual([
      ['c1', 2, 1, 1],
      ['c2', 0, 0, 1],
    ]);
    expect(summary.totals).toEqual({ communities: 2, compounds: 2, pilot: 1, unmanaged: 1, buildings: 1, members: 2, partyMembers: 1 });
  });
});

describe('headline figures', () => {
  const compounds = [
    compound('k1', 'c1', { pilot: true, propertyManaged: false }),
    compound('k2', 'c1'),
    compound('k3', 'c1', { propertyManaged: false }),
    compound('k9', 'c9', { pilot: true, propertyManaged: false }),
  ];
  const grids: Grid[] = [
    { id: 'g1', streetId: 's1', communityId: 'c1', name: '第1网格' },
    { id: 'g2', streetId: 's1', communityId: 'c1', name: '第2网格' },
    { id: 'g9', streetId: 's1', communityId: 'c9', name: '第1网格' },
  ];
  const member = (id: string, communityId: string, extra: Partial<Member>): Member => ({ id, streetId: 's1', communityId, name: id, isPartyMember: true, ...extra });
  const members: Member[] = [
    member('m1', 'c1', { category: 'inServiceReported', report: { date: '2020-05-01' } }),
    // Reported category but no report recorded yet: not counted.
    member('m2', 'c1', { category: 'inServiceReported' }),
    member('m3', 'c1', { category: 'retired' }),
    member('m9', 'c9', { category: 'inServiceReported', report: { date: '2020-05-01' } }),
  ];
  const upgraded = { id: 'h1', at: '2020-06-01T00:00:00.000Z', by: 'admin', kind: 'upgraded' as const, date: '2020-06-01', docNo: '〔2020〕1号' };
  const orgs: Org[] = [
    { id: 'o0', streetId: 's1', level: 'streetCommittee', name: '街道党工委' },
    { id: 'o1', streetId: 's1', communityId: 'c1', level: 'communityGeneralBranch', name: '总支', history: [upgraded] },
    { id: 'o2', streetId: 's1', communityId: 'c2', level: 'communityBranch', name: '支部' },
    { id: 'o9', streetId: 's1', communityId: 'c9', level: 'communityGeneralBranch', name: '总支', history: [upgraded] },
    { id: 'b1', streetId: 's1', communityId: 'c1', level: 'compoundBranch', name: '试点支部', compoundId: 'k1' },
    { id: 'b2', streetId: 's1', communityId: 'c1', level: 'compoundBranch', name: '非试点支部', compoundId: 'k2' },
    { id: 'b3', streetId: 's1', communityId: 'c1', level: 'compoundBranch', name: '已撤销', compoundId: 'k1', dissolvedOn: '2021-01-01' },
    { id: 'b9', streetId: 's1', communityId: 'c9', level: 'compoundBranch', name: '别社区', compoundId: 'k9' },
  ];

  it('counts the six figures only within the communities shown', () => {
    expect(headlineFigures([community('c1'), community('c2')], compounds, grids, members, orgs)).toEqual({
      grids: 2,
      reportedMembers: 1,
      pilotCompounds: 1,
      upgradedBranches: 1,
      communityBranches: 2,
      pilotCompoundBranches: 1,
      unmanagedCompounds: 2,
      compounds: 3,
    });
  });

  it('covers the whole street for a street admin', () => {
    const figures = headlineFigures([community('c1'), community('c2'), community('c9')], compounds, grids, members, orgs);
    expect(figures).toMatchObject({ grids: 3, reportedMembers: 2, pilotCompounds: 2, upgradedBranches: 2, pilotCompoundBranches: 2, unmanagedCompounds: 3, compounds: 4 });
  });

  it('does not count a general branch without a recorded upgrade', () => {
    const founded: Org = { id: 'o5', streetId: 's1', communityId: 'c1', level: 'communityGeneralBranch', name: '原为总支' };
    expect(headlineFigures([community('c1')], [], [], [], [founded]).upgradedBranches).toBe(0);
  });
});
