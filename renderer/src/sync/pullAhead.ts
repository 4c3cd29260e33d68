// Keeps a collection's pull at most a page ahead of what the replication has stored.
//
// RxDB's downstream asks for the next page as soon as one arrives, without waiting for the last to
// be written, and writes every page not yet written in one go: on a fast link the pages of a first
// sync pile up in memory and the writes, which handle each document on the UI thread, grow with the
// pile (the longest tasks of a full-tier first sync, 300 ms, handled several pages at once). Here
// a page is fetched only once every page before the last one returned is stored; the fetch still
// overlaps the write of that last page, so the link and the storage keep working side by side.
import type { Checkpoint } from '@domain/contract';

export interface PullAheadOptions {
  /** The downstream's stored checkpoint: RxDB stores the newest page's after each write of pulled documents. */
  stored: () => Checkpoint | undefined;
  /** Whether the replication has stopped: nothing more will be stored. */
  stopped: () => boolean;
  /** A page not stored after this long no longer holds the pull back (a failed write stores no checkpoint). */
  maxWaitMs?: number;
  pollMs?: number;
}

/** Whether `stored` records the page `page` ended at: RxDB stacks a checkpoint on the one before (`{ ...before, ...page }`). */
function storesPage(stored: Checkpoint, page: Checkpoint): boolean {
  return Object.entries(page).every(([key, value]) => JSON.stringify(stored[key]) === JSON.stringify(value));
}

/** Pages returned and not yet stored when the next is fetched: the one whose write the fetch overlaps. */
const PAGES_AHEAD = 1;

export class PullAhead {
  /** Checkpoints of the pages returned in this run of pulls, oldest first, not yet seen stored. */
  private unstored: Checkpoint[] = [];
  private readonly maxWaitMs: number;
  private readonly pollMs: number;

  constructor(private readonly options: PullAheadOptions) {
    this.maxWaitMs = options.maxWaitMs ?? 10_000;
    this.pollMs = options.pollMs ?? 10;
  }

  /** Before a page is fetched from `from`: waits while too many pages are returned and not stored. */
  async before(from: Checkpoint | undefined): Promise<void> {
    const last = this.unstored.at(-1);
    // A pull that does not go on from the last page returned begins a new run (a restart, a resync).
    if (from === undefined || last === undefined || !storesPage(from, last)) {
      this.unstored = [];
      return;
    }
    const deadline = performance.now() + this.maxWaitMs;
    while (this.waiting() && !this.options.stopped() && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, this.pollMs));
    }
  }

  /** A page was handed to the replication. */
  returned(checkpoint: Checkpoint): void {
    this.unstored.push(checkpoint);
  }

  private waiting(): boolean {
    const stored = this.options.stored();
    if (stored !== undefined) {
      const at = this.unstored.findIndex((page) => storesPage(stored, page));
      if (at >= 0) this.unstored.splice(0, at + 1);
    }
    return this.unstored.length > PAGES_AHEAD;
  }
}
