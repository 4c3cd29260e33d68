// A long list's first screen at once: the whole collection as a page last read it, sealed in one
// local document. Reading a list of 20,000 members took seconds of a cold start on its own: one
// stored document at a time out of IndexedDB, each one's personal fields decrypted apart, before
// the first row (tests/bench/app.bench.ts, cold start). One sealed value is one read and one
// decryption.
//
// A snapshot is a cache, never a source. It holds the documents as the storage gives them and the
// checkpoint of the last write among them (its stamp); opening it, the writes since that checkpoint
// are read from the collection (RxDB's changes since, the order the replication's upstream relies on)
// and applied, and the result is RxDB's query result, as if the query had read the collection: the
// query then follows later changes as always. Past a few thousand changes, or if writes keep coming
// while it opens, the query reads the collection itself. Snapshots live with the database (local
// documents: deleted with it), sealed with its data key like the conflict log (sealer.ts), and are
// taken once a list's result has been quiet for a moment, in slices, at idle.
import type { CollectionName } from '@domain/collections';
import {
  getChangedDocumentsSince,
  RX_META_LWT_MINIMUM,
  type MangoQuery,
  type RxCollection,
  type RxDocumentData,
  type RxQuery,
  type RxStorageDefaultCheckpoint,
} from 'rxdb';
import type { OpenDatabase } from './current';
import { firstSyncIsFilling } from './pacedQuery';
import { yieldToMain } from './yieldToMain';

/** Collections smaller than this are read fast enough as they are: no snapshot. */
export const SNAPSHOT_MIN_DOCS = 2000;
/** A list's result is kept once no newer one came for this long (a sync writes page after page)… */
export const SNAPSHOT_QUIET_MS = 1000;
/** …and at most once in this long: a sync's results come every few seconds. */
export const SNAPSHOT_INTERVAL_MS = 10_000;
/** Writes since a snapshot that opening it applies; past them the collection is read instead. */
export const SNAPSHOT_MAX_CHANGES = 2000;
/** Documents turned into JSON per task when a snapshot is taken. */
const STRINGIFY_SLICE = 2000;
/** Tries at applying the writes since, when more keep coming while they are read. */
const CATCH_UP_TRIES = 3;

type Doc = RxDocumentData<{ id?: unknown }>;
type Checkpoint = RxStorageDefaultCheckpoint;

/** What is used of the documents of a read (RxDB's documents). */
interface ReadDoc {
  primary: string;
  _data: RxDocumentData<unknown>;
}

interface Stored {
  stamp: Checkpoint;
  sealed: string;
}

/** One snapshot per collection and schema version: documents of an older schema are not this one's. */
const keyOf = (collection: RxCollection) => `list-snapshot:${collection.name}:${collection.schema.version}`;

function isStored(value: unknown): value is Stored {
  const stored = value as Partial<Stored> | undefined;
  return typeof stored?.sealed === 'string' && typeof stored.stamp?.lwt === 'number' && typeof stored.stamp.id === 'string';
}

const sameStamp = (a: Checkpoint | undefined, b: Checkpoint | undefined) => a?.lwt === b?.lwt && a?.id === b?.id;

/** The stamp of the snapshot each collection last opened or saved (per database), so an unchanged list is not saved again. */
const known = new WeakMap<OpenDatabase, Map<string, Checkpoint>>();

function knownOf(open: OpenDatabase): Map<string, Checkpoint> {
  let stamps = known.get(open);
  if (!stamps) known.set(open, (stamps = new Map<string, Checkpoint>()));
  return stamps;
}

/**
 * The collection's documents (no tombstones, in id order) from its snapshot and the writes since,
 * with the change counter of RxDB's collection they are current at; undefined when there is no
 * snapshot, too much changed since, or on any trouble (it is only a cache).
 */
