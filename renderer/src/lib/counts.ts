// How many documents point at each parent, e.g. buildings per compound: computed, never stored.

/** Count of `docs` per value of `key` (documents without it are not counted). */
export function countBy<T>(docs: readonly T[], keyOf: (doc: T) => string | undefined): ReadonlyMap<string, number> {
  const counts = new Map<string, number>();
  for (const doc of docs) {
    const key = keyOf(doc);
    if (key !== undefined) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export function countOf(counts: ReadonlyMap<string, number>, key: string): number {
  return counts.get(key) ?? 0;
}

/** The documents by id, for showing a reference's name in a list. */
export function byId<T extends { id: string }>(docs: readonly T[]): ReadonlyMap<string, T> {
  return new Map(docs.map((doc) => [doc.id, doc]));
}
