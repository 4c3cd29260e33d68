// Compound governance as a major item of each community's annual targets (年度目标绩效考核): what
// the local data says for a year. Pure; counts, not judgements.
import type { Community, Compound, Need, Org, Street } from '@domain/collections';
import { isOpen, isOverdue, recordedAt } from '@domain/needDeadline';

export interface CommunityTargets {
  communityId: string;
  name: string;
  compounds: number;
  pilots: number;
  /** Compound Party branches founded in the year. */
  branchesFounded: number;
  /** Compounds with a live compound branch (一区一支). */
  withBranch: number;
  /** Compounds with at least one venue (阵地). */
  withVenue: number;
  /** Needs recorded in the year, and of those the ones still open and open past their deadline. */
  needs: number;
  openNeeds: number;
  overdueNeeds: number;
}

/** When a branch was founded: its founding date, else the date of its 'founded' history entry. */
function foundedOn(org: Org): string | undefined {
  return org.foundedOn ?? org.history?.find((entry) => entry.kind === 'founded')?.date;
}

export function communityTargets(
  year: number,
  communities: readonly Pick<Community, 'id' | 'name'>[],
  data: { compounds: readonly Compound[]; orgs: readonly Org[]; needs: readonly Need[] },
  categories: Street['needCategories'],
  now: Date,
): CommunityTargets[] {
  const prefix = `${year}-`;
  return communities.map((community) => {
    const compounds = data.compounds.filter((compound) => compound.communityId === community.id);
    const compoundIds = new Set(compounds.map((compound) => compound.id));
    const branches = data.orgs.filter((org) => org.level === 'compoundBranch' && org.compoundId !== undefined && compoundIds.has(org.compoundId));
    const liveBranchCompounds = new Set(branches.filter((org) => !org.dissolvedOn).map((org) => org.compoundId));
    const needs = data.needs.filter((need) => need.communityId === community.id && recordedAt(need)?.startsWith(prefix) === true);
    return {
      communityId: community.id,
      name: community.name,
      compounds: compounds.length,
      pilots: compounds.filter((compound) => compound.pilot).length,
      branchesFounded: branches.filter((org) => foundedOn(org)?.startsWith(prefix) === true).length,
      withBranch: liveBranchCompounds.size,
      withVenue: compounds.filter((compound) => (compound.venues ?? []).length > 0).length,
      needs: needs.length,
      openNeeds: needs.filter(isOpen).length,
      overdueNeeds: needs.filter((need) => isOverdue(need, categories, now)).length,
    };
  });
}
