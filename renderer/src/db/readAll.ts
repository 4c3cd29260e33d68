// Reading a query's documents in one IndexedDB request instead of one per document. RxDB's Dexie
// storage walks the query's index with a cursor: every document is a round trip between the page
// and the browser's IndexedDB process, so opening the members list read 1,000 members in about a
// second on a loaded machine and 20,000 in tens of seconds (tests/bench/app.bench.ts, cold start).
// `getAll` over the same index and key range returns the same documents in the same order in one
// request; the query's own filter, sort, skip and limit are then applied exactly as the cursor's
// caller does. Queries that can stop early (a limit over an index that already sorts and selects)
// read only what they need with `getAll`'s count. Anything else is left to the storage's own query.
import { getQueryMatcher, getSortComparator, type PreparedQuery, type RxDocumentData, type RxJsonSchema, type RxStorageQueryResult } from 'rxdb';
import { DEXIE_DOCS_TABLE_NAME, dexieReplaceIfStartsWithPipe, fromDexieToStorage, getKeyRangeByQueryPlan } from 'rxdb/plugins/storage-dexie';
import type { AppStorage } from './storage';

type Doc = RxDocumentData<unknown>;

/** The parts of RxDB's Dexie storage instance used here (`internals` is its Dexie state). */
interface DexieInstance {
  internals?: Promise<DexieState>;
  closed?: unknown;
  schema: RxJsonSchema<Doc>;
  query(prepared: PreparedQuery<unknown>): Promise<RxStorageQueryResult<unknown>>;
}

interface DexieState {
  dexieDb: { _options: { IDBKeyRange?: typeof IDBKeyRange }; transaction: (mode: 'r', table: unknown, run: (tx: { idbtrans: IDBTransaction }) => Promise<void>) => Promise<void> };
  dexieTable: unknown;
  booleanIndexes: string[];
}

function request<T>(call: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    call.onsuccess = () => resolve(call.result);
    call.onerror = () => reject(call.error ?? new Error('IndexedDB request failed'));
  });
}

async function queryAll(instance: DexieInstance, state: DexieState, prepared: PreparedQuery<unknown>): Promise<RxStorageQueryResult<unknown>> {
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
  const indexName = `[${queryPlan.index.map((field) => dexieReplaceIfStartsWithPipe(field)).join('+')}]`;
  const complete = queryPlan.selectorSatisfiedByIndex && queryPlan.sortSatisfiedByIndex;
  let stored: unknown[] = [];
  await state.dexieDb.transaction('r', state.dexieTable, async (tx) => {
    const index = tx.idbtrans.objectStore(DEXIE_DOCS_TABLE_NAME).index(indexName);
    stored = await request(complete && limit !== Infinity ? index.getAll(range, skip + limit) : index.getAll(range));
  });
  let rows = stored.map((doc) => fromDexieToStorage<unknown>(state.booleanIndexes, doc));
  if (!queryPlan.selectorSatisfiedByIndex) {
    const matches = getQueryMatcher(instance.schema, query as never);
    rows = rows.filter((row) => matches(row as never));
  }
  if (!queryPlan.sortSatisfiedByIndex) rows.sort(getSortComparator(instance.schema, query as never));
  return { documents: rows.slice(skip, skip + limit) };
}

/** RxDB's Dexie storage with queries read by `getAll` (see above); other storages pass through unchanged. */
export function readAllStorage(storage: AppStorage): AppStorage {
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
        return queryAll(instance, await internals, prepared);
      };
      return created;
    },
  };
}
