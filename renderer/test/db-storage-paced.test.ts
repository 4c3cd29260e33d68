// The replication's big writes are split into chunks with the UI thread given back between them
// (db/storage pacedStorage); the pages' own writes stay one call; every error of every chunk is
// reported. And the base64url helpers the encrypted fields use read back what they wrote.
import { describe, expect, it } from 'vitest';
import type { RxStorageInstance } from 'rxdb';
import { fromBase64Url, toBase64Url } from '../src/db/bytes';
import { pacedStorage, RELAXED_CONTEXT_SUFFIX, type AppStorage } from '../src/db/storage';

type Row = { document: { id: string } };

function fakeStorage(calls: number[], contexts: string[] = []): AppStorage {
  return {
    name: 'fake',
    rxdbVersion: 'test',
    createStorageInstance: () =>
      Promise.resolve({
        bulkWrite: (rows: Row[], context: string) => {
          calls.push(rows.length);
          contexts.push(context);
          // The fake refuses documents whose id starts with "bad".
          const error = rows.filter((row) => row.document.id.startsWith('bad')).map((row) => ({ documentId: row.document.id, status: 409 }));
          return Promise.resolve({ error });
        },
      } as unknown as RxStorageInstance<unknown, unknown, unknown>),
  } as unknown as AppStorage;
}

const rows = (count: number, bad: number[] = []): Row[] => Array.from({ length: count }, (_, i) => ({ document: { id: bad.includes(i) ? `bad${i}` : `d${i}` } }));

async function instanceOf(storage: AppStorage) {
  return storage.createStorageInstance({} as never);
}

describe('pacedStorage', () => {
  it('splits a replication write of a pulled page into chunks and reports the errors of all of them', async () => {
    const calls: number[] = [];
    const instance = await instanceOf(pacedStorage(fakeStorage(calls), 250));
    const result = await instance.bulkWrite(rows(1000, [3, 600, 999]) as never, 'replication-downstream-abc');
    expect(calls).toEqual([250, 250, 250, 250]);
    expect(result.error.map((error) => error.documentId)).toEqual(['bad3', 'bad600', 'bad999']);
  });

  it('leaves the pages’ writes and small replication writes as one call', async () => {
    const calls: number[] = [];
    const instance = await instanceOf(pacedStorage(fakeStorage(calls), 250));
    await instance.bulkWrite(rows(1000) as never, 'rx-collection-bulk-upsert');
    await instance.bulkWrite(rows(200) as never, 'replication-down-write-meta');
    expect(calls).toEqual([1000, 200]);
  });

  it('lets the chunks of pulled documents but the last, and all of their bookkeeping, commit relaxed; checkpoints stay strict', async () => {
    const calls: number[] = [];
    const contexts: string[] = [];
    const instance = await instanceOf(pacedStorage(fakeStorage(calls, contexts), 250));
    const relaxed = (context: string) => `${context}${RELAXED_CONTEXT_SUFFIX}`;
    await instance.bulkWrite(rows(600) as never, 'replication-downstream-abc');
    await instance.bulkWrite(rows(100) as never, 'replication-downstream-abc');
    await instance.bulkWrite(rows(300) as never, 'replication-down-write-meta');
    await instance.bulkWrite(rows(100) as never, 'replication-down-write-meta');
    await instance.bulkWrite(rows(300) as never, 'replication-set-checkpoint');
    await instance.bulkWrite(rows(300) as never, 'replication-up-write-conflict');
    await instance.bulkWrite(rows(3) as never, 'rx-collection-bulk-upsert');
    expect(calls).toEqual([250, 250, 100, 100, 250, 50, 100, 250, 50, 250, 50, 3]);
    expect(contexts).toEqual([
      relaxed('replication-downstream-abc'),
      relaxed('replication-downstream-abc'),
      // Flushing the last chunk makes the earlier ones durable, before the page's checkpoint is written
      // (into the meta instance: another IndexedDB database).
      'replication-downstream-abc',
      'replication-downstream-abc',
      // The checkpoint that follows in the same database flushes the bookkeeping.
      relaxed('replication-down-write-meta'),
      relaxed('replication-down-write-meta'),
      relaxed('replication-down-write-meta'),
      'replication-set-checkpoint',
      'replication-set-checkpoint',
      'replication-up-write-conflict',
      'replication-up-write-conflict',
      'rx-collection-bulk-upsert',
    ]);
  });
});

describe('base64url', () => {
  it('reads back every length of bytes it wrote, without padding or + and /', () => {
    for (let length = 0; length < 70; length++) {
      const bytes = crypto.getRandomValues(new Uint8Array(length));
      const text = toBase64Url(bytes);
      expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
      expect([...fromBase64Url(text)]).toEqual([...bytes]);
    }
  });

  it('refuses text that is not base64url', () => {
    expect(() => fromBase64Url('ab+/')).toThrow();
  });
});
