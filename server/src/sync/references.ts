// Step 4 of a push: every reference of a document to be written points at a live document of the
// same street and community (or one written earlier in the same push), and `sameAs` fields agree.
import { collectionInfo, type AnyDoc, type CollectionName } from '@domain/collections';
import type { ErrorDetail } from '@domain/errors';
import { ApiError } from '../http/errors';
import { errorMessages, fieldErrors } from '../messages';

export interface RowToWrite {
  row: number;
  doc: AnyDoc;
}

interface Check {
  row: number;
  doc: AnyDoc;
  field: string;
  collection: CollectionName;
  id: string;
  sameAs: Readonly<Record<string, string>>;
}

/** A document a reference points at, to be read (and share-locked) with the push's stored rows. */
export interface ReferenceTarget {
  collection: CollectionName;
  id: string;
}

/** What `checkReferences` may look at for these documents (deleted ones refer to nothing that is checked). */
export function referenceTargets(collection: CollectionName, docs: readonly AnyDoc[]): ReferenceTarget[] {
  const checks = docs.filter((doc) => !doc._deleted).flatMap((doc) => checksOf(collection, 0, doc));
  return [...new Map(checks.map((c) => [targetKey(c.collection, c.id), { collection: c.collection, id: c.id }])).values()];
}

export function targetKey(collection: string, id: string): string {
  return `${collection}\u0000${id}`;
}

/** `stored`: the targets as read (by `targetKey`), at least those of `referenceTargets` for the rows' documents. */
export function checkReferences(collection: CollectionName, rows: readonly RowToWrite[], stored: ReadonlyMap<string, AnyDoc>): void {
  const checks = rows.filter(({ doc }) => !doc._deleted).flatMap(({ row, doc }) => checksOf(collection, row, doc));
  if (checks.length === 0) return;
  const invalid: ErrorDetail[] = [];
  const elsewhere: ErrorDetail[] = [];
  for (const check of checks) {
    const { row, doc, field } = check;
    const target = earlierInPush(collection, rows, check) ?? stored.get(targetKey(check.collection, check.id));
    const detail = (message: string): ErrorDetail => ({ row, id: doc.id, field, message });
    if (!target || target._deleted || target.streetId !== doc.streetId) invalid.push(detail(fieldErrors.refMissing(field, check.collection)));
    else if (target.communityId !== undefined && check.collection !== 'communities' && target.communityId !== doc.communityId) {
      elsewhere.push(detail(fieldErrors.refOtherCommunity(field, check.collection)));
    } else {
      const mismatch = Object.entries(check.sameAs).find(([own, theirs]) => doc[own] !== target[theirs]);
      if (mismatch) invalid.push(detail(fieldErrors.refMismatch(field, mismatch[0])));
    }
  }
  if (elsewhere.length > 0) throw new ApiError('out_of_scope', errorMessages.outOfScope, elsewhere);
  if (invalid.length > 0) throw new ApiError('invalid_document', errorMessages.invalidDocument, invalid);
}

function checksOf(collection: CollectionName, row: number, doc: AnyDoc): Check[] {
  const checks: Check[] = [];
  // Every community-scoped document names a live community of its street.
  if (typeof doc.communityId === 'string' && collection !== 'communities') {
    checks.push({ row, doc, field: 'communityId', collection: 'communities', id: doc.communityId, sameAs: {} });
  }
  for (const ref of collectionInfo[collection].references) {
    const value = doc[ref.field];
    const ids = Array.isArray(value) ? (value as unknown[]) : [value];
    // An empty string is how a form says "none": only a named document is checked.
    for (const id of ids) {
      if (typeof id === 'string' && id !== '') checks.push({ row, doc, field: ref.field, collection: ref.collection, id, sameAs: ref.sameAs ?? {} });
    }
  }
  return checks;
}

function earlierInPush(collection: CollectionName, rows: readonly RowToWrite[], check: Check): AnyDoc | undefined {
  if (check.collection !== collection) return undefined;
  return rows.findLast(({ row, doc }) => row < check.row && doc.id === check.id)?.doc;
}
