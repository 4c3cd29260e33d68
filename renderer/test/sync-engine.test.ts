// The sync client against an in-memory server that speaks the contract: RxDB on memory storage,
// the real handlers, conflict handler, event stream and status. The safety properties (no offline
// edit lost, nothing pushed for a document that left the scope, parents before children) are each
// shown to fail against a deliberately broken variant.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RxConflictHandler } from 'rxdb';
import { Subject } from 'rxjs';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import type { AnyDoc, CollectionName } from '@domain/collections';
import { PULL_BATCH } from '@domain/contract';
import { closeDatabase, currentDatabase, openDatabase, type OpenDatabase } from '../src/db/current';
import type { ConflictHandlerFor } from '../src/db/database';
import { PacedQuery, PULLED_GAP_MS, type ChangeKind } from '../src/db/pacedQuery';
import { removeDoc, saveDoc } from '../src/db/write';
import type { ApiError } from '../src/sync/api';
import { attachConflictLog, recordConflict, savedConflictLog, useConflictLog } from '../src/sync/conflictLog';
import { conflictHandlers } from '../src/sync/conflicts';
import { startSync, type SyncEngine } from '../src/sync/engine';
import { useSyncStatus } from '../src/sync/status';
import { eventually, stubBrowser } from './support/browserGlobals';
import { FakeServer } from './support/fakeServer';

const street = 'street-1';
const community = 'community-1';
const compound = (id: string, fields: Record<string, unknown> = {}) => ({
  id,
  streetId: street,
  communityId: community,
  name: `小区${id}`,
  propertyManaged: false,
  residentCount: 100,
  pilot: false,
  ...fields,
});
const building = (id: string, compoundId: string) => ({ id, streetId: street, communityId: community, compoundId, name: `${id}号楼` });

const ourHandlers = conflictHandlers({
  record: recordConflict,
  isRemovedFromScope: (collection, id) => currentDatabase()?.removed.has(collection, id) ?? false,
});

/** RxDB's default: the server's state wins and the local edit is dropped without a trace. */
const serverWinsHandler: RxConflictHandler<unknown> = {
  isEqual: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  resolve: (input) => Promise.resolve(input.realMasterState),
};
const serverWins = (() => serverWinsHandler) as unknown as ConflictHandlerFor;

let server: FakeServer;
let open: OpenDatabase;
let engine: SyncEngine;
let sessionEnds: ApiError[];
let dbCount = 0;

async function start(handlers: ConflictHandlerFor = ourHandlers): Promise<void> {
  open = await openDatabase({ name: `test-${++dbCount}`, storage: getRxStorageMemory(), conflictHandlerFor: handlers, multiInstance: false, encryptionKey: 'e'.repeat(64) });
  await attachConflictLog(open.kv);
  engine = startSync(open, { serverUrl: server.url, token: 'token' }, (error) => sessionEnds.push(error));
}

async function localDoc(collection: CollectionName, id: string): Promise<AnyDoc | undefined> {
  const doc = await open.db.collections[collection].findOne(id).exec();
  return doc ? { ...doc.toMutableJSON(), _deleted: false } : undefined;
}

const synced = () => {
  const status = useSyncStatus.getState();
  expect(status.lastError).toBeNull();
  expect(status.pending).toBe(0);
  expect(status.syncing).toBe(false);
  expect(status.lastSyncedAt).not.toBeNull();
};

/** Takes the device offline (the server cannot be reached) and waits for the status to say so. */
async function goOffline(): Promise<void> {
  server.down = true;
  engine.syncNow();
  await eventually(() => expect(useSyncStatus.getState().serverReachable).toBe(false));
}

beforeEach(() => {
  stubBrowser();
  server = new FakeServer();
  sessionEnds = [];
  vi.stubGlobal('fetch', server.fetch);
});

afterEach(async () => {
  await engine.stop();
  await closeDatabase();
  vi.unstubAllGlobals();
});

