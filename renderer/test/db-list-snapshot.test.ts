// A long list starts from its sealed snapshot (db/listSnapshot) plus the writes since it was taken,
// and is never shown out of date: edits, new documents and deletions since are applied, and past a
// few thousand of them the collection is read instead. A snapshot is taken only of a read that is
// still current. The live documents as useDocs reads them (db/hooks liveDocsOf) start from it
// without reading the collection, also when the router warmed it first, and stay live.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import type { Member } from '@domain/collections';
import { closeDatabase, openDatabase, type OpenDatabase } from '../src/db/current';
import { liveDocsOf, type LiveDocs } from '../src/db/hooks';
import {
  keepListSnapshot,
  openListSnapshot,
  primeFromSnapshot,
  saveListSnapshot,
  SNAPSHOT_MAX_CHANGES,
  SNAPSHOT_MIN_DOCS,
  SNAPSHOT_QUIET_MS,
  warmLists,
} from '../src/db/listSnapshot';
import { pageCopy } from '../src/db/plain';
import { conflictHandlers } from '../src/sync/conflicts';
import { eventually } from './support/browserGlobals';

let open: OpenDatabase;
const COUNT = SNAPSHOT_MIN_DOCS + 10;
const idOf = (i: number) => `m${String(i).padStart(5, '0')}`;
const member = (i: number): Member => ({
  id: idOf(i),
  streetId: 's1',
  communityId: 'c1',
  name: `成员${i}`,
  isPartyMember: true,
  mobile: `1380000${String(i).padStart(4, '0')}`,
});

beforeAll(async () => {
  open = await openDatabase({
    name: 'list-snapshot-test',
    storage: getRxStorageMemory(),
    multiInstance: false,
    encryptionKey: 'e'.repeat(64),
    conflictHandlerFor: conflictHandlers({ record: () => Promise.resolve(), isRemovedFromScope: () => false }),
  });
  await open.db.collections.members.bulkInsert(Array.from({ length: COUNT }, (_, i) => member(i)));
});
afterAll(() => closeDatabase());

const members = () => open.db.collections.members;
// Not the live list's query (RxDB shares one query object per query, and a query that has a result is not primed).
const readAll = () => members().find({ selector: { id: { $exists: true } }, sort: [{ id: 'asc' }] }).exec();
const contents = async () => (await readAll()).map((doc) => doc.toJSON());
const save = async () => saveListSnapshot(open, members(), await readAll());
async function opened(): Promise<unknown[] | undefined> {
  return (await openListSnapshot(open, members()))?.docs.map((doc) => pageCopy(doc));
}
const rename = async (id: string, name: string) => (await members().findOne(id).exec())!.incrementalPatch({ name });

/** Counts the values the sealer opens, and the reads of the collection that are not of its changes since a checkpoint. */
function countReads() {
  const counts = { sealed: 0, collection: 0 };
  const sealer = open.sealer;
  const openSealed = sealer.open.bind(sealer);
  sealer.open = (sealed) => {
    counts.sealed++;
    return openSealed(sealed);
  };
  const storage = members().storageInstance;
  const query = storage.query.bind(storage);
  storage.query = (prepared) => {
    if (!JSON.stringify(prepared.query.selector).includes('_meta.lwt')) counts.collection++;
    return query(prepared);
  };
  return counts;
}

