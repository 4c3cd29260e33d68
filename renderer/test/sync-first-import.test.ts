// A first sync as an import (docs/benchmarks.md, "Next: a first sync as an import"): the pulled
// pages written into the app's own Dexie stores past RxDB, in the form RxDB's downstream gives a
// pulled document (`_meta.o` marking the revision the replication wrote, which the implied meta rows
// read), then the replication started from the import's checkpoints (RxDB's pull and push
// `initialCheckpoint`). The app reads the documents back, pulls and pushes none of them again, and
// pushes a later edit over the imported state as its base. Dexie over fake-indexeddb, as in the app.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { now } from 'rxdb';
import { collectionNames, schemas, type AnyDoc, type CollectionName } from '@domain/collections';
import { closeDatabase, openDatabase, type OpenDatabase } from '../src/db/current';
import { toDexieDoc } from '../src/db/dexieRaw';
import { encryptedFieldsOf, fieldKeyOf } from '../src/db/encryption';
import { createFieldSealing } from '../src/db/fieldSealing';
import { rxHash } from '../src/db/hash';
import { keepSchemaFields } from '../src/db/plain';
import { browserStorage } from '../src/db/storage';
import { saveDoc } from '../src/db/write';
import { conflictHandlers } from '../src/sync/conflicts';
import { startSync, type SyncEngine } from '../src/sync/engine';
import type { InitialCheckpoints } from '../src/sync/replication';
import { useSyncStatus } from '../src/sync/status';
import { eventually, stubBrowser } from './support/browserGlobals';
import { FakeServer } from './support/fakeServer';

const KEY = 'a'.repeat(64);
const street = 'street-1';
const community = 'community-1';

type Doc = Record<string, unknown>;

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

/** One collection's import, as a worker would do it: every page pulled and written in RxDB's downstream form. */
async function importCollection(open: OpenDatabase, serverUrl: string, collection: CollectionName): Promise<InitialCheckpoints | undefined> {
  const hash = await rxHash(`${serverUrl}|${collection}`);
  const [carrier, ...others] = encryptedFieldsOf(collection);
  const sealing =
    carrier === undefined ? undefined : createFieldSealing(await fieldKeyOf(KEY), new TextEncoder().encode(`${open.name}/${collection}`), [carrier, ...others], collection);
  const idb = await request(indexedDB.open(`rxdb-dexie-${open.name}--${schemas[collection].version}--${collection}`));
  let checkpoint: unknown;
  let last: { id: string; lwt: number } | undefined;
  try {
    for (;;) {
      const params = new URLSearchParams({ limit: '1000' });
      if (checkpoint !== undefined) params.set('checkpoint', JSON.stringify(checkpoint));
      const page = (await (await fetch(`${serverUrl}/api/sync/${collection}/pull?${params.toString()}`)).json()) as { documents: AnyDoc[]; checkpoint: unknown };
      if (page.documents.length === 0) break;
      const rows: unknown[] = [];
      for (const wire of page.documents) {
        let doc: Doc = keepSchemaFields(wire, schemas[collection].properties);
        if (sealing) {
          const { rest, json } = sealing.split(doc);
          doc = { ...rest, [sealing.carrier]: await sealing.seal(String(doc.id), json) };
        }
        const lwt = now();
        // As RxDB's Dexie storage stores it: `_deleted`, an indexed boolean, as '0' or '1'.
        rows.push(toDexieDoc(['_deleted'], { ...doc, _deleted: wire._deleted, _meta: { lwt, o: { _rev: 1, hash } }, _rev: `1-${hash}`, _attachments: {} }));
        last = { id: String(doc.id), lwt };
      }
      const tx = idb.transaction('docs', 'readwrite');
      for (const row of rows) tx.objectStore('docs').put(row);
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = tx.onabort = () => reject(tx.error ?? new Error('transaction failed'));
      });
      checkpoint = page.checkpoint;
    }
  } finally {
    idb.close();
  }
  return last && { pull: checkpoint as InitialCheckpoints['pull'], push: last };
}

let server: FakeServer;
let open: OpenDatabase;
let engine: SyncEngine | undefined;
let dbCount = 0;

const compound = (id: string) => ({ id, streetId: street, communityId: community, name: `小区${id}`, propertyManaged: false, residentCount: 100, pilot: false });
const member = (id: string) => ({ id, streetId: street, communityId: community, name: `成员${id}`, isPartyMember: true, mobile: '13800001111', note: `备注${id}` });

beforeEach(() => {
  stubBrowser();
  server = new FakeServer();
  vi.stubGlobal('fetch', server.fetch);
});

afterEach(async () => {
  await engine?.stop();
  engine = undefined;
  await closeDatabase();
  vi.unstubAllGlobals();
});

describe('a first sync as an import', () => {
  it('reads imported documents back, pulls and pushes none of them again, and pushes an edit over the imported base', async () => {
    for (let i = 0; i < 30; i++) server.put('compounds', compound(`c${i}`));
    for (let i = 0; i < 1500; i++) server.put('members', member(`m${i}`));
    const options = {
      name: `import-${++dbCount}`,
      storage: browserStorage(),
      conflictHandlerFor: conflictHandlers({ record: () => Promise.resolve(), isRemovedFromScope: () => false }),
      multiInstance: false,
      encryptionKey: KEY,
    };
    // Opened once to make the stores, closed for the import: an instance opened on an empty store
    // answers reads of ids it never saw written as absent (db/freshReads).
    open = await openDatabase(options);
    await closeDatabase();
    const initial: Partial<Record<CollectionName, InitialCheckpoints>> = {};
    for (const collection of collectionNames) {
      const checkpoints = await importCollection(open, server.url, collection);
      if (checkpoints) initial[collection] = checkpoints;
    }
    open = await openDatabase(options);

    // The app reads them as it reads pulled ones, personal fields opened.
    expect(await open.db.collections.members.count().exec()).toBe(1500);
    const read = await open.db.collections.members.findOne('m7').exec();
    expect(read?.toJSON()).toMatchObject(member('m7'));

    // The replication starts after the import: nothing pulled again, nothing pushed.
    let pulledDocs = 0;
    vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
      const response = await server.fetch(input, init);
      if ((input instanceof Request ? input.url : input.toString()).includes('/pull')) {
        pulledDocs += ((await response.clone().json()) as { documents: unknown[] }).documents.length;
      }
      return response;
    });
    engine = startSync(open, { serverUrl: server.url, token: 'token' }, () => undefined, initial);
    await eventually(() => expect(useSyncStatus.getState().lastSyncedAt).not.toBeNull());
    expect(pulledDocs).toBe(0);
    expect(server.pushes).toEqual([]);

    // A later change on the server comes down; an edit here goes up over the imported base.
    server.put('members', { ...member('m3'), name: '改名' });
    server.notify('members');
    await eventually(async () => expect((await open.db.collections.members.findOne('m3').exec())?.name).toBe('改名'));
    expect(pulledDocs).toBe(1);
    await saveDoc('members', { ...member('m5'), note: '本地修改' });
    await eventually(() => expect(server.get('members', 'm5')?.note).toBe('本地修改'));
    const push = server.pushes.find((p) => p.collection === 'members');
    expect(push?.conflicts).toEqual([]);
    expect(push?.rows.map((row) => row.assumedMasterState)).toEqual([{ ...member('m5'), _deleted: false }]);
  });
});
