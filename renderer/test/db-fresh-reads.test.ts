// A storage instance that was empty when opened answers reads of ids it never saw written without
// asking IndexedDB (db/freshReads: a new device's first sync), and still finds everything written
// through it, in an earlier session, or by another tab. Dexie over fake-indexeddb, as in the app.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createRevision, getChangedDocumentsSince, normalizeMangoQuery, prepareQuery } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { freshReadsStorage, type FreshReadCounts } from '../src/db/freshReads';
import { RELAXED_CONTEXT_SUFFIX } from '../src/db/storage';
import { eventually } from './support/browserGlobals';
import { openThings, schema } from './support/thingsInstance';

let databaseCount = 0;

function row(id: string, deleted = false) {
  const document = { id, name: `名称${id}`, _deleted: deleted, _attachments: {}, _meta: { lwt: Date.now() }, _rev: '' };
  document._rev = createRevision('test');
  return { document };
}

describe('freshReadsStorage', () => {
  it('answers reads of ids a new instance never held without IndexedDB, and finds what was written through it', async () => {
    const counts: FreshReadCounts = { skipped: 0, passed: 0 };
    const instance = await openThings(freshReadsStorage(getRxStorageDexie(), counts), `fresh-${++databaseCount}`);
    expect(await instance.findDocumentsById(['a', 'b', 'c'], true)).toEqual([]);
    expect(counts).toEqual({ skipped: 3, passed: 0 });

    const written = await instance.bulkWrite([row('a'), row('t', true)], 'test');
    expect(written.error).toEqual([]);
    const found = await instance.findDocumentsById(['a', 'b', 't'], true);
    expect(found.map((doc) => doc.id).sort()).toEqual(['a', 't']);
    expect(counts).toMatchObject({ skipped: 4, passed: 2 });
    // A tombstone is found only when deleted documents are asked for, as the storage answers.
    expect((await instance.findDocumentsById(['t'], false)).map((doc) => doc.id)).toEqual([]);
    await instance.close();
  });

  it('asks IndexedDB for every id when the instance held documents when opened', async () => {
    const name = `fresh-${++databaseCount}`;
    const first = await openThings(freshReadsStorage(getRxStorageDexie()), name);
    await first.bulkWrite([row('earlier')], 'test');
    await first.close();

    const counts: FreshReadCounts = { skipped: 0, passed: 0 };
    const reopened = await openThings(freshReadsStorage(getRxStorageDexie(), counts), name);
    expect((await reopened.findDocumentsById(['earlier', 'other'], true)).map((doc) => doc.id)).toEqual(['earlier']);
    expect(counts).toEqual({ skipped: 0, passed: 0 });
    await reopened.close();
  });

  it('inserts ids it never saw without reading them first, with their change events, and reads them back', async () => {
    const counts: FreshReadCounts = { skipped: 0, passed: 0 };
    const instance = await openThings(freshReadsStorage(getRxStorageDexie(), counts), `fresh-${++databaseCount}`);
    const events: string[] = [];
    const checkpoints: unknown[] = [];
    const subscription = instance.changeStream().subscribe((bulk) => {
      events.push(...bulk.events.map((event) => `${event.operation} ${event.documentId}`));
      checkpoints.push(bulk.checkpoint);
    });
    expect((await instance.bulkWrite([row('a'), row('b')], 'replication-down')).error).toEqual([]);
    expect(counts.added).toBe(2);
    expect(events).toEqual(['INSERT a', 'INSERT b']);
    expect(checkpoints).toEqual([{ id: 'b', lwt: expect.any(Number) as number }]);
    // An update of a stored document goes the usual way, with its conflict check.
    const [stored] = await instance.findDocumentsById(['a'], false);
    const update = { previous: stored!, document: { ...stored!, name: '新名称', _rev: createRevision('test', stored) } };
    expect((await instance.bulkWrite([update], 'test')).error).toEqual([]);
    expect(counts.added).toBe(2);
    expect((await instance.findDocumentsById(['a', 'b'], false)).map((doc) => doc.name)).toEqual(['新名称', '名称b']);
    subscription.unsubscribe();
    await instance.close();
  });

  it('never overwrites a document it did not know was stored: the insert is refused as a conflict', async () => {
    const name = `fresh-${++databaseCount}`;
    const counts: FreshReadCounts = { skipped: 0, passed: 0 };
    const here = await openThings(freshReadsStorage(getRxStorageDexie(), counts), name);
    // Written behind its back (no change event reaches it): another tab whose event has not arrived yet.
    const elsewhere = await openThings(getRxStorageDexie(), name, 'tab-2');
    const theirs = row('x');
    theirs.document.name = '别处写的';
    await elsewhere.bulkWrite([theirs], 'test');

    const result = await here.bulkWrite([row('x'), row('y')], 'replication-down');
    expect(result.error.map((error) => [error.documentId, error.status])).toEqual([['x', 409]]);
    expect(counts).toMatchObject({ added: 1, refused: 1 });
    const stored = await elsewhere.findDocumentsById(['x', 'y'], false);
    expect(stored.map((doc) => [doc.id, doc.name])).toEqual([
      ['x', '别处写的'],
      ['y', '名称y'],
    ]);
    await elsewhere.close();
    await here.close();
  });

  it('passes on the context RxDB gave a write, without the mark of a relaxed commit, fresh or not', async () => {
    const name = `fresh-${++databaseCount}`;
    const fresh = await openThings(freshReadsStorage(getRxStorageDexie()), name);
    const contexts: string[] = [];
    const subscription = fresh.changeStream().subscribe((bulk) => contexts.push(bulk.context));
    // RxDB's upstream tells the replication's own writes by this context: a changed one would push pulled documents back.
    expect((await fresh.bulkWrite([row('a'), row('b')], `replication-downstream-k${RELAXED_CONTEXT_SUFFIX}`)).error).toEqual([]);
    const [stored] = await fresh.findDocumentsById(['a'], false);
    const update = { previous: stored!, document: { ...stored!, name: '新名称', _rev: createRevision('test', stored) } };
    expect((await fresh.bulkWrite([update], `replication-downstream-k${RELAXED_CONTEXT_SUFFIX}`)).error).toEqual([]);
    subscription.unsubscribe();
    await fresh.close();

    const reopened = await openThings(freshReadsStorage(getRxStorageDexie()), name);
    const later: string[] = [];
    const again = reopened.changeStream().subscribe((bulk) => later.push(bulk.context));
    expect((await reopened.bulkWrite([row('c')], `replication-down-write-meta${RELAXED_CONTEXT_SUFFIX}`)).error).toEqual([]);
    again.unsubscribe();
    expect(contexts).toEqual(['replication-downstream-k', 'replication-downstream-k']);
    expect(later).toEqual(['replication-down-write-meta']);
    expect((await reopened.findDocumentsById(['a', 'b', 'c'], false)).map((doc) => [doc.id, doc.name])).toEqual([
      ['a', '新名称'],
      ['b', '名称b'],
      ['c', '名称c'],
    ]);
    await reopened.close();
  });

  it('stores a deleted document as the storage does: found among tombstones only', async () => {
    const instance = await openThings(freshReadsStorage(getRxStorageDexie()), `fresh-${++databaseCount}`);
    expect((await instance.bulkWrite([row('gone', true), row('here')], `replication-downstream-k${RELAXED_CONTEXT_SUFFIX}`)).error).toEqual([]);
    expect((await instance.findDocumentsById(['gone', 'here'], false)).map((doc) => doc.id)).toEqual(['here']);
    expect((await instance.findDocumentsById(['gone'], true)).map((doc) => [doc.id, doc._deleted])).toEqual([['gone', true]]);
    // The indexes RxDB's queries use (_deleted stored as '0'/'1', _meta.lwt) hold the written rows.
    const changed = await getChangedDocumentsSince(instance, 10);
    expect(changed.documents.map((doc) => doc.id).sort()).toEqual(['gone', 'here']);
    const query = prepareQuery(schema as never, normalizeMangoQuery(schema as never, { selector: { _deleted: { $eq: false } }, sort: [{ id: 'asc' }] } as never));
    expect((await instance.query(query)).documents.map((doc) => doc.id)).toEqual(['here']);
    await instance.close();
  });

  it('finds what another tab wrote into the same database once its change event has arrived', async () => {
    const name = `fresh-${++databaseCount}`;
    const here = await openThings(freshReadsStorage(getRxStorageDexie()), name, 'tab-1', true);
    const otherTab = await openThings(getRxStorageDexie(), name, 'tab-2', true);
    await otherTab.bulkWrite([row('from-other-tab')], 'test');
    await eventually(async () => expect((await here.findDocumentsById(['from-other-tab'], true)).map((doc) => doc.id)).toEqual(['from-other-tab']));
    await otherTab.close();
    await here.close();
  });
});
