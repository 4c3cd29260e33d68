// A list filtered by what the person types. The index is built only once there is something to
// search for, and again only when the list itself changes (a live query emits a new array);
// typing is deferred so that long lists stay responsive.
import { useDeferredValue, useMemo } from 'react';
import { buildSearchIndex, searchIndex, type SearchSource } from './search';

/** `sourceOf` must be stable (defined outside the component), or the index is rebuilt every render. */
export function useSearch<T>(items: readonly T[], sourceOf: (item: T) => SearchSource, query: string): readonly T[] {
  const deferredQuery = useDeferredValue(query);
  const searching = deferredQuery.trim() !== '';
  const index = useMemo(() => (searching ? buildSearchIndex(items, sourceOf) : null), [items, sourceOf, searching]);
  return useMemo(() => (index ? searchIndex(index, deferredQuery) : items), [index, items, deferredQuery]);
}
