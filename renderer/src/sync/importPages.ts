// A new database's first sync as an import (docs/benchmarks.md, "A first sync as an import"): each
// collection's pages pulled from the server and written straight into the collection's own Dexie
// store, in the form RxDB's downstream gives a pulled document, with no replication in between.
// Runs in a worker (./firstImport.worker.ts), or in the calling thread where there is none. Needs nothing
// of the UI: no i18n, no RxDB database; the database must be closed while it writes (see
// ./firstImport.ts).
import { fillWithDefaultSettings, now } from 'rxdb';
import { getBooleanIndexes } from 'rxdb/plugins/storage-dexie';
import { schemas, type CollectionName } from '@domain/collections';
import { CLIENT_VERSION_HEADER, MAX_PULL_LIMIT, type Checkpoint, type PullResponse } from '@domain/contract';
import { dexieDatabaseName, toDexieDoc } from '../db/dexieRaw';
import { collectionSealing, encryptedFieldsOf, fieldKeyOf } from '../db/encryption';
import { rxHash } from '../db/hash';
import { keepSchemaFields } from '../db/plain';

/** Where a collection's replication starts after an import: RxDB's own `initialCheckpoint`s. */
export interface InitialCheckpoints {
  /** The server checkpoint of the last page imported. */
  pull: Checkpoint;
  /** The local `{id, lwt}` of the last document imported. */
  push: { id: string; lwt: number };
}

/** One collection's import so far. */
export interface CollectionImport {
  checkpoints?: InitialCheckpoints;
  /** Documents stored. */
  stored: number;
  /** The server had no more. */
  done: boolean;
}

export interface ImportRequest {
  serverUrl: string;
  token: string;
  clientVersion: string;
  databaseName: string;
  /** The data key the database's personal fields are sealed with. */
  dataKey: string;
  /** The collections to import, each from where an earlier import of it stopped. */
  collections: Partial<Record<CollectionName, CollectionImport>>;
}

/** A page stored: the collection's import as it now stands. */
export interface ImportedPage {
  collection: CollectionName;
  progress: CollectionImport;
}

/**
 * Documents per page: the most the server gives. The pages of a collection follow one another (each
 * starts at the checkpoint the last one ended at), so over a slow link their number sets the time.
 */
const PAGE = MAX_PULL_LIMIT;

/** A request's time limit, as the app's API client has. */
const REQUEST_TIMEOUT_MS = 30_000;

type Doc = Record<string, unknown>;

function requested<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

async function openStore(name: string): Promise<IDBDatabase> {
  const opening = indexedDB.open(name);
  // The stores exist (RxDB made them); a database that does not is never created here.
  opening.onupgradeneeded = () => opening.transaction?.abort();
  const db = await requested(opening);
  if (!db.objectStoreNames.contains('docs')) {
    db.close();
    throw new Error(`${name} has no documents store`);
  }
  return db;
}

/** Puts the rows in one transaction that is durable once it completes: the progress recorded after it counts on it. */
function putAll(db: IDBDatabase, rows: unknown[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const transaction = db.transaction('docs', 'readwrite', { durability: 'strict' });
    const store = transaction.objectStore('docs');
    for (const row of rows) store.put(row);
    transaction.oncomplete = () => resolve();
    transaction.onerror = transaction.onabort = () => reject(transaction.error ?? new Error('the import transaction failed'));
  });
}

async function fetchPage(request: ImportRequest, collection: CollectionName, checkpoint: Checkpoint | undefined, signal: AbortSignal): Promise<PullResponse> {
  const params = new URLSearchParams({ limit: String(PAGE) });
  if (checkpoint) params.set('checkpoint', JSON.stringify(checkpoint));
  const response = await fetch(`${request.serverUrl}/api/sync/${collection}/pull?${params.toString()}`, {
    headers: { authorization: `Bearer ${request.token}`, [CLIENT_VERSION_HEADER]: request.clientVersion },
    signal: AbortSignal.any([signal, AbortSignal.timeout(REQUEST_TIMEOUT_MS)]),
    cache: 'no-store',
  });
  // Any refusal ends the import; the replication that takes over meets it again and reports it.
  if (!response.ok) throw new Error(`pull ${collection}: HTTP ${response.status}`);
  const page = (await response.json()) as Partial<PullResponse>;
  if (!Array.isArray(page.documents) || typeof page.checkpoint !== 'object' || page.checkpoint === null) throw new Error(`pull ${collection}: not a page`);
  return page as PullResponse;
}

