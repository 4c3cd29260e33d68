// Writes to RxDB's Dexie storage straight on IndexedDB, for the replication's bulk writes of pulled
// documents: Dexie opens every transaction with the one durability the storage was created with
// (strict), while pulled data may commit relaxed (design: it can be pulled again). The rows are
// stored, and their change events emitted, exactly as the storage's own bulkWrite does
// (rx-storage-instance-dexie.js), conflicts included.
import { categorizeBulkWriteRows, type BulkWriteRow, type EventBulk, type RxStorageBulkWriteResponse, type RxStorageInstance } from 'rxdb';
import { fromDexieToStorage, fromStorageToDexie } from 'rxdb/plugins/storage-dexie';

type Doc = Record<string, unknown>;

/** What these writes need of RxDB's Dexie storage instance (absent on other storages). */
export interface DexieInternals {
  internals: Promise<{
    dexieDb: { backendDB(): IDBDatabase };
    dexieTable: { name: string };
    booleanIndexes: string[];
  }>;
  changes$: { next(bulk: EventBulk<unknown, unknown>): void };
}

export function dexieOf(instance: object): DexieInternals | undefined {
  const candidate = instance as Partial<DexieInternals>;
  return candidate.internals instanceof Promise && typeof candidate.changes$?.next === 'function' ? (candidate as DexieInternals) : undefined;
}

/** The IndexedDB database in which RxDB's Dexie storage keeps a collection's documents (table `docs`). */
export function dexieDatabaseName(databaseName: string, collection: string, schemaVersion: number): string {
  return `rxdb-dexie-${databaseName}--${schemaVersion}--${collection}`;
}

/** Whether any key in `value`, at any depth, starts with `prefix` (Dexie's storage renames `|…` to `__…`). */
function hasKeyStarting(value: unknown, prefix: string): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return value.some((item) => hasKeyStarting(item, prefix));
  for (const key in value) {
    if (key.startsWith(prefix) || hasKeyStarting((value as Doc)[key], prefix)) return true;
  }
  return false;
}

/**
 * A document as RxDB's Dexie storage stores it (`fromStorageToDexie`), without its deep copy when
 * no key needs renaming — none of our schemas has such a key — since IndexedDB copies it anyway.
 */
export function toDexieDoc(booleanIndexes: string[], doc: Doc): unknown {
  if (hasKeyStarting(doc, '|') || booleanIndexes.some((index) => index.includes('.'))) return fromStorageToDexie(booleanIndexes, doc as never);
  const stored: Doc = { ...doc };
  for (const index of booleanIndexes) stored[index] = doc[index] ? '1' : '0';
  return stored;
}

/** A row read from IndexedDB as the storage hands it out (`fromDexieToStorage`); the row is a fresh copy, changed in place. */
function fromDexieDoc(booleanIndexes: string[], stored: Doc): Doc {
  if (hasKeyStarting(stored, '__') || booleanIndexes.some((index) => index.includes('.'))) return fromDexieToStorage(booleanIndexes, stored);
  for (const index of booleanIndexes) stored[index] = stored[index] === '1';
  return stored;
}

/** Time spent issuing one slice of a transaction's requests before the thread is given back. */
export const ISSUE_SLICE_MS = 8;

/**
 * Issues `issue(item)` for every item into one transaction, a slice at a time: IndexedDB clones each
 * value on the calling thread, so a chunk of large documents issued at once was a long task (the app
 * benchmark's profile of a first sync). Once a slice has taken ISSUE_SLICE_MS, the rest is issued
 * from the answer to its last request — the transaction stays active in its requests' callbacks,
 * and other tasks run in between. Returns the requests in the order of `items`, filled as issued.
 * An item IndexedDB refuses at once (not cloneable, no key) aborts the transaction and goes to
 * `fail`; nothing of the transaction is written then.
 */
