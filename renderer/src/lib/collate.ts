// Chinese lists are read in pinyin order (as a printed roster is), with numbers in numeric order
// so 2号楼 comes before 10号楼.
const collator = new Intl.Collator('zh-Hans-CN-u-co-pinyin', { numeric: true, sensitivity: 'base' });

export function compareText(a: string | undefined, b: string | undefined): number {
  return collator.compare(a ?? '', b ?? '');
}

/** A copy of the documents sorted by name. */
export function sortByName<T extends { name: string }>(docs: readonly T[]): T[] {
  return [...docs].sort((a, b) => compareText(a.name, b.name));
}
