// Retrying with exponential backoff that a person can cut short ("立即同步", or the browser coming
// back online). RxDB's own `retryTime` is a fixed interval and cannot be interrupted.

/** 1 s, 2 s, 4 s … capped at `maxMs`. */
export function backoffDelay(failures: number, baseMs = 1000, maxMs = 30_000): number {
  if (failures <= 0) return 0;
  return Math.min(maxMs, baseMs * 2 ** Math.min(failures - 1, 30));
}

/** A wait that ends early when `wake()` is called; after `close()` every wait ends at once. */
export class WakeableWait {
  private wakers = new Set<() => void>();
  private closed = false;

  wait(ms: number): Promise<void> {
    if (ms <= 0 || this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakers.add(done);
    });
  }

  wake(): void {
    for (const done of [...this.wakers]) done();
  }

  close(): void {
    this.closed = true;
    this.wake();
  }
}
