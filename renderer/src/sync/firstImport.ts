// A new database's first sync, imported before the database first opens for use: every collection's
// pages written straight into its stores (./importPages.ts, in a worker), then the replications
// started from where the import stopped (RxDB's `initialCheckpoint`s; see ./replication.ts). The
// replication's own first sync wrote each pulled page through RxDB from the UI thread: twice the
// time of the plain writes, and the screen frozen in between (docs/benchmarks.md).
//
// The import writes only while nothing of the database has been opened for use: stores it never
// wrote hold nothing then, and no local edit can be overwritten. It goes on after the app was closed
// in the middle; once the database has opened (the import done, failed, or cut short by the person),
// it never runs again and the replications carry on from its last stored page. A record per
// database (localStorage) holds where it stands; a Web Lock keeps a second tab from opening the
// database meanwhile.
import { collectionNames, type CollectionName } from '@domain/collections';
import { createAppDatabase, type CreateDatabaseOptions } from '../db/database';
import { APP_VERSION } from '../desktop/version';
import { importCollections, type CollectionImport, type ImportedPage, type ImportRequest, type InitialCheckpoints } from './importPages';
import type { ImportMessage } from './firstImport.worker';

type Progress = Partial<Record<CollectionName, CollectionImport>>;

interface ImportRecord {
  /** The database has opened for use since: the import is over. */
  opened: boolean;
  collections: Progress;
}

/** What the replications start from: each collection's checkpoints after its import, and the documents it stored. */
export interface ImportResult {
  checkpoints: Partial<Record<CollectionName, InitialCheckpoints>>;
  stored: number;
}

export const nothingImported: ImportResult = { checkpoints: {}, stored: 0 };

const recordKey = (name: string) => `cg.import.${name}`;

function readRecord(name: string): ImportRecord | undefined {
  const text = localStorage.getItem(recordKey(name));
  if (text === null) return undefined;
  try {
    const record = JSON.parse(text) as Partial<ImportRecord>;
    if (typeof record.opened === 'boolean' && typeof record.collections === 'object' && record.collections !== null) return record as ImportRecord;
  } catch {
    // Unreadable: as below.
  }
  // The import is over and its checkpoints lost: the replications pull everything again, over
  // what it stored.
  return { opened: true, collections: {} };
}

function saveRecord(name: string, record: ImportRecord): void {
  localStorage.setItem(recordKey(name), JSON.stringify(record));
}

export function forgetImport(name: string): void {
  localStorage.removeItem(recordKey(name));
}

function resultOf(record: ImportRecord): ImportResult {
  const checkpoints: ImportResult['checkpoints'] = {};
  let stored = 0;
  for (const [collection, progress] of Object.entries(record.collections) as Array<[CollectionName, CollectionImport]>) {
    if (progress.checkpoints) checkpoints[collection] = progress.checkpoints;
    stored += progress.stored;
  }
  return { checkpoints, stored };
}

export interface FirstSyncOptions {
  database: CreateDatabaseOptions;
  serverUrl: string;
  token: string;
  /** Nothing of this database was ever opened on this device. */
  isNew: boolean;
  /** Called once an import starts or goes on, then after every stored page with the documents stored so far. */
  onProgress?: (stored: number) => void;
  /** Aborted: the import stops where it stands, and the replications go on from there. */
  signal?: AbortSignal;
}

/**
 * Runs a new database's import, or goes on with one cut short, and returns where the replications
 * start: the import's checkpoints (none for a database that needed none). The database is closed
 * when this returns; the import counts as over once it has.
 */
export function prepareFirstSync(options: FirstSyncOptions): Promise<ImportResult> {
  const { name } = options.database;
  return withLock(`cg-import:${name}`, async () => {
    let record = readRecord(name);
    if (!record) {
      if (!options.isNew) return nothingImported;
      record = { opened: false, collections: Object.fromEntries(collectionNames.map((collection) => [collection, { stored: 0, done: false }])) };
      saveRecord(name, record);
    }
    if (!record.opened) {
      const current = record;
      options.onProgress?.(resultOf(current).stored);
      // RxDB makes the stores, with the app's indexes; the import writes into them with the database closed.
      await (await createAppDatabase(options.database)).close();
      const request: ImportRequest = {
        serverUrl: options.serverUrl,
        token: options.token,
        clientVersion: APP_VERSION,
        databaseName: name,
        dataKey: options.database.encryptionKey,
        collections: current.collections,
      };
      const stored = (page: ImportedPage) => {
        current.collections[page.collection] = page.progress;
        saveRecord(name, current);
        options.onProgress?.(resultOf(current).stored);
      };
      await runImport(request, stored, options.signal ?? new AbortController().signal).catch((error: unknown) => {
        // Offline, refused, or cut short: the replications go on from the last stored page.
        if (!options.signal?.aborted) console.warn('first sync import stopped', error);
      });
      current.opened = true;
      saveRecord(name, current);
    }
    return resultOf(record);
  });
}

/** One tab at a time runs an import; the others wait for it before they open the database. */
async function withLock<T>(name: string, run: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  return locks ? await locks.request(name, run) : run();
}

/** The worker could not run the import at all (not loaded, or failed outside it). */
class WorkerFailed extends Error {}

/** In a worker where the page can start one, else here; a worker that fails to run leaves it to this thread. */
async function runImport(request: ImportRequest, stored: (page: ImportedPage) => void, signal: AbortSignal): Promise<void> {
  if (typeof Worker === 'function') {
    try {
      return await inWorker(request, stored, signal);
    } catch (error) {
      if (!(error instanceof WorkerFailed)) throw error;
      console.warn('first sync import: no worker, importing on the page', error.message);
    }
  }
  // Where the worker stopped: the pages it reported are not imported again.
  return importCollections(request, stored, signal);
}

function inWorker(request: ImportRequest, stored: (page: ImportedPage) => void, signal: AbortSignal): Promise<void> {
  signal.throwIfAborted();
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./firstImport.worker.ts', import.meta.url), { type: 'module' });
    const end = (error?: Error) => {
      // A transaction in flight is abandoned whole; its page is pulled again by the replication.
      worker.terminate();
      signal.removeEventListener('abort', aborted);
      if (error) reject(error);
      else resolve();
    };
    const aborted = () => end(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
    signal.addEventListener('abort', aborted);
    worker.onmessage = (event: MessageEvent<ImportMessage>) => {
      const message = event.data;
      if (message.kind === 'page') stored(message.page);
      else end(message.kind === 'failed' ? new Error(message.message) : undefined);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      end(new WorkerFailed(event.message || 'the import worker did not start'));
    };
    worker.postMessage(request);
  });
}
