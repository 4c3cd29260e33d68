// The compounds a department can be paired with, grouped by community as staff think of them.
import type { Community, Compound, Unit } from '@domain/collections';
import { compareText, sortByName } from '../../lib/collate';
import { buildSearchIndex, searchIndex } from '../../lib/search';

export interface CompoundChoice {
  value: string;
  name: string;
  /** Other departments already paired with this compound. */
  alsoPairedWith: string[];
}

export interface CommunityGroup {
  communityId: string;
  communityName: string;
  compounds: CompoundChoice[];
}

/** Communities in pinyin order, each with its compounds in pinyin order; `unitId` is the department being edited. */
export function compoundGroups(
  compounds: readonly Compound[],
  communities: readonly Community[],
  pairedDepartments: ReadonlyMap<string, readonly Unit[]>,
  unitId: string | undefined,
): CommunityGroup[] {
  const names = new Map(communities.map((community) => [community.id, community.name]));
  const groups = new Map<string, CommunityGroup>();
  for (const compound of sortByName(compounds)) {
    const group = groups.get(compound.communityId) ?? {
      communityId: compound.communityId,
      communityName: names.get(compound.communityId) ?? '',
      compounds: [],
    };
    const others = (pairedDepartments.get(compound.id) ?? []).filter((unit) => unit.id !== unitId).map((unit) => unit.name);
    group.compounds.push({ value: compound.id, name: compound.name, alsoPairedWith: others });
    groups.set(compound.communityId, group);
  }
  return [...groups.values()].sort((a, b) => compareText(a.communityName, b.communityName));
}

/** Whether a compound option matches what is typed: its name or community, by characters or pinyin. */
export function choiceMatches(input: string, compoundName: string, communityName: string): boolean {
  const index = buildSearchIndex([compoundName], (name) => ({ names: [name, communityName] }));
  return searchIndex(index, input).length > 0;
}
