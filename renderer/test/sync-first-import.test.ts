// A new database's first sync as an import (sync/firstImport, sync/importPages): the pulled pages
// written into the app's own Dexie stores past RxDB, then the replications started from the
// import's checkpoints. The app reads the documents back, pulls and pushes none of them again, and
// pushes a later edit over the imported state as its base; an import cut short leaves the rest to
// the replications, one interrupted by a closed app goes on where it stopped, and a database that
// was ever opened is never imported into. Dexie over fake-indexeddb, as in the app; no Worker here,
// so the import runs in the test's thread.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_PULL_LIMIT as PAGE } from '@domain/contract';
import { closeDatabase, openDatabase, type OpenDatabase } from '../src/db/current';
import type { CreateDatabaseOptions } from '../src/db/database';
import { browserStorage } from '../src/db/storage';
import { saveDoc } from '../src/db/write';
import { conflictHandlers } from '../src/sync/conflicts';
import { startSync, type SyncEngine } from '../src/sync/engine';
import { prepareFirstSync, type FirstSyncOptions, type ImportResult } from '../src/sync/firstImport';
import { useSyncStatus } from '../src/sync/status';
import { eventually, stubBrowser } from './support/browserGlobals';
import { FakeServer } from './support/fakeServer';

const street = 'street-1';
const community = 'community-1';

let server: FakeServer;
let open: OpenDatabase | undefined;
let engine: SyncEngine | undefined;
let dbCount = 0;
/** Documents the server sent in answer to pulls, and the pull requests, since the test began. */
let pulled: { docs: number; requests: number };

const compound = (id: string) => ({ id, streetId: street, communityId: community, name: `小区${id}`, propertyManaged: false, residentCount: 100, pilot: false });
const member = (id: string) => ({ id, streetId: street, communityId: community, name: `成员${id}`, isPartyMember: true, mobile: '13800001111', note: `备注${id}` });

const urlOf = (input: RequestInfo | URL) => (input instanceof Request ? input.url : input.toString());

function seed(compounds: number, members: number): void {
  for (let i = 0; i < compounds; i++) server.put('compounds', compound(`c${i}`));
  for (let i = 0; i < members; i++) server.put('members', member(`m${i}`));
}

function databaseOptions(): CreateDatabaseOptions {
  return {
    name: `import-${++dbCount}`,
    storage: browserStorage(),
    conflictHandlerFor: conflictHandlers({ record: () => Promise.resolve(), isRemovedFromScope: () => false }),
    multiInstance: false,
    encryptionKey: 'a'.repeat(64),
  };
}

function prepare(database: CreateDatabaseOptions, options: Partial<FirstSyncOptions> = {}): Promise<ImportResult> {
  return prepareFirstSync({ database, serverUrl: server.url, token: 'token', isNew: true, ...options });
}

/** Opens the database and syncs it from the import's checkpoints until everything is in sync. */
async function openAndSync(database: CreateDatabaseOptions, imported: ImportResult): Promise<OpenDatabase> {
  open = await openDatabase(database);
  engine = startSync(open, { serverUrl: server.url, token: 'token' }, () => undefined, imported);
  await eventually(() => expect(useSyncStatus.getState().lastSyncedAt).not.toBeNull());
  return open;
}

async function countOf(db: OpenDatabase, collection: 'members' | 'compounds'): Promise<number> {
  return db.db.collections[collection].count().exec();
}

beforeEach(() => {
  stubBrowser();
  server = new FakeServer();
  pulled = { docs: 0, requests: 0 };
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const response = await server.fetch(input, init);
    if (urlOf(input).includes('/pull')) {
      pulled.requests++;
      pulled.docs += ((await response.clone().json()) as { documents?: unknown[] }).documents?.length ?? 0;
    }
    return response;
  });
});

afterEach(async () => {
  await engine?.stop();
  engine = undefined;
  open = undefined;
  await closeDatabase();
  vi.unstubAllGlobals();
});

