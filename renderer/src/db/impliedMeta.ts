// A new device's first sync without a second copy of every document. RxDB's replication keeps, for
// each document, the state it assumes the server holds (a row of its meta instance with the whole
// document in `docData`): the base of a later three-way merge and of the push's conflict check.
// Writing that copy of every pulled document was 40 % of a first sync (the benchmark's mid tier:
// 10.1 s, 5.9 s without it), twice the bytes the device stores.
//
// Yet right after a pull the copy says nothing the document does not: RxDB marks each document its
// downstream writes (`_meta.o`, with the revision height written), and while that mark still matches
// the document's revision the document *is* the state the server sent — RxDB's own downstream relies
// on it when a crash came between the two writes. So:
// - skipped: a fresh meta instance's inserts from the downstream (`replication-down-write-meta`) of
//   documents the downstream has just written — a first sync into an empty database;
// - implied: a read of a missing row finds the document still as pulled and answers with it;
// - materialized: before anything else overwrites a document still as pulled (a person's edit, in
//   any tab, with or without a running replication), its state is written as the row if there is
//   none, so the base survives the edit; a replication write that read the row as missing or implied
//   before that then updates the kept row instead of failing on it.
// Each collection has one replication per database (one database per server and user), so a mark
// is always that replication's. The meta instance's name is recorded per database and collection
// (localStorage) when the replication opens it: an edit made before the replication starts, or in
// a tab that does not run it, still finds where the row goes.
//
// Outermost of the storage layers (database.ts): it sees documents as RxDB does, personal fields in
// the clear, and writes rows through the encrypting layer like RxDB's own.
import {
  getChangedDocumentsSince,
  getComposedPrimaryKeyOfDocumentData,
  getHeightOfRevision,
  getRxReplicationMetaInstanceSchema,
  hasEncryption,
  META_INSTANCE_SCHEMA_TITLE,
  now,
  writeDocToDocState,
  type BulkWriteRow,
  type RxDocumentData,
  type RxJsonSchema,
  type RxStorageInstance,
  type RxStorageInstanceCreationParams,
} from 'rxdb';
import { collectionPairKey } from './encryption';
import type { AppStorage } from './storage';

type Doc = Record<string, unknown>;
type Instance = RxStorageInstance<Doc, unknown, unknown>;
type Params = RxStorageInstanceCreationParams<Doc, unknown>;
type Row = BulkWriteRow<Doc>;
type MetaSchema = RxJsonSchema<RxDocumentData<Doc>>;

/** The context of RxDB's downstream writes of meta rows (replication-protocol/downstream). */
const DOWNSTREAM_META = 'replication-down-write-meta';
/** RxDB's downstream writes documents with a context starting so (`replication-downstream-<key>`). */
const DOWNSTREAM_DOCS = 'replication-downstream';
/** The context of a materialized row's write. */
const MATERIALIZE_CONTEXT = 'implied-meta-materialize';
/** The revision of a row read as implied by its document (never stored). */
const IMPLIED_REV = '0-implied';

/** Where the records are kept: localStorage in the app, a map where there is none (Node tests). */
const memoryRecords = new Map<string, string>();
const records = {
  get: (key: string) => (typeof localStorage === 'undefined' ? memoryRecords.get(key) : localStorage.getItem(key)) ?? null,
  set: (key: string, value: string) => void (typeof localStorage === 'undefined' ? memoryRecords.set(key, value) : localStorage.setItem(key, value)),
};

const recordKey = (databaseName: string, collection: string) => `cg.replicationMeta.${databaseName}.${collection}`;

/** The name of the collection's meta instance, as recorded when the replication opened it. */
function metaInstanceNameOf(databaseName: string, collection: string): string | null {
  return records.get(recordKey(databaseName, collection));
}

function recordMetaInstanceName(databaseName: string, collection: string, name: string): void {
  if (metaInstanceNameOf(databaseName, collection) !== name) records.set(recordKey(databaseName, collection), name);
}

