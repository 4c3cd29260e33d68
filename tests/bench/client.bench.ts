// Our client's benchmarks in Debian's Chromium: the app's own database and sync engine in a page
// (tests/bench/browser/app-client.ts) against our server seeded with the tier's data set, each
// measured side by side with the least the same browser must do (tests/bench/browser/raw-client.ts:
// the same documents `put` straight into IndexedDB in batches of 1,000, object stores with the same
// indexes). Over loopback and through a proxy adding 100 ms to every request (`@100ms`).
//
//   initial-sync/raw-indexeddb             a fresh device pulls and stores everything (admin's view)
//                                          over the raw writes of the same documents          ≤ 1.5
//   incremental-1000/initial-sync-per-doc  1,000 members edited on device A, until all are stored on
//                                          device B (live, the server's change stream), over 1,000 ×
//                                          the initial sync's time per document                 ≤ 2
//   push-5000/raw-indexeddb                5,000 edits made while sync was stopped, from restarting
//                                          it until the server acknowledged all, over the raw writes
//                                          of 5,000 documents                                    ≤ 3
//   search-p95/indexeddb-get               p95 of the members list's search (names, pinyin initials,
//                                          mobile endings; the app's own index) over every member,
//                                          over one IndexedDB `get` batch of 50 members          ≤ 5
// and, with targets, the renderer's heap after a full sync (≤ 300 MB) and the longest main-thread
// task during the initial sync (≤ 50 ms; the median over the runs, the worst beside it).
// Beside the first sync, a figure without a target: the raw writes in RxDB's stored form.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from '@playwright/test';
import type { Bench } from './browser/entry';
import { appInitialSyncDetailed } from './support/app-sync';
import { PARTNER_BACKEND, startBenchServer, signIn, type BenchServer } from './support/bench-server';
import { closeBenchBrowser, heapUsed, openBenchPage, warmUpBenchBrowser, type BenchPage } from './support/browser';
import { cpuMeter, isPostgres, printCpu, type CpuMeter } from './support/cpu';
import { generateDataSet } from './support/dataset';
import { startDelayProxy, type DelayProxy } from './support/delay-proxy';
import { figure, median, percentile, ratio, sideBySide } from './support/report';
import { tier } from './support/tier';

declare const bench: Bench;

const MB = 1024 * 1024;
const INCREMENTAL = 1000;
/** 5,000 in the full tier; the quick tier's data set has fewer documents to edit. */
const PUSHED = tier.pushed;
const GET_BATCH = 50;
/** Members whose name, initials and mobile ending are searched for. */
const SEARCH_SAMPLES = 100;

const pages: BenchPage[] = [];
let server: BenchServer | undefined;
let proxy: DelayProxy | undefined;

afterAll(async () => {
  for (const page of pages) await page.close().catch(() => undefined);
  await closeBenchBrowser();
  await proxy?.close();
  await server?.close();
});

async function open(): Promise<Page> {
  const page = await openBenchPage();
  pages.push(page);
  return page.page;
}

const seconds = (ms: number) => ({ value: ms / 1000, unit: 's' });

/**
 * The parties sharing the machine's cores in a first sync: the page's renderer, the rest of
 * Chromium (its browser process, where IndexedDB writes, and its services), this process (the
 * server, and the delay proxy) and PostgreSQL. Measured over the whole call of each run, which
 * also drops the database of the run before (untimed, and IndexedDB's clean-up of it may go on
 * into the run): a share of each side's CPU is that.
 */
function partiesMeter(): CpuMeter {
  return cpuMeter({
    'this process (server)': (_, pid) => pid === process.pid,
    renderer: (cmdline) => cmdline.includes('chrom') && cmdline.includes('--type=renderer'),
    'rest of Chromium': (cmdline) => cmdline.includes('chrom'),
    PostgreSQL: isPostgres,
  });
}

/** Each link runs as a test of its own: at the full tier one takes well over the quick tier's timeout. */
const LINK_TIMEOUT_MS = Math.max(60 * 60_000, tier.timeoutMs);

