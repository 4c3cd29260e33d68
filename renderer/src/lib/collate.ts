// Chinese lists are read in pinyin order (as a printed roster is), with numbers in numeric order
// so 2号楼 comes before 10号楼.
const collator = new Intl.Collator('zh-Hans-CN-u-co-pinyin', { numeric: true, sensitivity: 'base' });

export function compareText(a: string | undefined, b: string | undefined): number {
  return collator.compare(a ?? '', b ?? '');
}

/**
 * A copy of the documents sorted by name, those of names that collate alike in their order. Where
 * names repeat (buildings: 1号楼 in every compound; members: the demo's 20,000 share about 4,000
 * names) each distinct name is collated once and the documents are sorted by their name's rank:
 * 8–12 ms for the demo's 20,000 members against 30–50 ms collating every pair compared (in Node).
 */
export function sortByName<T extends { name: string }>(docs: readonly T[]): T[] {
  const rankOf = new Map<string, number>();
  for (const doc of docs) rankOf.set(doc.name, 0);
  // Mostly distinct names: ranking them first would only add to the sort it takes.
  if (rankOf.size > docs.length / 2) return [...docs].sort((a, b) => compareText(a.name, b.name));
  const names = [...rankOf.keys()].sort(compareText);
  let rank = 0;
  names.forEach((name, i) => {
    if (i > 0 && compareText(names[i - 1], name) !== 0) rank++;
    rankOf.set(name, rank);
  });
  // Then the documents by rank, a number each: a stable sort keeps the given order within one.
  const ranked = docs.map((doc) => ({ doc, rank: rankOf.get(doc.name) ?? 0 }));
  ranked.sort((a, b) => a.rank - b.rank);
  return ranked.map(({ doc }) => doc);
}