async function importCollection(request: ImportRequest, collection: CollectionName, from: CollectionImport, report: (page: ImportedPage) => void, signal: AbortSignal): Promise<void> {
  const schema = schemas[collection];
  const booleanIndexes = getBooleanIndexes(fillWithDefaultSettings(structuredClone(schema) as never));
  // The mark RxDB's downstream leaves on a document it wrote: the revision it wrote, under the
  // replication's identifier (replication.ts). The implied meta rows read it (db/impliedMeta).
  const hash = await rxHash(`${request.serverUrl}|${collection}`);
  const [carrier, ...others] = encryptedFieldsOf(collection);
  const sealing = carrier === undefined ? undefined : collectionSealing(await fieldKeyOf(request.dataKey), request.databaseName, collection, [carrier, ...others]);
  const toStored = async (wire: Doc, lwt: number): Promise<unknown> => {
    let doc = keepSchemaFields(wire, schema.properties);
    if (sealing) {
      const { rest, json } = sealing.split(doc);
      rest[sealing.carrier] = await sealing.seal(String(doc.id), json);
      doc = rest;
    }
    return toDexieDoc(booleanIndexes, { ...doc, _deleted: wire._deleted === true, _meta: { lwt, o: { _rev: 1, hash } }, _rev: `1-${hash}`, _attachments: {} });
  };

  const db = await openStore(dexieDatabaseName(request.databaseName, collection, schema.version));
  try {
    let progress = from;
    // Only into a store it has written itself or found empty: whatever else is there (a database
    // the device forgot it had) is left to the replication, which merges rather than overwrites.
    if (!progress.checkpoints && (await requested(db.transaction('docs').objectStore('docs').count())) > 0) {
      report({ collection, progress: { ...progress, done: true } });
      return;
    }
    // The next page is fetched while the last one is written.
    let next = fetchPage(request, collection, progress.checkpoints?.pull, signal);
    for (;;) {
      // Its `removed` (ids that left the scope) name nothing a new database holds.
      const page = await next;
      signal.throwIfAborted();
      // A page short of the limit ends at the server's counter: nothing more to pull for now
      // (server/src/sync/pull.ts); the replication's first pull from here finds what came since.
      const done = page.documents.length < PAGE;
      if (!done) {
        next = fetchPage(request, collection, page.checkpoint, signal);
        // Settled here if this page's write fails first; still awaited, and thrown, when it does not.
        next.catch(() => undefined);
      }
      const newest = page.documents.at(-1);
      if (newest) {
        const lwts = page.documents.map(() => now());
        const rows = await Promise.all(page.documents.map((doc, i) => toStored(doc as Doc, lwts[i]!)));
        await putAll(db, rows);
        progress = { checkpoints: { pull: page.checkpoint, push: { id: String(newest.id), lwt: lwts.at(-1)! } }, stored: progress.stored + rows.length, done };
      } else {
        progress = { ...progress, done };
      }
      report({ collection, progress });
      if (done) return;
    }
  } finally {
    db.close();
  }
}

/**
 * Imports every collection asked for, all at once (over a slow link their round trips overlap);
 * `report` is told after each page is stored. The first failure stops them all and rejects: what
 * was reported stands.
 */
export async function importCollections(request: ImportRequest, report: (page: ImportedPage) => void, signal?: AbortSignal): Promise<void> {
  const stop = new AbortController();
  const stopped = signal ? AbortSignal.any([signal, stop.signal]) : stop.signal;
  const entries = Object.entries(request.collections) as Array<[CollectionName, CollectionImport]>;
  await Promise.all(
    entries
      .filter(([, from]) => !from.done)
      .map(([collection, from]) =>
        importCollection(request, collection, from, report, stopped).catch((error: unknown) => {
          stop.abort();
          throw error;
        }),
      ),
  );
}