export async function openListSnapshot(open: OpenDatabase, collection: RxCollection): Promise<{ docs: Doc[]; counter: number } | undefined> {
  try {
    const stored = await open.kv.get(keyOf(collection));
    if (!isStored(stored)) return undefined;
    knownOf(open).set(collection.name, stored.stamp);
    // Decrypted while the changes since are read; parsed only if there are not too many.
    const opening = open.sealer.open(stored.sealed);
    opening.catch(() => undefined);
    let docs: Doc[] | undefined;
    const primaryPath = collection.schema.primaryPath;
    const idOf = (doc: Doc) => String((doc as Record<string, unknown>)[primaryPath]);
    const changes = collection._changeEventBuffer;
    let stamp = stored.stamp;
    let byId: Map<string, Doc> | undefined;
    for (let tries = 0, applied = 0; tries < CATCH_UP_TRIES; tries++) {
      const counter = changes.getCounter();
      const since = await getChangedDocumentsSince<Doc, Checkpoint>(collection.storageInstance, SNAPSHOT_MAX_CHANGES + 1 - applied, stamp);
      applied += since.documents.length;
      if (applied > SNAPSHOT_MAX_CHANGES) return undefined;
      docs ??= JSON.parse(await opening) as Doc[];
      if (!Array.isArray(docs)) return undefined;
      if (since.documents.length > 0) {
        byId ??= new Map(docs.map((doc) => [idOf(doc), doc]));
        for (const doc of since.documents) {
          if (doc._deleted) byId.delete(idOf(doc));
          else byId.set(idOf(doc), doc);
        }
        stamp = since.checkpoint;
      }
      // Nothing counted meanwhile: every write RxDB has told of is in, and later ones it applies itself.
      if (changes.getCounter() === counter) {
        const current = byId ? [...byId.values()].sort((a, b) => (idOf(a) < idOf(b) ? -1 : idOf(a) > idOf(b) ? 1 : 0)) : docs;
        return { docs: current, counter };
      }
    }
    return undefined;
  } catch (error) {
    console.warn('list snapshot not opened', error);
    return undefined;
  }
}

/** A list's query: the whole collection in id order (useDocs without a query). */
export const wholeCollection = (): MangoQuery<unknown> => ({ selector: {}, sort: [{ id: 'asc' }] });

/** Each query's priming, shared by every live query of it (a list and its arrival times). */
const primings = new WeakMap<RxQuery<unknown, unknown>, Promise<boolean>>();

/**
 * Gives `query` (the whole collection in id order; not run yet) its result from the snapshot, as
 * its own read of the storage would (see readQuery.ts), once. Resolves to whether it did.
 */
export function primeFromSnapshot(open: OpenDatabase, query: RxQuery<unknown, unknown>): Promise<boolean> {
  let priming = primings.get(query);
  if (!priming) {
    priming = (async () => {
      if (query._result !== null) return false;
      const opened = await openListSnapshot(open, query.collection);
      if (!opened || query._result !== null) return false;
      query._setResultData(opened.docs);
      query._latestChangeEvent = opened.counter;
      // For the app benchmark: which cold starts opened their list from a snapshot.
      performance.mark(`cg:list-snapshot:${query.collection.name}`);
      return true;
    })();
    primings.set(query, priming);
  }
  return priming;
}

/**
 * Starts opening the snapshots of the lists a page is about to show, before it renders: RxDB keeps
 * one query object per query, so the page's live queries find theirs primed or priming.
 */
export function warmLists(open: OpenDatabase, collections: readonly CollectionName[]): void {
  for (const name of collections) void primeFromSnapshot(open, open.db.collections[name].find(wholeCollection()) as unknown as RxQuery<unknown, unknown>);
}

/**
 * The checkpoint of the last write `docs` (a read of the whole collection) reflects: its latest
 * document's, or past it the tombstones of documents it does not hold. Undefined when anything else
 * was written since: the read is already out of date.
 */
