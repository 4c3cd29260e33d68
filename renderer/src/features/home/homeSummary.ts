// The figures on the home page, computed from the documents in the person's scope.
import type { Building, Community, Compound, Member } from '@domain/collections';
import { countBy, countOf } from '../../lib/counts';

export interface CommunitySummary {
  community: Community;
  compounds: number;
  buildings: number;
  members: number;
}

export interface HomeSummary {
  communities: CommunitySummary[];
  totals: { communities: number; compounds: number; pilot: number; unmanaged: number; buildings: number; members: number; partyMembers: number };
}

export function homeSummary(
  communities: readonly Community[],
  compounds: readonly Compound[],
  buildings: readonly Building[],
  members: readonly Member[],
): HomeSummary {
  const ids = new Set(communities.map((community) => community.id));
  const inScope = <T extends { communityId: string }>(docs: readonly T[]) => docs.filter((doc) => ids.has(doc.communityId));
  const [ownCompounds, ownBuildings, ownMembers] = [inScope(compounds), inScope(buildings), inScope(members)];
  const compoundCounts = countBy(ownCompounds, (doc) => doc.communityId);
  const buildingCounts = countBy(ownBuildings, (doc) => doc.communityId);
  const memberCounts = countBy(ownMembers, (doc) => doc.communityId);
  return {
    communities: communities.map((community) => ({
      community,
      compounds: countOf(compoundCounts, community.id),
      buildings: countOf(buildingCounts, community.id),
      members: countOf(memberCounts, community.id),
    })),
    totals: {
      communities: communities.length,
      compounds: ownCompounds.length,
      pilot: ownCompounds.filter((compound) => compound.pilot).length,
      unmanaged: ownCompounds.filter((compound) => !compound.propertyManaged).length,
      buildings: ownBuildings.length,
      members: ownMembers.length,
      partyMembers: ownMembers.filter((member) => member.isPartyMember).length,
    },
  };
}
