// What the replication keeps of each pulled document (its assumed master state, RxDB's meta rows)
// is sealed as the document itself is, with the ciphertext made for the document: a first sync
// encrypts each pulled document once, and the state it keeps is still the server's, exactly, for
// the next push — also after the database was closed and opened again.
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
  it('is sealed with the ciphertext of the document itself: one encryption per pulled document', async () => {
    const encrypt = vi.spyOn(crypto.subtle, 'encrypt');
    try {
      engine = startSync(open, { serverUrl: server.url, token: 'token' }, () => undefined);
      await synced();
      await eventually(async () => expect(await storedMetaRows('needs')).toHaveLength(needs.length));
      await eventually(async () => expect(await storedMetaRows('members')).toHaveLength(members.length));
      expect(encrypt).toHaveBeenCalledTimes(members.length + needs.length);
    } finally {
      encrypt.mockRestore();
    }
    const carrier = encryptedFieldsOf('members')[0]!;
    const storedDocs = await (open.db.collections.members.internalStorageInstance as unknown as Raw).originalStorageInstance.findDocumentsById(['m1'], true);
    const [row] = (await storedMetaRows('members')).filter((meta) => meta.itemId === 'm1');
    const docData = row?.docData as Record<string, unknown>;
    // Plain but for the personal fields, which are the document's own ciphertext.
    expect(docData).toMatchObject({ id: 'm1', name: '成员1' });
    expect(docData[carrier]).toBe(storedDocs[0]?.[carrier]);
    expect(JSON.stringify(row)).not.toContain('13900000001');
    expect(JSON.stringify(row)).not.toContain('备注1');
  });

  it('is the server state the next push assumes, after the database was opened again, and merges a server change', async () => {
    engine = startSync(open, { serverUrl: server.url, token: 'token' }, () => undefined);
    await synced();
    await eventually(async () => expect(await storedMetaRows('needs')).toHaveLength(needs.length));
    await engine.stop();
    engine = undefined;
    // Opened again: nothing is remembered in memory, the kept state is read from disk and opened.
    await closeDatabase();
    open = await openWith();
    server.put('members', { ...members[1]!, name: '服务器改名' });
    engine = startSync(open, { serverUrl: server.url, token: 'token' }, () => undefined);
    await synced();
    await eventually(async () => expect((await open.db.collections.members.findOne('m2').exec())?.name).toBe('服务器改名'));

    const pushesBefore = server.pushes.length;
    await saveDoc('members', { ...members[0]!, note: '本地修改' });
    await saveDoc('needs', { ...needs[0]!, description: '本地修改的描述' });
    await eventually(() => expect(server.get('members', 'm1')?.note).toBe('本地修改'));
    await eventually(() => expect(server.get('needs', 'n1')?.description).toBe('本地修改的描述'));
    // Accepted as they came: the assumed state was the server's, exactly.
    const pushes = server.pushes.slice(pushesBefore);
    expect(pushes.flatMap((push) => push.conflicts)).toEqual([]);
    expect(pushes.flatMap((push) => push.rows.map((row) => row.assumedMasterState?.id))).toEqual(expect.arrayContaining(['m1', 'n1']));

    // The server changed meanwhile: the push conflicts, and the merge keeps both changes.
    server.put('members', { ...members[2]!, name: '服务器的新名字' });
    await saveDoc('members', { ...members[2]!, note: '本地的新备注' });
    await eventually(() => expect(server.get('members', 'm3')).toMatchObject({ name: '服务器的新名字', note: '本地的新备注' }));
    await synced();
  });
});
