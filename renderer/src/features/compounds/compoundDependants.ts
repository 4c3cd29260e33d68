// What points at a compound and so keeps it from being deleted.
import type { Compound } from '@domain/collections';
import { countOf } from '../../lib/counts';
import { deleteBlockers } from '../../lib/dependants';

export type CompoundDependantKind = 'buildings' | 'members' | 'needs' | 'activities';
export type CompoundDependants = Record<CompoundDependantKind, ReadonlyMap<string, number>>;

/** What keeps this compound from being deleted, with counts; empty when nothing does. */
export function compoundBlockers(dependants: CompoundDependants, compound: Pick<Compound, 'id'>): Array<[CompoundDependantKind, number]> {
  return deleteBlockers({
    buildings: countOf(dependants.buildings, compound.id),
    members: countOf(dependants.members, compound.id),
    needs: countOf(dependants.needs, compound.id),
    activities: countOf(dependants.activities, compound.id),
  });
}
