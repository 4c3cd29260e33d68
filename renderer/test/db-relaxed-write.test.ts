// Chunks of pulled data marked relaxed (db/storage pacedStorage) are written straight on IndexedDB
// in one relaxed transaction (db/dexieRaw), updates included — with the storage's own results:
// conflicts come back as 409 so a local edit racing a pull is kept, tombstones and change events
// as Dexie's storage makes them. Dexie over fake-indexeddb, as in the app.
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { createRevision, normalizeMangoQuery, prepareQuery, type EventBulk, type RxDocumentData, type RxStorageChangeEvent } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { freshReadsStorage } from '../src/db/freshReads';
import { RELAXED_CONTEXT_SUFFIX } from '../src/db/storage';
import { openThings, schema, type Doc, type Instance } from './support/thingsInstance';

let databaseCount = 0;
const relaxed = `replication-downstream-k${RELAXED_CONTEXT_SUFFIX}`;

function open(databaseName: string): Promise<Instance> {
  return openThings(freshReadsStorage(getRxStorageDexie({ chromeTransactionDurability: 'strict' })), databaseName);
}

function row(id: string, name = `名称${id}`) {
  const document = { id, name, _deleted: false, _attachments: {}, _meta: { lwt: Date.now() }, _rev: createRevision('test') };
  return { document };
}

function edit(previous: RxDocumentData<Doc>, change: Partial<RxDocumentData<Doc>>) {
  return { previous, document: { ...previous, ...change, _meta: { lwt: Date.now() + 1 }, _rev: createRevision('test', previous) } };
}

/** An instance that held documents when opened (not fresh), with `ids` stored. */
async function openWith(ids: string[]): Promise<Instance> {
  const name = `relaxed-${++databaseCount}`;
  const first = await open(name);
  expect((await first.bulkWrite(ids.map((id) => row(id)), 'test')).error).toEqual([]);
  await first.close();
  return open(name);
}

// Watched from the start: Dexie binds `transaction` when it opens a database.
const transactions = vi.spyOn(IDBDatabase.prototype, 'transaction');

/** The mode and durability of every IndexedDB transaction opened while `run` runs. */
async function durabilities(run: () => Promise<unknown>): Promise<string[]> {
  const from = transactions.mock.calls.length;
  await run();
  return transactions.mock.calls.slice(from).map(([, mode, options]) => `${mode ?? 'readonly'} ${options?.durability ?? 'default'}`);
}

describe('relaxed writes of pulled updates', () => {
  it('updates stored documents in one relaxed transaction, with the change events and checkpoint the storage emits', async () => {
    const instance = await openWith(['a', 'b']);
    const stored = await instance.findDocumentsById(['a', 'b'], false);
    const bulks: EventBulk<RxStorageChangeEvent<Doc>, unknown>[] = [];
    const subscription = instance.changeStream().subscribe((bulk) => bulks.push(bulk));
    const rows = [edit(stored[0]!, { name: '新a' }), edit(stored[1]!, { name: '新b' }), row('c')];
    const seen = await durabilities(async () => expect((await instance.bulkWrite(rows, relaxed)).error).toEqual([]));
    expect(seen).toEqual(['readwrite relaxed']);
    expect(bulks).toHaveLength(1);
    expect(bulks[0]!.context).toBe('replication-downstream-k');
    expect(bulks[0]!.events.map((event) => [event.operation, event.documentId, event.previousDocumentData?.name])).toEqual([
      ['UPDATE', 'a', '名称a'],
      ['UPDATE', 'b', '名称b'],
      ['INSERT', 'c', undefined],
    ]);
    // The storage's checkpoint: the last row written.
    expect(bulks[0]!.checkpoint).toEqual({ id: 'c', lwt: rows[2]!.document._meta.lwt });
    expect((await instance.findDocumentsById(['a', 'b', 'c'], false)).map((doc) => [doc.id, doc.name])).toEqual([
      ['a', '新a'],
      ['b', '新b'],
      ['c', '名称c'],
    ]);
    subscription.unsubscribe();
    await instance.close();
  });

  it('keeps strict durability for unmarked writes: a person’s edit and the last chunk of a page', async () => {
    const instance = await openWith(['a']);
    const [stored] = await instance.findDocumentsById(['a'], false);
    const seen = await durabilities(() => instance.bulkWrite([edit(stored!, { name: '本地' })], 'replication-downstream-k'));
    expect(seen.filter((entry) => entry.startsWith('readwrite'))).toEqual(['readwrite strict']);
    await instance.close();
  });

  it('refuses an update whose previous state is no longer stored (a local edit raced the pull) with 409 and the stored document', async () => {
    const instance = await openWith(['a', 'b']);
    const [a, b] = await instance.findDocumentsById(['a', 'b'], false);
    // The person's edit lands first; the pull's row still assumes the old state.
    expect((await instance.bulkWrite([edit(a!, { name: '本地编辑' })], 'rx-document-save')).error).toEqual([]);
    const result = await instance.bulkWrite([edit(a!, { name: '拉取的' }), edit(b!, { name: '拉取的b' })], relaxed);
    expect(result.error.map((error) => [error.documentId, error.status])).toEqual([['a', 409]]);
    const conflict = result.error[0]!;
    expect(conflict.status === 409 && conflict.documentInDb.name).toBe('本地编辑');
    expect((await instance.findDocumentsById(['a', 'b'], false)).map((doc) => doc.name)).toEqual(['本地编辑', '拉取的b']);
    await instance.close();
  });

  it('stores a pulled deletion as the storage does: a tombstone, out of queries, found among deleted documents', async () => {
    const instance = await openWith(['gone', 'here']);
    const [gone] = await instance.findDocumentsById(['gone'], false);
    expect((await instance.bulkWrite([edit(gone!, { _deleted: true })], relaxed)).error).toEqual([]);
    expect((await instance.findDocumentsById(['gone', 'here'], false)).map((doc) => doc.id)).toEqual(['here']);
    expect((await instance.findDocumentsById(['gone'], true)).map((doc) => [doc.id, doc._deleted])).toEqual([['gone', true]]);
    const query = prepareQuery(schema as never, normalizeMangoQuery(schema as never, { selector: { _deleted: { $eq: false } }, sort: [{ id: 'asc' }] } as never));
    expect((await instance.query(query)).documents.map((doc) => doc.id)).toEqual(['here']);
    // Brought back by a later pull: the tombstone read back is a valid previous state.
    const [tombstone] = await instance.findDocumentsById(['gone'], true);
    expect((await instance.bulkWrite([edit(tombstone!, { _deleted: false, name: '回来了' })], relaxed)).error).toEqual([]);
    expect((await instance.query(query)).documents.map((doc) => [doc.id, doc.name])).toEqual([
      ['gone', '回来了'],
      ['here', '名称here'],
    ]);
    await instance.close();
  });
});