describe('sync engine', () => {
  it('pulls what the server holds, counts the first sync, and only then says synced', async () => {
    for (let i = 0; i < 30; i++) server.put('compounds', compound(`c${i}`));
    await start();
    expect(useSyncStatus.getState().lastSyncedAt).toBeNull();
    await eventually(async () => expect(await open.db.collections.compounds.count().exec()).toBe(30));
    await eventually(synced);
    expect(useSyncStatus.getState().firstSync).toBeNull();
    expect(await open.kv.get('first-sync-done')).toBe(true);
  });

  it('pulls a first sync at most a page ahead of what it has stored', async () => {
    for (let i = 0; i < 4 * PULL_BATCH - 10; i++) server.put('compounds', compound(`c${i}`));
    // At each request of a page: the compounds handed out before it, less those stored by then.
    const ahead: number[] = [];
    let handedOut = 0;
    let stored = 0;
    vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
      const pull = (input instanceof Request ? input.url : input.toString()).includes('/api/sync/compounds/pull');
      if (pull) ahead.push(handedOut - stored);
      const response = await server.fetch(input, init);
      if (pull) handedOut += ((await response.clone().json()) as { documents: unknown[] }).documents.length;
      return response;
    });
    await start();
    const counting = open.db.collections.compounds.insert$.subscribe(() => stored++);
    try {
      await eventually(synced);
      expect(stored).toBe(4 * PULL_BATCH - 10);
      expect(ahead.length).toBe(4);
      // The second page is asked for while the first is being stored, never a third before the first is.
      expect(Math.max(...ahead)).toBeLessThanOrEqual(PULL_BATCH);
    } finally {
      counting.unsubscribe();
    }
  });

  it("holds a live query's re-reads of pulled changes while the first sync fills the database, and reads them when it ends", async () => {
    server.down = true;
    await start();
    await eventually(() => expect(useSyncStatus.getState().firstSync).not.toBeNull());
    // A page opened anyway during the first sync: its query, on a clock well past the everyday gap.
    const changes = new Subject<ChangeKind>();
    const source = { value: 0, clock: 0, results: [] as number[] };
    const query = new PacedQuery(
      () => Promise.resolve(source.value),
      changes,
      (result) => source.results.push(result),
      () => source.clock,
    );
    try {
      query.start();
      await eventually(() => expect(source.results).toEqual([0]));
      source.clock += PULLED_GAP_MS + 10;
      source.value = 1;
      changes.next('pulled');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(source.results).toEqual([0]);
      server.down = false;
      engine.syncNow();
      await eventually(synced);
      // At once, not when the first sync's gap (FIRST_SYNC_GAP_MS on the query's clock) has passed.
      await eventually(() => expect(source.results).toEqual([0, 1]), 2000);
    } finally {
      query.stop();
    }
  });

  it('pushes a local write, counts it as waiting until the server acknowledged it', async () => {
    await start();
    await eventually(synced);
    server.down = true;
    await saveDoc('compounds', compound('new'));
    expect(useSyncStatus.getState().pending).toBe(1);
    server.down = false;
    engine.syncNow();
    await eventually(() => expect(server.get('compounds', 'new')?.name).toBe('小区new'));
    await eventually(synced);
  });

  it('applies a change announced on the event stream', async () => {
    await start();
    await eventually(synced);
    server.put('compounds', compound('live', { name: '实时小区' }));
    server.notify('compounds');
    await eventually(async () => expect((await localDoc('compounds', 'live'))?.name).toBe('实时小区'));
  });

  it('merges field by field: an offline edit of one field survives a server edit of another', async () => {
    server.put('compounds', compound('x', { address: '旧地址' }));
    await start();
    await eventually(async () => expect(await localDoc('compounds', 'x')).toBeDefined());
    await goOffline();
    const local = await localDoc('compounds', 'x');
    await saveDoc('compounds', { ...compound('x'), ...local, address: '新地址' });
    server.put('compounds', { ...compound('x', { address: '旧地址' }), residentCount: 250 });
    server.down = false;
    engine.syncNow();
    await eventually(() => expect(server.get('compounds', 'x')).toMatchObject({ address: '新地址', residentCount: 250 }));
    await eventually(async () => expect(await localDoc('compounds', 'x')).toMatchObject({ address: '新地址', residentCount: 250 }));
    expect(useConflictLog.getState().entries).toEqual([]);
    await eventually(synced);
  });

  async function bothEditName(): Promise<void> {
    server.put('compounds', compound('y', { name: '原名' }));
    await eventually(async () => expect(await localDoc('compounds', 'y')).toBeDefined());
    await goOffline();
    await saveDoc('compounds', compound('y', { name: '本机改名' }));
    server.put('compounds', compound('y', { name: '服务器改名' }));
    server.down = false;
    engine.syncNow();
    await eventually(async () => expect((await localDoc('compounds', 'y'))?.name).toBe('服务器改名'));
    await eventually(() => expect(useSyncStatus.getState().pending).toBe(0));
  }

  it('keeps the losing local value of a field both sides changed in the conflict log', async () => {
    await start();
    await bothEditName();
    const [entry, ...more] = useConflictLog.getState().entries;
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ collection: 'compounds', docId: 'y', reason: 'bothChanged' });
    expect(entry?.fields).toEqual([{ field: 'name', server: '服务器改名', local: '本机改名' }]);
    expect((await savedConflictLog(open.kv)).entries).toHaveLength(1);
  });

  it('(broken variant) a server-wins handler loses the local value: the check above catches it', async () => {
    await start(serverWins);
    await bothEditName();
    expect(useConflictLog.getState().entries).toEqual([]);
  });

  it('never pushes an edit of a document that left the scope: it becomes a tombstone and goes to the log', async () => {
    server.put('compounds', compound('gone', { name: '将移出' }));
    await start();
    await eventually(async () => expect(await localDoc('compounds', 'gone')).toBeDefined());
    await goOffline();
    await saveDoc('compounds', compound('gone', { name: '离线修改' }));
    server.removeFromScope('compounds', 'gone');
    server.down = false;
    engine.syncNow();
    await eventually(async () => expect(await localDoc('compounds', 'gone')).toBeUndefined());
    await eventually(() => expect(useSyncStatus.getState().pending).toBe(0));
    expect(server.get('compounds', 'gone')?.name).toBe('将移出');
    const pushedIds = server.pushes.flatMap((push) => push.rows.map((row) => row.newDocumentState.id));
    expect(pushedIds).not.toContain('gone');
    expect(useConflictLog.getState().entries).toMatchObject([
      { docId: 'gone', reason: 'removedFromScope', fields: [{ field: 'name', server: '将移出', local: '离线修改' }] },
    ]);
    await eventually(synced);
  });

  it('turns a removed document into a local tombstone without pushing anything', async () => {
    server.put('compounds', compound('out'));
    await start();
    await eventually(async () => expect(await localDoc('compounds', 'out')).toBeDefined());
    server.removeFromScope('compounds', 'out');
    server.notify('compounds');
    await eventually(async () => expect(await localDoc('compounds', 'out')).toBeUndefined());
    expect(server.pushes).toEqual([]);
    expect(server.get('compounds', 'out')?._deleted).toBe(false);
  });

  it('pushes an offline-created compound before its building', async () => {
    await start();
    await eventually(synced);
    await goOffline();
    await saveDoc('compounds', compound('p'));
    await saveDoc('buildings', building('b', 'p'));
    server.down = false;
    engine.syncNow();
    await eventually(() => expect(server.get('buildings', 'b')).toBeDefined());
    const order = server.pushes.map((push) => push.collection);
    expect(order.indexOf('compounds')).toBeLessThan(order.indexOf('buildings'));
    expect(server.refused).toEqual([]);
    await eventually(synced);
  });

  it('shows a refused push with the server message and keeps the change waiting', async () => {
    await start();
    await eventually(synced);
    await saveDoc('buildings', building('orphan', 'missing'));
    await eventually(() => expect(useSyncStatus.getState().lastError).toContain('所属小区不存在'));
    expect(useSyncStatus.getState().pending).toBe(1);
    await removeDoc('buildings', 'orphan');
  });

  it('stops syncing and keeps local data when the server ends the session', async () => {
    await start();
    await eventually(synced);
    await saveDoc('compounds', compound('kept'));
    server.failWith = { status: 401, code: 'unauthorized', message: '登录已过期，请重新登录' };
    engine.syncNow();
    await eventually(() => expect(sessionEnds.map((error) => error.kind)).toContain('unauthorized'));
    expect(useSyncStatus.getState().stopped).toBe(true);
    expect(await localDoc('compounds', 'kept')).toBeDefined();
  });
});
