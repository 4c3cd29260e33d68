// Live queries re-run paced by their own cost (db/pacedQuery, used by db/hooks): a stream of
// changes (a sync writing page after page) is read by few runs, never two at once, and the last
// change is always read; a change after a quiet moment (the person's own edit) is read at once.
// Then the same through RxDB: a live useDocs-style query over a real collection, read as the
// hooks read it (db/readQuery).
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { Subject } from 'rxjs';
import { createRxDatabase, type RxCollection, type RxDatabase } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import type { AppStorage } from '../src/db/storage';
import { readQuery } from '../src/db/readQuery';
import { collectionChanges, PacedQuery, PACE, PULLED_GAP_MS, setFirstSyncFilling, type ChangeKind } from '../src/db/pacedQuery';
import { eventually } from './support/browserGlobals';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('PacedQuery', () => {
  it('reads a stream of changes with few runs, one at a time, and reads the last change', async () => {
    const changes = new Subject<void>();
    let value = 0;
    let inFlight = 0;
    let mostInFlight = 0;
    const results: number[] = [];
    const query = new PacedQuery(
      async () => {
        inFlight++;
        mostInFlight = Math.max(mostInFlight, inFlight);
        const seen = value;
        await sleep(20); // a costly query: a whole collection read
        inFlight--;
        return seen;
      },
      changes,
      (result) => results.push(result),
    );
    query.start();
    // 100 pages written 2 ms apart: RxDB's own live query would re-run 100 times.
    for (let page = 1; page <= 100; page++) {
      value = page;
      changes.next();
      await sleep(2);
    }
    await eventually(() => expect(results.at(-1)).toBe(100));
    expect(mostInFlight).toBe(1);
    // Runs of 20 ms with 2 × 20 ms between them over ~200+ ms of changes: a handful, not 100.
    expect(query.runs).toBeLessThan(20);
    expect(PACE).toBeGreaterThanOrEqual(1);
    query.stop();
  });

  it('reads a change after a quiet moment at once, and nothing after stop', async () => {
    const changes = new Subject<void>();
    let value = 'first';
    const results: string[] = [];
    // The clock the pace is measured with: each run takes 100 ms of it.
    let clock = 0;
    const query = new PacedQuery(
      () => {
        clock += 100;
        return Promise.resolve(value);
      },
      changes,
      (result) => results.push(result),
      () => clock,
    );
    query.start();
    await eventually(() => expect(results).toEqual(['first']));
    // Soon after a costly run, a change waits its turn (PACE × 100 ms)...
    clock += 10;
    value = 'synced';
    changes.next();
    await sleep(20);
    expect(results).toEqual(['first']);
    await eventually(() => expect(results).toEqual(['first', 'synced']));
    // ...after a quiet moment, it is read in the next task.
    clock += 1000;
    value = 'edited';
    changes.next();
    await sleep(0);
    await sleep(0);
    expect(results).toEqual(['first', 'synced', 'edited']);
    query.stop();
    value = 'after';
    changes.next();
    await sleep(20);
    expect(results).toEqual(['first', 'synced', 'edited']);
    expect(query.watching).toBe(false);
  });

  /** A query of `source.value`, instant on a clock the test moves, with the results it showed. */
  function clockedQuery() {
    const source = { value: 'first', clock: 0, results: [] as string[], changes: new Subject<ChangeKind>() };
    const query = new PacedQuery(
      () => Promise.resolve(source.value),
      source.changes,
      (result) => source.results.push(result),
      () => source.clock,
    );
    return { source, query };
  }

  it('holds changes a sync pulled to one run per gap while they keep coming; an own edit is read at once', async () => {
    const { source, query } = clockedQuery();
    query.start();
    await eventually(() => expect(source.results).toEqual(['first']));
    // A pulled page soon after a run (a cheap one: PACE alone would read it at once) waits.
    source.clock += 10;
    source.value = 'pulled';
    source.changes.next('pulled');
    await sleep(30);
    expect(source.results).toEqual(['first']);
    // The person's edit is not held by the gap: read at once, with the pulled page.
    source.value = 'pulled and edited';
    source.changes.next('own');
    await eventually(() => expect(source.results).toEqual(['first', 'pulled and edited']));
    // The first pulled change after a quiet moment is read at once.
    source.clock += PULLED_GAP_MS;
    source.value = 'pulled later';
    source.changes.next('pulled');
    await eventually(() => expect(source.results).toEqual(['first', 'pulled and edited', 'pulled later']));
    query.stop();
  });

  it('holds pulled changes longer while a first sync fills the database, and reads them when it ends', async () => {
    const { source, query } = clockedQuery();
    setFirstSyncFilling(true);
    try {
      query.start();
      await eventually(() => expect(source.results).toEqual(['first']));
      // Past the everyday gap, a pulled page still waits while the first sync runs...
      source.clock += PULLED_GAP_MS + 10;
      source.value = 'pulled';
      source.changes.next('pulled');
      await sleep(30);
      expect(source.results).toEqual(['first']);
      // ...and is read as soon as it ends.
      setFirstSyncFilling(false);
      await eventually(() => expect(source.results).toEqual(['first', 'pulled']));
    } finally {
      setFirstSyncFilling(false);
      query.stop();
    }
  });

  it('keeps going after a failed run', async () => {
    const changes = new Subject<void>();
    let fail = true;
    const results: string[] = [];
    const errors = console.error;
    console.error = () => undefined;
    try {
      const query = new PacedQuery(
        () => (fail ? Promise.reject(new Error('boom')) : Promise.resolve('ok')),
        changes,
        (result) => results.push(result),
      );
      query.start();
      await sleep(10);
      fail = false;
      changes.next();
      await eventually(() => expect(results).toEqual(['ok']));
      query.stop();
    } finally {
      console.error = errors;
    }
  });
});

