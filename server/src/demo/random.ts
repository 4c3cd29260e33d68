// A seeded pseudo-random source for the demo data set: the same seed gives the same street on
// every run and every machine (no Math.random, no clock).

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** True with the given probability. */
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** `count` distinct items, in the list's order. */
  sample<T>(items: readonly T[], count: number): T[];
  /** A string of `length` decimal digits. */
  digits(length: number): string;
}

/** mulberry32: tiny, fast and good enough for plausible-looking data. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    const item = items[int(0, items.length - 1)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  };
  const sample = <T>(items: readonly T[], count: number): T[] => {
    const chosen = new Set<number>();
    while (chosen.size < Math.min(count, items.length)) chosen.add(int(0, items.length - 1));
    return items.filter((_, i) => chosen.has(i));
  };
  const digits = (length: number) => Array.from({ length }, () => String(int(0, 9))).join('');
  return { next, int, chance: (p) => next() < p, pick, sample, digits };
}

/** Zero-padded sequence numbers for readable ids: pad(3, 2) is "03". */
export const pad = (value: number, width: number): string => String(value).padStart(width, '0');