/** Whether the document is still as the replication's downstream wrote it (its mark matches its revision). */
function isAsPulled(doc: Doc | undefined): boolean {
  const mark = (doc?._meta as { o?: { _rev?: unknown } } | undefined)?.o;
  return doc !== undefined && mark !== undefined && mark._rev === getHeightOfRevision(String(doc._rev));
}

/** A document's state as a meta row keeps it: without `_meta`, `_rev` and `_attachments`. */
function metaRowOf(schema: MetaSchema, itemId: string, doc: Doc, rev: string): RxDocumentData<Doc> {
  return {
    id: getComposedPrimaryKeyOfDocumentData(schema, { itemId, isCheckpoint: '0' }),
    isCheckpoint: '0',
    itemId,
    docData: writeDocToDocState(doc as RxDocumentData<Doc>, false, false),
    _attachments: {},
    _deleted: false,
    _rev: rev,
    _meta: { lwt: now() },
  };
}

/** A collection's documents and, while the replication has it open, its meta instance. */
interface Pair {
  params: Params;
  primaryPath: string;
  fork: Instance;
  meta?: Instance;
  /** Ids the downstream wrote and whose meta row has not been written or skipped yet. */
  pulled: Set<string>;
  /** Rows materialized in this realm, by id: a downstream insert of the same id updates them. */
  materialized: Map<string, RxDocumentData<Doc>>;
}