export function issueInSlices<T>(
  transaction: IDBTransaction,
  items: readonly T[],
  issue: (item: T) => IDBRequest,
  fail: (error: Error) => void,
  now: () => number = () => performance.now(),
): IDBRequest[] {
  const requests: IDBRequest[] = [];
  const issueFrom = (start: number) => {
    const started = now();
    let i = start;
    try {
      while (i < items.length) {
        requests.push(issue(items[i]!));
        i++;
        if (now() - started >= ISSUE_SLICE_MS) break;
      }
    } catch (error) {
      transaction.abort();
      fail(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    if (i < items.length) {
      // On success or failure alike (a refused `add` the transaction's own handler may keep).
      const last = requests[i - 1]!;
      last.addEventListener('success', () => issueFrom(i));
      last.addEventListener('error', () => issueFrom(i));
    }
  };
  issueFrom(0);
  return requests;
}

/**
 * Whether `relaxedBulkWrite` can stand in for the instance's own bulkWrite: RxDB's Dexie storage,
 * outside dev-mode (which copies every row first), for a schema without attachments (ours have
 * none; Dexie keeps those in a second table).
 */
export function canWriteRaw<T>(instance: RxStorageInstance<T, unknown, unknown>): DexieInternals | undefined {
  const dexie = dexieOf(instance);
  const devMode = (instance as { devMode?: boolean }).devMode === true;
  return dexie && !devMode && instance.schema.attachments === undefined ? dexie : undefined;
}

/**
 * The storage's bulkWrite, in ONE readwrite transaction of the given durability: reads the stored
 * rows, lets RxDB categorize the writes (a row whose `previous` is not what is stored comes back
 * as a 409 with the stored document, so a local edit racing a pull is kept), puts the rest, and
 * emits their change events with the checkpoint once the transaction has committed.
 */
export async function rawBulkWrite<T>(
  instance: RxStorageInstance<T, unknown, unknown>,
  dexie: DexieInternals,
  primaryPath: string,
  rows: BulkWriteRow<T>[],
  context: string,
  durability: IDBTransactionDurability,
): Promise<RxStorageBulkWriteResponse<T>> {
  const state = await dexie.internals;
  const db = state.dexieDb.backendDB();
  const categorized = await new Promise<ReturnType<typeof categorizeBulkWriteRows<T>>>((resolve, reject) => {
    const transaction = db.transaction(state.dexieTable.name, 'readwrite', { durability });
    const store = transaction.objectStore(state.dexieTable.name);
    let result: ReturnType<typeof categorizeBulkWriteRows<T>> | undefined;
    const stored = new Map<string, Doc>();
    let pending = rows.length;
    const writeAll = () => {
      try {
        result = categorizeBulkWriteRows(instance, primaryPath as never, stored as never, rows as never, context);
      } catch (error) {
        transaction.abort();
        reject(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      const docs = [...result.bulkInsertDocs, ...result.bulkUpdateDocs];
      issueInSlices(transaction, docs, (row) => store.put(toDexieDoc(state.booleanIndexes, row.document)), reject);
    };
    // Issued together, answered in order; the writes go out from the last answer, in the same transaction.
    for (const row of rows) {
      const request = store.get((row.document as Doc)[primaryPath] as IDBValidKey);
      request.onsuccess = () => {
        const found = request.result as Doc | undefined;
        if (found) {
          const doc = fromDexieDoc(state.booleanIndexes, found);
          stored.set(String(doc[primaryPath]), doc);
        }
        if (--pending === 0) writeAll();
      };
    }
    if (rows.length === 0) writeAll();
    transaction.oncomplete = () => (result ? resolve(result) : reject(new Error('IndexedDB transaction ended without a write')));
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'));
  });
  if (categorized.eventBulk.events.length > 0 && categorized.newestRow) {
    const newest = categorized.newestRow.document as Doc & { _meta: { lwt: number } };
    categorized.eventBulk.checkpoint = { id: newest[primaryPath], lwt: newest._meta.lwt };
    dexie.changes$.next(categorized.eventBulk);
  }
  return { error: categorized.errors };
}
