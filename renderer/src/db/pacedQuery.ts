// A live query that re-runs at a pace its own cost sets. RxDB's own live query (`query.$`) re-runs
// at every write to the collection, and after more than 100 changed documents at once (every page
// a sync pulls) it reads the whole result again from the storage, decrypting its personal fields:
// with 50,000 needs watched, a sync of pages turned into one whole read per page. Here, changes that
// arrive while a run is in flight, or soon after it, wait and are read together by the next run:
// - never more than one run in flight;
// - the next run starts no sooner than `PACE` times the last run's duration after it ended, so a
//   costly query takes at most about a third of the main thread during a stream of changes, and a
//   cheap one (or the first change after a quiet moment, e.g. the person's own edit) runs at once.
// When the stream ends, the last run starts after the last change: nothing stays stale.

/** Waiting between runs, as a multiple of the last run's duration. */
export const PACE = 2;

export interface Changes {
  subscribe(next: () => void): { unsubscribe(): void };
}

export class PacedQuery<R> {
  private subscription: { unsubscribe(): void } | undefined;
  private running = false;
  /** A change came that the last run started did not see. */
  private dirty = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastEnded = 0;
  private lastDuration = 0;
  /** Runs so far (for tests and the curious). */
  runs = 0;

  constructor(
    private readonly run: () => Promise<R>,
    private readonly changes: Changes,
    private readonly onResult: (result: R) => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  get watching(): boolean {
    return this.subscription !== undefined;
  }

  start(): void {
    if (this.subscription) return;
    this.subscription = this.changes.subscribe(() => this.changed());
    this.dirty = true;
    this.schedule();
  }

  stop(): void {
    this.subscription?.unsubscribe();
    this.subscription = undefined;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.dirty = false;
  }

  private changed(): void {
    this.dirty = true;
    this.schedule();
  }

  private schedule(): void {
    if (!this.subscription || this.running || this.timer !== undefined || !this.dirty) return;
    const wait = Math.max(0, this.lastEnded + PACE * this.lastDuration - this.now());
    // Even with no wait, a timer: changes written in the same task (a batch) are read together.
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.execute();
    }, wait);
  }

  private async execute(): Promise<void> {
    if (!this.subscription) return;
    this.running = true;
    this.dirty = false;
    const started = this.now();
    this.runs++;
    try {
      const result = await this.run();
      if (this.subscription) this.onResult(result);
    } catch (error) {
      // The page keeps its last result; the next change tries again.
      console.error('live query', error);
    } finally {
      this.running = false;
      this.lastEnded = this.now();
      this.lastDuration = this.lastEnded - started;
      this.schedule();
    }
  }
}