async function stampOf(collection: RxCollection, docs: readonly ReadDoc[]): Promise<Checkpoint | undefined> {
  let stamp: Checkpoint = { lwt: RX_META_LWT_MINIMUM, id: '' };
  for (const doc of docs) {
    const lwt = doc._data._meta.lwt;
    if (lwt > stamp.lwt || (lwt === stamp.lwt && doc.primary > stamp.id)) stamp = { lwt, id: doc.primary };
  }
  const held = new Set(docs.map((doc) => doc.primary));
  const primaryPath = collection.schema.primaryPath;
  for (let looked = 0; looked < SNAPSHOT_MAX_CHANGES; ) {
    const since = await getChangedDocumentsSince<Doc, Checkpoint>(collection.storageInstance, 100, stamp);
    if (since.documents.length === 0) return stamp;
    if (since.documents.some((doc) => !doc._deleted || held.has(String((doc as Record<string, unknown>)[primaryPath])))) return undefined;
    stamp = since.checkpoint;
    looked += since.documents.length;
  }
  return undefined;
}

/** JSON of the documents, built a slice per task. */
async function snapshotJson(docs: readonly unknown[]): Promise<string> {
  const parts: string[] = [];
  for (let i = 0; i < docs.length; i += STRINGIFY_SLICE) {
    if (i > 0) await yieldToMain();
    parts.push(JSON.stringify(docs.slice(i, i + STRINGIFY_SLICE)).slice(1, -1));
  }
  return `[${parts.filter((part) => part !== '').join(',')}]`;
}

/**
 * Saves `result` (a read of the whole collection, in id order) as the collection's snapshot, unless
 * the collection is small, the read is already out of date, or the snapshot holds it already.
 * Resolves to whether it saved.
 */
export async function saveListSnapshot(open: OpenDatabase, collection: RxCollection, result: readonly ReadDoc[]): Promise<boolean> {
  if (result.length < SNAPSHOT_MIN_DOCS || open.db.closed) return false;
  const stamp = await stampOf(collection, result);
  if (!stamp || sameStamp(stamp, knownOf(open).get(collection.name))) return false;
  const sealed = await open.sealer.seal(await snapshotJson(result.map((doc) => doc._data)));
  if (open.db.closed) return false;
  await open.kv.set(keyOf(collection), { stamp, sealed } satisfies Stored);
  knownOf(open).set(collection.name, stamp);
  return true;
}

interface Keeping {
  timer?: ReturnType<typeof setTimeout>;
  /** The save under way: the next waits for it (and then finds its result saved, or newer). */
  saving: Promise<unknown>;
  /** When the last save of the collection ended (performance.now()). */
  savedAt: number;
}

/** Each list's save waiting and the time of its last, by database and collection. */
const keeping = new WeakMap<OpenDatabase, Map<string, Keeping>>();

/**
 * Saves the list's result as its snapshot once no newer result came for SNAPSHOT_QUIET_MS, at most
 * once per SNAPSHOT_INTERVAL_MS (the latest result is the one saved), one save at a time, and not
 * while a first sync fills the database (the lists read again when it ends).
 */
export function keepListSnapshot(open: OpenDatabase, collection: RxCollection, result: readonly ReadDoc[]): void {
  if (result.length < SNAPSHOT_MIN_DOCS || firstSyncIsFilling()) return;
  let byCollection = keeping.get(open);
  if (!byCollection) keeping.set(open, (byCollection = new Map<string, Keeping>()));
  let entry = byCollection.get(collection.name);
  if (!entry) byCollection.set(collection.name, (entry = { saving: Promise.resolve(), savedAt: Number.NEGATIVE_INFINITY }));
  const kept = entry;
  clearTimeout(kept.timer);
  const now = performance.now();
  const due = Math.max(now + SNAPSHOT_QUIET_MS, kept.savedAt + SNAPSHOT_INTERVAL_MS);
  kept.timer = setTimeout(() => {
    kept.timer = undefined;
    whenIdle(() => {
      kept.saving = kept.saving
        .then(() => saveListSnapshot(open, collection, result))
        .catch((error: unknown) => console.warn('list snapshot not saved', error))
        .finally(() => (kept.savedAt = performance.now()));
    });
  }, due - now);
}

function whenIdle(run: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: SNAPSHOT_QUIET_MS });
  else setTimeout(run, 0);
}
