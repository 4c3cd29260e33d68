// A list filtered by what the person types. The index is prepared in idle time once the list shows
// (pinyin of thousands of names would otherwise make the first keystroke wait), built at once if
// the person types first, and again only when the list itself changes (a live query emits a new
// array); typing is deferred so that long lists stay responsive.
import { useDeferredValue, useEffect, useMemo } from 'react';
import { buildSearchIndex, prepareSearchIndex, searchIndex, type SearchSource } from './search';

/** `sourceOf` must be stable (defined outside the component), or the index is rebuilt every render. */
export function useSearch<T>(items: readonly T[], sourceOf: (item: T) => SearchSource, query: string): readonly T[] {
  const deferredQuery = useDeferredValue(query);
  const searching = deferredQuery.trim() !== '';
  useEffect(() => {
    if (items.length === 0) return undefined;
    const controller = new AbortController();
    void prepareSearchIndex(items, sourceOf, controller.signal);
    return () => controller.abort();
  }, [items, sourceOf]);
  const index = useMemo(() => (searching ? buildSearchIndex(items, sourceOf) : null), [items, sourceOf, searching]);
  return useMemo(() => (index ? searchIndex(index, deferredQuery) : items), [index, items, deferredQuery]);
}
