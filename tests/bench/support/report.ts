// What a benchmark prints: one line per ratio in the form, lower is better,
//   ratio <name> <measured> target <target>
// with the absolute figures behind it, and a summary of every ratio and figure at the end of the run.
export interface Figure {
  label: string;
  value: number;
  unit: string;
  /** The target, when the figure has one (lower is better). */
  target?: number;
}

const ratios: { name: string; measured: number; target: number }[] = [];

/** Prints `ratio <name> <measured> target <target>` (two decimals) and remembers it. */
export function ratio(name: string, measured: number, target: number): void {
  ratios.push({ name, measured, target });
  console.log(`ratio ${name} ${measured.toFixed(2)} target ${target}`);
}

/** Prints an absolute figure, with its target when it has one. */
export function figure({ label, value, unit, target }: Figure): void {
  const goal = target === undefined ? '' : `  (target ≤ ${target} ${unit}${value <= target ? ', met' : ', NOT met'})`;
  console.log(`  ${label}: ${Number.isInteger(value) ? value : value.toFixed(2)} ${unit}${goal}`);
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * Runs each measurement `repetitions` times, alternating which goes first, and returns the median
 * of each (milliseconds, or whatever the measurements return).
 */
export async function sideBySide<K extends string>(repetitions: number, measurements: Record<K, () => Promise<number>>): Promise<Record<K, number>> {
  const keys = Object.keys(measurements) as K[];
  const samples = Object.fromEntries(keys.map((key) => [key, [] as number[]])) as Record<K, number[]>;
  for (let round = 0; round < repetitions; round++) {
    const order = round % 2 === 0 ? keys : [...keys].reverse();
    for (const key of order) {
      const value = await measurements[key]();
      samples[key].push(value);
      // Each run as it ends: a long (full-tier) run shows its progress, and a partial one what it measured.
      console.log(`  run ${round + 1}/${repetitions} ${key}: ${Math.round(value)}`);
    }
  }
  return Object.fromEntries(keys.map((key) => [key, median(samples[key])])) as Record<K, number>;
}

/** Every ratio printed so far, for the run's summary. */
export function printedRatios(): readonly { name: string; measured: number; target: number }[] {
  return ratios;
}
