// The storage limit in the page (owner: client helper): the same documents put straight into
// IndexedDB, one object store per collection keyed by id with the same indexes as our schemas
// (domain/src schemas' `indexes`), `put` in batches of 1,000, one transaction per batch, the
// browser's default durability. Nothing a client could skip: no replication, no encryption.
//
// Beside it, for the figures only (no ratio): the same writes in the form RxDB's Dexie storage
// stores them — its index set (`[_deleted+id]`, each schema index as `[_deleted+field+id]`,
// `[_meta.lwt+id]` and `_meta.lwt`: rx-schema-helper and storage-dexie's getDexieStoreSchema) and
// its fields on each record (`_deleted` as '0', `_meta.lwt`, `_rev`, `_attachments`) — what of
// the first sync's cost is that form, before replication and encryption. RxDB's whole default set:
// the app's own new stores leave out the `_meta.lwt` index, and `[_deleted+id]` where a schema has
// indexes of its own (renderer/src/db/storage.ts withoutUnreadIndexes).
import { collectionNames, schemas, type CollectionName } from '@domain/collections';
import { CLIENT_VERSION_HEADER, PULL_BATCH } from '@domain/contract';
import { APP_VERSION } from '../../../renderer/src/desktop/version';
import { keepSchemaFields } from '../../../renderer/src/db/plain';

type Doc = Record<string, unknown> & { id: string };

/** The documents to write, as the server sends them (schema fields only, as the app keeps them). */
let loaded: Partial<Record<CollectionName, Doc[]>> = {};
let current: IDBDatabase | null = null;
let counter = 0;

/** One page of a collection's pull, from `checkpoint` on (the start when undefined). */
async function fetchPage(serverUrl: string, token: string, collection: CollectionName, checkpoint: unknown): Promise<{ documents: Doc[]; checkpoint: unknown }> {
  const headers = { [CLIENT_VERSION_HEADER]: APP_VERSION, authorization: `Bearer ${token}` };
  const params = new URLSearchParams({ limit: String(PULL_BATCH) });
  if (checkpoint !== undefined) params.set('checkpoint', JSON.stringify(checkpoint));
  const response = await fetch(`${serverUrl}/api/sync/${collection}/pull?${params.toString()}`, { headers });
  if (!response.ok) throw new Error(`pull ${collection}: ${response.status} ${await response.text()}`);
  return (await response.json()) as { documents: Doc[]; checkpoint: unknown };
}

/** Reads every collection from the server into the page (not timed); returns how many documents. */
export async function fetchAll(serverUrl: string, token: string): Promise<number> {
  loaded = {};
  let total = 0;
  for (const collection of collectionNames) {
    const docs: Doc[] = [];
    let checkpoint: unknown;
    for (;;) {
      const page = await fetchPage(serverUrl, token, collection, checkpoint);
      if (page.documents.length === 0) break;
      for (const doc of page.documents) docs.push(keepSchemaFields(doc, schemas[collection].properties));
      checkpoint = page.checkpoint;
    }
    loaded[collection] = docs;
    total += docs.length;
  }
  return total;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

/** How the records are stored: as the app's documents, or in RxDB's Dexie form (see the top). */
export type RawForm = 'plain' | 'rxdb';

/** The index key paths of a collection's store in either form. */
function indexesOf(collection: CollectionName, form: RawForm): (string | string[])[] {
  const fields = (schemas[collection] as { indexes?: readonly string[] }).indexes ?? [];
  if (form === 'plain') return [...fields];
  return [['_deleted', 'id'], ...fields.map((field) => ['_deleted', field, 'id']), ['_meta.lwt', 'id'], '_meta.lwt'];
}

function openFresh(form: RawForm): Promise<IDBDatabase> {
  const name = `bench-raw-${Date.now()}-${counter++}`;
  const open = indexedDB.open(name, 1);
  open.onupgradeneeded = () => {
    for (const collection of collectionNames) {
      const store = open.result.createObjectStore(collection, { keyPath: 'id' });
      for (const keyPath of indexesOf(collection, form)) store.createIndex(Array.isArray(keyPath) ? `[${keyPath.join('+')}]` : keyPath, keyPath);
    }
  };
  return request(open);
}

/** A document as RxDB's Dexie storage stores a pulled one (its revision's hash made up: ten characters, as RxDB's). */
function inRxdbForm(doc: Doc, lwt: number): Doc {
  return { ...doc, _deleted: '0', _meta: { lwt }, _rev: `1-${lwt.toString(36).padStart(10, '0').slice(-10)}`, _attachments: {} };
}

async function drop(db: IDBDatabase): Promise<void> {
  db.close();
  await new Promise<void>((resolve) => {
    const req = indexedDB.deleteDatabase(db.name);
    req.onsuccess = req.onerror = req.onblocked = () => resolve();
  });
}

function putBatch(db: IDBDatabase, collection: CollectionName, docs: Doc[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const transaction = db.transaction(collection, 'readwrite');
    const store = transaction.objectStore(collection);
    for (const doc of docs) store.put(doc);
    transaction.oncomplete = () => resolve();
    transaction.onerror = transaction.onabort = () => reject(transaction.error ?? new Error('transaction failed'));
  });
}

/**
 * Writes the loaded documents (the first `limit` of them, biggest collections first when limited)
 * into a new database; the time of the writes. The database stays open for `getBatch`.
 */
export async function writeAll(limit = Infinity, batch = 1000, form: RawForm = 'plain'): Promise<{ ms: number; docs: number }> {
  if (current) await drop(current);
  current = null;
  const db = await openFresh(form);
  // RxDB's form is made before the clock starts, as the plain documents were loaded.
  let lwt = Date.now();
  const source: Partial<Record<CollectionName, Doc[]>> =
    form === 'plain' ? loaded : Object.fromEntries(collectionNames.map((name) => [name, (loaded[name] ?? []).map((doc) => inRxdbForm(doc, lwt++))]));
  const order = Number.isFinite(limit) ? [...collectionNames].sort((a, b) => (loaded[b]?.length ?? 0) - (loaded[a]?.length ?? 0)) : collectionNames;
  let left = limit;
  let docs = 0;
  const started = performance.now();
  for (const collection of order) {
    const all = (source[collection] ?? []).slice(0, left);
    for (let i = 0; i < all.length; i += batch) await putBatch(db, collection, all.slice(i, i + batch));
    left -= all.length;
    docs += all.length;
  }
  const ms = performance.now() - started;
  current = db;
  return { ms, docs };
}

/** Ids of `count` members spread over the loaded ones. */
export function memberIds(count: number, offset = 0): string[] {
  const members = loaded.members ?? [];
  if (members.length === 0) return [];
  const step = Math.max(1, Math.floor(members.length / count));
  return Array.from({ length: count }, (_, i) => members[(offset + i * step) % members.length]!.id);
}

/** One IndexedDB `get` batch: `ids` read from the members store in one transaction; its time. */
export async function getBatch(ids: string[]): Promise<number> {
  const db = current;
  if (!db) throw new Error('nothing written yet: run writeAll first');
  const started = performance.now();
  const store = db.transaction('members', 'readonly').objectStore('members');
  const found = await Promise.all(ids.map((id) => request(store.get(id) as IDBRequest<Doc | undefined>)));
  const ms = performance.now() - started;
  if (found.some((doc) => doc === undefined)) throw new Error('a member was not found');
  return ms;
}

/** Deletes the database of the last writes. */
export async function reset(): Promise<void> {
  if (current) await drop(current);
  current = null;
}
