// LISTEN on a dedicated connection. When it drops, the listener is told (`onReset`: changes may
// have been missed) and the connection is re-established with backoff, then told again.
import pg from 'pg';

const MAX_BACKOFF_MS = 30_000;

export async function listenWithReconnect(
  connectionString: string,
  channel: string,
  handler: (payload: string) => void,
  onReset: () => void,
): Promise<() => Promise<void>> {
  let stopped = false;
  let current: pg.Client | null = null;
  let timer: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    const client = new pg.Client({ connectionString });
    client.on('notification', (message) => handler(message.payload ?? ''));
    client.on('error', () => lost(client));
    client.on('end', () => lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (stopped) await client.end();
    else current = client;
  };

  const lost = (client: pg.Client): void => {
    if (stopped || current !== client) return;
    current = null;
    client.end().catch(() => undefined);
    onReset();
    retry(1000);
  };

  const retry = (delay: number): void => {
    timer = setTimeout(() => {
      if (stopped) return;
      connect().then(onReset, () => retry(Math.min(delay * 2, MAX_BACKOFF_MS)));
    }, delay);
  };

  await connect();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    const client = current;
    current = null;
    await client?.end().catch(() => undefined);
  };
}
