// Our client in the page (owner: client helper): the app's own database (RxDB on Dexie, personal
// fields encrypted, strict durability) and its own sync engine, exactly as a signed-in device runs
// them, measured from an empty local database. One device per page.
import type { RxChangeEvent, RxCollection } from 'rxdb';
import { pinyin } from 'pinyin-pro';
import { collectionNames, type Building, type Community, type Compound, type Member } from '@domain/collections';
import { toHex } from '../../../renderer/src/db/bytes';
import { closeDatabase, deleteDatabase, openDatabase, type OpenDatabase } from '../../../renderer/src/db/current';
import { readAllStorage } from '../../../renderer/src/db/readAll';
import { browserStorage } from '../../../renderer/src/db/storage';
import { saveDocs } from '../../../renderer/src/db/write';
import { memberRows, memberSearchSource } from '../../../renderer/src/features/members/memberRows';
import { buildSearchIndex, searchIndex } from '../../../renderer/src/lib/search';
import { conflictHandlers } from '../../../renderer/src/sync/conflicts';
import { startSync, type SyncEngine } from '../../../renderer/src/sync/engine';
import { forgetImport, prepareFirstSync, type ImportResult } from '../../../renderer/src/sync/firstImport';
import { useSyncStatus } from '../../../renderer/src/sync/status';

interface Device {
  open: OpenDatabase;
  engine: SyncEngine | null;
  serverUrl: string;
  token: string;
  /** Where its first sync's import left the replications. */
  imported: ImportResult;
}

let device: Device | null = null;
let counter = 0;

/** A fresh data key (64 hex digits), as a new device's vault makes one. */
export function randomKey(): string {
  return toHex(crypto.getRandomValues(new Uint8Array(32)));
}

function requireDevice(): Device {
  if (!device) throw new Error('no device: run initialSync first');
  return device;
}

type Doc = Record<string, unknown>;
function collection(open: OpenDatabase, name: (typeof collectionNames)[number]): RxCollection<Doc> {
  return open.db.collections[name] as unknown as RxCollection<Doc>;
}

/** Resolves once the engine reports everything pulled and pushed, with nothing failing. */
function settled(): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const check = (status: ReturnType<typeof useSyncStatus.getState>) => {
      if (status.lastError) {
        unsubscribe();
        reject(new Error(status.lastError));
      } else if (status.lastSyncedAt !== null && status.firstSync === null && !status.syncing && status.pending === 0) {
        unsubscribe();
        resolve();
      }
    };
    const unsubscribe = useSyncStatus.subscribe(check);
  });
}

function engineFor(current: Device): SyncEngine {
  return startSync(current.open, { serverUrl: current.serverUrl, token: current.token }, (error) => console.error('session ended', error), current.imported);
}

export interface InitialSyncResult {
  ms: number;
  docs: number;
  /** The longest main-thread task during the sync (PerformanceObserver 'longtask'), 0 when none took 50 ms. */
  longestTaskMs: number;
  longTasks: number;
  /** Of `ms`, the time at least one request to the server was waiting for its answer. */
  waitingMs: number;
  requests: number;
}

/** Wraps `fetch` to time the requests in flight (their union), until the returned stop is called. */
function watchRequests(): () => { waitingMs: number; requests: number } {
  const original = window.fetch.bind(window);
  let inFlight = 0;
  let since = 0;
  let waitingMs = 0;
  let requests = 0;
  window.fetch = async (...args: Parameters<typeof fetch>) => {
    if (inFlight++ === 0) since = performance.now();
    requests++;
    try {
      const response = await original(...args);
      // The body is part of the answer: read it here so the time covers it.
      const body = response.headers.get('content-type')?.includes('event-stream') ? null : await response.arrayBuffer();
      return body === null ? response : new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
    } finally {
      if (--inFlight === 0) waitingMs += performance.now() - since;
    }
  };
  return () => {
    window.fetch = original;
    return { waitingMs: waitingMs + (inFlight > 0 ? performance.now() - since : 0), requests };
  };
}

/**
 * A fresh device: a new local database imports everything the token's account sees and syncs it
 * with the app's sync engine, as a first sign-in does. Stays open (live) for the measurements that follow, until `reset`.
 */
