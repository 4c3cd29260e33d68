// The worker thread of one fault-suite device: its own JS realm, since RxDB's open-source build
// allows 13 open collections per realm and a device opens 12. It gives the realm the few browser
// globals the client touches (window, navigator.onLine, localStorage), a clock that may be skewed,
// and a fetch the test can take offline, capture or duplicate; then it loads the real client
// (device-core.ts) and answers the test's messages. device.ts bundles it with Vite (as the app is
// bundled: TypeScript, the `@domain` alias, `import.meta.glob`, the app's version) and starts the
// bundle in a worker.
import { parentPort, workerData } from 'node:worker_threads';
import type * as Core from './device-core';
import type { DeviceRequest, DeviceWorkerData } from './device-protocol';

const data = workerData as DeviceWorkerData;
const port = parentPort;
if (!port) throw new Error('device-worker.ts runs as a worker thread');

// ---- the clock: Date and Date.now of this realm run `offset` ms from the real time.
const RealDate = Date;
let clockOffsetMs = data.clockOffsetMs ?? 0;
class SkewedDate extends RealDate {
  constructor(...args: unknown[]) {
    if (args.length === 0) super(RealDate.now() + clockOffsetMs);
    else super(...(args as [string | number | Date]));
  }
  static override now(): number {
    return RealDate.now() + clockOffsetMs;
  }
}
globalThis.Date = SkewedDate as DateConstructor;

// ---- browser globals the sync client reads.
class MemoryStorage {
  private readonly data = new Map<string, string>();
  get length() {
    return this.data.size;
  }
  clear() {
    this.data.clear();
  }
  getItem(key: string) {
    return this.data.get(key) ?? null;
  }
  key(index: number) {
    return [...this.data.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.data.delete(key);
  }
  setItem(key: string, value: string) {
    this.data.set(key, String(value));
  }
}
const fakeWindow = new EventTarget();
const fakeNavigator = { onLine: true };
for (const [name, value] of Object.entries({ window: fakeWindow, navigator: fakeNavigator, localStorage: new MemoryStorage() })) {
  Object.defineProperty(globalThis, name, { value, configurable: true, writable: true });
}

// ---- the network as this device sees it.
const realFetch = globalThis.fetch.bind(globalThis);
let offline = false;
let capture = false;
let duplicateNextPushes = 0;
let duplicated = 0;
const captured: Array<{ collection: string; body: string }> = [];
const inFlight = new Set<AbortController>();

globalThis.fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
  if (offline) throw new TypeError('fetch failed: the device is offline');
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const controller = new AbortController();
  const signal = init?.signal ? AbortSignal.any([init.signal, controller.signal]) : controller.signal;
  const push = init?.method === 'POST' ? /\/api\/sync\/([a-z]+)\/push$/.exec(url) : null;
  const stream = url.includes('/api/sync/stream');
  inFlight.add(controller);
  try {
    if (push && typeof init?.body === 'string') {
      if (capture) captured.push({ collection: push[1] ?? '', body: init.body });
      if (duplicateNextPushes > 0) {
        duplicateNextPushes -= 1;
        duplicated += 1;
        // The same request delivered twice at once (a middlebox retrying): both reach the server.
        const [first, second] = await Promise.allSettled([realFetch(input, { ...init, signal }), realFetch(input, { ...init, signal })]);
        if (first.status === 'fulfilled') await first.value.arrayBuffer().catch(() => undefined);
        if (second.status === 'rejected') throw second.reason;
        return second.value;
      }
    }
    return await realFetch(input, { ...init, signal });
  } finally {
    // The event stream's body keeps flowing: it stays abortable until the device goes offline.
    if (!stream) inFlight.delete(controller);
  }
};

function setOnline(next: boolean): void {
  offline = !next;
  fakeNavigator.onLine = next;
  if (!next) {
    for (const controller of inFlight) controller.abort(new TypeError('fetch failed: the device went offline'));
    inFlight.clear();
  }
  fakeWindow.dispatchEvent(new Event(next ? 'online' : 'offline'));
}

// ---- the real client, loaded after the globals above exist.
const core: typeof Core = await import('./device-core');

async function handle(request: DeviceRequest): Promise<unknown> {
  switch (request.op) {
    case 'start':
      return core.start(request.config);
    case 'edit':
      return core.edit(request.collection, request.id, request.fields);
    case 'create':
      return core.create(request.collection, request.doc);
    case 'remove':
      return core.remove(request.collection, request.id);
    case 'online':
      setOnline(request.online);
      if (request.online) core.syncNow();
      return undefined;
    case 'syncNow':
      core.syncNow();
      return undefined;
    case 'status':
      return core.status();
    case 'dump':
      return core.dump(request.collections);
    case 'conflicts':
      return core.conflicts();
    case 'clock':
      clockOffsetMs = request.offsetMs;
      return undefined;
    case 'now':
      return Date.now();
    case 'capture':
      capture = request.on;
      return captured.splice(0);
    case 'duplicatePushes':
      duplicateNextPushes = request.count;
      return duplicated;
    case 'close':
      await core.stop();
      return undefined;
  }
}

port.on('message', (request: DeviceRequest) => {
  handle(request).then(
    (value) => port.postMessage({ seq: request.seq, ok: true, value }),
    (error: unknown) => port.postMessage({ seq: request.seq, ok: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }),
  );
});
port.postMessage({ ready: true });
