// INTERFACE (agreed between the data layer and the feature pages): the only way pages change
// documents. Each call is one atomic local write with strict durability; sync picks it up.
// The bodies below are placeholders that the data layer replaces; the signatures stay.
import type { CollectionName, DocTypes } from '@domain/collections';

/** Inserts the document, or replaces the whole current state of the document with this id. */
export function saveDoc<C extends CollectionName>(_collection: C, _doc: DocTypes[C]): Promise<void> {
  throw new Error('db/write: not implemented yet');
}

/** Deletes the document (a tombstone that replicates). */
export function removeDoc(_collection: CollectionName, _id: string): Promise<void> {
  throw new Error('db/write: not implemented yet');
}

/** A new random document id (works in insecure contexts too, where `crypto.randomUUID` is missing). */
export function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
