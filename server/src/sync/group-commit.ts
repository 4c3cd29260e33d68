// Group commit of concurrent pushes (issue 7). Every write takes the writers' lock (the counter
// row) until its commit, so pushes reach PostgreSQL one after another whatever the pool size. The
// writer sends a push's write at once when no statement of its own is in flight; pushes arriving
// meanwhile wait and go together as the next statement when it returns, each still decided on its
// own (changelog.ts writeBatch). No timers: a lone push waits for nothing.
import type { Queryable } from '../db/adapter';
import type { ServerContext } from '../context';
import { DUPLICATE_DOC, writeBatch, type ChangeOrder, type PushWrite } from './changelog';
import { targetKey } from './references';

/** Rows in one statement at most, so that a statement (and its JSON parameter) stays bounded. */
export const MAX_BATCH_ROWS = 5000;

/** A batch that failed on one of these may have failed for one push: each is then sent alone. */
const RETRY_ALONE = new Set([DUPLICATE_DOC, '40P01', '40001']);

interface Pending {
  push: PushWrite;
  writes: string[];
  keeps: string[];
  resolve(written: boolean): void;
  reject(error: unknown): void;
}

export class GroupWriter {
  private queue: Pending[] = [];
  private sending = false;

  constructor(
    private readonly db: Queryable,
    private readonly order: ChangeOrder,
  ) {}

  /** As ChangeLog.write: resolves to whether this push was written (nothing of it is, otherwise). */
  write(push: PushWrite): Promise<boolean> {
    if (push.writes.length === 0) return Promise.resolve(true);
    return new Promise((resolve, reject) => {
      this.queue.push({
        push,
        writes: push.writes.map((w) => targetKey(push.collection, w.after.id)),
        keeps: push.unchanged.map((u) => targetKey(u.collection, u.id)),
        resolve,
        reject,
      });
      if (!this.sending) void this.sendAll();
    });
  }

  private async sendAll(): Promise<void> {
    this.sending = true;
    try {
      while (this.queue.length > 0) await this.send(this.takeBatch());
    } finally {
      this.sending = false;
    }
  }

  /**
   * The queued pushes, oldest first, that fit and do not overlap: one statement checks every
   * push against the state before it, so a push writing what an earlier one writes or keeps (or
   * keeping what it writes) waits for the next statement, as does any later push touching it.
   */
  private takeBatch(): Pending[] {
    const taken: Pending[] = [];
    const left: Pending[] = [];
    const written = new Set<string>();
    const kept = new Set<string>();
    let rows = 0;
    for (const item of this.queue) {
      const clash = item.writes.some((key) => written.has(key) || kept.has(key)) || item.keeps.some((key) => written.has(key));
      const fits = taken.length === 0 || rows + item.writes.length <= MAX_BATCH_ROWS;
      if (!clash && fits) {
        taken.push(item);
        rows += item.writes.length;
      } else {
        left.push(item);
      }
      for (const key of item.writes) written.add(key);
      for (const key of item.keeps) kept.add(key);
    }
    this.queue = left;
    return taken;
  }

  /** Settles every push of the batch; never throws. */
  private async send(batch: Pending[]): Promise<void> {
    try {
      const written = await writeBatch(this.db, this.order, batch.map((item) => item.push));
      batch.forEach((item, i) => item.resolve(written[i] === true));
    } catch (error) {
      if (batch.length === 1 || !RETRY_ALONE.has(codeOf(error))) {
        for (const item of batch) item.reject(error);
        return;
      }
      // A new document created meanwhile or a deadlock: only some pushes may be concerned, and
      // each gets its own outcome or error (push.ts decides again on those errors).
      await Promise.all(
        batch.map(async (item) => {
          try {
            const [written] = await writeBatch(this.db, this.order, [item.push]);
            item.resolve(written === true);
          } catch (aloneError) {
            item.reject(aloneError);
          }
        }),
      );
    }
  }
}

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

const writers = new WeakMap<ServerContext, GroupWriter>();

/** The context's writer for pushes outside transactions (one per running server). */
export function groupWriterOf(ctx: ServerContext): GroupWriter {
  let writer = writers.get(ctx);
  if (writer === undefined) {
    writer = new GroupWriter(ctx.db.apart(), ctx.changeOrder);
    writers.set(ctx, writer);
  }
  return writer;
}
