// The app's stores are made without the indexes of RxDB's Dexie storage that nothing reads
// (db/storage DEXIE_SETTINGS): the one kept for its cleanup() alone, and `[_deleted+id]` where the
// schema has indexes of its own (queries are planned on those). A new database writes fewer index
// entries per document, the index the replication reads changes by stays, queries still find
// their documents, and a database made before with the indexes still opens, keeps its documents
// and takes new ones. Dexie over fake-indexeddb, as in the app.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createRevision, fillWithDefaultSettings, getChangedDocumentsSince, normalizeMangoQuery, prepareQuery, type RxStorageInstance } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { DEXIE_SETTINGS, withoutUnreadIndexes } from '../src/db/storage';
import { openThings, type Doc } from './support/thingsInstance';

let databaseCount = 0;

function row(id: string) {
  return { document: { id, name: `名称${id}`, _deleted: false, _attachments: {}, _meta: { lwt: Date.now() }, _rev: createRevision('test') } };
}

/** Things with an index of their own, on `name`. */
const indexedSchema = fillWithDefaultSettings({
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: { id: { type: 'string', maxLength: 40 }, name: { type: 'string', maxLength: 40 } },
  required: ['id', 'name'],
  indexes: ['name'],
});

async function openIndexed(databaseName: string): Promise<RxStorageInstance<Doc, unknown, unknown>> {
  return (await getRxStorageDexie(DEXIE_SETTINGS).createStorageInstance({
    databaseName,
    collectionName: 'indexed',
    databaseInstanceToken: 'tab-1',
    schema: indexedSchema as never,
    options: {},
    multiInstance: false,
    devMode: false,
  })) as unknown as RxStorageInstance<Doc, unknown, unknown>;
}

/** The index names of the documents' store of a collection of `databaseName`, straight from IndexedDB. */
async function indexesOf(databaseName: string, collection = 'things'): Promise<string[]> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(`rxdb-dexie-${databaseName}--0--${collection}`);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('open failed'));
  });
  try {
    return [...db.transaction('docs', 'readonly').objectStore('docs').indexNames].sort();
  } finally {
    db.close();
  }
}

describe('the stores’ indexes', () => {
  it('drops from a store declaration the cleanup index, and [_deleted+id] only where the schema has indexes of its own', () => {
    expect(withoutUnreadIndexes('id, [_deleted+id], [_deleted+communityId+id], [_meta.lwt+id], _meta.lwt')).toBe('id, [_deleted+communityId+id], [_meta.lwt+id]');
    expect(withoutUnreadIndexes('id, [_deleted+id], [_meta.lwt+id], _meta.lwt')).toBe('id, [_deleted+id], [_meta.lwt+id]');
    expect(withoutUnreadIndexes('++sequence, id')).toBe('++sequence, id');
    expect(withoutUnreadIndexes('id')).toBe('id');
  });

  it('makes a store with indexes of its own without [_deleted+id], and its queries still find their documents', async () => {
    const name = `indexes-${++databaseCount}`;
    const instance = await openIndexed(name);
    expect((await instance.bulkWrite([row('b'), row('a'), row('c')], 'test')).error).toEqual([]);
    const ids = async (selector: Record<string, unknown>) =>
      (await instance.query(prepareQuery(indexedSchema as never, normalizeMangoQuery(indexedSchema as never, { selector, sort: [{ id: 'asc' }] })))).documents.map((doc) => doc.id);
    expect(await ids({})).toEqual(['a', 'b', 'c']);
    expect(await ids({ name: '名称b' })).toEqual(['b']);
    await instance.close();
    expect(await indexesOf(name, 'indexed')).toEqual(['[_deleted+name+id]', '[_meta.lwt+id]']);
  });

  it('makes a new store without the cleanup index and with the one changes are read by', async () => {
    const name = `indexes-${++databaseCount}`;
    const instance = await openThings(getRxStorageDexie(DEXIE_SETTINGS), name);
    expect((await instance.bulkWrite([row('a'), row('b')], 'test')).error).toEqual([]);
    const { documents } = await getChangedDocumentsSince(instance, 10);
    expect(documents.map((doc) => doc.id)).toEqual(['a', 'b']);
    await instance.close();
    expect(await indexesOf(name)).toEqual(['[_deleted+id]', '[_meta.lwt+id]']);
  });

  it('opens a store made with the cleanup index as it is, with its documents, and writes to it', async () => {
    const name = `indexes-${++databaseCount}`;
    const before = await openThings(getRxStorageDexie(), name);
    expect((await before.bulkWrite([row('old')], 'test')).error).toEqual([]);
    await before.close();
    expect(await indexesOf(name)).toEqual(['[_deleted+id]', '[_meta.lwt+id]', '_meta.lwt']);

    const after = await openThings(getRxStorageDexie(DEXIE_SETTINGS), name);
    expect((await after.bulkWrite([row('new')], 'test')).error).toEqual([]);
    const found = await after.findDocumentsById(['old', 'new'], false);
    expect(found.map((doc) => doc.id).sort()).toEqual(['new', 'old']);
    await after.close();
    expect(await indexesOf(name)).toEqual(['[_deleted+id]', '[_meta.lwt+id]', '_meta.lwt']);
  });
});
