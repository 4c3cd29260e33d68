// The first sync of a new device: every document of the street pulled into an empty local database
// through the app's real sync engine (RxDB on Dexie over fake-indexeddb, in Node), against the real
// server on PGlite. The references are the same pulls storing nothing, and storing each page straight
// into IndexedDB: the ratios are what the client's write path costs, and what RxDB and Dexie add to
// the least any client must do. (fake-indexeddb is slower than Chromium's IndexedDB; the ratios,
// not the seconds, carry over.)
import 'fake-indexeddb/auto';
import { expect, test } from 'vitest';
import { collectionNames, type CollectionName, type Member, type WireDoc } from '@domain/collections';
import type { LoginResponse, PullResponse } from '@domain/contract';
import { startServer } from '../../server/src/server';

const PAGE = 500;
const VERSION = '0.0.0-dev';

interface Session {
  url: string;
  token: string;
}

async function call<T>(session: Session, method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { 'x-client-version': VERSION, authorization: `Bearer ${session.token}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(session.url + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function signIn(url: string, username: string): Promise<Session> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-client-version': VERSION },
    body: JSON.stringify({ username, password: 'demo1234', deviceName: 'bench' }),
  });
  const { token } = (await response.json()) as LoginResponse;
  return { url, token };
}

/** Every document of one collection, page by page, as the reference client (nothing stored). */
async function pullAll(session: Session, collection: CollectionName): Promise<WireDoc[]> {
  const docs: WireDoc[] = [];
  let query = '';
  for (;;) {
    const page = await call<PullResponse<WireDoc>>(session, 'GET', `/api/sync/${collection}/pull?limit=${PAGE}${query}`);
    if (page.documents.length === 0) return docs;
    docs.push(...page.documents);
    query = `&checkpoint=${encodeURIComponent(JSON.stringify(page.checkpoint))}`;
  }
}

/** Copies of the demo members until the street has `total`, pushed as the admin would. */
async function growMembers(admin: Session, total: number): Promise<void> {
  const existing = (await pullAll(admin, 'members')) as WireDoc<'members'>[];
  const copies: Member[] = [];
  for (let i = 0; existing.length + copies.length < total; i++) {
    const { idNumber: _id, mobile: _mobile, _deleted, ...source } = existing[i % existing.length]!;
    copies.push({ ...source, id: `bench-member-${i}` });
  }
  for (let i = 0; i < copies.length; i += 200) {
    const rows = copies.slice(i, i + 200).map((doc) => ({ newDocumentState: { ...doc, _deleted: false } }));
    await call(admin, 'POST', '/api/sync/members/push', rows);
  }
}

/** One object store, keyed by id: the least any client must do to keep what it pulled. */
function openRawStore(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open('bench-raw', 1);
    request.onupgradeneeded = () => request.result.createObjectStore('docs', { keyPath: 'id' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('indexedDB.open failed'));
  });
}

/** One transaction per page, as a pull handler would write it. */
async function putAll(db: IDBDatabase, docs: WireDoc[]): Promise<void> {
  for (let i = 0; i < docs.length; i += PAGE) {
    await new Promise<void>((resolve, reject) => {
      const transaction = db.transaction('docs', 'readwrite');
      const store = transaction.objectStore('docs');
      for (const doc of docs.slice(i, i + PAGE)) store.put(doc);
      transaction.oncomplete = () => resolve();
      transaction.onerror = () => reject(transaction.error ?? new Error('transaction failed'));
    });
  }
}

/** The little of `localStorage` the sync engine uses. */
class MemoryStorage {
  private readonly data = new Map<string, string>();
  getItem(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.data.set(key, value);
  }
  removeItem(key: string): void {
    this.data.delete(key);
  }
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

// The quick tier runs in CI after the tests (`BENCH_TIER=quick`); the full one by hand.
const MEMBERS = Number(process.env.BENCH_MEMBERS ?? (process.env.BENCH_TIER === 'quick' ? 2000 : 20000));

test(`first sync of a new device, ${MEMBERS} members`, async () => {
  const members = MEMBERS;
  const server = await startServer({ port: 0, host: '127.0.0.1', dataDir: 'memory://', demo: true, webRoot: null, quiet: true, minClientVersion: '0.0.0' });
  try {
    const admin = await signIn(server.url, 'admin');
    await growMembers(admin, members);

    // References: the same pulls storing nothing, then storing each page straight into IndexedDB.
    let started = performance.now();
    let total = 0;
    for (const collection of collectionNames) total += (await pullAll(admin, collection)).length;
    const fetchOnly = performance.now() - started;
    started = performance.now();
    const raw = await openRawStore();
    for (const collection of collectionNames) await putAll(raw, await pullAll(admin, collection));
    raw.close();
    const fetchAndRaw = performance.now() - started;

    // The app: its sync engine into a new local database. The browser globals it reads come first.
    Object.assign(globalThis, { window: new EventTarget(), navigator: { onLine: true }, localStorage: new MemoryStorage() });
    const { openDatabase, closeDatabase } = await import('../../renderer/src/db/current');
    const { browserStorage } = await import('../../renderer/src/db/storage');
    const { conflictHandlers } = await import('../../renderer/src/sync/conflicts');
    const { startSync } = await import('../../renderer/src/sync/engine');
    const { useSyncStatus } = await import('../../renderer/src/sync/status');

    started = performance.now();
    const open = await openDatabase({
      name: 'bench',
      storage: browserStorage(),
      multiInstance: false,
      // Personal fields are encrypted as on a real device, so the ratio includes that cost.
      encryptionKey: 'e'.repeat(64),
      conflictHandlerFor: conflictHandlers({ record: () => Promise.resolve(), isRemovedFromScope: () => false }),
    });
    const engine = startSync(open, { serverUrl: admin.url, token: admin.token }, (error) => console.error('session ended', error));
    await new Promise<void>((resolve, reject) => {
      const unsubscribe = useSyncStatus.subscribe((status) => {
        if (status.lastError) reject(new Error(status.lastError));
        if (status.lastSyncedAt !== null && status.firstSync === null && !status.syncing) {
          unsubscribe();
          resolve();
        }
      });
    });
    const client = performance.now() - started;
    let stored = 0;
    for (const collection of collectionNames) stored += await open.db.collections[collection].count().exec();
    await engine.stop();
    await closeDatabase();
    expect(stored).toBe(total);

    console.log(`first sync: ${total} documents (${members} members), pages of ${PAGE}`);
    console.log(`  reference, pulls only:              ${seconds(fetchOnly)}  (${Math.round(total / (fetchOnly / 1000))} docs/s)`);
    console.log(`  reference, pulls into raw IndexedDB: ${seconds(fetchAndRaw)}  (${Math.round(total / (fetchAndRaw / 1000))} docs/s)`);
    console.log(`  app sync engine into RxDB/Dexie:    ${seconds(client)}  (${Math.round(total / (client / 1000))} docs/s)`);
    console.log(`  ratio app / pulls only:             ${(client / fetchOnly).toFixed(2)}`);
    console.log(`  ratio app / pulls + raw writes:     ${(client / fetchAndRaw).toFixed(2)}`);
  } finally {
    await server.close();
  }
});
