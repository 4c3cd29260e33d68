// Colours and option lists the org pages share.
import type { Member, Org } from '@domain/collections';
import type { OrgLevel } from '@domain/orgTree';
import { compareText } from '../../lib/collate';

export const levelColors: Record<OrgLevel, string> = {
  streetCommittee: 'red',
  communityGeneralBranch: 'volcano',
  communityBranch: 'orange',
  compoundBranch: 'gold',
  functionalBranch: 'purple',
  functionalGroup: 'blue',
};

export const historyColors: Record<NonNullable<Org['history']>[number]['kind'], string> = {
  founded: 'green',
  upgraded: 'red',
  moved: 'blue',
  dissolved: 'gray',
  note: 'gray',
};

/** The Party members an org of this community may have (the whole street's for the street committee), by name. */
export function partyMembersOf(members: readonly Member[], communityId: string | undefined): Member[] {
  return members
    .filter((member) => member.isPartyMember && (communityId === undefined || member.communityId === communityId))
    .sort((a, b) => compareText(a.name, b.name));
}
