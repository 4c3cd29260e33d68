// What points at a unit and so keeps it from being deleted, and what deleting it would undo.
import type { Unit } from '@domain/collections';
import { countOf } from '../../lib/counts';
import { deleteBlockers } from '../../lib/dependants';

/** Documents that refer to a unit: a dangling reference would make the server refuse their next edit. */
export type UnitDependantKind = 'propertyCompounds' | 'venues' | 'members' | 'orgs' | 'needs';
export type UnitDependants = Record<UnitDependantKind, ReadonlyMap<string, number>>;

/** What keeps this unit from being deleted, with counts; empty when nothing does. */
export function unitBlockers(dependants: UnitDependants, unit: Pick<Unit, 'id'>): Array<[UnitDependantKind, number]> {
  return deleteBlockers({
    propertyCompounds: countOf(dependants.propertyCompounds, unit.id),
    venues: countOf(dependants.venues, unit.id),
    members: countOf(dependants.members, unit.id),
    orgs: countOf(dependants.orgs, unit.id),
    needs: countOf(dependants.needs, unit.id),
  });
}

/**
 * The pairings a delete would end. They live in the unit itself, so nothing dangles, but the
 * department's liaisons stop seeing those compounds: the person is asked, clearly, first.
 */
export function pairingsEndedByDelete(unit: Pick<Unit, 'kind' | 'pairedCompoundIds'>): number {
  return unit.kind === 'department' ? (unit.pairedCompoundIds ?? []).length : 0;
}

/** The departments paired with each compound: a compound paired twice is worth a warning. */
export function departmentsByCompound(units: readonly Unit[]): ReadonlyMap<string, Unit[]> {
  const paired = new Map<string, Unit[]>();
  for (const unit of units) {
    if (unit.kind !== 'department') continue;
    for (const compoundId of unit.pairedCompoundIds ?? []) paired.set(compoundId, [...(paired.get(compoundId) ?? []), unit]);
  }
  return paired;
}
