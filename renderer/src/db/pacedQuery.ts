// A live query that re-runs at a pace its own cost sets. RxDB's own live query (`query.$`) re-runs
// at every write to the collection, and after more than 100 changed documents at once (every page
// a sync pulls) it reads the whole result again from the storage, decrypting its personal fields:
// with 50,000 needs watched, a sync of pages turned into one whole read per page. Here, changes that
// arrive while a run is in flight, or soon after it, wait and are read together by the next run:
// - never more than one run in flight;
// - the next run starts no sooner than `PACE` times the last run's duration after it ended, so a
//   costly query takes at most about a third of the main thread during a stream of changes, and a
//   cheap one (or the first change after a quiet moment, e.g. the person's own edit) runs at once.
// - changes a sync pulled wait, while they keep coming, at least `PULLED_GAP_MS` after the last
//   run: what a page does with a result (aggregates, charts, a list's render) costs outside the
//   query, and with the pages open during a first sync those re-renders, page after page, took the
//   main thread from the sync (tests/bench/app.bench.ts, "pages open during it"). The person's own
//   edit is not held by it, and neither is the first pulled change after a quiet moment. While a
//   new device's first sync fills the database the gap is `FIRST_SYNC_GAP_MS`: each re-read of a
//   whole collection also holds IndexedDB from the sync's writes to it: with the pages open the
//   sync took 2.3 times as long as with them held back at a 2 s gap, 1.2–1.5 times at 10 s
//   (docs/benchmarks.md). When it ends, what waited is read at once.
// When the stream ends, the last run starts after the last change: nothing stays stale.
import type { RxCollection } from 'rxdb';
import { filter, map } from 'rxjs';

/** Waiting between runs, as a multiple of the last run's duration. */
export const PACE = 2;

/** Least time between runs for changes pulled by a sync (a person's own edits wait only PACE). */
export const PULLED_GAP_MS = 2000;

/** The gap while a first sync fills the database (see setFirstSyncFilling). */
export const FIRST_SYNC_GAP_MS = 10_000;

/** The live queries watching now: when the first sync ends, what they held back is read. */
const watching = new Set<PacedQuery<unknown>>();
let firstSyncFilling = false;

/** Whether a first sync is filling the database (see setFirstSyncFilling). */
export function firstSyncIsFilling(): boolean {
  return firstSyncFilling;
}

/** The sync engine's word that a first sync is filling the database (true), or no longer (false). */
export function setFirstSyncFilling(filling: boolean): void {
  if (firstSyncFilling === filling) return;
  firstSyncFilling = filling;
  if (!filling) for (const query of watching) query.readHeld();
}

/** Where a change came from: a write on this device, or a sync writing what it pulled. */
export type ChangeKind = 'own' | 'pulled';

export interface Changes {
  /** `next()` without a kind is an own change. */
  subscribe(next: (kind: ChangeKind | void) => void): { unsubscribe(): void };
}

/** A collection's changes by kind: RxDB's replication writes with contexts of its own (`replication-…`). */
export function collectionChanges(collection: RxCollection): Changes {
  return collection.eventBulks$.pipe(
    filter((bulk) => !bulk.isLocal),
    map((bulk): ChangeKind => (bulk.context.startsWith('replication') ? 'pulled' : 'own')),
  );
}

export class PacedQuery<R> {
  private subscription: { unsubscribe(): void } | undefined;
  private running = false;
  /** A change came that the last run started did not see. */
  private dirty = false;
  /** One of those unseen changes is the device's own: no pulled gap. */
  private ownUnseen = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** When the pending timer fires, on the `now` clock. */
  private timerDue = 0;
  private lastEnded = Number.NEGATIVE_INFINITY;
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
    this.subscription = this.changes.subscribe((kind) => this.changed(kind ?? 'own'));
    watching.add(this as PacedQuery<unknown>);
    this.changed('own');
  }

  stop(): void {
    watching.delete(this as PacedQuery<unknown>);
    this.subscription?.unsubscribe();
    this.subscription = undefined;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.dirty = false;
    this.ownUnseen = false;
  }

  private changed(kind: ChangeKind): void {
    this.dirty = true;
    if (kind === 'own') this.ownUnseen = true;
    this.schedule();
  }

  /** Changes held by the pulled gap are read now, at the query's own pace (the first sync ended). */
  readHeld(): void {
    if (this.dirty) this.ownUnseen = true;
    this.schedule();
  }

  private schedule(): void {
    if (!this.subscription || this.running || !this.dirty) return;
    const paced = this.lastEnded + PACE * this.lastDuration;
    const gap = firstSyncFilling ? FIRST_SYNC_GAP_MS : PULLED_GAP_MS;
    const due = this.ownUnseen ? paced : Math.max(paced, this.lastEnded + gap);
    const now = this.now();
    // A timer already set to fire no later stays (an own change may bring a pulled one's forward).
    if (this.timer !== undefined) {
      if (this.timerDue <= Math.max(due, now)) return;
      clearTimeout(this.timer);
    }
    this.timerDue = Math.max(due, now);
    // Even with no wait, a timer: changes written in the same task (a batch) are read together.
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.execute();
    }, this.timerDue - now);
  }

  private async execute(): Promise<void> {
    if (!this.subscription) return;
    this.running = true;
    this.dirty = false;
    this.ownUnseen = false;
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
