// Runs the street server as a child process that a scenario can SIGKILL and start again on the
// same storage, and the write log every infrastructure scenario keeps: each write with whether the
// server acknowledged it, checked after quiescence against what the server (and a device) holds.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { AnyDoc } from '@domain/collections';
import { deepEqual } from '@domain/merge';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const MAIN = fileURLToPath(new URL('./infra-server-main.ts', import.meta.url));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface ServerProcessOptions {
  port: number;
  /** PostgreSQL database; absent: embedded PGlite in `dataDir`. */
  databaseUrl?: string;
  dataDir?: string;
  admin: { username: string; password: string };
  /** Pause every push transaction this long before COMMIT and say so on stdout (0: none). */
  commitPauseMs?: number;
  /** The built web app to serve at `/`. */
  webRoot?: string;
}

/** One run of the server process; `kill` ends it (SIGKILL by default) and waits for the exit. */
export class ServerProcess {
  private output = '';
  private readonly exited: Promise<void>;
  private lineListeners: ((line: string) => void)[] = [];

  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    let partial = '';
    const onData = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      this.output = (this.output + text).slice(-20_000);
      partial += text;
      let end: number;
      while ((end = partial.indexOf('\n')) >= 0) {
        const line = partial.slice(0, end);
        partial = partial.slice(end + 1);
        for (const listener of this.lineListeners) listener(line);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
  }

  static async start(options: ServerProcessOptions): Promise<ServerProcess> {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(options.port),
      ADMIN_USERNAME: options.admin.username,
      ADMIN_PASSWORD: options.admin.password,
      FAULT_COMMIT_PAUSE_MS: String(options.commitPauseMs ?? 0),
    };
    delete env.DATABASE_URL;
    delete env.DATA_DIR;
    delete env.WEB_ROOT;
    if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
    if (options.dataDir) env.DATA_DIR = options.dataDir;
    if (options.webRoot) env.WEB_ROOT = options.webRoot;
    // One node process (no tsx CLI in between), so that SIGKILL reaches the server itself.
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const server = new ServerProcess(child, `http://127.0.0.1:${options.port}`);
    await server.waitForLine((line) => line.startsWith('FAULT listening'), 60_000);
    return server;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get log(): string {
    return this.output;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Calls `listener` with every line the process prints from now on; returns an unsubscribe. */
  onLine(listener: (line: string) => void): () => void {
    this.lineListeners.push(listener);
    return () => {
      this.lineListeners = this.lineListeners.filter((other) => other !== listener);
    };
  }

  waitForLine(predicate: (line: string) => boolean, timeoutMs: number): Promise<string> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        stop();
        reject(new Error(`the server process did not print the expected line within ${timeoutMs} ms:\n${this.output}`));
      }, timeoutMs);
      const onExit = () => {
        clearTimeout(timer);
        stop();
        reject(new Error(`the server process exited:\n${this.output}`));
      };
      this.child.once('exit', onExit);
      const unsubscribe = this.onLine((line) => {
        if (!predicate(line)) return;
        clearTimeout(timer);
        stop();
        resolve(line);
      });
      const stop = () => {
        unsubscribe();
        this.child.off('exit', onExit);
      };
    });
  }

  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (this.running) this.child.kill(signal);
    await this.exited;
  }
}

/** One write as the test made it: the row pushed and whether the server acknowledged it. */
export interface LoggedWrite {
  collection: string;
  id: string;
  doc: AnyDoc;
  /** The batch (one push request) the write travelled in. */
  batch: number;
  acknowledged: boolean;
}

export interface CheckResult {
  /** Acknowledged documents whose last acknowledged state is not what the server holds. */
  lost: string[];
  /** Documents the server (or device) holds in a state the log never wrote, or that differ between them. */
  diverged: string[];
}

/** Every write of the scenario, in the order they were made. */
export class WriteLog {
  readonly writes: LoggedWrite[] = [];
  private nextBatch = 0;

  /** Records a batch about to be sent; returns its number. */
  record(collection: string, docs: readonly AnyDoc[]): number {
    const batch = this.nextBatch++;
    for (const doc of docs) this.writes.push({ collection, id: doc.id, doc, batch, acknowledged: false });
    return batch;
  }

  acknowledge(batch: number): void {
    for (const write of this.writes) if (write.batch === batch) write.acknowledged = true;
  }

  batch(batch: number): LoggedWrite[] {
    return this.writes.filter((write) => write.batch === batch);
  }

  get acknowledgedCount(): number {
    return this.writes.filter((write) => write.acknowledged).length;
  }

  /** The last acknowledged state of each document, by `collection/id`. */
  lastAcknowledged(): Map<string, AnyDoc> {
    const states = new Map<string, AnyDoc>();
    for (const write of this.writes) if (write.acknowledged) states.set(`${write.collection}/${write.id}`, write.doc);
    return states;
  }

  /** Every state the log ever sent of each document (acknowledged or not), by `collection/id`. */
  everySent(): Map<string, AnyDoc[]> {
    const states = new Map<string, AnyDoc[]>();
    for (const write of this.writes) {
      const key = `${write.collection}/${write.id}`;
      states.set(key, [...(states.get(key) ?? []), write.doc]);
    }
    return states;
  }

  /**
   * Compares the log with a holder's documents (`collection/id` → state): an acknowledged write
   * whose document is missing or in another state is lost (unless a later write of the log, sent
   * but unacknowledged, explains the state); a document in a state the log never sent diverged.
   */
  check(held: Map<string, AnyDoc>): CheckResult {
    const lost: string[] = [];
    const diverged: string[] = [];
    const sent = this.everySent();
    for (const [key, doc] of this.lastAcknowledged()) {
      const actual = held.get(key);
      if (actual === undefined) lost.push(key);
      else if (!deepEqual(actual, doc)) {
        const later = this.laterStates(key, doc);
        if (!later.some((state) => deepEqual(state, actual))) lost.push(key);
      }
    }
    for (const [key, doc] of held) {
      const states = sent.get(key);
      if (states && !states.some((state) => deepEqual(state, doc))) diverged.push(key);
    }
    return { lost, diverged };
  }

  private laterStates(key: string, acknowledged: AnyDoc): AnyDoc[] {
    const states = this.everySent().get(key) ?? [];
    const index = states.findIndex((state) => deepEqual(state, acknowledged));
    return states.slice(index + 1);
  }
}

/** `collection/id` → document, from pulled lists. */
export function byKey(collection: string, docs: readonly AnyDoc[]): Map<string, AnyDoc> {
  return new Map(docs.map((doc) => [`${collection}/${doc.id}`, doc]));
}
