// The members list: each member with the names of where they live, the list's filters, and what
// its search finds (name, pinyin, initials, last digits of the mobile, building, compound).
import type { Building, Community, Compound, Member } from '@domain/collections';
import { compareText } from '../../lib/collate';
import type { SearchSource } from '../../lib/search';

export type MemberRow = Member & { communityName: string; compoundName: string; buildingName: string };

export function memberRows(
  members: readonly Member[],
  communities: ReadonlyMap<string, Community>,
  compounds: ReadonlyMap<string, Compound>,
  buildings: ReadonlyMap<string, Building>,
): MemberRow[] {
  const nameOf = (docs: ReadonlyMap<string, { name: string }>, id: string | undefined) => (id === undefined ? '' : (docs.get(id)?.name ?? ''));
  return members
    .map((member) => ({
      ...member,
      communityName: nameOf(communities, member.communityId),
      compoundName: nameOf(compounds, member.compoundId),
      buildingName: nameOf(buildings, member.buildingId),
    }))
    .sort((a, b) => compareText(a.name, b.name)); // members already in name order cost one comparison each
}

export const memberSearchSource = (row: MemberRow): SearchSource => ({
  personNames: [row.name],
  texts: [row.buildingName, row.compoundName],
  endings: [row.mobile],
});

export interface MemberFilters {
  communityId?: string | undefined;
  compoundId?: string | undefined;
  isPartyMember?: boolean | undefined;
  category?: Member['category'];
  /** Has reported to the community (报到). */
  reported?: boolean | undefined;
  /** Is placed in a grid. */
  inGrid?: boolean | undefined;
}

export function filterMembers<T extends Member>(rows: readonly T[], filters: MemberFilters): T[] {
  return rows.filter(
    (row) =>
      (filters.communityId === undefined || row.communityId === filters.communityId) &&
      (filters.compoundId === undefined || row.compoundId === filters.compoundId) &&
      (filters.isPartyMember === undefined || row.isPartyMember === filters.isPartyMember) &&
      (filters.category === undefined || row.category === filters.category) &&
      (filters.reported === undefined || (row.report !== undefined) === filters.reported) &&
      (filters.inGrid === undefined || (row.gridId !== undefined) === filters.inGrid),
  );
}

/** 幸福花园 3号楼 2单元 301: where the member lives, as staff write it. */
export function homeAddress(row: MemberRow, unitText: (unitNo: string) => string): string {
  return [row.compoundName, row.buildingName, row.unitNo === undefined ? '' : unitText(row.unitNo), row.room ?? ''].filter((part) => part !== '').join(' ');
}
