// From the community form to a document and back.
import type { Community } from '@domain/collections';
import { withoutBlanks } from '../../lib/form';

export interface CommunityFormValues {
  name: string;
  address?: string;
  phone?: string;
}

export const PHONE_PATTERN = /^[\d\s-]{0,30}$/;

export function communityFormValues(community: Community | undefined): Partial<CommunityFormValues> {
  if (!community) return {};
  return { name: community.name, address: community.address, phone: community.phone };
}

/** The document to save: the form's fields replace the stored ones; blank ones are dropped. */
export function communityFromForm(values: CommunityFormValues, base: Pick<Community, 'id' | 'streetId'>): Community {
  const { name, address, phone } = withoutBlanks(values);
  return { id: base.id, streetId: base.streetId, name: name ?? '', ...(address && { address }), ...(phone && { phone }) };
}
