// The app's own figures, in the real web app in Debian's Chromium, driven through the screen as a
// person drives it: a street admin signs in on a new device (a fresh browser profile) and waits for
// the first sync of the tier's data set; then
//   - the renderer's heap after the full sync (after a garbage collection), target ≤ 300 MB;
//   - the longest main-thread task between the sign-in and the end of the first sync, target ≤ 50 ms
//     (what the person feels as the app freezing while it fills);
//   - cold start to an interactive members list with everything stored, target ≤ 1.5 s: the app is
//     opened again in the same profile, the lock screen answered, and the time taken until the list
//     shows its first rows and its search box has filtered them.
// The first sync (and with it the heap and the long tasks) is measured over loopback and through a
// proxy adding 100 ms to every request, and once more over loopback with the landing page opened
// during it (the first sync gate's "先打开页面"), to show what holding the pages back saves. The
// cold start needs no network (the lock screen opens the local data with the password), so it is
// measured over loopback only.
//
// Which cold-start interval is held to the target: from the lock screen's submit to the interactive
// list. It includes the password's PBKDF2 derivation (310,000 rounds, deliberate: it is what makes a
// stolen laptop's data slow to guess at), opening the local database and the list's first query and
// render. Loading the app up to the lock screen happens while the person types the password, so it
// is reported beside (from navigation start) rather than added.
//
// The web app is built once for the content of its sources (support/build-cache.ts: a later run
// with the same sources reuses it; BENCH_WEB_ROOT names a build to use instead) and served, as the street office server serves it, from the same origin as the API: a small front
// server here gives the files and forwards `/api` to the bench server (or to the delay proxy).
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium';
import { PARTNER_BACKEND, startBenchServer, type BenchServer } from './support/bench-server';
import { cachedBuild, run } from './support/build-cache';
import { generateDataSet, type DataSet } from './support/dataset';
import { forwarder, listenLocally, startDelayProxy, type DelayProxy } from './support/delay-proxy';
import { figure, median } from './support/report';
import { tier } from './support/tier';

const ADMIN = process.env.BENCH_ADMIN ?? 'admin';
const PASSWORD = 'demo1234';
const MB = 1024 * 1024;
/** A virtual list renders the rows in view and a few more: far fewer than the tier's needs or activities. */
const VIRTUAL_ROWS_AT_MOST = 100;
/** Cold starts measured (the median is reported). */
const COLD_STARTS = 3;

/** The long tasks of the page, kept from the first script on (before the app's own code runs). */
function watchLongTasks(): void {
  const tasks: { start: number; duration: number }[] = [];
  (window as unknown as { __benchLongTasks: typeof tasks }).__benchLongTasks = tasks;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
}

/** What the web app is built from: a change to any of these makes a new build. */
const APP_INPUTS = ['renderer/src', 'renderer/index.html', 'renderer/public', 'renderer/vite.config.ts', 'domain/src', 'package.json', 'package-lock.json'];

async function buildWebApp(): Promise<string> {
  const given = process.env.BENCH_WEB_ROOT;
  if (given) return given;
  const app = await cachedBuild('web-app', APP_INPUTS, (outDir) =>
    run('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error']),
  );
  console.log(`web app: ${app.built ? 'built' : 'reused the build of the same sources'} in ${(app.ms / 1000).toFixed(1)} s`);
  return app.dir;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** The built app's files at `/` (index.html for any other page), `/api` forwarded to `api`, streams included. */
function startFront(webRoot: string, api: string): Promise<DelayProxy> {
  const forward = forwarder(api, 'front');
  return listenLocally(forward.agent, (request, response) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    if (path.startsWith('/api/')) return forward.to(request, response);
    let file = join(webRoot, normalize(decodeURIComponent(path)).replace(/^([/\\.])+/, ''));
    if (!file.startsWith(webRoot) || !existsSync(file) || !statSync(file).isFile()) file = join(webRoot, 'index.html');
    response.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': file.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    createReadStream(file).pipe(response);
  });
}

async function openProfile(profile: string): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS],
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
  });
  await context.addInitScript(watchLongTasks);
  return context;
}

const now = (page: Page) => page.evaluate(() => performance.now());

async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Performance.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
  } finally {
    await cdp.detach();
  }
}

/** The members list's total, as the page shows it ("共 2000 人"). */
async function memberTotal(page: Page): Promise<number> {
  const text = (await page.getByTestId('member-total').textContent()) ?? '';
  return Number(text.replace(/[^0-9]/g, ''));
}

