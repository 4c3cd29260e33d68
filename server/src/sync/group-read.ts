// Group reads of concurrent pushes (issue 7), the group-commit way: a push's stored rows and
// reference targets are read at once when no read of this reader is in flight; pushes arriving
// meanwhile wait and are read together by the next statement when it returns. No timers: a lone
// push waits for nothing. These reads take no locks; the write statement checks each push's rows
// and targets against the seqs read here (changelog.ts), so reading them together changes nothing
// a push is decided on.
import type { AnyDoc, CollectionName } from '@domain/collections';
import { toNumber, type Queryable } from '../db/adapter';
import type { ServerContext } from '../context';
import type { StoredDoc } from './changelog';
import { targetKey } from './references';

/** Documents in one statement at most, so that a statement (and its parameters) stays bounded. */
export const MAX_READ_DOCS = 5000;

export interface DocKey {
  collection: CollectionName;
  id: string;
}

interface Pending {
  keys: readonly DocKey[];
  resolve(found: Map<string, StoredDoc>): void;
  reject(error: unknown): void;
}

export class GroupReader {
  private queue: Pending[] = [];
  private reading = false;

  constructor(private readonly db: Queryable) {}

  /** The stored state and seq of each of these documents that exists, by `targetKey`. */
  read(keys: readonly DocKey[]): Promise<Map<string, StoredDoc>> {
    if (keys.length === 0) return Promise.resolve(new Map<string, StoredDoc>());
    return new Promise((resolve, reject) => {
      this.queue.push({ keys, resolve, reject });
      if (!this.reading) void this.readAll();
    });
  }

  private async readAll(): Promise<void> {
    this.reading = true;
    try {
      while (this.queue.length > 0) await this.send(this.takeBatch());
    } finally {
      this.reading = false;
    }
  }

  /** The queued reads, oldest first, up to MAX_READ_DOCS documents (at least one read). */
  private takeBatch(): Pending[] {
    let docs = 0;
    let taken = 0;
    for (const item of this.queue) {
      if (taken > 0 && docs + item.keys.length > MAX_READ_DOCS) break;
      docs += item.keys.length;
      taken++;
    }
    return this.queue.splice(0, taken);
  }

  /** Settles every read of the batch; never throws. */
  private async send(batch: Pending[]): Promise<void> {
    try {
      const wanted = new Map<string, DocKey>();
      for (const item of batch) for (const key of item.keys) wanted.set(targetKey(key.collection, key.id), key);
      const all = [...wanted.values()];
      // The keys as one JSON text: pg quotes and escapes a text[] parameter element by element.
      const rows = await this.db.query<{ collection: string; id: string; seq: unknown; data: AnyDoc }>(
        `SELECT d.collection, d.id, d.seq, d.data FROM docs d
         JOIN jsonb_to_recordset($1::jsonb) AS w(collection text, id text) ON d.collection = w.collection AND d.id = w.id`,
        [JSON.stringify(all)],
      );
      const found = new Map<string, StoredDoc>();
      for (const row of rows) found.set(targetKey(row.collection, row.id), { seq: toNumber(row.seq), data: row.data });
      for (const item of batch) {
        const own = new Map<string, StoredDoc>();
        for (const key of item.keys) {
          const k = targetKey(key.collection, key.id);
          const doc = found.get(k);
          if (doc !== undefined) own.set(k, doc);
        }
        item.resolve(own);
      }
    } catch (error) {
      for (const item of batch) item.reject(error);
    }
  }
}

const readers = new WeakMap<ServerContext, GroupReader>();

/** The context's reader for pushes outside transactions (one per running server), on the shared pool. */
export function groupReaderOf(ctx: ServerContext): GroupReader {
  let reader = readers.get(ctx);
  if (reader === undefined) {
    reader = new GroupReader(ctx.db);
    readers.set(ctx, reader);
  }
  return reader;
}
