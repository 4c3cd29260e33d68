// The unit list's filters and what its search finds.
import type { Compound, Unit } from '@domain/collections';
import type { SearchSource } from '../../lib/search';
import type { UnitKind } from './unitDoc';

export interface UnitFilters {
  kind?: UnitKind | undefined;
  communityId?: string | undefined;
}

/**
 * A unit is in a community when it sits there (its `communityId`) or, for a department, when it is
 * paired with a compound there: the community filter answers "who works with this community".
 */
export function filterUnits(units: readonly Unit[], filters: UnitFilters, compoundById: ReadonlyMap<string, Pick<Compound, 'communityId'>>): Unit[] {
  const { kind, communityId } = filters;
  return units.filter(
    (unit) =>
      (kind === undefined || unit.kind === kind) &&
      (communityId === undefined ||
        unit.communityId === communityId ||
        (unit.pairedCompoundIds ?? []).some((id) => compoundById.get(id)?.communityId === communityId)),
  );
}

/** Found by name (characters, pinyin, initials), contact person, address and the phone's last digits. */
export const unitSearchSource = (unit: Unit): SearchSource => ({
  names: [unit.name],
  personNames: [unit.contactName],
  texts: [unit.address],
  endings: [unit.contactPhone],
});
