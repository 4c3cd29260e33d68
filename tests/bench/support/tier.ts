// Which tier runs: the full city (`npm run bench`, about 100,000 documents), the quick one for CI
// and quick checks (`BENCH_QUICK=1`, or `BENCH_TIER=quick`: the same shape, smaller, under five
// minutes in all), or `BENCH_TIER=mid` for development: a quarter of the full city, large enough
// that what grows with the data shows, in a fraction of the full tier's time.
export type TierName = 'quick' | 'mid' | 'full';

export interface Tier {
  name: TierName;
  /** Documents per collection of the generated data set. */
  compounds: number;
  buildings: number;
  grids: number;
  members: number;
  needs: number;
  /** Repetitions of every side-by-side comparison (the median is reported). */
  repetitions: number;
  /** Concurrent simulated devices against the server. */
  devices: number;
  /** Offline edits pushed at once in `push-5000` (fewer in the quick tier, whose data set is smaller). */
  pushed: number;
  /**
   * The longest a benchmark's test or set-up may take before it is called hung. The full tier's
   * PouchDB comparisons alone take hours on the 2-core machine (PouchDB syncs 99,000 documents in
   * minutes, six times per comparison, plus ours), far past the quick tier's half hour.
   */
  timeoutMs: number;
}

const quick = process.env.BENCH_QUICK === '1' || process.env.BENCH_TIER === 'quick';
const mid = !quick && process.env.BENCH_TIER === 'mid';

export const tier: Tier = quick
  ? { name: 'quick', compounds: 10, buildings: 150, grids: 13, members: 1000, needs: 1500, repetitions: 3, devices: 200, pushed: 2000, timeoutMs: 30 * 60_000 }
  : mid
    ? { name: 'mid', compounds: 50, buildings: 1250, grids: 33, members: 5000, needs: 12500, repetitions: 3, devices: 200, pushed: 5000, timeoutMs: 2 * 60 * 60_000 }
    : { name: 'full', compounds: 200, buildings: 5000, grids: 130, members: 20000, needs: 50000, repetitions: 3, devices: 200, pushed: 5000, timeoutMs: 8 * 60 * 60_000 };
