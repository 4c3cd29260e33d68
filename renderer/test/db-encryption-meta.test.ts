// What the replication keeps of each pulled document (its assumed master state, RxDB's meta rows):
// a first sync writes no copy of the documents at all (db/impliedMeta: the documents imply it) and
// encrypts each pulled document once; a person's edit first keeps the pulled state, sealed as the
// document is; and the state the next push assumes is the server's, exactly — also after the
// database was closed and opened again, and for an edit made before sync started again.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeDatabase, openDatabase, type OpenDatabase } from '../src/db/current';
import { encryptedFieldsOf } from '../src/db/encryption';
import { browserStorage } from '../src/db/storage';
import { saveDoc } from '../src/db/write';
import { conflictHandlers } from '../src/sync/conflicts';
import { startSync, type SyncEngine } from '../src/sync/engine';
import { useSyncStatus } from '../src/sync/status';
import { eventually, stubBrowser } from './support/browserGlobals';
import { FakeServer } from './support/fakeServer';

const handlers = conflictHandlers({ record: () => Promise.resolve(), isRemovedFromScope: () => false });
const randomKey = () => Array.from(crypto.getRandomValues(new Uint8Array(32)), (b) => b.toString(16).padStart(2, '0')).join('');

const base = { streetId: 's1', communityId: 'k1', gender: 'female' as const, isPartyMember: false };
const members = [1, 2, 3].map((n) => ({ ...base, id: `m${n}`, name: `成员${n}`, mobile: `1390000000${n}`, note: `备注${n}` }));
const needs = [1, 2].map((n) => ({
  id: `n${n}`,
  streetId: 's1',
  communityId: 'k1',
  compoundId: 'c1',
  raisedBy: `提出人${n}`,
  description: `需求描述${n}`,
  state: 'submitted' as const,
  steps: [{ id: `st${n}`, at: '2026-11-27T08:00:00.000Z', by: 'u1', action: 'submit', note: `步骤${n}` }],
}));

type Raw = { originalStorageInstance: { findDocumentsById(ids: string[], withDeleted: boolean): Promise<Record<string, unknown>[]> } };

let dbCount = 0;
let name: string;
let key: string;
let open: OpenDatabase;
let server: FakeServer;
let engine: SyncEngine | undefined;

const openWith = () => openDatabase({ name, storage: browserStorage(), conflictHandlerFor: handlers, multiInstance: false, encryptionKey: key });

async function synced(): Promise<void> {
  await eventually(() => {
    const status = useSyncStatus.getState();
    expect(status.lastError).toBeFalsy();
    expect(status.lastSyncedAt).not.toBeNull();
    expect(status.syncing).toBe(false);
    expect(status.pending).toBe(0);
  });
}

/** The meta rows of `ids` the replication keeps, as stored in IndexedDB (RxDB's meta instances). */
async function storedMetaRows(collection: 'members' | 'needs'): Promise<Record<string, unknown>[]> {
  const ids = new Set<string>((collection === 'members' ? members : needs).map((doc) => doc.id));
  const rows: Record<string, unknown>[] = [];
  for (const info of await indexedDB.databases()) {
    if (!info.name?.startsWith(`rxdb-dexie-${name}--`) || !info.name.includes('rx-replication-meta')) continue;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(info.name!);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('open failed'));
    });
    for (const store of Array.from(db.objectStoreNames)) {
      const values = await new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const request = db.transaction(store, 'readonly').objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result as Record<string, unknown>[]);
        request.onerror = () => reject(request.error ?? new Error('read failed'));
      });
      rows.push(...values.filter((row) => row.isCheckpoint === '0' && ids.has(String(row.itemId))));
    }
    db.close();
  }
  return rows;
}

beforeEach(async () => {
  stubBrowser();
  name = `enc-meta-${++dbCount}`;
  key = randomKey();
  open = await openWith();
  server = new FakeServer();
  vi.stubGlobal('fetch', server.fetch);
  for (const member of members) server.put('members', member);
  for (const need of needs) server.put('needs', need);
});

afterEach(async () => {
  await engine?.stop();
  engine = undefined;
  await closeDatabase();
  vi.unstubAllGlobals();
});

