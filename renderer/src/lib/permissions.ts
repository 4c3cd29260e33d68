// What the signed-in person may change, from the same scope rules the server enforces, so pages
// offer only what will be accepted.
import type { AnyDoc, CollectionName, Community } from '@domain/collections';
import type { SessionUser } from '@domain/contract';
import { canWriteCollection, missingCase, writeDenial, type Scope } from '@domain/scope';

export function scopeOf(user: SessionUser): Scope {
  // A liaison's compounds are known to the server only: its pages act on the needs the device holds.
  return { role: user.role, streetId: user.streetId, communityIds: user.communityIds, compoundIds: [], unitId: user.unitId };
}

/** Whether the person may create documents of this collection at all. */
export function canCreate(user: SessionUser, collection: CollectionName): boolean {
  if (!canWriteCollection(collection, user.role)) return false;
  return user.role !== 'community_staff' || user.communityIds.length > 0;
}

/** Whether the person may change (or delete) this document. */
export function canEdit(user: SessionUser, collection: CollectionName, doc: Pick<AnyDoc, 'streetId' | 'communityId'>): boolean {
  return writeDenial(collection, scopeOf(user), { id: '', _deleted: false, ...doc }) === null;
}

/** The communities the person may put community documents in: their own for staff, all for admins. */
export function writableCommunities(user: SessionUser, communities: readonly Community[]): Community[] {
  switch (user.role) {
    case 'street_admin':
      return [...communities];
    case 'community_staff':
      return communities.filter((community) => user.communityIds.includes(community.id));
    case 'department_liaison':
      return [];
    default:
      return missingCase(user.role);
  }
}

/** The communities the person works with: their own for staff, all for the others. */
export function visibleCommunities(user: SessionUser, communities: readonly Community[]): Community[] {
  return user.role === 'community_staff'
    ? communities.filter((community) => user.communityIds.includes(community.id))
    : [...communities];
}