export function impliedMetaStorage(storage: AppStorage): AppStorage {
  const pairs = new Map<string, Pair>();
  /** Each meta instance's own read, of stored rows only. */
  const storedReads = new WeakMap<Instance, Instance['findDocumentsById']>();

  /** Writes, for each document without a row, its state as the row; the edit waits for it. */
  async function materialize(pair: Pair, docs: Doc[]): Promise<void> {
    const { databaseName, collectionName } = pair.params;
    const name = pair.meta ? undefined : metaInstanceNameOf(databaseName, collectionName);
    // No replication has ever opened one: nothing was pulled, so nothing is as pulled.
    if (!pair.meta && !name) return;
    const schema = getRxReplicationMetaInstanceSchema(pair.params.schema, hasEncryption(pair.params.schema)) as unknown as MetaSchema;
    // Opened past this layer: its reads are of stored rows, and it is not the replication's.
    const opened = pair.meta ? undefined : ((await storage.createStorageInstance({ ...pair.params, collectionName: name!, schema } as never)) as unknown as Instance);
    const meta = (opened ?? pair.meta)!;
    try {
      const rows = docs.map((doc) => metaRowOf(meta.schema as MetaSchema, String(doc[pair.primaryPath]), doc, `1-${pair.params.databaseInstanceToken}`));
      const read = storedReads.get(meta) ?? meta.findDocumentsById.bind(meta);
      const held = new Set((await read(rows.map((row) => String(row.id)), true)).map((row) => String(row.id)));
      const missing = rows.filter((row) => !held.has(String(row.id)));
      if (missing.length === 0) return;
      const { error } = await meta.bulkWrite(missing.map((document) => ({ document })), MATERIALIZE_CONTEXT);
      // Written meanwhile by the replication (409): the row exists, as it must. Anything else fails the edit.
      const failed = error.find((e) => e.status !== 409);
      if (failed) throw new Error(`${collectionName}: the synced state of ${failed.documentId} could not be kept (${failed.status})`);
      const refused = new Set(error.map((e) => e.documentId));
      for (const row of missing) if (!refused.has(String(row.id))) pair.materialized.set(String(row.id), row);
    } finally {
      await opened?.close();
    }
  }

  function wrapDocuments(params: Params, fork: Instance): Instance {
    const key = params.schema.primaryKey;
    const pair: Pair = { params, primaryPath: typeof key === 'string' ? key : key.key, fork, pulled: new Set(), materialized: new Map() };
    pairs.set(collectionPairKey(params.databaseName, params.schema), pair);
    const idOf = (row: Row) => String(row.document[pair.primaryPath]);
    const bulkWrite = fork.bulkWrite.bind(fork);
    fork.bulkWrite = async (rows, context) => {
      if (context.startsWith(DOWNSTREAM_DOCS)) {
        for (const row of rows) {
          pair.pulled.add(idOf(row));
          // RxDB marks the documents its downstream updates, but its storage wrapper gives inserts a
          // fresh `_meta` (shared by the batch), which drops the mark: set here, per document. RxDB's
          // hash of the replication is not at hand; its own check of the mark then does not apply.
          const doc = row.document;
          if (!row.previous && !isAsPulled(doc)) doc._meta = { ...doc._meta, o: { hash: 'pulled', _rev: getHeightOfRevision(doc._rev) } };
        }
        const result = await bulkWrite(rows, context);
        // Not written (a local write came first): no meta row follows for it.
        for (const error of result.error) pair.pulled.delete(error.documentId);
        return result;
      }
      for (const row of rows) pair.pulled.delete(idOf(row));
      const asPulled = rows.flatMap((row) => (row.previous && isAsPulled(row.previous) ? [row.previous] : []));
      if (asPulled.length > 0) await materialize(pair, asPulled);
      return bulkWrite(rows, context);
    };
    return fork;
  }

  async function wrapMeta(params: Params, meta: Instance): Promise<Instance> {
    const pair = pairs.get(collectionPairKey(params.databaseName, (params.schema.properties as Doc).docData ?? {}));
    if (!pair) return meta;
    recordMetaInstanceName(params.databaseName, pair.params.collectionName, params.collectionName);
    pair.meta = meta;
    const { documents: before } = await getChangedDocumentsSince(meta, 1);
    const fresh = before.length === 0;
    const known = new Set<string>();
    const subscription = meta.changeStream().subscribe((bulk) => {
      for (const event of bulk.events) known.add(event.documentId);
    });
    const schema = meta.schema as MetaSchema;
    const find = meta.findDocumentsById.bind(meta);
    storedReads.set(meta, find);

    const bulkWrite = meta.bulkWrite.bind(meta);
    meta.bulkWrite = async (rows, context) => {
      const write = rows.flatMap((row) => {
        const id = String(row.document.id);
        if (context === DOWNSTREAM_META) {
          const pulled = pair.pulled.delete(String(row.document.itemId));
          // The first sync into an empty database: the document just written says the same.
          if (fresh && pulled && !row.previous && !known.has(id)) return [];
        }
        // Kept for an edit after the writer read the row as missing or implied: updated, not inserted again.
        const materialized = pair.materialized.get(id);
        return [materialized && (!row.previous || row.previous._rev === IMPLIED_REV) ? { ...row, previous: materialized } : row];
      });
      if (fresh) for (const row of write) known.add(String(row.document.id));
      if (write.length === 0) return { error: [] };
      const result = await bulkWrite(write, context);
      // Rows written since they were kept have moved on: their kept form is no longer any write's `previous`.
      const failed = new Set(result.error.map((error) => error.documentId));
      for (const row of write) if (!failed.has(String(row.document.id))) pair.materialized.delete(String(row.document.id));
      return result;
    };

    meta.findDocumentsById = async (ids, withDeleted) => {
      const found = await find(ids, withDeleted);
      const have = new Set(found.map((row) => String(row.id)));
      const itemIds = ids.filter((id) => !have.has(id) && id.endsWith('|0')).map((id) => id.slice(0, -2));
      if (itemIds.length === 0) return found;
      const implied = (await pair.fork.findDocumentsById(itemIds, true)).filter(isAsPulled);
      return [...found, ...implied.map((doc) => metaRowOf(schema, String(doc[pair.primaryPath]), doc, IMPLIED_REV))];
    };

    const release = () => {
      subscription.unsubscribe();
      if (pair.meta === meta) pair.meta = undefined;
    };
    const close = meta.close.bind(meta);
    meta.close = () => {
      release();
      return close();
    };
    const remove = meta.remove.bind(meta);
    meta.remove = () => {
      release();
      return remove();
    };
    return meta;
  }

  return {
    ...storage,
    async createStorageInstance(params) {
      const instance = (await storage.createStorageInstance(params)) as unknown as Instance;
      const own = params as unknown as Params;
      return (own.schema.title === META_INSTANCE_SCHEMA_TITLE ? await wrapMeta(own, instance) : wrapDocuments(own, instance)) as never;
    },
  };
}
