// Small persisted values of the device's own bookkeeping (changes waiting, conflict log, ids
// removed from scope, first-sync flag), kept as RxDB local documents beside the collections so
// they share the database's durability and are deleted with it.
import type { AppDatabase } from './database';

export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

interface Boxed {
  value: unknown;
}

export function localDocumentStore(db: AppDatabase): KeyValueStore {
  // Writes to one key are queued: two concurrent first inserts of a local document would conflict.
  const queues = new Map<string, Promise<void>>();
  return {
    async get(key) {
      const doc = await db.getLocal<Boxed>(key);
      return doc?.toJSON().data.value;
    },
    set(key, value) {
      const run = (queues.get(key) ?? Promise.resolve()).then(async () => {
        await db.upsertLocal<Boxed>(key, { value });
      });
      queues.set(
        key,
        run.catch(() => undefined),
      );
      return run;
    },
  };
}

/** For tests and for code that runs before a database is open. */
export function memoryStore(initial: Record<string, unknown> = {}): KeyValueStore & { data: Map<string, unknown> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    get: (key) => Promise.resolve(structuredClone(data.get(key))),
    set: (key, value) => {
      data.set(key, structuredClone(value));
      return Promise.resolve();
    },
  };
}
