// domain.md's headline figures of the programme, counted from the documents of some communities:
// the same on the first screen, in the reports and wherever else they are shown.
import type { Community, Compound, Grid, Member, Org } from './collections';

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
