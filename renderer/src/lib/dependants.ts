// A document others still point at is not deleted: its dependants would keep a reference the
// server refuses on their next edit. Pages say what is in the way, with counts.

/** The kinds of dependants that are present, with their counts, in the given order; empty when none. */
export function deleteBlockers<K extends string>(dependants: Readonly<Record<K, number>>): Array<[K, number]> {
  return (Object.entries(dependants) as Array<[K, number]>).filter(([, count]) => count > 0);
}

/** "3 个小区、120 名队伍成员", from a locale text per kind. */
export function describeBlockers<K extends string>(
  blockers: ReadonlyArray<[K, number]>,
  describe: (kind: K, count: number) => string,
  separator: string,
): string {
  return blockers.map(([kind, count]) => describe(kind, count)).join(separator);
}
