// The benchmark page in Debian's Chromium (owner: client helper). The page (tests/bench/browser/)
// is built with Vite once for the content of its sources (support/build-cache.ts: reused by every
// benchmark file and run until they change), served from a local static server (a real origin, so
// the page has IndexedDB), and opened in a Chromium of its own per call, on a fresh profile folder:
// every page starts with empty storage, kept on disk as the app's is. (A context of one shared
// Chromium would be incognito, whose IndexedDB lives in memory: in Chromium 150 that wrote 8–9×
// slower than on disk, and the raw IndexedDB reference with it.)
import { execFileSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../chromium';
import { cachedBuild, run } from './build-cache';

export interface BenchPage {
  page: Page;
  close(): Promise<void>;
}

const CHROMIUM = process.env.BENCH_CHROMIUM ?? CHROMIUM_PATH;
const BENCH_CHROMIUM_ARGS = [
  ...CHROMIUM_ARGS,
  // Background pages would otherwise have their timers throttled: the second device is one.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
};

const INDEX = '<!doctype html><html><head><meta charset="utf-8"><title>bench</title><script type="module" src="./entry.js"></script></head><body></body></html>';

interface Shared {
  origin: string;
  server: Server;
}

let shared: Promise<Shared> | undefined;

/** What the bench page is built from: a change to any of these makes a new build. */
const PAGE_INPUTS = ['tests/bench/browser', 'renderer/src', 'domain/src', 'package.json', 'package-lock.json'];

/**
 * The page's build, made once for the content of its sources and reused by every benchmark file and
 * run. Vite runs in a process of its own: in this one it would hold up the seeding meanwhile.
 */
async function buildPage(): Promise<string> {
  const page = await cachedBuild('bench-page', PAGE_INPUTS, (outDir) =>
    run('npx', ['vite', 'build', '--config', 'tests/bench/browser/vite.config.ts', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn']),
  );
  console.log(`bench page: ${page.built ? 'built' : 'reused the build of the same sources'} in ${(page.ms / 1000).toFixed(1)} s`);
  return normalize(page.dir);
}

function serve(root: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    void (async () => {
      const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
      if (path === '/' || path === '/index.html') {
        response.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-store' });
        response.end(INDEX);
        return;
      }
      if (path === '/favicon.ico') {
        response.writeHead(204).end();
        return;
      }
      const file = normalize(join(root, path));
      const found = file.startsWith(root) ? await stat(file).catch(() => null) : null;
      if (!found?.isFile()) {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-length': found.size });
      createReadStream(file).pipe(response);
    })();
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') return reject(new Error('no address'));
      resolve({ server, origin: `http://127.0.0.1:${address.port}` });
    });
  });
}

async function start(): Promise<Shared> {
  // Its IndexedDB sets the floor every client figure stands on, and it changes between versions.
  const version = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  console.log(`bench browser: ${version}`);
  return serve(await buildPage());
}

/**
 * Starts building (or finding) the page without waiting, so that a benchmark can seed its server
 * meanwhile; a failure shows at `openBenchPage`.
 */
export function warmUpBenchBrowser(): void {
  shared ??= start();
  shared.catch(() => undefined);
}

/** A fresh Chromium on an empty profile, the benchmark page loaded and `window.bench` ready. */
export async function openBenchPage(): Promise<BenchPage> {
  shared ??= start();
  const { origin } = await shared;
  const profile = await mkdtemp(join(tmpdir(), 'bench-page-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: BENCH_CHROMIUM_ARGS }).catch(async (error: unknown) => {
    await rm(profile, { recursive: true, force: true });
    throw error;
  });
  const close = async () => {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  };
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => console.error('bench page error:', error));
  page.on('console', (message) => {
    if (message.type() === 'error') console.error('bench page:', message.text());
  });
  try {
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => 'bench' in window, undefined, { timeout: 60_000 });
  } catch (error) {
    await close();
    throw error;
  }
  return { page, close };
}

/** Closes the page's server (at the end of a benchmark file; each page closes its own Chromium). */
export async function closeBenchBrowser(): Promise<void> {
  const current = shared;
  shared = undefined;
  if (!current) return;
  const { server } = await current;
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** The renderer's JS heap in use (CDP `Performance.getMetrics`, JSHeapUsedSize), in bytes; after a garbage collection. */
export async function heapUsed(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const used = metrics.find((metric) => metric.name === 'JSHeapUsedSize');
    if (!used) throw new Error('JSHeapUsedSize missing from Performance.getMetrics');
    return used.value;
  } finally {
    await cdp.detach();
  }
}
