// The figures on the home page, computed from the documents in the person's scope.
import type { Building, Community, Compound, Grid, Member, Org } from '@domain/collections';
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

/** domain.md's six headline figures, counted from the documents of the communities shown. */
export interface HeadlineFigures {
  grids: number;
  /** In-service Party members who have reported to their community (报到), with the report recorded. */
  reportedMembers: number;
  pilotCompounds: number;
  /** Community branches upgraded to general branches (升格), out of all community branches. */
  upgradedBranches: number;
  communityBranches: number;
  /** Compound branches in pilot compounds that are not dissolved. */
  pilotCompoundBranches: number;
  /** Compounds without property management, out of all compounds. */
  unmanagedCompounds: number;
  compounds: number;
}

export function headlineFigures(
  communities: readonly Community[],
  compounds: readonly Compound[],
  grids: readonly Grid[],
  members: readonly Member[],
  orgs: readonly Org[],
): HeadlineFigures {
  const ids = new Set(communities.map((community) => community.id));
  const inScope = <T extends { communityId?: string | undefined }>(docs: readonly T[]) => docs.filter((doc) => doc.communityId !== undefined && ids.has(doc.communityId));
  const ownCompounds = inScope(compounds);
  const pilotIds = new Set(ownCompounds.filter((compound) => compound.pilot).map((compound) => compound.id));
  const liveOrgs = inScope(orgs).filter((org) => org.dissolvedOn === undefined);
  const communityOrgs = liveOrgs.filter((org) => org.level === 'communityBranch' || org.level === 'communityGeneralBranch');
  return {
    grids: inScope(grids).length,
    reportedMembers: inScope(members).filter((m) => m.isPartyMember && m.category === 'inServiceReported' && m.report !== undefined).length,
    pilotCompounds: pilotIds.size,
    upgradedBranches: communityOrgs.filter((org) => org.level === 'communityGeneralBranch' && (org.history ?? []).some((entry) => entry.kind === 'upgraded')).length,
    communityBranches: communityOrgs.length,
    pilotCompoundBranches: liveOrgs.filter((org) => org.level === 'compoundBranch' && pilotIds.has(org.compoundId ?? '')).length,
    unmanagedCompounds: ownCompounds.filter((compound) => !compound.propertyManaged).length,
    compounds: ownCompounds.length,
  };
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
