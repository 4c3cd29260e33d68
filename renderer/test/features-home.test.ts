import { describe, expect, it } from 'vitest';
import type { Building, Community, Compound, Member } from '@domain/collections';
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
