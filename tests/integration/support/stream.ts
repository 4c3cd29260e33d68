// Reads the server-sent events of `GET /api/sync/stream` through fetch, as the app does (an
// EventSource cannot send the Bearer header).

export interface SseEvent {
  event: string;
  data: string;
}

interface Waiter {
  predicate: (event: SseEvent) => boolean;
  resolve: (event: SseEvent | null) => void;
}

export class EventStream {
  /** Every event received so far, oldest first (comment lines are not events). */
  readonly events: SseEvent[] = [];
  private waiters: Waiter[] = [];
  private buffer = '';

  private constructor(private readonly abort: AbortController) {}

  static async open(url: string, headers: Record<string, string>): Promise<EventStream> {
    const abort = new AbortController();
    const response = await fetch(url, { headers, signal: abort.signal });
    if (response.status !== 200 || response.body === null) {
      abort.abort();
      throw new Error(`the event stream answered ${response.status}`);
    }
    const stream = new EventStream(abort);
    const firstChunk = stream.pump(response.body);
    // Servers usually greet with a comment once subscribed; wait for it briefly, not for ever.
    await Promise.race([firstChunk, new Promise((resolve) => setTimeout(resolve, 1000))]);
    return stream;
  }

  /** The first event, received already or within `timeoutMs`, that matches; null on timeout. */
  waitFor(predicate: (event: SseEvent) => boolean, timeoutMs: number): Promise<SseEvent | null> {
    const seen = this.events.find(predicate);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => {
      const waiter: Waiter = {
        predicate,
        resolve: (event) => {
          clearTimeout(timer);
          this.waiters = this.waiters.filter((w) => w !== waiter);
          resolve(event);
        },
      };
      const timer = setTimeout(() => waiter.resolve(null), timeoutMs);
      this.waiters.push(waiter);
    });
  }

  close(): void {
    this.abort.abort();
    for (const waiter of this.waiters) waiter.resolve(null);
  }

  /** Reads the body in the background; resolves once the first chunk has arrived. */
  private pump(body: ReadableStream<Uint8Array>): Promise<void> {
    return new Promise((firstChunk) => {
      void this.read(body, firstChunk);
    });
  }

  private async read(body: ReadableStream<Uint8Array>, firstChunk: () => void): Promise<void> {
    const decoder = new TextDecoder();
    const reader = body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        firstChunk();
        this.buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = this.buffer.indexOf('\n\n')) >= 0) {
          this.dispatch(this.buffer.slice(0, end));
          this.buffer = this.buffer.slice(end + 2);
        }
      }
    } catch {
      // Aborted by close(), or the server went away: waiters time out.
    }
    firstChunk();
  }

  private dispatch(block: string): void {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':') || line === '') continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      if (field === 'data') data.push(value);
    }
    if (data.length === 0 && event === 'message') return;
    const received: SseEvent = { event, data: data.join('\n') };
    this.events.push(received);
    for (const waiter of this.waiters.filter((w) => w.predicate(received))) waiter.resolve(received);
  }
}

/** Matches `event: change` for one collection. */
export function changeOf(collection: string): (event: SseEvent) => boolean {
  return (event) => {
    if (event.event !== 'change') return false;
    const data: unknown = JSON.parse(event.data);
    return typeof data === 'object' && data !== null && 'collection' in data && data.collection === collection;
  };
}
