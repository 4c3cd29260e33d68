// The compound list's filters and what its search finds.
import type { Compound } from '@domain/collections';
import type { SearchSource } from '../../lib/search';

export interface CompoundFilters {
  communityId?: string | undefined;
  pilot?: boolean | undefined;
  propertyManaged?: boolean | undefined;
}

export function filterCompounds(compounds: readonly Compound[], filters: CompoundFilters): Compound[] {
  return compounds.filter(
    (compound) =>
      (filters.communityId === undefined || compound.communityId === filters.communityId) &&
      (filters.pilot === undefined || compound.pilot === filters.pilot) &&
      (filters.propertyManaged === undefined || compound.propertyManaged === filters.propertyManaged),
  );
}

/** Found by name (characters, pinyin, initials), address and property company. */
export const compoundSearchSource = (compound: Compound): SearchSource => ({
  names: [compound.name],
  texts: [compound.address, compound.propertyCompany],
});
