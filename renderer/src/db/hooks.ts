// INTERFACE (agreed between the data layer and the feature pages): pages read documents only
// through these hooks, which are live: they re-render when the local database changes, whether by
// the person's own edit or by a pull. Tombstones (`_deleted`) are never returned.
import { startTransition, useEffect, useMemo, useState } from 'react';
import type { MangoQuery, RxCollection, RxDocument, RxQuery } from 'rxdb';
import type { CollectionName, DocTypes } from '@domain/collections';
import { useDatabaseStore, type OpenDatabase } from './current';
import type { AppDatabase } from './database';
import { keepListSnapshot, primeFromSnapshot, wholeCollection } from './listSnapshot';
import { collectionChanges, PacedQuery } from './pacedQuery';
import { pageCopy } from './plain';
import { readQuery } from './readQuery';

/** A Mango selector over the collection's fields, e.g. `{ compoundId: 'abc' }`. */
export type Selector = Record<string, unknown>;

export interface DocsQuery {
  selector?: Selector;
  /** e.g. `[{ name: 'asc' }]`; by default documents come sorted by `id`. */
  sort?: Array<Record<string, 'asc' | 'desc'>>;
}

export interface LiveDocs<T> {
  docs: T[];
  loading: boolean;
}

interface LiveDoc<T> {
  doc: T | undefined;
  loading: boolean;
}

// One mutable copy per document revision: RxDB reuses a document object until it changes, so a
// list of thousands re-renders at the cost of the documents that changed, and a page that mutates
// what it got cannot corrupt RxDB's cache.
const plainCopies = new WeakMap<object, unknown>();

function plainOf<T>(doc: RxDocument<T>): T {
  let plain = plainCopies.get(doc) as T | undefined;
  if (plain === undefined) {
    plain = pageCopy<T>(doc._data);
    plainCopies.set(doc, plain);
  }
  return plain;
}

/**
 * A live query shared by every component that asks for the same query. It re-runs when the
 * collection changes, paced by its own cost (see PacedQuery): a sync writing page after page no
 * longer re-reads (and decrypts) a whole collection per page.
 */
class LiveQuery<R, S> {
  private snapshot: S;
  private last: R | undefined;
  private readonly listeners = new Set<() => void>();
  private readonly paced: PacedQuery<R>;
  /** Whether the latest result is the first since the query was watched (it replaced "loading"). */
  firstResult = false;

  constructor(
    read: () => Promise<R>,
    collection: RxCollection,
    private readonly shared: Map<string, LiveQuery<never, unknown>>,
    private readonly key: string,
    same: (a: R, b: R) => boolean,
    toSnapshot: (result: R) => S,
    private readonly initial: S,
  ) {
    this.snapshot = initial;
    this.paced = new PacedQuery(
      read,
      collectionChanges(collection),
      (result) => {
        if (this.last !== undefined && same(this.last, result)) return;
        this.last = result;
        this.firstResult = this.snapshot === this.initial;
        this.snapshot = toSnapshot(result);
        for (const notify of this.listeners) notify();
      },
    );
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    if (!this.paced.watching) {
      // Back in the shared map if it was dropped while unwatched (a component kept it meanwhile).
      if (!this.shared.has(this.key)) this.shared.set(this.key, this as unknown as LiveQuery<never, unknown>);
      this.paced.start();
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) {
        this.paced.stop();
        if (this.shared.get(this.key) === (this as unknown as LiveQuery<never, unknown>)) this.shared.delete(this.key);
        // Unwatched, the result goes stale: the next reader waits for a fresh one rather than
        // starting (a form, say) from what the database held when it was last looked at.
        this.snapshot = this.initial;
        this.last = undefined;
      }
    };
  };

  readonly getSnapshot = (): S => this.snapshot;
}

const liveQueries = new WeakMap<RxCollection, Map<string, LiveQuery<never, unknown>>>();

/** The same documents in the same order (RxDB keeps one object per document revision). */
function sameDocs(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((doc, i) => doc === b[i]);
}

function liveQueryOf<R, S>(
  collection: RxCollection,
  key: string,
  query: () => RxQuery<unknown, R>,
  same: (a: R, b: R) => boolean,
  toSnapshot: (result: R) => S,
  initial: S,
  prime?: (query: RxQuery<unknown, R>) => Promise<unknown>,
): LiveQuery<R, S> {
  let shared = liveQueries.get(collection);
  if (!shared) {
    shared = new Map();
    liveQueries.set(collection, shared);
  }
  let live = shared.get(key) as LiveQuery<R, S> | undefined;
  if (!live) {
    const rxQuery = query();
    // The first read starts from what `prime` gives the query (see listSnapshot.ts), begun at once:
    // it reads while the page that asked renders.
    const primed = prime?.(rxQuery).catch(() => undefined);
    const read = async () => {
      await primed;
      return readQuery(rxQuery);
    };
    live = new LiveQuery(read, collection, shared, key, same, toSnapshot, initial);
    shared.set(key, live as unknown as LiveQuery<never, unknown>);
  }
  return live;
}

/**
 * The current result of `live` (or `fallback` without one). The first result renders at once (a
 * page opening waits for it); later ones render as a transition, which React renders in slices
 * between other work and merges when several arrive together: while a sync writes batch after
 * batch, a page of thousands of rows re-rendering at every batch froze the screen (the app
 * benchmark's longest task). A component may show a result a moment older than its neighbour's.
 */
