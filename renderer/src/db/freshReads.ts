// A new device's first sync reads, before it writes each pulled page, the stored documents and the
// replication's bookkeeping of every id in the page (RxDB's downstream: the fork and its meta
// instance) — in a new database, reads that cannot find anything, an IndexedDB transaction and a
// `getMany` of a thousand keys each time. A storage instance that held nothing when it was opened
// knows every id it can hold: those written through it, and those its change stream reports
// (with multiInstance that stream carries the other tabs' writes too). Reads of other ids are
// answered at once without asking IndexedDB.
//
// The same knowledge spares the write's own read: RxDB's Dexie storage reads every written id in
// the write's transaction to detect conflicts. Rows that insert ids such an instance never saw are
// written with IndexedDB's `add` instead, in one transaction with the same durability: `add` refuses
// a key that exists, so nothing stored is ever overwritten — a refused row goes through the
// storage's own write, which reports the conflict as before.
//
// Another tab's write that has committed but whose change event has not arrived yet reads as
// absent: the same as a read made a moment before that write, which RxDB's downstream handles
// already (its write then meets the stored document as a conflict, and the local edit goes up).
//
// Those inserts go straight to IndexedDB (no Dexie middleware), with the durability the paced
// storage asked for: relaxed for all but the last chunk of a pulled page (see ./storage).
import { categorizeBulkWriteRows, getChangedDocumentsSince, getPrimaryFieldOfPrimaryKey, type BulkWriteRow, type RxStorageInstance } from 'rxdb';
import { canWriteRaw, dexieOf, issueInSlices, rawBulkWrite, toDexieDoc, type DexieInternals } from './dexieRaw';
import { RELAXED_CONTEXT_SUFFIX, type AppStorage } from './storage';

type Instance = RxStorageInstance<unknown, unknown, unknown>;

/** Whether the instance holds no document at all, tombstones included. */
async function holdsNothing(instance: Instance): Promise<boolean> {
  const { documents } = await getChangedDocumentsSince(instance, 1);
  return documents.length === 0;
}

/** Statistics of one wrapper, for tests: reads answered without IndexedDB, and those passed on. */
export interface FreshReadCounts {
  skipped: number;
  passed: number;
  /** Rows written with `add` without reading first, and rows `add` refused (written the usual way). */
  added?: number;
  refused?: number;
}

type Row = BulkWriteRow<unknown>;
type Doc = Record<string, unknown>;

/** The context as RxDB wrote it, and whether the paced storage allowed a relaxed commit. */
function splitContext(context: string): { context: string; relaxed: boolean } {
  return context.endsWith(RELAXED_CONTEXT_SUFFIX) ? { context: context.slice(0, -RELAXED_CONTEXT_SUFFIX.length), relaxed: true } : { context, relaxed: false };
}

/**
 * Adds the documents in one transaction of the given durability; `add` refuses a key that exists.
 * Returns the positions it refused; any other failure aborts the transaction and rejects.
 */
function addAll(db: IDBDatabase, store: string, docs: unknown[], durability: IDBTransactionDurability): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const transaction = db.transaction(store, 'readwrite', { durability });
    const objects = transaction.objectStore(store);
    const refused: number[] = [];
    // A row IndexedDB cannot take (no key, not cloneable): nothing of the chunk is written.
    const requests = issueInSlices(transaction, docs, (doc) => objects.add(doc), reject);
    // One handler for the transaction rather than one per row: errors bubble up to it.
    transaction.onerror = (event) => {
      const request = event.target;
      if (!(request instanceof IDBRequest) || request.error?.name !== 'ConstraintError') return;
      // Keep the transaction: this row goes the storage's usual way.
      event.preventDefault();
      event.stopPropagation();
      refused.push(requests.indexOf(request));
    };
    transaction.oncomplete = () => resolve(refused);
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'));
  });
}

