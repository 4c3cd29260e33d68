// The compounds a unit works with, from the documents on this device.
import type { Compound, Unit } from '@domain/collections';

export interface UnitCompounds {
  /** A department's paired compounds that this device holds. */
  paired: Compound[];
  /** Paired compounds it does not hold: another community's (for staff), or deleted since. */
  hiddenPaired: number;
  /** Compounds whose property company is this unit. */
  served: Compound[];
}

export function unitCompounds(unit: Pick<Unit, 'id' | 'kind' | 'pairedCompoundIds'>, compounds: readonly Compound[]): UnitCompounds {
  const byId = new Map(compounds.map((compound) => [compound.id, compound]));
  const pairedIds = unit.kind === 'department' ? (unit.pairedCompoundIds ?? []) : [];
  const paired = pairedIds.flatMap((id) => byId.get(id) ?? []);
  return {
    paired,
    hiddenPaired: pairedIds.length - paired.length,
    served: compounds.filter((compound) => compound.propertyUnitId === unit.id),
  };
}
