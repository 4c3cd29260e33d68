// A fault-suite device as the test drives it: our real client in its own worker thread (see
// device-worker.ts). Every write the test makes through it is logged for the checker, with
// whether the local write resolved (the device acknowledged it to the person).
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { build } from 'vite';
import type { AnyDoc, CollectionName } from '@domain/collections';
import type { DeviceConfig, DeviceStatus, LoggedConflict } from './device-core';
import type { DeviceReply, DeviceRequest, DeviceWorkerData } from './device-protocol';
import type { WriteLog } from './checker';

const root = fileURLToPath(new URL('../../..', import.meta.url));
let bundled: Promise<string> | undefined;

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The device worker bundled once per test process, as the app is bundled: TypeScript, the
 * `@domain` alias, `import.meta.glob`, the app's version; packages stay external (Node loads them).
 * Workers then start from plain JavaScript.
 */
function workerBundle(): Promise<string> {
  bundled ??= (async () => {
    // Inside the repository, so that Node finds the packages the bundle leaves external; one folder
    // per test process, and the folders of processes that ended are removed.
    const cache = join(root, 'node_modules', '.cache', 'cg-fault-device');
    mkdirSync(cache, { recursive: true });
    for (const name of readdirSync(cache)) if (!isAlive(Number(name))) rmSync(join(cache, name), { recursive: true, force: true });
    const outDir = join(cache, String(process.pid));
    process.once('exit', () => rmSync(outDir, { recursive: true, force: true }));
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    await build({
      configFile: false,
      root,
      logLevel: 'error',
      define: { __APP_VERSION__: JSON.stringify(pkg.version) },
      resolve: { alias: { '@domain': join(root, 'domain/src') } },
      build: {
        ssr: fileURLToPath(new URL('./device-worker.ts', import.meta.url)),
        outDir,
        emptyOutDir: true,
        minify: false,
        target: 'node20',
        rollupOptions: { output: { format: 'es', entryFileNames: 'device-worker.mjs' } },
      },
    });
    return join(outDir, 'device-worker.mjs');
  })();
  return bundled;
}

type Body<R> = R extends unknown ? Omit<R, 'seq'> : never;
type RequestBody = Body<DeviceRequest>;

export interface CapturedPush {
  collection: CollectionName;
  body: string;
}

export class Device {
  private seq = 0;
  private readonly waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private exited: Error | null = null;

  private constructor(
    readonly name: string,
    private readonly worker: Worker,
    private readonly log: WriteLog,
  ) {
    worker.on('message', (reply: DeviceReply) => {
      if ('ready' in reply) return;
      const entry = this.waiting.get(reply.seq);
      if (!entry) return;
      this.waiting.delete(reply.seq);
      if (reply.ok) entry.resolve(reply.value);
      else entry.reject(new Error(`${name}: ${reply.error}`));
    });
    const fail = (error: Error) => {
      this.exited = error;
      for (const entry of this.waiting.values()) entry.reject(error);
      this.waiting.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`${name}: the device worker exited (${code})`)));
  }

  /** Starts the worker (the real client loads) and signs the client in with `token`. */
  static async launch(
    name: string,
    log: WriteLog,
    options: { serverUrl: string; token: string; clockOffsetMs?: number; serverWins?: boolean },
  ): Promise<Device> {
    const workerData: DeviceWorkerData = { clockOffsetMs: options.clockOffsetMs ?? 0 };
    const worker = new Worker(await workerBundle(), { workerData });
    await new Promise<void>((resolve, reject) => {
      const onMessage = (reply: DeviceReply) => {
        if ('ready' in reply) {
          worker.off('message', onMessage);
          resolve();
        }
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`${name}: the device worker exited while starting (${code})`)));
    });
    const device = new Device(name, worker, log);
    const config: DeviceConfig = {
      name,
      serverUrl: options.serverUrl,
      token: options.token,
      encryptionKey: randomBytes(32).toString('hex'),
      serverWins: options.serverWins,
    };
    await device.call({ op: 'start', config });
    return device;
  }

  private call<T = unknown>(request: RequestBody): Promise<T> {
    if (this.exited) return Promise.reject(this.exited);
    const seq = ++this.seq;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(seq, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage({ ...request, seq });
    });
  }

  /** Logs a write, then makes it; the log says whether the device acknowledged it. */
  private async logged(collection: CollectionName, id: string, fields: Record<string, unknown>, write: () => Promise<boolean>): Promise<boolean> {
    const entry = this.log.begin({ device: this.name, collection, id, fields });
    const done = await write();
    if (done) this.log.acknowledge(entry);
    else this.log.drop(entry);
    return done;
  }

  /** Edits fields of a document the device holds, as an edit form would; false when it holds none. */
  edit(collection: CollectionName, id: string, fields: Record<string, unknown>): Promise<boolean> {
    return this.logged(collection, id, fields, () => this.call<boolean>({ op: 'edit', collection, id, fields }));
  }

  async create(collection: CollectionName, doc: AnyDoc): Promise<void> {
    await this.logged(collection, doc.id, { ...doc, _deleted: false }, async () => {
      const { _deleted: _, ...plain } = doc;
      await this.call({ op: 'create', collection, doc: plain });
      return true;
    });
  }

  /** Deletes a document the device holds; false when it holds none. */
  remove(collection: CollectionName, id: string): Promise<boolean> {
    return this.logged(collection, id, { _deleted: true }, () => this.call<boolean>({ op: 'remove', collection, id }));
  }

  /** Takes the device off the network (in-flight requests fail) or back on (it syncs at once). */
  setOnline(online: boolean): Promise<void> {
    return this.call({ op: 'online', online });
  }

  syncNow(): Promise<void> {
    return this.call({ op: 'syncNow' });
  }

  status(): Promise<DeviceStatus> {
    return this.call<DeviceStatus>({ op: 'status' });
  }

  dump(collections: readonly CollectionName[]): Promise<Record<string, AnyDoc[]>> {
    return this.call({ op: 'dump', collections: [...collections] });
  }

  conflicts(): Promise<LoggedConflict[]> {
    return this.call<LoggedConflict[]>({ op: 'conflicts' });
  }

  setClockOffset(offsetMs: number): Promise<void> {
    return this.call({ op: 'clock', offsetMs });
  }

  /** The device's own idea of the time. */
  now(): Promise<number> {
    return this.call<number>({ op: 'now' });
  }

  /** Starts or stops capturing the push requests the device sends; answers what was captured since the last call. */
  capture(on: boolean): Promise<CapturedPush[]> {
    return this.call<CapturedPush[]>({ op: 'capture', on });
  }

  /** The device's next `count` pushes are each delivered twice, at the same time; answers how many were duplicated so far. */
  duplicatePushes(count: number): Promise<number> {
    return this.call<number>({ op: 'duplicatePushes', count });
  }

  /** Waits until nothing is waiting, nothing is running and nothing failed (seen three times in a row). */
  async waitIdle(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let calm = 0;
    let last: DeviceStatus | undefined;
    while (calm < 3) {
      if (Date.now() > deadline) throw new Error(`${this.name} did not settle: ${JSON.stringify(last)}`);
      await new Promise((resolve) => setTimeout(resolve, 150));
      last = await this.status();
      if (last.stopped) throw new Error(`${this.name} stopped syncing: ${last.lastError}`);
      calm = last.pending === 0 && !last.syncing && last.lastError === null ? calm + 1 : 0;
    }
  }

  async close(): Promise<void> {
    if (!this.exited) await this.call({ op: 'close' }).catch(() => undefined);
    await this.worker.terminate();
  }
}
