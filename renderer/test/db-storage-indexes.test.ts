// The app's stores are made without the index RxDB's Dexie storage keeps for its cleanup() alone
// (db/storage DEXIE_SETTINGS): a new database writes one index entry less per document, the index
// the replication reads changes by stays, and a database made before with the index still opens,
// keeps its documents and takes new ones. Dexie over fake-indexeddb, as in the app.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createRevision, getChangedDocumentsSince } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { DEXIE_SETTINGS, withoutCleanupIndex } from '../src/db/storage';
import { openThings } from './support/thingsInstance';

let databaseCount = 0;

function row(id: string) {
  return { document: { id, name: `名称${id}`, _deleted: false, _attachments: {}, _meta: { lwt: Date.now() }, _rev: createRevision('test') } };
}

/** The index names of the documents' store of `databaseName`'s things collection, straight from IndexedDB. */
async function indexesOf(databaseName: string): Promise<string[]> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(`rxdb-dexie-${databaseName}--0--things`);
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
  it('drops only the cleanup index from a store declaration', () => {
    expect(withoutCleanupIndex('id, [_deleted+id], [_deleted+communityId+id], [_meta.lwt+id], _meta.lwt')).toBe(
      'id, [_deleted+id], [_deleted+communityId+id], [_meta.lwt+id]',
    );
    expect(withoutCleanupIndex('++sequence, id')).toBe('++sequence, id');
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