describe('list snapshots', () => {
  it('open as the collection holds it, sealed at rest, and are not taken again unchanged', async () => {
    expect(await save()).toBe(true);
    expect(await opened()).toEqual(await contents());
    // Personal values are as unreadable on disk as the collection's own.
    const stored = JSON.stringify(await open.kv.get('list-snapshot:members:0'));
    expect(stored).not.toContain('13800000042');
    expect(stored).not.toContain('成员42');
    expect(await save()).toBe(false);
  });

  it('open with the edits, new documents and deletions written since', async () => {
    await rename(idOf(7), '改名');
    await members().insert({ ...member(1), id: 'm00001a', name: '新来的' });
    await (await members().findOne(idOf(9)).exec())!.remove();
    const docs = (await opened()) as Member[];
    expect(docs).toEqual(await contents());
    expect(docs.find((doc) => doc.id === idOf(7))?.name).toBe('改名');
    expect(docs.map((doc) => doc.id).slice(0, 3)).toEqual([idOf(0), idOf(1), 'm00001a']);
    expect(docs.some((doc) => doc.id === idOf(9))).toBe(false);
  });

  it('do not open past the most writes since that they apply', async () => {
    const all = await readAll();
    await members().bulkUpsert(all.slice(0, SNAPSHOT_MAX_CHANGES + 1).map((doc) => ({ ...doc.toMutableJSON(), name: `${doc.get('name') as string}*` })));
    expect(await openListSnapshot(open, members())).toBeUndefined();
    expect(await save()).toBe(true);
    expect(await opened()).toEqual(await contents());
  });

  it('are taken past the tombstones of documents the read does not hold, and not of a read a later write made stale', async () => {
    const before = await readAll();
    await (await members().findOne(idOf(11)).exec())!.remove();
    // The read from before the deletion still holds the deleted member.
    expect(await saveListSnapshot(open, members(), before)).toBe(false);
    const after = await readAll();
    await rename(idOf(12), '又改名');
    expect(await saveListSnapshot(open, members(), after)).toBe(false);
    // A read after both: its stamp is the last write's.
    expect(await save()).toBe(true);
    await (await members().findOne(idOf(13)).exec())!.remove();
    expect(await save()).toBe(true); // a deletion last: the stamp is the tombstone's
    const counts = countReads();
    expect(await opened()).toEqual(await contents());
    expect(counts.sealed).toBe(1);
  });

  it('start a list once, with a write that lands while the changes since are read', async () => {
    await rename(idOf(15), '早改');
    expect(await save()).toBe(true);
    await rename(idOf(14), '之前改'); // a change since the snapshot: read from the collection
    const storage = members().storageInstance;
    const query = storage.query.bind(storage);
    let armed = true;
    // Written after the changes since were read, before the answer is used.
    storage.query = async (prepared) => {
      const answer = await query(prepared);
      if (armed && JSON.stringify(prepared.query.selector).includes('_meta.lwt')) {
        armed = false;
        await members().insert({ ...member(2), id: 'm00002a', name: '读时新来的' });
      }
      return answer;
    };
    const rxQuery = members().find({ selector: { id: { $exists: true }, name: { $exists: true } }, sort: [{ id: 'asc' }] });
    expect(await primeFromSnapshot(open, rxQuery as never)).toBe(true);
    storage.query = query;
    const shown = (await rxQuery.exec()).map((doc) => doc.toJSON());
    expect(shown).toEqual(await contents());
    expect(shown.filter((doc) => doc.id === 'm00002a')).toHaveLength(1);
  });

  it('prime a query once for every live query of it (a list and its arrival times)', async () => {
    await rename(idOf(16), '再早改');
    expect(await save()).toBe(true);
    const counts = countReads();
    const rxQuery = members().find({ selector: { streetId: 's1' }, sort: [{ id: 'asc' }] });
    expect(await Promise.all([primeFromSnapshot(open, rxQuery as never), primeFromSnapshot(open, rxQuery as never)])).toEqual([true, true]);
    expect(counts.sealed).toBe(1);
  });

  it('are taken once of the latest of several results, when they settle', async () => {
    const first = await readAll();
    await rename(idOf(17), '最后改');
    const latest = await readAll();
    let seals = 0;
    const sealer = open.sealer;
    const seal = sealer.seal.bind(sealer);
    sealer.seal = (plain) => {
      seals++;
      return seal(plain);
    };
    keepListSnapshot(open, members(), first);
    keepListSnapshot(open, members(), latest);
    // Saved once the results settled (at idle: later on a loaded machine), and no second time after.
    await eventually(() => expect(seals).toBe(1), 5000);
    await new Promise((resolve) => setTimeout(resolve, SNAPSHOT_QUIET_MS));
    expect(seals).toBe(1);
    expect(await opened()).toEqual(await contents());
    sealer.seal = seal;
  });

  it('are not taken of a short list', async () => {
    expect(await saveListSnapshot(open, members(), (await readAll()).slice(0, SNAPSHOT_MIN_DOCS - 1))).toBe(false);
  });

  it('start the live list without a read of the collection, warmed before the page renders, and it stays live', async () => {
    await rename(idOf(3), '先改'); // applied from the changes since
    const counts = countReads();
    // As the router does when the database opens at the members list: the page's query, primed ahead.
    warmLists(open, ['members']);
    await eventually(() => expect(counts.sealed).toBe(1), 2000);
    const live = liveDocsOf(open, 'members', '{}');
    const shown: LiveDocs<Member>[] = [];
    const unsubscribe = live.subscribe(() => shown.push(live.getSnapshot()));
    await eventually(() => expect(shown.length).toBeGreaterThan(0));
    expect(shown[0]?.docs).toEqual(await contents());
    expect(counts).toEqual({ sealed: 1, collection: 0 });
    // An edit shows; the members it did not touch are the objects shown before.
    await rename(idOf(4), '新名字');
    await eventually(() => expect(shown.at(-1)?.docs.find((doc) => doc.id === idOf(4))?.name).toBe('新名字'));
    expect(shown.at(-1)?.docs.find((doc) => doc.id === idOf(5))).toBe(shown[0]?.docs.find((doc) => doc.id === idOf(5)));
    expect(counts.collection).toBe(0);
    unsubscribe();
  });
});
