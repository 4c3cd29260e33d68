// Reads a server-sent event stream with fetch (as the app does, so the bearer header travels).
import { CLIENT_VERSION, type Client } from './support';

export interface EventStream {
  status: number;
  contentType: string | null;
  /** Resolves with everything read so far once it matches, or rejects after `ms`. */
  waitFor(pattern: RegExp, ms?: number): Promise<string>;
  /** Everything read within `ms`. */
  readFor(ms: number): Promise<string>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

export async function openStream(client: Client): Promise<EventStream> {
  const abort = new AbortController();
  const response = await fetch(`${client.baseUrl}/api/sync/stream`, {
    headers: { authorization: `Bearer ${client.login?.token ?? ''}`, 'x-client-version': CLIENT_VERSION },
    signal: abort.signal,
  });
  let text = '';
  const waiters = new Set<() => void>();
  const reader: ReadableStreamDefaultReader<Uint8Array> | undefined = response.body?.getReader();
  const decoder = new TextDecoder();
  const ended = (async () => {
    try {
      for (;;) {
        const chunk = await reader?.read();
        if (!chunk || chunk.done) return;
        text += decoder.decode(chunk.value, { stream: true });
        for (const wake of waiters) wake();
      }
    } catch {
      // aborted by close()
    }
  })();
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    ended,
    async waitFor(pattern, ms = 5000) {
      const deadline = Date.now() + ms;
      while (!pattern.test(text)) {
        if (Date.now() > deadline) throw new Error(`no ${String(pattern)} in ${JSON.stringify(text)}`);
        await new Promise<void>((resolve) => {
          waiters.add(resolve);
          setTimeout(resolve, 50);
        });
      }
      return text;
    },
    async readFor(ms) {
      await sleep(ms);
      return text;
    },
    close: () => abort.abort(),
  };
}
