// The storage every local database uses: Dexie on IndexedDB with strict durability, so a record a
// person typed is on disk before the write reports success (Chromium relaxes durability by
// default since version 121, and a power cut could then lose it).
import type { RxStorage } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { yieldToMain } from './yieldToMain';

export type AppStorage = RxStorage<unknown, unknown>;

let storage: AppStorage | undefined;

export function browserStorage(): AppStorage {
  storage ??= getRxStorageDexie(DEXIE_SETTINGS);
  return storage;
}

/** The index RxDB's Dexie storage gives every store on `_meta.lwt` alone, for its `cleanup()`. */
const CLEANUP_INDEX = '_meta.lwt';

/**
 * A Dexie store declaration as RxDB's Dexie storage makes it (`id, [_deleted+id], …,
 * [_meta.lwt+id], _meta.lwt`, the primary key first) without the indexes nothing reads, each an
 * entry more for every document written (docs/benchmarks.md: the index entries are what RxDB's
 * stored form costs over plain writes in a first sync):
 * - the cleanup index: only RxDB's `cleanup()` reads it (its cleanup plugin, which the app does
 *   not use); in one measurement 0.32 of the 0.65 s RxDB's form took over plain writes;
 * - `[_deleted+<primary key>]` where the schema has indexes of its own: RxDB plans every query on
 *   the schema's indexes (query-planner.js), which then do not include it (RxDB adds it to them
 *   only for a schema without any, and gives each of them the `_deleted` prefix).
 * `[_meta.lwt+id]`, which RxDB's replication reads changes by, stays.
 */
export function withoutUnreadIndexes(declaration: string): string {
  const parts = declaration.split(',').map((part) => part.trim());
  const deletedAndPrimary = `[_deleted+${parts[0] ?? ''}]`;
  const ownIndexes = parts.some((part) => part.startsWith('[_deleted+') && part !== deletedAndPrimary);
  return parts.filter((part) => part !== CLEANUP_INDEX && !(ownIndexes && part === deletedAndPrimary)).join(', ');
}

/**
 * Strict durability: a record a person typed is on disk before the write reports success. Stores
 * are declared without the indexes nothing reads (withoutUnreadIndexes): a new database's stores
 * are made without them; a store made before with them keeps them, as Dexie opens a store holding
 * more indexes than declared as it is.
 */
export const DEXIE_SETTINGS: Parameters<typeof getRxStorageDexie>[0] = {
  chromeTransactionDurability: 'strict',
  onCreate(db) {
    // RxDB declares the stores right after this (`db.version(1).stores(…)`).
    const version = db.version.bind(db);
    db.version = (number) => {
      const declared = version(number);
      const stores = declared.stores.bind(declared);
      declared.stores = (schema) => stores(Object.fromEntries(Object.entries(schema).map(([table, spec]) => [table, spec === null ? spec : withoutUnreadIndexes(spec)])));
      return declared;
    };
  },
};

/**
 * RxDB's Dexie storage empties its IndexedDB databases on removal but leaves them behind; this
 * deletes every IndexedDB database of an RxDB database name, so nothing of a wiped device remains.
 */
export async function purgeIndexedDb(databaseName: string): Promise<void> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return;
  const prefix = `rxdb-dexie-${databaseName}--`;
  const names = (await indexedDB.databases()).flatMap((info) => (info.name?.startsWith(prefix) ? [info.name] : []));
  await Promise.all(
    names.map(
      (name) =>
        new Promise<void>((resolve) => {
          const request = indexedDB.deleteDatabase(name);
          request.onsuccess = request.onerror = () => resolve();
          // A connection still open elsewhere delays it; the data itself is already gone.
          request.onblocked = () => resolve();
        }),
    ),
  );
}

/** Documents written per transaction when the replication writes a pulled page. */
export const REPLICATION_WRITE_CHUNK = 100;

/**
 * Marks a write's context: the chunk may commit with relaxed durability. Added here and removed
 * again by freshReadsStorage (the innermost layer) before anything else sees the context: RxDB
 * tells the replication's own writes from the person's by it.
 */
export const RELAXED_CONTEXT_SUFFIX = '#relaxed';

/**
 * Which chunks of a replication write may commit relaxed. Design: pulled data may, since it can be
 * pulled again; the page's checkpoint and everything a person writes stay strict.
 * - Pulled documents: all chunks but the last. Flushing the last one makes the earlier commits of
 *   the same IndexedDB database durable too (commits reach the disk in order) before the checkpoint
 *   is written — into another database: RxDB's Dexie storage opens one per storage instance.
 * - Their bookkeeping (the meta instance's copy of each pulled document): every chunk. RxDB writes
 *   it after the documents and then, strictly, the page's checkpoint into the same meta instance,
 *   whose flush carries these commits with it. Lost with an unflushed tail (power cut before the
 *   checkpoint), the page is pulled again and RxDB rewrites the copy (its documents carry `_meta.o`).
 */
function relaxedChunks(context: string): 'none' | 'all-but-last' | 'all' {
  if (context === 'replication-down-write-meta') return 'all';
  return context.startsWith('replication-downstream') ? 'all-but-last' : 'none';
}

/**
 * The replication writes a pulled page (a thousand documents) and its bookkeeping in one call; in
 * one go that blocks the UI thread for its whole length (IndexedDB clones every document on the
 * calling thread). Here such writes (RxDB's contexts `replication-…`) are split into chunks with
 * the thread given back between them. Each chunk is a transaction of its own: the replication
 * keeps its checkpoint after the writes, so a page cut short by a crash is pulled again. Writes
 * of the pages (saveDoc/saveDocs) stay one call each. Chunks marked relaxed (see relaxedChunks)
 * commit with relaxed durability (no flush to disk each) in freshReadsStorage.
 */
export function pacedStorage(storage: AppStorage, chunk = REPLICATION_WRITE_CHUNK): AppStorage {
  return {
    ...storage,
    async createStorageInstance(params) {
      const instance = await storage.createStorageInstance(params);
      const bulkWrite = instance.bulkWrite.bind(instance);
      instance.bulkWrite = async (rows, context) => {
        if (!context.startsWith('replication')) return bulkWrite(rows, context);
        const policy = relaxedChunks(context);
        const relaxed = `${context}${RELAXED_CONTEXT_SUFFIX}`;
        if (rows.length <= chunk) return bulkWrite(rows, policy === 'all' ? relaxed : context);
        const error: Awaited<ReturnType<typeof bulkWrite>>['error'] = [];
        for (let i = 0; i < rows.length; i += chunk) {
          if (i > 0) await yieldToMain();
          const last = i + chunk >= rows.length;
          const strict = policy === 'none' || (policy === 'all-but-last' && last);
          const result = await bulkWrite(rows.slice(i, i + chunk), strict ? context : relaxed);
          error.push(...result.error);
        }
        return { error };
      };
      return instance;
    },
  };
}
