import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../src/sync/api';
import { ChangeStream } from '../src/sync/stream';
import { eventually } from './support/browserGlobals';
import { FakeServer } from './support/fakeServer';

let stream: ChangeStream | undefined;
afterEach(async () => {
  await stream?.stop();
  vi.unstubAllGlobals();
});

/** A stream over the server; `beforeStart` runs before it connects (a pull that begins first). */
async function setUp(server: FakeServer, beforeStart?: (stream: ChangeStream) => Promise<void>) {
  const connected: boolean[] = [];
  const api = createApiClient({ serverUrl: server.url, token: 't', clientVersion: '1.0.0', fetch: server.fetch });
  const created = new ChangeStream({ api, collections: ['compounds', 'members'], onConnectedChange: (value) => connected.push(value), maxBackoffMs: 50 });
  stream = created;
  const seen = { compounds: 0, members: 0 };
  created.stream$('compounds').subscribe(() => seen.compounds++);
  created.stream$('members').subscribe({ next: () => seen.members++, error: () => (seen.members = -1000) });
  await beforeStart?.(created);
  created.start();
  return { seen, connected, stream: created };
}

describe('ChangeStream', () => {
  it('asks every collection to pull on connect when a pull began before it, then only the one that changed', async () => {
    const server = new FakeServer();
    // Gives up waiting at once: the pull goes ahead unwatched.
    const { seen } = await setUp(server, (created) => created.beforePull(0));
    await eventually(() => expect(seen).toEqual({ compounds: 1, members: 1 }));
    server.notify('members');
    await eventually(() => expect(seen).toEqual({ compounds: 1, members: 2 }));
  });

  it('lets the first pulls wait for the first connection, which then asks for no pull of its own', async () => {
    const server = new FakeServer();
    const { seen, connected, stream: created } = await setUp(server);
    await created.beforePull();
    expect(connected).toEqual([true]);
    server.notify('compounds');
    await eventually(() => expect(seen).toEqual({ compounds: 1, members: 0 }));
  });

  it('survives a broken stream: everything pulls, it reconnects, and the observables never error', async () => {
    const server = new FakeServer();
    const { seen, connected } = await setUp(server);
    await eventually(() => expect(connected).toEqual([true]));
    server.down = true;
    server.dropStreams();
    await eventually(() => expect(connected.filter((value) => !value).length).toBeGreaterThan(0));
    server.down = false;
    await eventually(() => expect(connected.at(-1)).toBe(true));
    server.notify('compounds');
    // Members pulled when the stream broke and again when it reconnected (the first connect, with no pull begun, asked for none).
    await eventually(() => expect(seen.members).toBeGreaterThanOrEqual(2));
  });
});