/**
 * BENCH_PROFILE=1: Chrome's CPU profiles of the first syncs (loopback, and with the pages open) and
 * of one cold start, summarised — self time by function, and what each long task is made of — and
 * kept in the system's temp folder for DevTools. The slow link is skipped then. Names are readable
 * with an unminified build: `npx vite build --config renderer/vite.config.ts --minify false
 * --outDir …` and BENCH_WEB_ROOT pointing at it.
 */
const PROFILE = process.env.BENCH_PROFILE === '1';

interface LongTask {
  start: number;
  duration: number;
}

interface Profiler {
  stop(longTasks?: readonly LongTask[]): Promise<void>;
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }[];
  startTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

type Tally = Map<string, number>;

const add = (tally: Tally, key: string, ms: number) => tally.set(key, (tally.get(key) ?? 0) + ms);
const top = (tally: Tally, count: number) => [...tally].sort((a, b) => b[1] - a[1]).slice(0, count);

async function startProfiler(page: Page, what: string): Promise<Profiler> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  // The profile's clock (its startTime) against the page's: within the round trip of this call.
  const startedAt = await now(page);
  return {
    async stop(longTasks = []) {
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
      await cdp.detach();
      const file = join(tmpdir(), `bench-app-${Date.now()}.cpuprofile`);
      writeFileSync(file, JSON.stringify(profile));
      const byId = new Map(profile.nodes.map((node) => [node.id, node]));
      const parentOf = new Map<number, number>();
      for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
      const nameOf = (id: number) => {
        const frame = byId.get(id)!.callFrame;
        return `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop() ?? ''}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`;
      };
      // Each sample at the page's clock, with the time it stands for.
      let at = profile.startTime;
      const samples = (profile.samples ?? []).map((id, i) => {
        const delta = profile.timeDeltas?.[i] ?? 0;
        at += delta;
        return { id, ms: startedAt + (at - profile.startTime) / 1000, weight: delta / 1000 };
      });
      const self: Tally = new Map();
      for (const sample of samples) add(self, nameOf(sample.id), sample.weight);
      console.log(`CPU profile of the ${what}: ${file}; self time, top 40:`);
      for (const [key, ms] of top(self, 40)) console.log(`  ${Math.round(ms).toString().padStart(7)} ms  ${key}`);
      const line = (tally: Tally, count: number) => top(tally, count).map(([key, ms]) => `${Math.round(ms)} ${key}`).join(' · ');
      for (const task of [...longTasks].sort((a, b) => b.duration - a.duration).slice(0, 8)) {
        const taskSelf: Tally = new Map();
        const inclusive: Tally = new Map();
        for (const sample of samples.filter((sample) => sample.ms >= task.start && sample.ms <= task.start + task.duration)) {
          add(taskSelf, nameOf(sample.id), sample.weight);
          const seen = new Set<string>();
          for (let id: number | undefined = sample.id; id !== undefined; id = parentOf.get(id)) {
            if (seen.has(nameOf(id))) continue;
            seen.add(nameOf(id));
            add(inclusive, nameOf(id), sample.weight);
          }
        }
        console.log(`  long task of ${Math.round(task.duration)} ms at ${Math.round(task.start - startedAt)} ms:`);
        console.log(`    self: ${line(taskSelf, 6)}`);
        console.log(`    inclusive: ${line(inclusive, 14)}`);
      }
    },
  };
}

interface FirstSync {
  ms: number;
  heapMb: number;
  heapMembersMb: number;
  longestTaskMs: number;
  longTasks: number;
  blockingMs: number;
}

/** A new device: sign in on a fresh profile, wait for the first sync; the figures behind it. */
async function firstSync(context: BrowserContext, url: string, members: number, openPages = false): Promise<FirstSync> {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${url}/`);
  await expect.poll(() => page.getByTestId('login-server').inputValue(), { timeout: 60_000 }).toBe(url);
  await page.getByTestId('login-username').fill(ADMIN);
  await page.getByTestId('login-password').fill(PASSWORD);
  const profiler = PROFILE ? await startProfiler(page, openPages ? 'first sync, pages open' : 'first sync') : undefined;
  const started = await now(page);
  await page.getByTestId('login-submit').click();
  // The comparison: the landing page open during the sync, as it was before the pages waited for it.
  if (openPages) await page.getByTestId('first-sync-open').click({ timeout: 120_000 });
  // The full tier's first sync takes minutes on the 2-core machine: only the tier's limit calls it hung.
  await page.getByTestId('sync-last').and(page.locator('[data-synced="true"]')).waitFor({ timeout: Math.max(540_000, tier.timeoutMs / 4) });
  await page.locator('[data-testid="sync-pending"][data-count="0"]').waitFor();
  const ended = await now(page);
  const tasks = await page.evaluate(() => (window as unknown as { __benchLongTasks: LongTask[] }).__benchLongTasks);
  const during = tasks.filter((task) => task.start >= started && task.start <= ended);
  if (profiler) await profiler.stop(during);
  const heap = await heapAfterGc(page);
  // The biggest list open, every member in it.
  await page.goto(`${url}/#/members`);
  await expect.poll(() => memberTotal(page), { timeout: 60_000 }).toBe(members);
  const heapMembers = await heapAfterGc(page);
  // The other long lists scroll virtually: one list, only the rows in view rendered.
  for (const [route, table] of [
    ['needs', 'needs-table'],
    ['activities', 'activities-table'],
  ] as const) {
    await page.goto(`${url}/#/${route}`);
    const rows = page.locator(`[data-testid="${table}"] .ant-table-tbody-virtual .ant-table-row`);
    await rows.first().waitFor({ timeout: 60_000 });
    expect(await rows.count()).toBeLessThan(VIRTUAL_ROWS_AT_MOST);
  }
  return {
    ms: ended - started,
    heapMb: heap / MB,
    heapMembersMb: heapMembers / MB,
    longestTaskMs: Math.max(0, ...during.map((task) => task.duration)),
    longTasks: during.length,
    blockingMs: during.reduce((sum, task) => sum + Math.max(0, task.duration - 50), 0),
  };
}

