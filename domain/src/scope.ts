// Who may read and write what (domain.md "The model"). The server turns `readFilter` into SQL and
// uses `canRead`/`writeDenial` on every row; the client uses them to offer only what will be accepted.
import { collectionInfo, type AnyDoc, type CollectionName } from './collections';
import type { Role } from './contract';

/** What one signed-in user may see, computed by the server from the account (and its unit's pairing). */
export interface Scope {
  role: Role;
  streetId: string;
  /** Communities a community worker serves; empty for the other roles. */
  communityIds: readonly string[];
  /** Compounds paired with a liaison's department; empty for the other roles. */
  compoundIds: readonly string[];
  /** A liaison's department; absent for the other roles. */
  unitId?: string | undefined;
}

/**
 * Which documents of a collection a scope reads, as a predicate over the document's community or
 * compound. `compoundKey` is the field holding the compound: `id` for compounds themselves.
 */
export type ReadFilter =
  | { kind: 'none' }
  | { kind: 'street' }
  | { kind: 'communities'; communityIds: readonly string[]; includeStreetLevel: boolean }
  | { kind: 'compounds'; compoundIds: readonly string[]; compoundKey: 'id' | 'compoundId' }
  /** Score sheets (assessments) the unit gave or received. */
  | { kind: 'parties'; unitId: string };

/** Collections a department liaison reads beside its compounds and their needs: names and settings. */
const liaisonStreetCollections: ReadonlySet<CollectionName> = new Set(['streets', 'communities']);

export function readFilter(collection: CollectionName, scope: Scope): ReadFilter {
  const { scope: kind } = collectionInfo[collection];
  switch (scope.role) {
    case 'street_admin':
      return { kind: 'street' };
    case 'community_staff':
      if (kind === 'street') return { kind: 'street' };
      return { kind: 'communities', communityIds: scope.communityIds, includeStreetLevel: kind === 'communityOrStreet' };
    case 'department_liaison':
      if (liaisonStreetCollections.has(collection)) return { kind: 'street' };
      if (collection === 'compounds') return { kind: 'compounds', compoundIds: scope.compoundIds, compoundKey: 'id' };
      if (collection === 'needs') return { kind: 'compounds', compoundIds: scope.compoundIds, compoundKey: 'compoundId' };
      // A department assesses the street and its communities, and sees how the street rated it.
      if (collection === 'assessments' && scope.unitId) return { kind: 'parties', unitId: scope.unitId };
      return { kind: 'none' };
    default:
      return missingCase(scope.role);
  }
}

export function matchesFilter(filter: ReadFilter, doc: Pick<AnyDoc, 'id' | 'communityId' | 'compoundId'> & { assessorId?: unknown; assesseeId?: unknown }): boolean {
  switch (filter.kind) {
    case 'none':
      return false;
    case 'street':
      return true;
    case 'communities':
      return doc.communityId === undefined ? filter.includeStreetLevel : filter.communityIds.includes(doc.communityId);
    case 'compounds': {
      const compound = filter.compoundKey === 'id' ? doc.id : doc.compoundId;
      return compound !== undefined && filter.compoundIds.includes(compound);
    }
    case 'parties':
      return doc.assessorId === filter.unitId || doc.assesseeId === filter.unitId;
    default:
      return missingCase(filter);
  }
}

/** Whether the scope reads this document. The street is checked here, the rest by the filter. */
export function canRead(collection: CollectionName, scope: Scope, doc: AnyDoc): boolean {
  return doc.streetId === scope.streetId && matchesFilter(readFilter(collection, scope), doc);
}

/** Whether a role may write a collection at all (before looking at any document). */
export function canWriteCollection(collection: CollectionName, role: Role): boolean {
  switch (role) {
    case 'street_admin':
      return true;
    case 'community_staff':
      return collectionInfo[collection].scope !== 'street';
    case 'department_liaison':
      return collection === 'needs' || collection === 'assessments';
    default:
      return missingCase(role);
  }
}

/**
 * Why this scope may not write this state of a document, or null when it may. Checked for both
 * the stored and the new state, so nobody moves a document into or out of a scope not theirs.
 */
export function writeDenial(collection: CollectionName, scope: Scope, doc: AnyDoc): 'forbidden' | 'out_of_scope' | null {
  if (!canWriteCollection(collection, scope.role)) return 'forbidden';
  if (doc.streetId !== scope.streetId) return 'out_of_scope';
  if (scope.role === 'community_staff' && doc.communityId === undefined) return 'forbidden';
  // A department writes only the sheets it gives: on the street and on communities, never its own rating.
  if (scope.role === 'department_liaison' && collection === 'assessments') {
    return doc.assessorId === scope.unitId && doc.direction !== 'streetToDepartment' ? null : 'forbidden';
  }
  return matchesFilter(readFilter(collection, scope), doc) ? null : 'out_of_scope';
}

/** Signal's `missingCaseError`: a switch that forgets a case fails to compile. */
export function missingCase(value: never): never {
  throw new Error(`Unhandled case: ${String(value)}`);
}
