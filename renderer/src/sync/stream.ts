// One shared reader of `GET /api/sync/stream` for all twelve replications. A change event makes
// its collection pull; a `resync` event, a (re)connect or a broken stream makes every collection
// pull — but the first connect only when a pull began before it: the replications' first pulls wait
// for it (beforePull), since a pull that begins once the stream is open misses nothing (every change
// after the server answered is announced), and a second round of twelve pulls at every start cost
// a round trip or more on a slow link. The per-collection observables never error (RxDB would stop
// replicating for good): the reader reconnects with backoff, 1 s doubling to 30 s, reset once
// connected.
import { Subject, type Observable } from 'rxjs';
import { isCollectionName, type CollectionName } from '@domain/collections';
import { isSessionEnding, type ApiClient } from './api';
import { backoffDelay, WakeableWait } from './backoff';
import { SseParser, type SseEvent } from './sse';

export type StreamItem = 'RESYNC';

/** How long a pull waits for the stream's first connection before it goes ahead anyway. */
export const FIRST_CONNECT_WAIT_MS = 2000;

export interface ChangeStreamOptions {
  api: ApiClient;
  collections: readonly CollectionName[];
  onConnectedChange?: (connected: boolean) => void;
  /** No byte (not even the 25 s ping) for this long means the connection is dead. */
  idleTimeoutMs?: number;
  maxBackoffMs?: number;
}

/** Which collections an event asks to pull: `null` for all, `[]` for none. */
export function collectionsToPull(event: SseEvent): CollectionName[] | null {
  if (event.event === 'resync') return null;
  if (event.event !== 'change') return [];
  try {
    const data: unknown = JSON.parse(event.data);
    const collection = typeof data === 'object' && data !== null ? (data as { collection?: unknown }).collection : undefined;
    // A change the client cannot place is treated as "something changed": pull everything.
    return typeof collection === 'string' && isCollectionName(collection) ? [collection] : null;
  } catch {
    return null;
  }
}

export class ChangeStream {
  private readonly subjects: Map<CollectionName, Subject<StreamItem>>;
  private readonly wait = new WakeableWait();
  private stopped = false;
  private connection: AbortController | undefined;
  private running: Promise<void> | undefined;
  private connectedOnce = false;
  /** A pull began before the first connection opened: that connection makes every collection pull. */
  private pulledUnwatched = false;
  /** Settles when the first connection opens or fails. */
  private readonly firstAttempt: Promise<void>;
  private settleFirstAttempt: () => void = () => undefined;

  constructor(private readonly options: ChangeStreamOptions) {
    this.subjects = new Map(options.collections.map((name) => [name, new Subject<StreamItem>()]));
    this.firstAttempt = new Promise((resolve) => (this.settleFirstAttempt = resolve));
  }

  /** Before a pull: waits, at most `waitMs`, for the first connection to open or fail. */
  async beforePull(waitMs = FIRST_CONNECT_WAIT_MS): Promise<void> {
    if (!this.connectedOnce) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([this.firstAttempt, new Promise((resolve) => (timer = setTimeout(resolve, waitMs)))]);
      clearTimeout(timer);
    }
    if (!this.connectedOnce) this.pulledUnwatched = true;
  }

  stream$(collection: CollectionName): Observable<StreamItem> {
    const subject = this.subjects.get(collection);
    if (!subject) throw new Error(`no stream for ${collection}`);
    return subject.asObservable();
  }

  start(): void {
    this.running ??= this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.settleFirstAttempt();
    this.connection?.abort();
    this.wait.wake();
    await this.running;
  }

  /** Drops the current connection (if any) and connects again at once. */
  reconnectNow(): void {
    this.connection?.abort('reconnect');
    this.wait.wake();
  }

  private resync(collections: CollectionName[] | null): void {
    for (const [name, subject] of this.subjects) {
      if (collections === null || collections.includes(name)) subject.next('RESYNC');
    }
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      const connection = new AbortController();
      this.connection = connection;
      try {
        const response = await this.options.api.openStream('/api/sync/stream', { signal: connection.signal });
        failures = 0;
        this.options.onConnectedChange?.(true);
        // Whatever changed while not connected is only found by pulling.
        if (this.connectedOnce || this.pulledUnwatched) this.resync(null);
        this.connectedOnce = true;
        this.settleFirstAttempt();
        await this.read(response, connection);
      } catch (error) {
        this.settleFirstAttempt();
        // The server ended the session: the engine stops everything, nothing to retry here.
        if (isSessionEnding(error)) this.stopped = true;
      }
      this.options.onConnectedChange?.(false);
      if (this.stopped) break;
      this.resync(null);
      // A connection dropped on purpose (sync now) reconnects at once.
      failures = connection.signal.aborted && connection.signal.reason === 'reconnect' ? 0 : failures + 1;
      const maxMs = this.options.maxBackoffMs ?? 30_000;
      const offline = typeof navigator !== 'undefined' && !navigator.onLine;
      await this.wait.wait(offline ? maxMs : backoffDelay(failures, 1000, maxMs));
    }
  }

  private async read(response: Response, connection: AbortController): Promise<void> {
    const body = response.body;
    if (!body) return;
    const reader = body.pipeThrough(new TextDecoderStream()).getReader();
    const parser = new SseParser();
    const idleMs = this.options.idleTimeoutMs ?? 60_000;
    let idle = setTimeout(() => connection.abort(), idleMs);
    const onAbort = () => void reader.cancel().catch(() => undefined);
    connection.signal.addEventListener('abort', onAbort, { once: true });
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        clearTimeout(idle);
        idle = setTimeout(() => connection.abort(), idleMs);
        for (const event of parser.push(value)) this.resync(collectionsToPull(event));
      }
    } finally {
      clearTimeout(idle);
      connection.signal.removeEventListener('abort', onAbort);
    }
  }
}