interface ColdStart {
  /** Navigation start → lock screen ready for the password. */
  toLockMs: number;
  /** Lock screen submit → the database open (the unlock's own work, PBKDF2 included). */
  unlockMs: number;
  /** Lock screen submit → the members list's first rows. */
  toRowsMs: number;
  /** Lock screen submit → the search box has filtered the list. */
  toInteractiveMs: number;
  /** Navigation start → the search box has filtered the list (with the password typed at once). */
  fromNavigationMs: number;
  /** Whether the members came from the list's snapshot (db/listSnapshot.ts) rather than a read of the collection. */
  fromSnapshot: boolean;
}

/** The app opened again in the same profile, straight at the members list, and unlocked. */
async function coldStart(context: BrowserContext, url: string, members: number): Promise<ColdStart> {
  for (const open of context.pages()) await open.close();
  const page = await context.newPage();
  await page.goto(`${url}/#/members`);
  await page.getByTestId('lock-password').fill(PASSWORD);
  const toLock = await now(page);
  const profiler = PROFILE ? await startProfiler(page, 'cold start') : undefined;
  // Submitted from inside the page, so the clock starts at the submit itself; then the first rows.
  const { submitted, rows } = await page.evaluate(async () => {
    const button = document.querySelector<HTMLButtonElement>('[data-testid="lock-unlock"]');
    if (!button) throw new Error('no unlock button');
    const submittedAt = performance.now();
    button.click();
    for (;;) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
      if (document.querySelector('[data-testid="member-table"] .ant-table-row')) return { submitted: submittedAt, rows: performance.now() };
    }
  });
  const { unlocked, fromSnapshot } = await page.evaluate(() => ({
    unlocked: performance.getEntriesByName('cg:unlocked', 'mark')[0]?.startTime ?? Number.NaN,
    fromSnapshot: performance.getEntriesByName('cg:list-snapshot:members', 'mark').length > 0,
  }));
  // Responds: a name from the list, typed into the search box, leaves fewer rows than the whole list.
  const name = (await page.locator('[data-testid="member-table"] .ant-table-row').first().locator('a').first().textContent()) ?? '';
  expect(name).not.toBe('');
  expect(await memberTotal(page)).toBe(members);
  await page.getByTestId('member-search').locator('input').fill(name);
  // Seen from inside the page, at the frame it happens: polled from here, the poll's growing
  // intervals (100, 250, 500 ms…) were added to the figure.
  const interactive = await page.evaluate(async (total) => {
    const until = performance.now() + 30_000;
    while (performance.now() < until) {
      const shown = Number((document.querySelector('[data-testid="member-total"]')?.textContent ?? '').replace(/[^0-9]/g, ''));
      if (shown < total) return performance.now();
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    throw new Error('the search did not filter the members list within 30 s');
  }, members);
  if (profiler) {
    const tasks = await page.evaluate(() => (window as unknown as { __benchLongTasks: LongTask[] }).__benchLongTasks);
    await profiler.stop(tasks.filter((task) => task.start >= submitted && task.start <= interactive));
  }
  return {
    toLockMs: toLock,
    unlockMs: unlocked - submitted,
    toRowsMs: rows - submitted,
    toInteractiveMs: interactive - submitted,
    fromNavigationMs: interactive - (submitted - toLock),
    fromSnapshot,
  };
}

