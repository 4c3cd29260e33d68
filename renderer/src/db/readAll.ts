// Reading a query's documents in one IndexedDB request instead of one per document. RxDB's Dexie
// storage walks the query's index with a cursor: every document is a round trip between the page
// and the browser's IndexedDB process, so opening the members list read 1,000 members in about a
// second on a loaded machine and 20,000 in tens of seconds (tests/bench/app.bench.ts, cold start).
// `getAll` over the same index and key range returns the same documents in the same order in one
// request; the query's own filter, sort, skip and limit are then applied exactly as the cursor's
// caller does. Queries that can stop early (a limit over an index that already sorts and selects)
// read only what they need with `getAll`'s count. Anything else is left to the storage's own query.
//
// A query of thousands is read a page at a time, each page requested from the answer to the last
// inside the one read transaction: IndexedDB copies every answer onto the page's thread in one go,
// and 50,000 needs in one answer, converted in the same task, were one task of several hundred
// milliseconds (the app benchmark, pages open during a first sync). Each page is a task of its own.
//
// The replication's reads of what changed since a checkpoint (the upstream, at every start and at
// every event of the server's change stream) are such a query with a limit the cursor serves: a
// thousand round trips, in a read transaction that holds up the next write of pulled documents
// until it ends. They are read with one `getAll` over the same index too (see changedSince).
import {
  getChangedDocumentsSinceQuery,
  getProperty,
  getQueryMatcher,
  getSortComparator,
  prepareQuery,
  RX_META_LWT_MINIMUM,
  type PreparedQuery,
  type RxDocumentData,
  type RxJsonSchema,
  type RxStorageDefaultCheckpoint,
  type RxStorageQueryResult,
} from 'rxdb';
import { DEXIE_DOCS_TABLE_NAME, dexieReplaceIfStartsWithPipe, fromDexieToStorage, getKeyRangeByQueryPlan } from 'rxdb/plugins/storage-dexie';
import type { AppStorage } from './storage';

type Doc = RxDocumentData<unknown>;
type Changed = { documents: RxDocumentData<unknown>[]; checkpoint: RxStorageDefaultCheckpoint };

/** The parts of RxDB's Dexie storage instance used here (`internals` is its Dexie state). */
interface DexieInstance {
  internals?: Promise<DexieState>;
  closed?: unknown;
  schema: RxJsonSchema<Doc>;
  primaryPath: string;
  query(prepared: PreparedQuery<unknown>): Promise<RxStorageQueryResult<unknown>>;
  getChangedDocumentsSince?: (limit: number, checkpoint?: RxStorageDefaultCheckpoint) => Promise<Changed>;
}

interface DexieState {
  dexieDb: { _options: { IDBKeyRange?: typeof IDBKeyRange; indexedDB?: IDBFactory }; transaction: (mode: 'r', table: unknown, run: (tx: { idbtrans: IDBTransaction }) => Promise<void>) => Promise<void> };
  dexieTable: unknown;
  booleanIndexes: string[];
}

/** Documents per request of a query's read. */
export const READ_PAGE = 5000;

function request<T>(call: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    call.onsuccess = () => resolve(call.result);
    call.onerror = () => reject(call.error ?? new Error('IndexedDB request failed'));
  });
}