export async function initialSync(serverUrl: string, token: string): Promise<InitialSyncResult> {
  await reset();
  const tasks: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push(entry.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  const name = `bench-app-${Date.now()}-${counter++}`;
  const stopWatching = watchRequests();
  const started = performance.now();
  // As the app opens a new database (session/lifecycle.ts): its first sync imported, then opened.
  const database = {
    name,
    storage: readAllStorage(browserStorage()),
    multiInstance: false,
    encryptionKey: randomKey(),
    conflictHandlerFor: conflictHandlers({ record: () => Promise.resolve(), isRemovedFromScope: () => false }),
  };
  const imported = await prepareFirstSync({ database, serverUrl, token, isNew: true });
  const open = await openDatabase(database);
  const current: Device = { open, engine: null, serverUrl, token, imported };
  device = current;
  const done = settled();
  current.engine = engineFor(current);
  await done;
  const ms = performance.now() - started;
  const { waitingMs, requests } = stopWatching();
  // Long tasks are delivered after they end: let the last ones arrive.
  await new Promise((resolve) => setTimeout(resolve, 100));
  for (const entry of observer.takeRecords()) tasks.push(entry.duration);
  observer.disconnect();
  return { ms, docs: await countDocs(), longestTaskMs: Math.max(0, ...tasks), longTasks: tasks.length, waitingMs, requests };
}

/** Documents stored locally (tombstones excluded). */
export async function countDocs(): Promise<number> {
  const { open } = requireDevice();
  let total = 0;
  for (const name of collectionNames) total += await collection(open, name).count().exec();
  return total;
}

/** Stops sync and deletes the device's database. */
export async function reset(): Promise<void> {
  const current = device;
  device = null;
  if (!current) return;
  await current.engine?.stop();
  const name = current.open.name;
  await closeDatabase();
  await deleteDatabase(name, browserStorage());
  forgetImport(name);
}

/** The first `count` stored documents of `name`, each with a field changed to carry `marker`. */
async function edited(name: 'members' | 'needs', count: number, marker: string): Promise<Doc[]> {
  const { open } = requireDevice();
  const docs = await collection(open, name).find({ sort: [{ id: 'asc' }], limit: count }).exec();
  return docs.map((doc) => {
    const data = doc.toMutableJSON();
    if (name === 'members') data.workUnit = marker;
    else data.description = `${marker} ${String(data.description)}`.slice(0, 2000);
    return data;
  });
}

/**
 * Edits `count` members here as the members pages do (saveDocs); sync pushes them. The local
 * write's time, and the time until the server acknowledged them all (nothing waiting any more).
 */
export async function editMembers(count: number, marker: string): Promise<{ writeMs: number; pushedMs: number }> {
  const { open } = requireDevice();
  const docs = await edited('members', count, marker);
  if (docs.length < count) throw new Error(`only ${docs.length} members to edit`);
  const started = performance.now();
  await saveDocs('members', docs as Member[]);
  const writeMs = performance.now() - started;
  await new Promise<void>((resolve) => {
    const check = () => {
      if (open.pending.count() > 0) return;
      unsubscribe();
      resolve();
    };
    const unsubscribe = open.pending.subscribe(check);
    check();
  });
  return { writeMs, pushedMs: performance.now() - started };
}

/** Resolves when `count` members carrying `marker` have been stored here (by replication). */
export function waitForMembers(count: number, marker: string): Promise<void> {
  const { open } = requireDevice();
  const seen = new Set<string>();
  return new Promise((resolve) => {
    const subscription = collection(open, 'members').$.subscribe((event: RxChangeEvent<Doc>) => {
      if (event.documentData.workUnit === marker) seen.add(event.documentId);
      if (seen.size >= count) {
        subscription.unsubscribe();
        resolve();
      }
    });
  });
}

/**
 * `count` edits made while sync is stopped (needs, then members), then sync started again: the
 * time from reconnecting until the server has acknowledged every one.
 */
export async function pushOfflineEdits(count: number, marker: string): Promise<{ ms: number; pushed: number; waitingMs: number }> {
  const current = requireDevice();
  await current.engine?.stop();
  current.engine = null;
  const needs = await edited('needs', count, marker);
  const members = needs.length < count ? await edited('members', count - needs.length, marker) : [];
  if (needs.length > 0) await saveDocs('needs', needs as never);
  if (members.length > 0) await saveDocs('members', members as never);
  const pushed = current.open.pending.count();
  if (pushed < count) throw new Error(`only ${pushed} edits waiting`);
  // "Synced" must be earned again, not remembered from the first sync.
  localStorage.removeItem(`cg.lastSync.${current.open.name}`);
  const stopWatching = watchRequests();
  const started = performance.now();
  const done = settled();
  current.engine = engineFor(current);
  await done;
  const ms = performance.now() - started;
  return { ms, pushed, waitingMs: stopWatching().waitingMs };
}

/**
 * The members list's search (the app's own index and matching) over every stored member: the time
 * of each query, for queries by name, by pinyin initials and by the mobile's last four digits of
 * `samples` members spread over the list. The index is built once, as the list does.
 */
export async function memberSearch(samples: number): Promise<{ buildMs: number; timesMs: number[]; members: number }> {
  const { open } = requireDevice();
  const all = async <T>(name: 'communities' | 'compounds' | 'buildings' | 'members') => (await collection(open, name).find().exec()).map((doc) => doc.toJSON() as T);
  const byId = <T extends { id: string }>(docs: T[]) => new Map(docs.map((doc) => [doc.id, doc]));
  const rows = memberRows(await all<Member>('members'), byId(await all<Community>('communities')), byId(await all<Compound>('compounds')), byId(await all<Building>('buildings')));
  let started = performance.now();
  const index = buildSearchIndex(rows, memberSearchSource);
  const buildMs = performance.now() - started;
  const queries: string[] = [];
  const step = Math.max(1, Math.floor(rows.length / samples));
  for (let i = 0; i < rows.length && queries.length < samples * 3; i += step) {
    const row = rows[i]!;
    queries.push(row.name, pinyin(row.name, { pattern: 'first', toneType: 'none', type: 'array', surname: 'head' }).join(''));
    if (row.mobile) queries.push(row.mobile.slice(-4));
  }
  const timesMs: number[] = [];
  for (const query of queries) {
    started = performance.now();
    const found = searchIndex(index, query);
    timesMs.push(performance.now() - started);
    if (found.length === 0) throw new Error(`search found nothing for ${query}`);
  }
  return { buildMs, timesMs, members: rows.length };
}