describe('PacedQuery over RxDB', () => {
  type Thing = { id: string; name: string };
  let db: RxDatabase<{ things: RxCollection<Thing> }> | undefined;
  afterEach(async () => {
    await db?.close();
    db = undefined;
  });

  /** The memory storage, each query answered after `delayMs` (IndexedDB reading thousands), counted. */
  function slowQueries(delayMs: number): { storage: AppStorage; queries: () => number } {
    const memory = getRxStorageMemory() as AppStorage;
    let queries = 0;
    const storage: AppStorage = {
      ...memory,
      async createStorageInstance(params) {
        const instance = await memory.createStorageInstance(params);
        const query = instance.query.bind(instance);
        instance.query = async (prepared) => {
          queries++;
          const result = await query(prepared);
          await sleep(delayMs);
          return result;
        };
        return instance;
      },
    };
    return { storage, queries: () => queries };
  }

  async function thingsCollection(name: string, storage: AppStorage = getRxStorageMemory() as AppStorage): Promise<RxCollection<Thing>> {
    db = await createRxDatabase<{ things: RxCollection<Thing> }>({ name: `${name}-${Date.now()}`, storage });
    const { things } = await db.addCollections({
      things: {
        schema: {
          version: 0,
          primaryKey: 'id',
          type: 'object',
          properties: { id: { type: 'string', maxLength: 20 }, name: { type: 'string' } },
          required: ['id', 'name'],
        },
      },
    });
    return things as RxCollection<Thing>;
  }

  it('shows every document of a sync written in pages, and an edit made here at once', async () => {
    const { storage, queries } = slowQueries(0);
    const collection = await thingsCollection('paced', storage);
    const rxQuery = collection.find({ selector: {}, sort: [{ id: 'asc' }] });
    const results: { id: string; name: string }[][] = [];
    const query = new PacedQuery(
      () => readQuery(rxQuery),
      collectionChanges(collection),
      (docs) => results.push(docs.map((doc) => ({ id: doc.id, name: doc.name }))),
    );
    query.start();
    await eventually(() => expect(results.at(-1)).toEqual([]));
    // Pages of 150 (more than RxDB's 100 buffered changes: each would be a whole re-read).
    for (let page = 0; page < 20; page++) {
      await collection.bulkInsert(Array.from({ length: 150 }, (_, i) => ({ id: String(page * 150 + i).padStart(5, '0'), name: `n${page}` })));
    }
    await eventually(() => expect(results.at(-1)?.length).toBe(3000));
    expect(query.runs).toBeLessThan(21);
    const runs = query.runs;
    const read = queries();
    await (await collection.findOne('00000').exec())?.incrementalPatch({ name: '改' });
    await eventually(() => expect(results.at(-1)?.[0]).toEqual({ id: '00000', name: '改' }));
    // One run for the edit, applied from RxDB's change buffer: the collection is not read again.
    expect(query.runs).toBe(runs + 1);
    expect(queries()).toBe(read);
    query.stop();
  });

  it('shows what a sync wrote so far while it keeps writing (a read is not started over for each write)', async () => {
    const { storage } = slowQueries(30);
    const collection = await thingsCollection('busy', storage);
    await collection.bulkInsert(Array.from({ length: 200 }, (_, i) => ({ id: `a${String(i).padStart(4, '0')}`, name: '早' })));
    const rxQuery = collection.find({ selector: {}, sort: [{ id: 'asc' }] });
    const results: number[] = [];
    const query = new PacedQuery(() => readQuery(rxQuery), collectionChanges(collection), (docs) => results.push(docs.length));
    query.start();
    // A sync writing a page every few milliseconds: every read of 30 ms meets writes.
    let pages = 0;
    while (results.length === 0 && pages < 300) {
      const stored = Array.from({ length: 5 }, (_, i) => ({
        document: { id: `b${String(pages * 5 + i).padStart(4, '0')}`, name: '同步', _deleted: false, _attachments: {}, _rev: '1-a', _meta: { lwt: Date.now() } },
      }));
      await collection.storageInstance.bulkWrite(stored, 'replication-downstream');
      pages++;
      await sleep(3);
    }
    expect(pages).toBeLessThan(300);
    expect(results[0]).toBeGreaterThanOrEqual(200);
    // When the sync stops, the last read has everything.
    await eventually(() => expect(results.at(-1)).toBe(200 + pages * 5));
    query.stop();
  });

  it("tells the replication's writes (pulled) from the device's own", async () => {
    const collection = await thingsCollection('kinds');
    const kinds: (ChangeKind | void)[] = [];
    const subscription = collectionChanges(collection).subscribe((kind) => kinds.push(kind));
    await collection.insert({ id: 'own', name: '自己' });
    const stored = { id: 'pulled', name: '同步', _deleted: false, _attachments: {}, _rev: '1-a', _meta: { lwt: Date.now() } };
    await collection.storageInstance.bulkWrite([{ document: stored }], 'replication-downstream');
    await eventually(() => expect(kinds).toEqual(['own', 'pulled']));
    subscription.unsubscribe();
  });
});