describe('the replication state of pulled documents', () => {
  it('is not copied by a first sync, and kept sealed, as the pulled state, before an edit overwrites it', async () => {
    const encrypt = vi.spyOn(crypto.subtle, 'encrypt');
    try {
      engine = startSync(open, { serverUrl: server.url, token: 'token' }, () => undefined);
      await synced();
      expect(await open.db.collections.members.count().exec()).toBe(members.length);
      expect(await open.db.collections.needs.count().exec()).toBe(needs.length);
      expect(encrypt).toHaveBeenCalledTimes(members.length + needs.length);
    } finally {
      encrypt.mockRestore();
    }
    expect(await storedMetaRows('members')).toEqual([]);
    expect(await storedMetaRows('needs')).toEqual([]);

    // Offline (sync stopped), a person edits m1: its pulled state is kept first.
    await engine.stop();
    engine = undefined;
    await saveDoc('members', { ...members[0]!, note: '本地修改' });
    const carrier = encryptedFieldsOf('members')[0]!;
    const storedDocs = await (open.db.collections.members.internalStorageInstance as unknown as Raw).originalStorageInstance.findDocumentsById(['m1'], true);
    const rows = await storedMetaRows('members');
    expect(rows.map((row) => row.itemId)).toEqual(['m1']);
    const docData = rows[0]?.docData as Record<string, unknown>;
    // Plain but for the personal fields, sealed: the pulled ones, not the edited document's.
    expect(docData).toMatchObject({ id: 'm1', name: '成员1' });
    expect(typeof docData[carrier]).toBe('string');
    expect(docData[carrier]).not.toBe(storedDocs[0]?.[carrier]);
    expect(JSON.stringify(rows[0])).not.toContain('13900000001');
    expect(JSON.stringify(rows[0])).not.toContain('备注1');

    // Back online: the push assumes the pulled state and the server takes it as it came.
    const pushesBefore = server.pushes.length;
    engine = startSync(open, { serverUrl: server.url, token: 'token' }, () => undefined);
    await eventually(() => expect(server.get('members', 'm1')?.note).toBe('本地修改'));
    const pushes = server.pushes.slice(pushesBefore);
    expect(pushes.flatMap((push) => push.conflicts)).toEqual([]);
    expect(pushes.flatMap((push) => push.rows.filter((row) => row.newDocumentState.id === 'm1').map((row) => row.assumedMasterState?.note))).toEqual(['备注1']);
    await synced();
  });

  it('is the server state the next push assumes, after the database was opened again, and merges a server change', async () => {
    engine = startSync(open, { serverUrl: server.url, token: 'token' }, () => undefined);
    await synced();
    await engine.stop();
    engine = undefined;
    // Opened again: nothing is remembered in memory, the kept state is read from disk and opened.
    await closeDatabase();
    open = await openWith();
    // An edit before sync starts again (no replication has opened its state in this session yet).
    await saveDoc('needs', { ...needs[1]!, description: '同步前的修改' });
    server.put('members', { ...members[1]!, name: '服务器改名' });
    engine = startSync(open, { serverUrl: server.url, token: 'token' }, () => undefined);
    await synced();
    await eventually(async () => expect((await open.db.collections.members.findOne('m2').exec())?.name).toBe('服务器改名'));

    await saveDoc('members', { ...members[0]!, note: '本地修改' });
    await saveDoc('needs', { ...needs[0]!, description: '本地修改的描述' });
    await eventually(() => expect(server.get('members', 'm1')?.note).toBe('本地修改'));
    await eventually(() => expect(server.get('needs', 'n1')?.description).toBe('本地修改的描述'));
    expect(server.get('needs', 'n2')?.description).toBe('同步前的修改');
    // Accepted as they came: the assumed state was the server's, exactly.
    const pushes = server.pushes;
    expect(pushes.flatMap((push) => push.conflicts)).toEqual([]);
    expect(pushes.flatMap((push) => push.rows.map((row) => row.assumedMasterState?.id))).toEqual(expect.arrayContaining(['m1', 'n1', 'n2']));

    // The server changed meanwhile: the push conflicts, and the merge keeps both changes.
    server.put('members', { ...members[2]!, name: '服务器的新名字' });
    await saveDoc('members', { ...members[2]!, note: '本地的新备注' });
    await eventually(() => expect(server.get('members', 'm3')).toMatchObject({ name: '服务器的新名字', note: '本地的新备注' }));
    await synced();
  });
});
