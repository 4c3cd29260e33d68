// An in-memory street office server speaking the sync contract over a `fetch` function, for the
// sync client's tests: change order, scoped pull with `removed`, push with conflicts, the event
// stream, references checked on push (a building needs its compound), and switchable failures.
import type { AnyDoc, CollectionName } from '@domain/collections';
import type { PushRow } from '@domain/contract';
import type { ErrorCode } from '@domain/errors';
import { deepEqual } from '@domain/merge';

interface Stored {
  seq: number;
  doc: AnyDoc;
}

export interface RecordedPush {
  collection: CollectionName;
  rows: PushRow[];
  conflicts: AnyDoc[];
}

export class FakeServer {
  readonly docs = new Map<CollectionName, Map<string, Stored>>();
  /** seq at which an id left the caller's scope. */
  readonly exits = new Map<CollectionName, Map<string, number>>();
  readonly pushes: RecordedPush[] = [];
  /** Pushes answered with an error, by collection. */
  readonly refused: CollectionName[] = [];
  seq = 0;
  down = false;
  /** Answer every request with this error (e.g. 401 unauthorized). */
  failWith: { status: number; code: ErrorCode; message: string; minVersion?: string } | undefined;
  private streams = new Set<ReadableStreamDefaultController<Uint8Array>>();

  constructor(readonly url = 'http://fake.server') {}

  put(collection: CollectionName, doc: Omit<AnyDoc, '_deleted'> & { _deleted?: boolean }): AnyDoc {
    const stored = { ...doc, _deleted: doc._deleted ?? false } as AnyDoc;
    this.table(collection).set(stored.id, { seq: ++this.seq, doc: stored });
    this.exitsOf(collection).delete(stored.id);
    return stored;
  }

  get(collection: CollectionName, id: string): AnyDoc | undefined {
    return this.table(collection).get(id)?.doc;
  }

  /** The document leaves the caller's scope: pull reports it in `removed`, push refuses it. */
  removeFromScope(collection: CollectionName, id: string): void {
    this.exitsOf(collection).set(id, ++this.seq);
  }

  notify(collection: CollectionName): void {
    this.send(`event: change\ndata: ${JSON.stringify({ collection, checkpoint: { seq: this.seq } })}\n\n`);
  }

  /** Ends every open event stream, as a server restart would. */
  dropStreams(): void {
    for (const controller of this.streams) controller.close();
    this.streams.clear();
  }

  readonly fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    await Promise.resolve();
    if (this.down) throw new TypeError('Failed to fetch');
    if (init?.signal?.aborted) throw new DOMException('aborted', 'AbortError');
    if (this.failWith) {
      const { status, ...error } = this.failWith;
      return json(status, { error });
    }
    const url = new URL(input instanceof Request ? input.url : input.toString());
    const match = /^\/api\/sync\/(\w+)\/(pull|push)$/.exec(url.pathname);
    if (url.pathname === '/api/sync/stream') return this.stream(init?.signal ?? undefined);
    if (!match) return json(404, { error: { code: 'not_found', message: '未找到' } });
    const collection = match[1] as CollectionName;
    if (match[2] === 'pull') return this.pull(collection, url.searchParams);
    return this.push(collection, JSON.parse(typeof init?.body === 'string' ? init.body : '[]') as PushRow[]);
  };

  private pull(collection: CollectionName, params: URLSearchParams): Response {
    const limit = Number(params.get('limit') ?? 500);
    const raw = params.get('checkpoint');
    const since = raw ? (JSON.parse(raw) as { seq: number }).seq : 0;
    const exits = this.exitsOf(collection);
    const documents = [...this.table(collection).values()]
      .filter((stored) => stored.seq > since && !exits.has(stored.doc.id))
      .sort((a, b) => a.seq - b.seq)
      .slice(0, limit);
    const full = documents.length === limit;
    const upTo = full ? (documents.at(-1)?.seq ?? since) : this.seq;
    const removed = [...exits].filter(([, seq]) => seq > since && seq <= upTo).map(([id]) => id);
    return json(200, { documents: documents.map((stored) => stored.doc), removed, checkpoint: { seq: upTo } });
  }

  private push(collection: CollectionName, rows: PushRow[]): Response {
    const table = this.table(collection);
    if (rows.some((row) => this.exitsOf(collection).has(row.newDocumentState.id))) {
      this.refused.push(collection);
      return json(403, { error: { code: 'out_of_scope', message: '该记录不在您的数据范围内' } });
    }
    const broken = rows.find((row) => collection === 'buildings' && !row.newDocumentState._deleted && !this.get('compounds', String(row.newDocumentState.compoundId)));
    if (broken) {
      this.refused.push(collection);
      return json(422, {
        error: { code: 'invalid_document', message: '数据校验失败', details: [{ row: 0, id: broken.newDocumentState.id, field: 'compoundId', message: '所属小区不存在' }] },
      });
    }
    const conflicts: AnyDoc[] = [];
    for (const row of rows) {
      const stored = table.get(row.newDocumentState.id)?.doc;
      if (stored && deepEqual(stored, row.newDocumentState)) continue;
      if (stored && !deepEqual(stored, row.assumedMasterState ?? undefined)) {
        conflicts.push(stored);
        continue;
      }
      this.put(collection, row.newDocumentState);
    }
    this.pushes.push({ collection, rows, conflicts });
    return json(200, conflicts);
  }

  private stream(signal: AbortSignal | undefined): Response {
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    const body = new ReadableStream<Uint8Array>({
      start: (c) => {
        controller = c;
        this.streams.add(c);
        c.enqueue(new TextEncoder().encode(': connected\n\n'));
      },
      cancel: () => void this.streams.delete(controller),
    });
    signal?.addEventListener('abort', () => {
      this.streams.delete(controller);
      try {
        controller.error(new DOMException('aborted', 'AbortError'));
      } catch {
        // already closed
      }
    });
    return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
  }

  private send(text: string): void {
    const bytes = new TextEncoder().encode(text);
    for (const controller of this.streams) controller.enqueue(bytes);
  }

  private table(collection: CollectionName): Map<string, Stored> {
    let table = this.docs.get(collection);
    if (!table) this.docs.set(collection, (table = new Map<string, Stored>()));
    return table;
  }

  private exitsOf(collection: CollectionName): Map<string, number> {
    let exits = this.exits.get(collection);
    if (!exits) this.exits.set(collection, (exits = new Map<string, number>()));
    return exits;
  }
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}
