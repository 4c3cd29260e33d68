// From the compound form to a document and back. Fields the form does not show (venues, the
// property company's unit record) are kept as they were.
import type { Compound } from '@domain/collections';
import { withoutBlanks } from '../../lib/form';

export interface CompoundFormValues {
  name: string;
  communityId: string;
  address?: string;
  propertyManaged: boolean;
  propertyCompany?: string;
  ownersCommittee?: boolean;
  residentCount: number;
  pilot: boolean;
  note?: string;
}

export function compoundFormValues(compound: Compound | undefined, communityId: string | undefined): Partial<CompoundFormValues> {
  if (!compound) return { communityId, propertyManaged: false, ownersCommittee: false, residentCount: 0, pilot: false };
  const { name, address, propertyManaged, propertyCompany, ownersCommittee, residentCount, pilot, note } = compound;
  return { name, communityId: compound.communityId, address, propertyManaged, propertyCompany, ownersCommittee, residentCount, pilot, note };
}

type NewCompound = Pick<Compound, 'id' | 'streetId'>;

/** The document to save: the form's fields replace the stored ones; blank optional ones are dropped. */
export function compoundFromForm(values: CompoundFormValues, base: Compound | NewCompound): Compound {
  const { name, address, propertyCompany, note } = withoutBlanks(values);
  const stored: Partial<Compound> = base;
  const managed = values.propertyManaged;
  return {
    id: base.id,
    streetId: base.streetId,
    communityId: values.communityId,
    name: name ?? '',
    propertyManaged: managed,
    residentCount: values.residentCount,
    pilot: values.pilot,
    ...(address !== undefined && { address }),
    // A compound without property management has no company (rules.ts refuses one).
    ...(managed && propertyCompany !== undefined && { propertyCompany }),
    ...(managed && stored.propertyUnitId !== undefined && { propertyUnitId: stored.propertyUnitId }),
    ...(values.ownersCommittee !== undefined && { ownersCommittee: values.ownersCommittee }),
    ...(stored.venues !== undefined && { venues: stored.venues }),
    ...(note !== undefined && { note }),
  };
}
