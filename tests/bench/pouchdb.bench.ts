// The peer comparison: a fresh Chromium client's initial sync of the whole data set through our
// server and replication, against PouchDB 9 replicating the same documents from express-pouchdb on
// PouchDB's in-memory adapter (the CouchDB protocol, as CHT uses it), in the same page, side by side:
//   initial-sync/pouchdb          ≤ 0.33  one revision per document
//   initial-sync-churned/pouchdb  ≤ 0.2   every document edited 5 times on the server first
// each also with 100 ms added to every request (a delaying proxy in front of both servers).
// Ours: tests/bench/browser/app-client.ts (the app's database and sync engine), on the bench server
// (PostgreSQL, as at the street office; one server for both comparisons: the churned one edits the
// data set of the first). PouchDB: tests/bench/browser/pouch-client.ts (CHT's replication settings) and
// tests/bench/support/pouch-server.ts.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { collectionNames, type AnyDoc, type CollectionName, type WireDoc } from '@domain/collections';
import { CLIENT_VERSION_HEADER } from '@domain/contract';
import type { Bench } from './browser/entry';
import { appInitialSyncDetailed } from './support/app-sync';
import { BENCH_CLIENT_VERSION, PARTNER_BACKEND, startBenchServer, type BenchServer } from './support/bench-server';
import { closeBenchBrowser, openBenchPage, type BenchPage } from './support/browser';
import { generateDataSet, type DataSet } from './support/dataset';
import { startDelayProxy, type DelayProxy } from './support/delay-proxy';
import { startPouchServer, type PouchServer } from './support/pouch-server';
import { figure, median, ratio, sideBySide } from './support/report';
import { tier } from './support/tier';

declare const bench: Bench;

const DELAY_MS = 100;
/** Edits of every document before the churned sync. */
const EDITS = 5;
const PUSH_BATCH = 500;
/**
 * Repetitions through the delaying proxy. PouchDB pays several round trips per batch of 100
 * documents, so one run at 100 ms takes tens of seconds even in the quick tier (10–30 s for its
 * 3,531 documents on the 2-core machine): three runs of both comparisons would add about two and a
 * half minutes, half the quick tier's five-minute budget for the whole suite. The quick tier
 * measures that once; the full tier as often as the rest.
 */
const DELAYED_REPETITIONS = tier.name === 'quick' ? 1 : tier.repetitions;

/** The free-text field each collection's edits change (valid for the server's checks). */
const EDITED_FIELD: Record<CollectionName, { field: string; kind: 'suffix' | 'note' }> = {
  streets: { field: 'name', kind: 'suffix' },
  communities: { field: 'name', kind: 'suffix' },
  units: { field: 'name', kind: 'suffix' },
  compounds: { field: 'note', kind: 'note' },
  buildings: { field: 'name', kind: 'suffix' },
  grids: { field: 'name', kind: 'suffix' },
  orgs: { field: 'name', kind: 'suffix' },
  members: { field: 'note', kind: 'note' },
  needs: { field: 'description', kind: 'suffix' },
  activities: { field: 'note', kind: 'note' },
  ledger: { field: 'purpose', kind: 'note' },
  assessments: { field: 'note', kind: 'note' },
};

/** The `edit`-th edit of an original document (the same on both servers). */
function edited(collection: CollectionName, original: WireDoc, edit: number): WireDoc {
  const { field, kind } = EDITED_FIELD[collection];
  const before = (original as unknown as Record<string, unknown>)[field];
  const value = kind === 'note' ? `第${edit}次修改` : `${typeof before === 'string' ? before : ''} #${edit}`;
  return { ...original, [field]: value };
}

/** The data set after `edits` edits of every document: what the churned servers hold at the end. */
function editedDataSet(data: DataSet, edits: number): DataSet {
  const byCollection: DataSet['byCollection'] = {};
  for (const collection of collectionNames) {
    const docs = data.byCollection[collection];
    if (docs) byCollection[collection] = docs.map((doc) => edited(collection, doc, edits));
  }
  return { byCollection, total: data.total };
}

