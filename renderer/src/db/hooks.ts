// INTERFACE (agreed between the data layer and the feature pages): pages read documents only
// through these hooks, which are live: they re-render when the local database changes, whether by
// the person's own edit or by a pull. Tombstones (`_deleted`) are never returned.
// The bodies below are placeholders that the data layer replaces; the signatures stay.
import type { CollectionName, DocTypes } from '@domain/collections';

/** A Mango selector over the collection's fields, e.g. `{ compoundId: 'abc' }`. */
export type Selector = Record<string, unknown>;

export interface DocsQuery {
  selector?: Selector;
  /** e.g. `[{ name: 'asc' }]`; by default documents come sorted by `id`. */
  sort?: Array<Record<string, 'asc' | 'desc'>>;
}

export interface LiveDocs<T> {
  docs: T[];
  loading: boolean;
}

export function useDocs<C extends CollectionName>(_collection: C, _query?: DocsQuery): LiveDocs<DocTypes[C]> {
  throw new Error('db/hooks: not implemented yet');
}

export function useDoc<C extends CollectionName>(
  _collection: C,
  _id: string | undefined,
): { doc: DocTypes[C] | undefined; loading: boolean } {
  throw new Error('db/hooks: not implemented yet');
}
