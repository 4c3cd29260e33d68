// A transaction's requests issued a slice at a time (db/dexieRaw issueInSlices), as the sync's
// writes of pulled documents do: everything is written in the one transaction however many slices
// it takes, a refused `add` the transaction keeps does not stop the rest, and a value IndexedDB
// cannot take in a later slice leaves nothing written. fake-indexeddb, with a clock that makes
// every request "take" half a slice, so each slice issues two.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ISSUE_SLICE_MS, issueInSlices } from '../src/db/dexieRaw';

let databaseCount = 0;

async function openStore(): Promise<IDBDatabase> {
  const request = indexedDB.open(`slices-${++databaseCount}`, 1);
  request.onupgradeneeded = () => request.result.createObjectStore('things', { keyPath: 'id' });
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('open failed'));
  });
}

function stored(db: IDBDatabase): Promise<{ id: string }[]> {
  const request = db.transaction('things', 'readonly').objectStore('things').getAll();
  return new Promise((resolve) => (request.onsuccess = () => resolve(request.result as { id: string }[])));
}

/** Each call half a slice later than the one before. */
function halfSliceClock(): () => number {
  let now = 0;
  return () => (now += ISSUE_SLICE_MS / 2);
}

/** Adds `docs` in one transaction a slice at a time; the positions refused as existing keys. */
function addInSlices(db: IDBDatabase, docs: unknown[], issued: { slices: number }): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const transaction = db.transaction('things', 'readwrite');
    const store = transaction.objectStore('things');
    const refused: number[] = [];
    // A slice is issued in one go: a run of calls with no task boundary between them.
    let inSlice = false;
    const requests = issueInSlices(
      transaction,
      docs,
      (doc) => {
        if (!inSlice) {
          issued.slices++;
          inSlice = true;
          queueMicrotask(() => (inSlice = false));
        }
        return store.add(doc);
      },
      reject,
      halfSliceClock(),
    );
    transaction.onerror = (event) => {
      event.preventDefault();
      refused.push(requests.indexOf(event.target as IDBRequest));
    };
    transaction.oncomplete = () => resolve(refused);
    transaction.onabort = () => reject(transaction.error ?? new Error('aborted'));
  });
}

describe('issueInSlices', () => {
  it('writes every document in one transaction, slice after slice, keeping the rows after a refused one', async () => {
    const db = await openStore();
    const first = db.transaction('things', 'readwrite');
    first.objectStore('things').add({ id: 'd3', name: 'already there' });
    await new Promise((resolve) => (first.oncomplete = resolve));
    const docs = Array.from({ length: 9 }, (_, i) => ({ id: `d${i}`, name: `名称${i}` }));
    const issued = { slices: 0 };
    const refused = await addInSlices(db, docs, issued);
    expect(refused).toEqual([3]);
    expect(issued.slices).toBeGreaterThanOrEqual(4);
    const ids = (await stored(db)).map((doc) => doc.id).sort();
    expect(ids).toEqual(docs.map((doc) => doc.id).sort());
    db.close();
  });

  it('writes nothing when a later slice holds a value IndexedDB cannot take', async () => {
    const db = await openStore();
    const docs: unknown[] = Array.from({ length: 6 }, (_, i) => ({ id: `d${i}` }));
    docs[5] = { id: 'd5', notCloneable: () => undefined };
    await expect(addInSlices(db, docs, { slices: 0 })).rejects.toThrow();
    expect(await stored(db)).toEqual([]);
    db.close();
  });
});