/** Pushes of the churn in flight at once: their validation overlaps the database's writes. */
const PUSH_CONCURRENCY = 4;

/**
 * Every document edited `edits` times through our push API, as the street admin's device would:
 * edit after edit, each edit's pushes (every collection's batches) a few at a time.
 */
async function pushEdits(server: BenchServer, data: DataSet, edits: number): Promise<number> {
  let pushes = 0;
  const current = new Map<CollectionName, WireDoc[]>(collectionNames.map((name) => [name, data.byCollection[name] ?? []]));
  for (let edit = 1; edit <= edits; edit++) {
    const batches: { collection: CollectionName; rows: { assumedMasterState: WireDoc; newDocumentState: WireDoc }[] }[] = [];
    for (const collection of collectionNames) {
      const docs = current.get(collection) ?? [];
      const original = data.byCollection[collection] ?? [];
      for (let i = 0; i < docs.length; i += PUSH_BATCH) {
        batches.push({ collection, rows: docs.slice(i, i + PUSH_BATCH).map((doc, j) => ({ assumedMasterState: doc, newDocumentState: edited(collection, original[i + j]!, edit) })) });
      }
    }
    let next = 0;
    const push = async (): Promise<void> => {
      for (let batch = batches[next++]; batch !== undefined; batch = batches[next++]) {
        const { collection, rows } = batch;
        const response = await fetch(`${server.url}/api/sync/${collection}/push`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${server.adminToken}`, [CLIENT_VERSION_HEADER]: BENCH_CLIENT_VERSION },
          body: JSON.stringify(rows),
        });
        if (!response.ok) throw new Error(`push of ${collection}: ${response.status} ${await response.text()}`);
        const conflicts = (await response.json()) as AnyDoc[];
        if (conflicts.length > 0) throw new Error(`push of ${collection}: ${conflicts.length} conflicts`);
        pushes += rows.length;
      }
    };
    await Promise.all(Array.from({ length: PUSH_CONCURRENCY }, push));
    for (const collection of collectionNames) {
      current.set(collection, batches.filter((batch) => batch.collection === collection).flatMap((batch) => batch.rows.map((row) => row.newDocumentState)));
    }
  }
  return pushes;
}

function liveDocs(data: DataSet): number {
  return Object.values(data.byCollection).reduce((sum, docs) => sum + (docs ?? []).filter((doc) => !doc._deleted).length, 0);
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(2);
}

interface Pair {
  ours: BenchServer;
  pouch: PouchServer;
  oursDelayed: DelayProxy;
  pouchDelayed: DelayProxy;
}

async function startPair(ours: BenchServer, pouch: PouchServer): Promise<Pair> {
  const oursDelayed = await startDelayProxy(ours.url, DELAY_MS);
  const pouchDelayed = await startDelayProxy(new URL(pouch.dbUrl).origin, DELAY_MS);
  return { ours, pouch, oursDelayed, pouchDelayed };
}

/** The proxies and PouchDB's server; our server stays for the next comparison. */
async function closePair(pair: Pair): Promise<void> {
  await pair.oursDelayed.close();
  await pair.pouchDelayed.close();
  await pair.pouch.close();
}

let page: BenchPage;
let server: BenchServer;
const data = generateDataSet(tier);
const expected = liveDocs(data);

/** Building the bench page (when its sources changed) and seeding take minutes on a busy machine. */
const HOOK_TIMEOUT = tier.timeoutMs;

beforeAll(async () => {
  // The page (built or found built, Chromium launched) and our seeded server, at the same time.
  const [opened, started] = await Promise.allSettled([openBenchPage(), startBenchServer({ backend: PARTNER_BACKEND, data })]);
  if (opened.status === 'fulfilled') page = opened.value;
  if (started.status === 'fulfilled') server = started.value;
  if (opened.status === 'rejected') throw opened.reason;
  if (started.status === 'rejected') throw started.reason;
}, HOOK_TIMEOUT);

afterAll(async () => {
  await page?.close();
  await closeBenchBrowser();
  await server?.close();
}, HOOK_TIMEOUT);

/** Of each of our syncs, the time some request to the server was waiting for its answer. */
let waiting: number[] = [];

/** Our initial sync into a fresh device, closed and deleted afterwards (not timed). */
async function ours(serverUrl: string, token: string): Promise<number> {
  const { ms, docs, waitingMs } = await appInitialSyncDetailed(page.page, serverUrl, token);
  await page.page.evaluate(() => bench.app.reset());
  expect(docs).toBe(expected);
  waiting.push(waitingMs);
  return ms;
}

/** PouchDB's one-shot replication into a fresh local database (destroyed afterwards). */
async function pouch(dbUrl: string): Promise<number> {
  const { ms, docs } = await page.page.evaluate((url) => bench.pouch.replicate(url), dbUrl);
  expect(docs).toBe(expected);
  return ms;
}

/** Both comparisons of one pair of servers: loopback, then through the delaying proxies. */
async function compare(name: string, target: number, pair: Pair): Promise<void> {
  const pouchPath = new URL(pair.pouch.dbUrl).pathname;
  waiting = [];
  const loopback = await sideBySide(tier.repetitions, {
    ours: () => ours(pair.ours.url, pair.ours.adminToken),
    pouch: () => pouch(pair.pouch.dbUrl),
  });
  const loopbackWaiting = median(waiting);
  waiting = [];
  const delayed = await sideBySide(DELAYED_REPETITIONS, {
    ours: () => ours(pair.oursDelayed.url, pair.ours.adminToken),
    pouch: () => pouch(pair.pouchDelayed.url + pouchPath),
  });
  console.log(`${name}: ${expected} documents, ${tier.name} tier; medians of ${tier.repetitions} (loopback) and ${DELAYED_REPETITIONS} (+${DELAY_MS} ms) runs`);
  for (const [label, ms] of [
    ['ours, loopback', loopback.ours],
    ['PouchDB, loopback', loopback.pouch],
    [`ours, +${DELAY_MS} ms per request`, delayed.ours],
    [`PouchDB, +${DELAY_MS} ms per request`, delayed.pouch],
  ] as const) {
    figure({ label, value: Number(seconds(ms)), unit: `s (${Math.round(expected / (ms / 1000))} docs/s)` });
  }
  // Where our time goes: for the rest of it no request was in flight, only the client's own work
  // (encrypting personal fields, RxDB's reads and bulk writes into IndexedDB).
  figure({ label: 'ours, of which waiting for the server, loopback', value: Number(seconds(loopbackWaiting)), unit: 's' });
  figure({ label: `ours, of which waiting for the server, +${DELAY_MS} ms`, value: Number(seconds(median(waiting))), unit: 's' });
  ratio(`${name}/pouchdb`, loopback.ours / loopback.pouch, target);
  ratio(`${name}/pouchdb@${DELAY_MS}ms`, delayed.ours / delayed.pouch, target);
}

test(`initial sync against PouchDB, ${tier.name} tier`, async () => {
  let pouchServer: PouchServer | undefined;
  let pair: Pair | undefined;
  try {
    pouchServer = await startPouchServer(data, 0);
    pair = await startPair(server, pouchServer);
    await compare('initial-sync', 0.33, pair);
  } finally {
    if (pair) await closePair(pair);
    else await pouchServer?.close();
  }
});

// After the comparison above, on the same server: every document edited through the push API.
test(`initial sync against PouchDB, every document edited ${EDITS} times, ${tier.name} tier`, async () => {
  let pouchServer: PouchServer | undefined;
  let pair: Pair | undefined;
  try {
    const started = performance.now();
    const pushed = await pushEdits(server, data, EDITS);
    console.log(`churn: ${pushed} edits pushed to our server in ${seconds(performance.now() - started)} s`);
    pouchServer = await startPouchServer(editedDataSet(data, EDITS), EDITS);
    pair = await startPair(server, pouchServer);
    await compare('initial-sync-churned', 0.2, pair);
  } finally {
    if (pair) await closePair(pair);
    else await pouchServer?.close();
  }
});