async function measureLink(suffix: string, url: string, directUrl: string): Promise<void> {
  const label = (name: string) => `${name}${suffix}`;
  console.log(`\n${label('client')}: ${url}`);
  const a = await open();
  const b = await open();
  const adminA = await signIn(url, 'admin');
  const adminB = await signIn(url, 'admin');

  // Initial sync, side by side with the raw writes of the same documents (loaded into the page first).
  const total = await a.evaluate(([u, t]) => bench.raw.fetchAll(u, t), [directUrl, await signIn(directUrl, 'admin')] as const);
  const runs: { ms: number; docs: number; longestTaskMs: number; waitingMs: number }[] = [];
  const appCpu = partiesMeter();
  const rawCpu = partiesMeter();
  const formCpu = partiesMeter();
  // RxDB's form first: the last run of the three rounds is then the plain writes, whose database the search's `get` reads.
  const initial = await sideBySide(tier.repetitions, {
    rawInRxdbForm: () => formCpu.measure(async () => (await a.evaluate(() => bench.raw.writeAll(Infinity, 1000, 'rxdb'))).ms),
    app: () =>
      appCpu.measure(async () => {
        const run = await appInitialSyncDetailed(a, url, adminA);
        expect(run.docs).toBe(total);
        runs.push(run);
        return run.ms;
      }),
    raw: () => rawCpu.measure(async () => (await a.evaluate(() => bench.raw.writeAll())).ms),
  });
  ratio(label('initial-sync/raw-indexeddb'), initial.app / initial.raw, 1.5);
  figure({ label: `documents`, value: total, unit: 'docs' });
  figure({ label: `app initial sync (median)`, ...seconds(initial.app) });
  figure({ label: `  of which waiting for the server (median)`, ...seconds(median(runs.map((run) => run.waitingMs))) });
  figure({ label: `raw IndexedDB writes (median)`, ...seconds(initial.raw) });
  figure({ label: `  the same raw writes in RxDB's stored form (its indexes and fields; median)`, ...seconds(initial.rawInRxdbForm) });
  figure({ label: `  app initial sync over those (not a target)`, value: initial.app / initial.rawInRxdbForm, unit: '×' });
  printCpu(`the app's initial sync${suffix}`, appCpu);
  printCpu(`the raw writes${suffix}`, rawCpu);
  printCpu(`the raw writes in RxDB's form${suffix}`, formCpu);
  figure({ label: `longest main-thread task during the initial sync${suffix} (median of runs)`, value: median(runs.map((run) => run.longestTaskMs)), unit: 'ms', target: 50 });
  figure({ label: `  worst run`, value: Math.max(...runs.map((run) => run.longestTaskMs)), unit: 'ms' });
  const perDoc = initial.app / total;

  // Device B: its own first sync, then the heap with everything stored (after a garbage collection).
  const bRun = await appInitialSyncDetailed(b, url, adminB);
  expect(bRun.docs).toBe(total);
  figure({ label: label('renderer heap after a full sync'), value: (await heapUsed(b)) / MB, unit: 'MB', target: 300 });

  // 1,000 members edited on A, until B has stored all of them.
  const incremental: number[] = [];
  const pushed: number[] = [];
  const written: number[] = [];
  for (let round = 0; round < tier.repetitions; round++) {
    const marker = `bench${suffix}-${round}`;
    const visible = b.evaluate(([count, m]) => bench.app.waitForMembers(count, m), [INCREMENTAL, marker] as const).then(() => performance.now());
    const started = performance.now();
    const edit = await a.evaluate(([count, m]) => bench.app.editMembers(count, m), [INCREMENTAL, marker] as const);
    incremental.push((await visible) - started);
    pushed.push(edit.pushedMs);
    written.push(edit.writeMs);
  }
  const incrementalMs = median(incremental);
  ratio(label('incremental-1000/initial-sync-per-doc'), incrementalMs / (INCREMENTAL * perDoc), 2);
  figure({ label: `1,000 edits on A stored on B (median)`, ...seconds(incrementalMs) });
  figure({ label: `  of which A's local write (median)`, ...seconds(median(written)) });
  figure({ label: `  of which until the server acknowledged A's pushes (median)`, ...seconds(median(pushed)) });
  figure({ label: `initial sync per document`, value: perDoc, unit: 'ms' });

  // The members list's search on B, over one IndexedDB get batch of 50 members (raw store on A).
  const search = await b.evaluate((samples) => bench.app.memberSearch(samples), SEARCH_SAMPLES);
  const gets: number[] = [];
  for (let round = 0; round < 30; round++) gets.push(await a.evaluate(([count, offset]) => bench.raw.getBatch(bench.raw.memberIds(count, offset)), [GET_BATCH, round] as const));
  const searchP95 = percentile(search.timesMs, 95);
  const getMs = median(gets);
  ratio(label('search-p95/indexeddb-get'), searchP95 / getMs, 5);
  figure({ label: `member search p95 (${search.timesMs.length} queries over ${search.members} members)`, value: searchP95, unit: 'ms' });
  figure({ label: `  its index, built once per list`, value: search.buildMs, unit: 'ms' });
  figure({ label: `IndexedDB get batch of ${GET_BATCH} (median)`, value: getMs, unit: 'ms' });

  // 5,000 offline edits on B pushed after restarting sync, over raw writes of 5,000 documents (on A,
  // whose device is closed first so that it pulls nothing meanwhile).
  await a.evaluate(() => bench.app.reset());
  const pushWaiting: number[] = [];
  const push = await sideBySide(tier.repetitions, {
    app: async () => {
      const marker = `push${suffix}-${Math.random().toString(36).slice(2, 8)}`;
      const run = await b.evaluate(([count, m]) => bench.app.pushOfflineEdits(count, m), [PUSHED, marker] as const);
      pushWaiting.push(run.waitingMs);
      return run.ms;
    },
    raw: async () => (await a.evaluate((count) => bench.raw.writeAll(count), PUSHED)).ms,
  });
  ratio(label('push-5000/raw-indexeddb'), push.app / push.raw, 3);
  figure({ label: `${PUSHED} offline edits pushed (median)`, ...seconds(push.app) });
  figure({ label: `  of which waiting for the server (median)`, ...seconds(median(pushWaiting)) });
  figure({ label: `raw IndexedDB writes of ${PUSHED} (median)`, ...seconds(push.raw) });

  await b.evaluate(() => bench.app.reset());
  await a.evaluate(() => bench.raw.reset());
}

beforeAll(async () => {
  // The page is built (or found built) and Chromium launched while the server is seeded.
  warmUpBenchBrowser();
  const data = generateDataSet(tier);
  // PostgreSQL, as at the street office (the server is the sync partner here, not what is measured).
  server = await startBenchServer({ backend: PARTNER_BACKEND, data });
  proxy = await startDelayProxy(server.url, 100);
  console.log(`client benchmarks, ${tier.name} tier: ${data.total} documents, ${tier.repetitions} repetitions`);
}, LINK_TIMEOUT_MS);

test(`client over loopback: initial sync, incremental, push and search in Chromium (${tier.name} tier)`, async () => {
  await measureLink('', server!.url, server!.url);
}, LINK_TIMEOUT_MS);

test(`client through a 100 ms link: the same (${tier.name} tier)`, async () => {
  await measureLink('@100ms', proxy!.url, server!.url);
}, LINK_TIMEOUT_MS);
