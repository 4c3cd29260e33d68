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
import { categorizeBulkWriteRows, getChangedDocumentsSince, getPrimaryFieldOfPrimaryKey, type BulkWriteRow, type EventBulk, type RxStorageInstance } from 'rxdb';
import { fromStorageToDexie } from 'rxdb/plugins/storage-dexie';
import type { AppStorage } from './storage';

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

/** What the fast insert needs of RxDB's Dexie storage instance (absent on other storages). */
interface DexieInternals {
  internals: Promise<{
    dexieDb: { transaction(mode: 'rw', table: unknown, scope: () => Promise<void>): Promise<void> };
    dexieTable: { bulkAdd(docs: unknown[]): Promise<unknown> };
    booleanIndexes: string[];
  }>;
  changes$: { next(bulk: EventBulk<unknown, unknown>): void };
}

function dexieOf(instance: object): DexieInternals | undefined {
  const candidate = instance as Partial<DexieInternals>;
  return candidate.internals instanceof Promise && typeof candidate.changes$?.next === 'function' ? (candidate as DexieInternals) : undefined;
}

/** Positions of the rows Dexie's bulkAdd refused (their keys exist); rethrows anything else. */
function refusedPositions(error: unknown): number[] {
  const failures = (error as { name?: unknown; failuresByPos?: Record<number, unknown> }).failuresByPos;
  if ((error as { name?: unknown }).name !== 'BulkError' || failures === undefined) throw error;
  return Object.keys(failures).map(Number);
}

export function freshReadsStorage(storage: AppStorage, counts?: FreshReadCounts): AppStorage {
  return {
    ...storage,
    async createStorageInstance(params) {
      const instance = await storage.createStorageInstance(params);
      // Only over IndexedDB (RxDB's Dexie storage), where reads and writes cost a transaction each.
      const found = dexieOf(instance);
      if (found === undefined || !(await holdsNothing(instance as Instance))) return instance;
      const dexie: DexieInternals = found;
      const primaryPath = getPrimaryFieldOfPrimaryKey(instance.schema.primaryKey) as string;
      const known = new Set<string>();
      const subscription = instance.changeStream().subscribe((bulk) => {
        for (const event of bulk.events) known.add(event.documentId);
      });

      const bulkWrite = instance.bulkWrite.bind(instance);
      const idOf = (row: Row) => String((row.document as Doc)[primaryPath]);

      /** Inserts of ids never seen here: `add` without a read; refused rows go the usual way. */
      async function insertUnseen(rows: Row[], context: string) {
        const state = await dexie.internals;
        const categorized = categorizeBulkWriteRows(instance as never, primaryPath as never, new Map(), rows as never, context);
        const docs: unknown[] = categorized.bulkInsertDocs.map((row) => fromStorageToDexie(state.booleanIndexes, row.document) as unknown);
        let refused: number[] = [];
        await state.dexieDb.transaction('rw', state.dexieTable, async () => {
          try {
            await state.dexieTable.bulkAdd(docs);
          } catch (error) {
            refused = refusedPositions(error);
          }
        });
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

      instance.bulkWrite = (rows, context) => {
        const unseen = rows.length > 0 && rows.every((row) => !row.previous && !known.has(idOf(row as Row)));
        // Known before the write starts: a read racing it goes to IndexedDB.
        for (const row of rows) known.add(idOf(row));
        return unseen ? insertUnseen(rows, context) : bulkWrite(rows, context);
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
