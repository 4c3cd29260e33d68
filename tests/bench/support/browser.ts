// The benchmark page in Debian's Chromium (owner: client helper). The page (tests/bench/browser/)
// is built with Vite once per process, served from a local static server (a real origin, so the
// page has IndexedDB), and opened in a fresh browser context per call: every page starts with
// empty storage. One Chromium serves the whole run.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
import { build } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../chromium';

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
  browser: Browser;
  server: Server;
}

let shared: Promise<Shared> | undefined;

async function buildPage(): Promise<string> {
  const config = fileURLToPath(new URL('../browser/vite.config.ts', import.meta.url));
  const outDir = fileURLToPath(new URL('../../../node_modules/.cache/cg-bench-web', import.meta.url));
  await build({ configFile: config, logLevel: 'warn', build: { outDir } });
  return normalize(outDir);
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
  const root = await buildPage();
  const { server, origin } = await serve(root);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: BENCH_CHROMIUM_ARGS });
  return { origin, browser, server };
}

/** A fresh browser context with the benchmark page loaded and `window.bench` ready. */
export async function openBenchPage(): Promise<BenchPage> {
  shared ??= start();
  const { browser, origin } = await shared;
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('bench page error:', error));
  page.on('console', (message) => {
    if (message.type() === 'error') console.error('bench page:', message.text());
  });
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => 'bench' in window, undefined, { timeout: 60_000 });
  return { page, close: () => context.close() };
}

/** Closes the shared Chromium and the page's server (at the end of a benchmark file). */
export async function closeBenchBrowser(): Promise<void> {
  const current = shared;
  shared = undefined;
  if (!current) return;
  const { browser, server } = await current;
  await browser.close();
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