function useLive<S>(live: Live<S> | undefined, fallback: S): S {
  const current = live ? live.getSnapshot() : fallback;
  const [shown, setShown] = useState({ live, value: current });
  useEffect(() => {
    if (!live) return undefined;
    const show = () => {
      const value = live.getSnapshot();
      setShown((before) => (before.live === live && before.value === value ? before : { live, value }));
    };
    // Loading → first result at once; a result replacing one already shown can wait its turn.
    const unsubscribe = live.subscribe(() => (live.firstResult ? show() : startTransition(show)));
    // A result that came between this render and the subscription.
    show();
    return unsubscribe;
  }, [live]);
  // Another query (its parameters changed): its own result, not the previous query's.
  return shown.live === live ? shown.value : current;
}

const LOADING_DOCS: LiveDocs<never> = { docs: [], loading: true };
const LOADING_DOC: LiveDoc<never> = { doc: undefined, loading: true };
const NO_DOC: LiveDoc<never> = { doc: undefined, loading: false };

function collectionOf<C extends CollectionName>(db: AppDatabase, name: C): RxCollection<DocTypes[C]> {
  return db.collections[name];
}

/** What a live query offers its readers: what it holds now, and word when that changes. */
export interface Live<S> {
  subscribe(listener: () => void): () => void;
  getSnapshot(): S;
  /** Whether the latest result is the first since the query was watched (it replaced "loading"). */
  readonly firstResult: boolean;
}

/**
 * The live documents of `query` (its JSON) in `collection`, as useDocs shows them, shared by every
 * reader of the same query. A whole collection (a list) starts from its snapshot, and is kept as one
 * (listSnapshot.ts).
 */
export function liveDocsOf<C extends CollectionName>(open: OpenDatabase, collection: C, key: string): Live<LiveDocs<DocTypes[C]>> {
  const { selector, sort } = JSON.parse(key) as DocsQuery;
  const whole = key === '{}';
  const mango = (whole ? wholeCollection() : { selector: selector ?? {}, sort: sort ?? [{ id: 'asc' }] }) as MangoQuery<DocTypes[C]>;
  const rxCollection = collectionOf(open.db, collection) as RxCollection;
  return liveQueryOf(
    rxCollection,
    `docs ${key}`,
    () => rxCollection.find(mango) as unknown as RxQuery<unknown, RxDocument<DocTypes[C]>[]>,
    sameDocs,
    (docs): LiveDocs<DocTypes[C]> => {
      if (whole) keepListSnapshot(open, rxCollection, docs);
      return { docs: docs.map(plainOf), loading: false };
    },
    LOADING_DOCS,
    whole ? (query) => primeFromSnapshot(open, query) : undefined,
  );
}

export function useDocs<C extends CollectionName>(collection: C, query?: DocsQuery): LiveDocs<DocTypes[C]> {
  const open = useDatabaseStore((state) => state.current);
  const key = JSON.stringify(query ?? {});
  const live = useMemo(() => (open && !open.db.closed ? liveDocsOf(open, collection, key) : undefined), [open, collection, key]);
  return useLive(live, LOADING_DOCS);
}

export function useDoc<C extends CollectionName>(
  collection: C,
  id: string | undefined,
): { doc: DocTypes[C] | undefined; loading: boolean } {
  const db = useDatabaseStore((state) => state.current?.db);
  const live = useMemo(() => {
    if (!db || db.closed || id === undefined) return undefined;
    const rxCollection = collectionOf(db, collection);
    return liveQueryOf(
      rxCollection as RxCollection,
      `doc ${id}`,
      () => rxCollection.findOne(id) as unknown as RxQuery<unknown, RxDocument<DocTypes[C]> | null>,
      (a, b) => a === b,
      (doc): LiveDoc<DocTypes[C]> => ({ doc: doc ? plainOf(doc) : undefined, loading: false }),
      LOADING_DOC,
    );
  }, [db, collection, id]);
  const fallback = id === undefined ? NO_DOC : LOADING_DOC;
  return useLive(live, fallback);
}

const NO_ARRIVALS: ReadonlyMap<string, number> = new Map();

/**
 * When each document of the collection was last written on this device (RxDB's `_meta.lwt`, in ms):
 * for a pulled document, when it arrived. Offline-first clocks disagree, so "new since I last
 * looked" compares this, not the time a step says it was taken on another device.
 */
export function useArrivals(collection: CollectionName, enabled = true): ReadonlyMap<string, number> {
  const open = useDatabaseStore((state) => state.current);
  const live = useMemo(() => {
    if (!enabled || !open || open.db.closed) return undefined;
    const rxCollection = collectionOf(open.db, collection) as RxCollection;
    return liveQueryOf(
      rxCollection,
      'arrivals',
      // The whole collection as its list reads it (useDocs without a query): RxDB shares the
      // query and its first result, from the list's snapshot.
      () => rxCollection.find(wholeCollection()) as unknown as RxQuery<unknown, RxDocument<unknown>[]>,
      sameDocs,
      (docs): ReadonlyMap<string, number> => new Map(docs.map((doc) => [doc.primary, doc._data._meta.lwt])),
      NO_ARRIVALS,
      (query) => primeFromSnapshot(open, query),
    );
  }, [open, collection, enabled]);
  return useLive(live, NO_ARRIVALS);
}
