// A design probe beside the app's first sync, for the figures only (no ratio): the same pull done
// by a worker that writes IndexedDB itself (import-worker.ts), the UI thread left idle. What a first
// sync would cost if it were an import of the server's pages in the app's stored form rather than
// RxDB's replication writing them from the UI thread: fetching, sealing and the stored form
// included; RxDB's bookkeeping, its checkpoints and its change events not.
import { randomKey } from './app-client';
import type { ImportAnswer, ImportRequest } from './import-worker';

export async function importInWorker(serverUrl: string, token: string): Promise<{ ms: number; stored: number; longestTaskMs: number }> {
  const worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
  const tasks: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push(entry.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  const dataKey = randomKey();
  const started = performance.now();
  const answer = await new Promise<ImportAnswer>((resolve) => {
    worker.onmessage = (event: MessageEvent<ImportAnswer>) => resolve(event.data);
    worker.onerror = (event) => resolve({ ok: false, error: event.message });
    worker.postMessage({ serverUrl, token, dataKey } satisfies ImportRequest);
  });
  const ms = performance.now() - started;
  worker.terminate();
  // Long tasks are delivered after they end: let the last ones arrive.
  await new Promise((resolve) => setTimeout(resolve, 100));
  for (const entry of observer.takeRecords()) tasks.push(entry.duration);
  observer.disconnect();
  if (!answer.ok) throw new Error(`the worker import failed: ${answer.error}`);
  await new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase(answer.database);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
  return { ms, stored: answer.stored, longestTaskMs: Math.max(0, ...tasks) };
}