export function freshReadsStorage(storage: AppStorage, counts?: FreshReadCounts): AppStorage {
  return {
    ...storage,
    async createStorageInstance(params) {
      const instance = await storage.createStorageInstance(params);
      const bulkWrite = instance.bulkWrite.bind(instance);
      // Only over IndexedDB (RxDB's Dexie storage), where reads and writes cost a transaction each.
      const found = dexieOf(instance);
      const primaryPath = getPrimaryFieldOfPrimaryKey(instance.schema.primaryKey) as string;
      const raw = canWriteRaw(instance);
      /** The storage's own write; a chunk of pulled data allowed to commit relaxed goes straight to IndexedDB. */
      const writeStored = (rows: Parameters<typeof bulkWrite>[0], context: string, relaxed: boolean): ReturnType<typeof bulkWrite> =>
        relaxed && raw ? rawBulkWrite(instance, raw, primaryPath, rows, context, 'relaxed') : bulkWrite(rows, context);
      if (found === undefined || !(await holdsNothing(instance as Instance))) {
        instance.bulkWrite = (rows, marked) => {
          const { context, relaxed } = splitContext(marked);
          return writeStored(rows, context, relaxed);
        };
        return instance;
      }
      const dexie: DexieInternals = found;
      const known = new Set<string>();
      const subscription = instance.changeStream().subscribe((bulk) => {
        for (const event of bulk.events) known.add(event.documentId);
      });

      const idOf = (row: Row) => String((row.document as Doc)[primaryPath]);

      /** Inserts of ids never seen here: `add` without a read; refused rows go the usual way. */
      async function insertUnseen(rows: Row[], context: string, relaxed: boolean) {
        const state = await dexie.internals;
        const categorized = categorizeBulkWriteRows(instance as never, primaryPath as never, new Map(), rows as never, context);
        const docs = categorized.bulkInsertDocs.map((row) => toDexieDoc(state.booleanIndexes, row.document as Doc));
        const refused = await addAll(state.dexieDb.backendDB(), state.dexieTable.name, docs, relaxed ? 'relaxed' : 'strict');
        const refusedIds = new Set(refused.map((position) => String((categorized.bulkInsertDocs[position]!.document as Doc)[primaryPath])));
        if (counts) {
          counts.added = (counts.added ?? 0) + docs.length - refusedIds.size;
          counts.refused = (counts.refused ?? 0) + refusedIds.size;
        }
        const events = categorized.eventBulk.events.filter((event) => !refusedIds.has(event.documentId));
        const last = events.at(-1);
        if (last) {
          const lastDoc = last.documentData as Doc & { _meta: { lwt: number } };
          dexie.changes$.next({ ...categorized.eventBulk, events, checkpoint: { id: lastDoc[primaryPath], lwt: lastDoc._meta.lwt } });
        }
        const error = [...categorized.errors];
        if (refusedIds.size > 0) error.push(...(await bulkWrite(rows.filter((row) => refusedIds.has(idOf(row))) as never, context)).error);
        return { error };
      }

      instance.bulkWrite = (rows, marked) => {
        const { context, relaxed } = splitContext(marked);
        const unseen = rows.length > 0 && rows.every((row) => !row.previous && !known.has(idOf(row as Row)));
        // Known before the write starts: a read racing it goes to IndexedDB.
        for (const row of rows) known.add(idOf(row));
        return unseen ? insertUnseen(rows, context, relaxed) : writeStored(rows, context, relaxed);
      };

      const findDocumentsById = instance.findDocumentsById.bind(instance);
      instance.findDocumentsById = (ids, withDeleted) => {
        const held = ids.filter((id) => known.has(id));
        if (counts) {
          counts.skipped += ids.length - held.length;
          counts.passed += held.length;
        }
        return held.length === 0 ? Promise.resolve([]) : findDocumentsById(held, withDeleted);
      };

      const close = instance.close.bind(instance);
      instance.close = () => {
        subscription.unsubscribe();
        return close();
      };
      const remove = instance.remove.bind(instance);
      instance.remove = () => {
        subscription.unsubscribe();
        return remove();
      };
      return instance;
    },
  };
}
