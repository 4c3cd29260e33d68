// Queries read with getAll, a page of documents per request (db/readAll), give exactly what RxDB's
// Dexie storage gives with its cursor: the same documents in the same order for every kind of
// query the pages make (whole collection, an indexed selector, a selector no index serves, a sort
// no index serves, skip and limit), in one page or many, tombstones left out, and live queries
// following writes. Dexie over fake-indexeddb.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRxDatabase, getChangedDocumentsSinceQuery, prepareQuery, type MangoQuery, type RxCollection, type RxJsonSchema, type RxStorageDefaultCheckpoint } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { READ_PAGE, readAllStorage } from '../src/db/readAll';
import type { AppStorage } from '../src/db/storage';

interface Person {
  id: string;
  name: string;
  communityId: string;
  age: number;
  isPartyMember: boolean;
}

const schema: RxJsonSchema<Person> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 40 },
    name: { type: 'string' },
    communityId: { type: 'string', maxLength: 40 },
    age: { type: 'number' },
    isPartyMember: { type: 'boolean' },
  },
  required: ['id', 'name', 'communityId', 'age', 'isPartyMember'],
  indexes: ['communityId', 'isPartyMember'],
};

const people: Person[] = Array.from({ length: 120 }, (_, i) => ({
  id: `p${String((i * 37) % 120).padStart(3, '0')}`,
  name: `人${(i * 7) % 50}`,
  communityId: `k${i % 3}`,
  age: 20 + ((i * 13) % 60),
  isPartyMember: i % 4 === 0,
}));

const opened: { remove(): Promise<unknown> }[] = [];
let counter = 0;

async function collectionOn(storage: AppStorage): Promise<RxCollection<Person>> {
  const db = await createRxDatabase<{ people: RxCollection<Person> }>({ name: `readall${counter++}`, storage, multiInstance: false });
  opened.push(db);
  await db.addCollections({ people: { schema } });
  await db.people.bulkInsert(people);
  // Tombstones stay in the store; no query may return them.
  await db.people.findByIds(['p000', 'p005']).exec().then((found) => Promise.all([...found.values()].map((doc) => doc.remove())));
  return db.people;
}

afterEach(async () => {
  for (const db of opened.splice(0)) await db.remove();
});

const queries: Record<string, MangoQuery<Person>> = {
  'the whole collection by id': { selector: {}, sort: [{ id: 'asc' }] },
  'an indexed selector': { selector: { communityId: 'k1' }, sort: [{ id: 'asc' }] },
  'an indexed boolean': { selector: { isPartyMember: true }, sort: [{ id: 'asc' }] },
  'a selector no index serves': { selector: { age: { $gt: 50 } }, sort: [{ id: 'asc' }] },
  'a sort no index serves': { selector: {}, sort: [{ name: 'asc' }, { id: 'desc' }] },
  'skip and limit over the primary index': { selector: {}, sort: [{ id: 'asc' }], skip: 10, limit: 15 },
  'a limit with a filter': { selector: { age: { $lt: 40 } }, sort: [{ id: 'asc' }], limit: 7 },
  'a limit over a sort no index serves': { selector: { communityId: 'k2' }, sort: [{ age: 'desc' }, { id: 'asc' }], limit: 5 },
};

describe('readAllStorage', () => {
  it.each([
    ['in one request', READ_PAGE],
    ['in pages of 7', 7],
  ])('returns what the cursor returns, for every kind of query, %s', async (_, pageSize) => {
    const plain = await collectionOn(getRxStorageDexie());
    const readAll = await collectionOn(readAllStorage(getRxStorageDexie(), pageSize));
    const getAll = vi.spyOn(IDBIndex.prototype, 'getAll');
    for (const [what, query] of Object.entries(queries)) {
      const expected = (await plain.find(query).exec()).map((doc) => doc.toJSON());
      getAll.mockClear();
      const got = (await readAll.find(query).exec()).map((doc) => doc.toJSON());
      // A request per page (the last one short); a limit may keep the cursor, which stops at it.
      if (query.limit === undefined && what === 'the whole collection by id') expect(getAll.mock.calls.length, what).toBe(Math.floor(got.length / pageSize) + 1);
      else if (query.limit === undefined && pageSize >= people.length) expect(getAll.mock.calls.length, what).toBe(1);
      expect(got, what).toEqual(expected);
      expect(got.length, what).toBeGreaterThan(0);
      expect(got.map((doc) => doc.id), what).not.toContain('p000');
    }
    expect(await readAll.count({ selector: { communityId: 'k0' } }).exec()).toBe(await plain.count({ selector: { communityId: 'k0' } }).exec());
    getAll.mockRestore();
  });

  it('keeps a live query current after writes', async () => {
    const readAll = await collectionOn(readAllStorage(getRxStorageDexie()));
    const query = readAll.find({ selector: { communityId: 'k0' }, sort: [{ id: 'asc' }] });
    const before = (await query.exec()).length;
    await readAll.insert({ id: 'new1', name: '新人', communityId: 'k0', age: 30, isPartyMember: false });
    await readAll.findOne('p003').exec().then((doc) => doc?.remove());
    const after = (await query.exec()).map((doc) => doc.id);
    expect(after).toContain('new1');
    expect(after).not.toContain('p003');
    expect(after.length).toBe(before);
  });

  it('reads the changes since a checkpoint as the storage query does, in one request per page', async () => {
    const readAll = await collectionOn(readAllStorage(getRxStorageDexie()));
    // Later writes of the same documents move them to the end; tombstones are changes too.
    await readAll.findOne('p010').exec().then((doc) => doc?.patch({ age: 99 }));
    await readAll.findOne('p003').exec().then((doc) => doc?.remove());
    const instance = readAll.storageInstance;
    expect(typeof instance.getChangedDocumentsSince).toBe('function');
    const getAll = vi.spyOn(IDBIndex.prototype, 'getAll');
    const byQuery = async (limit: number, checkpoint?: RxStorageDefaultCheckpoint) =>
      (await instance.query(prepareQuery(instance.schema, getChangedDocumentsSinceQuery(instance, limit, checkpoint)))).documents;
    let checkpoint: RxStorageDefaultCheckpoint | undefined;
    const seen: string[] = [];
    for (let page = 0; page < 10; page++) {
      const expected = await byQuery(25, checkpoint);
      getAll.mockClear();
      const result = await instance.getChangedDocumentsSince!(25, checkpoint);
      expect(getAll.mock.calls.length).toBe(1);
      expect(result.documents).toEqual(expected);
      seen.push(...result.documents.map((doc) => doc.id));
      const last = result.documents.at(-1);
      expect(result.checkpoint).toEqual(last ? { id: last.id, lwt: last._meta.lwt } : checkpoint);
      if (result.documents.length === 0) break;
      checkpoint = result.checkpoint as RxStorageDefaultCheckpoint;
    }
    getAll.mockRestore();
    // Every document once, the rewritten ones last, the tombstones included.
    expect(new Set(seen).size).toBe(people.length);
    expect(seen.length).toBe(people.length);
    expect(seen.slice(-2)).toEqual(['p010', 'p003']);
  });
});