function reportFirstSync(link: string, result: FirstSync, total: number): void {
  figure({ label: `first sync in the app (${link}), ${total} documents`, value: result.ms / 1000, unit: 's' });
  figure({ label: `renderer heap after the full sync, home page (${link})`, value: Math.round(result.heapMb), unit: 'MB', target: 300 });
  figure({ label: `renderer heap after the full sync, members list open (${link})`, value: Math.round(result.heapMembersMb), unit: 'MB', target: 300 });
  // The browser reports tasks over 50 ms only: 0 means none was longer than that.
  figure({ label: `longest main-thread task during the first sync (${link}; 0: none over 50 ms)`, value: Math.round(result.longestTaskMs), unit: 'ms', target: 50 });
  figure({ label: `  tasks over 50 ms during it / their blocking time beyond 50 ms (${link})`, value: result.longTasks, unit: `tasks / ${Math.round(result.blockingMs)} ms` });
}

let webRoot: string;
let benchServer: BenchServer | undefined;
let total = 0;
let members = 0;

/** Building the app on a loaded 2-core machine can take minutes: setup, outside the measured test's timeout. */
const SETUP_TIMEOUT_MS = tier.timeoutMs;

beforeAll(async () => {
  const data: DataSet = generateDataSet(tier);
  total = data.total;
  members = data.byCollection.members?.length ?? 0;
  // The app is built (or found built) while the server is seeded; PostgreSQL, as at the street office.
  const [built, started] = await Promise.allSettled([buildWebApp(), startBenchServer({ backend: PARTNER_BACKEND, data })]);
  if (started.status === 'fulfilled') benchServer = started.value;
  if (built.status === 'rejected') throw built.reason;
  if (started.status === 'rejected') throw started.reason;
  webRoot = built.value;
}, SETUP_TIMEOUT_MS);

afterAll(async () => {
  await benchServer?.close();
});

test(`the app: first sync, heap, long tasks and cold start, ${tier.name} tier`, async () => {
  const server = benchServer;
  if (!server) throw new Error('no bench server');
  const closing: (() => Promise<void>)[] = [];
  const profiles: string[] = [];
  const profile = () => {
    const folder = mkdtempSync(join(tmpdir(), 'bench-profile-'));
    profiles.push(folder);
    return folder;
  };
  try {
    const front = await startFront(webRoot, server.url);
    closing.push(() => front.close());
    console.log(`the app in Chromium: ${total} documents (${members} members), ${tier.name} tier`);

    // Loopback: the first sync, then cold starts in the same profile.
    const context = await openProfile(profile());
    try {
      reportFirstSync('loopback', await firstSync(context, front.url, members), total);
      const starts: ColdStart[] = [];
      for (let i = 0; i < (PROFILE ? 1 : COLD_STARTS); i++) starts.push(await coldStart(context, front.url, members));
      const of = (key: Exclude<keyof ColdStart, 'fromSnapshot'>) => median(starts.map((start) => start[key]));
      console.log(`cold starts, unlock → interactive: ${starts.map((start) => `${Math.round(start.toInteractiveMs)} ms${start.fromSnapshot ? ' (members from their snapshot)' : ' (members read from the collection)'}`).join(', ')}`);
      figure({ label: 'cold start: navigation start → lock screen ready', value: Math.round(of('toLockMs')), unit: 'ms' });
      figure({ label: 'cold start: unlock submit → database open (PBKDF2 included)', value: Math.round(of('unlockMs')), unit: 'ms' });
      figure({ label: 'cold start: unlock submit → members list shows rows', value: Math.round(of('toRowsMs')), unit: 'ms' });
      figure({ label: 'cold start: unlock submit → members list interactive (held to the target)', value: Math.round(of('toInteractiveMs')), unit: 'ms', target: 1500 });
      figure({ label: 'cold start: navigation start → members list interactive (password typed at once)', value: Math.round(of('fromNavigationMs')), unit: 'ms' });
    } finally {
      await context.close();
    }

    // Side by side in the same build: the pages open during the first sync (先打开页面).
    const open = await openProfile(profile());
    try {
      reportFirstSync('loopback, pages open during it', await firstSync(open, front.url, members, true), total);
    } finally {
      await open.close();
    }
    if (PROFILE) return;

    // A slow link: every request 100 ms later.
    const proxy = await startDelayProxy(server.url, 100);
    closing.push(() => proxy.close());
    const slowFront = await startFront(webRoot, proxy.url);
    closing.push(() => slowFront.close());
    const slow = await openProfile(profile());
    try {
      reportFirstSync('100 ms proxy', await firstSync(slow, slowFront.url, members), total);
    } finally {
      await slow.close();
    }
  } finally {
    for (const close of closing.reverse()) await close();
    for (const folder of profiles) rmSync(folder, { recursive: true, force: true });
  }
});