async function queryAll(instance: DexieInstance, state: DexieState, prepared: PreparedQuery<unknown>, pageSize: number): Promise<RxStorageQueryResult<unknown>> {
  const { query, queryPlan } = prepared;
  const skip = query.skip ?? 0;
  const limit = typeof query.limit === 'number' ? query.limit : Infinity;
  let range: IDBKeyRange;
  try {
    range = getKeyRangeByQueryPlan(state.booleanIndexes, queryPlan, state.dexieDb._options.IDBKeyRange) as IDBKeyRange;
  } catch (error) {
    // As the storage's own query: a range IndexedDB cannot express holds nothing.
    if (error instanceof Error && error.name === 'DataError') return { documents: [] };
    throw error;
  }
  const fields = queryPlan.index.map((field) => dexieReplaceIfStartsWithPipe(field));
  const indexName = `[${fields.join('+')}]`;
  const complete = queryPlan.selectorSatisfiedByIndex && queryPlan.sortSatisfiedByIndex;
  const wanted = complete ? skip + limit : Infinity;
  const KeyRange = state.dexieDb._options.IDBKeyRange ?? IDBKeyRange;
  const keys = state.dexieDb._options.indexedDB ?? indexedDB;
  let rows: Doc[] = [];
  await state.dexieDb.transaction('r', state.dexieTable, async (tx) => {
    const index = tx.idbtrans.objectStore(DEXIE_DOCS_TABLE_NAME).index(indexName);
    // Every RxDB index ends with the primary key: a page's last key is unique, the next page
    // starts after it. The key is the stored document's values of the index's fields.
    let next = range;
    for (;;) {
      const count = Math.min(pageSize, wanted - rows.length);
      const page = await request(index.getAll(next, count));
      const last = page.length === count ? fields.map((field) => getProperty(page[page.length - 1], field) as IDBValidKey) : undefined;
      for (const stored of page) rows.push(fromDexieToStorage<unknown>(state.booleanIndexes, stored));
      if (last === undefined || rows.length >= wanted) break;
      if (range.upper === undefined) next = KeyRange.lowerBound(last, true);
      else if (keys.cmp(last, range.upper) < 0) next = KeyRange.bound(last, range.upper, true, range.upperOpen);
      else break;
    }
  });
  if (!queryPlan.selectorSatisfiedByIndex) {
    const matches = getQueryMatcher(instance.schema, query as never);
    rows = rows.filter((row) => matches(row as never));
  }
  if (!queryPlan.sortSatisfiedByIndex) rows.sort(getSortComparator(instance.schema, query as never));
  return { documents: rows.slice(skip, skip + limit) };
}

/**
 * The documents written after `checkpoint`, tombstones included, in the order of their last write
 * (then id), at most `limit`: RxDB's `getChangedDocumentsSince` query, whose selector
 * (`lwt > since OR (lwt = since AND id > sinceId)`) is exactly the keys above `[since, sinceId]`
 * of the `[_meta.lwt+id]` index Dexie's storage keeps for it. The checkpoint answered is RxDB's.
 */
async function changedSince(
  state: DexieState,
  primaryPath: string,
  limit: number,
  checkpoint?: RxStorageDefaultCheckpoint,
): Promise<Changed> {
  const KeyRange = state.dexieDb._options.IDBKeyRange ?? IDBKeyRange;
  const since = KeyRange.lowerBound([checkpoint ? checkpoint.lwt : RX_META_LWT_MINIMUM, checkpoint ? checkpoint.id : ''], true);
  const indexName = `[_meta.lwt+${dexieReplaceIfStartsWithPipe(primaryPath)}]`;
  let stored: unknown[] = [];
  await state.dexieDb.transaction('r', state.dexieTable, async (tx) => {
    stored = await request(tx.idbtrans.objectStore(DEXIE_DOCS_TABLE_NAME).index(indexName).getAll(since, limit));
  });
  const documents = stored.map((doc) => fromDexieToStorage<unknown>(state.booleanIndexes, doc));
  const last = documents.at(-1) as (Doc & Record<string, unknown>) | undefined;
  return {
    documents,
    checkpoint: last ? { id: String(last[primaryPath]), lwt: last._meta.lwt } : (checkpoint ?? { id: '', lwt: 0 }),
  };
}

/** RxDB's Dexie storage with queries read by `getAll` (see above); other storages pass through unchanged. */
export function readAllStorage(storage: AppStorage, pageSize = READ_PAGE): AppStorage {
  return {
    ...storage,
    async createStorageInstance(params) {
      const created = await storage.createStorageInstance(params);
      const instance = created as unknown as DexieInstance;
      const internals = instance.internals;
      if (internals === undefined) return created;
      const query = instance.query.bind(instance);
      instance.query = async (prepared) => {
        const { query: mango, queryPlan } = prepared;
        // A limit the index cannot serve: the cursor stops at it, getAll would read everything.
        if (typeof mango.limit === 'number' && !(queryPlan.selectorSatisfiedByIndex && queryPlan.sortSatisfiedByIndex)) return query(prepared);
        if (instance.closed) return query(prepared); // the storage's own error
        return queryAll(instance, await internals, prepared, pageSize);
      };
      // Set before any wrapper sees the instance: RxDB's wrappers keep the method only if it exists.
      instance.getChangedDocumentsSince = async (limit, checkpoint) => {
        if (instance.closed) {
          await query(prepareQuery(instance.schema, getChangedDocumentsSinceQuery(instance as never, limit, checkpoint) as never)); // the storage's own error
        }
        return changedSince(await internals, instance.primaryPath, limit, checkpoint);
      };
      return created;
    },
  };
}