describe('a first sync as an import', () => {
  it('reads imported documents back, pulls and pushes none of them again, and pushes an edit over the imported base', async () => {
    seed(30, PAGE + 500);
    const database = databaseOptions();
    const progress: number[] = [];
    const imported = await prepare(database, { onProgress: (stored) => progress.push(stored) });
    expect(imported.stored).toBe(PAGE + 530);
    expect(Object.keys(imported.checkpoints).sort()).toEqual(['compounds', 'members']);
    expect(progress.at(-1)).toBe(PAGE + 530);
    expect(pulled.docs).toBe(PAGE + 530);
    // A page each, and none after a page short of the limit: 2 for the members, 1 for each other collection.
    expect(pulled.requests).toBe(13);

    pulled = { docs: 0, requests: 0 };
    const db = await openAndSync(database, imported);
    // The app reads them as it reads pulled ones, personal fields opened; nothing comes again, nothing goes up.
    expect(await countOf(db, 'members')).toBe(PAGE + 500);
    expect((await db.db.collections.members.findOne('m7').exec())?.toJSON()).toMatchObject(member('m7'));
    expect(pulled.docs).toBe(0);
    expect(server.pushes).toEqual([]);

    // A later change on the server comes down; an edit here goes up over the imported base.
    server.put('members', { ...member('m3'), name: '改名' });
    server.notify('members');
    await eventually(async () => expect((await db.db.collections.members.findOne('m3').exec())?.name).toBe('改名'));
    expect(pulled.docs).toBe(1);
    await saveDoc('members', { ...member('m5'), note: '本地修改' });
    await eventually(() => expect(server.get('members', 'm5')?.note).toBe('本地修改'));
    const push = server.pushes.find((p) => p.collection === 'members');
    expect(push?.conflicts).toEqual([]);
    expect(push?.rows.map((row) => row.assumedMasterState)).toEqual([{ ...member('m5'), _deleted: false }]);
  });

  it('stops when the person opens the pages, and the replications pull only what it had not stored', async () => {
    seed(0, 2 * PAGE + 500);
    const database = databaseOptions();
    const stop = new AbortController();
    const imported = await prepare(database, { onProgress: (stored) => stored > 0 && stop.abort(), signal: stop.signal });
    expect(imported.stored).toBe(PAGE);

    pulled = { docs: 0, requests: 0 };
    const db = await openAndSync(database, imported);
    expect(await countOf(db, 'members')).toBe(2 * PAGE + 500);
    expect(pulled.docs).toBe(PAGE + 500);
    // Opened once: the import is over for good.
    pulled = { docs: 0, requests: 0 };
    await engine?.stop();
    engine = undefined;
    await closeDatabase();
    expect(await prepare(database)).toEqual(imported);
    expect(pulled.requests).toBe(0);
  });

  it('goes on from its last stored page after the app closed in the middle', async () => {
    seed(0, 3 * PAGE + 500);
    const database = databaseOptions();
    // The app closes while the third page is on its way: that answer never comes.
    let pages = 0;
    const serve = server.fetch;
    vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) =>
      (urlOf(input).includes('/members/') && ++pages === 3 ? new Promise<never>(() => undefined) : serve(input, init)),
    );
    void prepare(database);
    type Recorded = { opened: boolean; collections: { members: { stored: number } } };
    const recorded = () => JSON.parse(localStorage.getItem(`cg.import.${database.name}`) ?? '{}') as Recorded;
    await eventually(() => expect(recorded().collections.members.stored).toBe(2 * PAGE));
    expect(pages).toBe(3);
    expect(recorded().opened).toBe(false);

    vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
      const response = await serve(input, init);
      if (urlOf(input).includes('/pull')) pulled.docs += ((await response.clone().json()) as { documents: unknown[] }).documents.length;
      return response;
    });
    const imported = await prepare(database);
    expect(imported.stored).toBe(3 * PAGE + 500);
    expect(pulled.docs).toBe(PAGE + 500);
    const db = await openAndSync(database, imported);
    expect(await countOf(db, 'members')).toBe(3 * PAGE + 500);
    expect(pulled.docs).toBe(PAGE + 500);
  });

  it('stops at a refusal or with no server, and the replications take over', async () => {
    seed(5, 0);
    const database = databaseOptions();
    server.down = true;
    const imported = await prepare(database);
    expect(imported).toEqual({ checkpoints: {}, stored: 0 });
    server.down = false;
    const db = await openAndSync(database, imported);
    expect(await countOf(db, 'compounds')).toBe(5);
  });

  it('writes into no store that holds something it did not write', async () => {
    seed(5, 3);
    const database = databaseOptions();
    // A database the device holds but does not list: a member edited here, not yet pushed.
    await openDatabase(database);
    await saveDoc('members', { ...member('m1'), note: '本地修改' });
    await closeDatabase();

    const imported = await prepare(database);
    expect(imported.stored).toBe(5);
    expect(Object.keys(imported.checkpoints)).toEqual(['compounds']);
    open = await openDatabase(database);
    expect((await open.db.collections.members.findOne('m1').exec())?.note).toBe('本地修改');
    expect(await countOf(open, 'members')).toBe(1);
  });

  it('never imports into a database this device opened before', async () => {
    seed(5, 0);
    const database = databaseOptions();
    expect(await prepare(database, { isNew: false })).toEqual({ checkpoints: {}, stored: 0 });
    expect(pulled.requests).toBe(0);
  });
});
