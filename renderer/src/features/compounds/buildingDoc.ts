// From the building form to a document and back. The red building leader and the claim history
// are kept as they were: they are changed by claiming, not by this form.
import type { Building, Compound } from '@domain/collections';
import { withoutBlanks } from '../../lib/form';

export interface BuildingFormValues {
  name: string;
  units?: number | null;
  households?: number | null;
  floors?: number | null;
}

export function buildingFormValues(building: Building | undefined): Partial<BuildingFormValues> {
  if (!building) return {};
  return { name: building.name, units: building.units, households: building.households, floors: building.floors };
}

/** A building of `compound`; `base` is the stored building when editing. */
export function buildingFromForm(values: BuildingFormValues, compound: Compound, base: Building | { id: string }): Building {
  const { name, units, households, floors } = withoutBlanks(values);
  const stored: Partial<Building> = base;
  return {
    id: base.id,
    streetId: compound.streetId,
    communityId: compound.communityId,
    compoundId: compound.id,
    name: name ?? '',
    ...(units != null && { units }),
    ...(households != null && { households }),
    ...(floors != null && { floors }),
    ...(stored.leaderMemberId !== undefined && { leaderMemberId: stored.leaderMemberId }),
    ...(stored.leaderClaims !== undefined && { leaderClaims: stored.leaderClaims }),
  };
}
