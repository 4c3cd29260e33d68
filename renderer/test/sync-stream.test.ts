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

function setUp(server: FakeServer) {
  const connected: boolean[] = [];
  const api = createApiClient({ serverUrl: server.url, token: 't', clientVersion: '1.0.0', fetch: server.fetch });
  stream = new ChangeStream({ api, collections: ['compounds', 'members'], onConnectedChange: (value) => connected.push(value), maxBackoffMs: 50 });
  const seen = { compounds: 0, members: 0 };
  stream.stream$('compounds').subscribe(() => seen.compounds++);
  stream.stream$('members').subscribe({ next: () => seen.members++, error: () => (seen.members = -1000) });
  stream.start();
  return { seen, connected };
}

describe('ChangeStream', () => {
  it('asks every collection to pull on connect, then only the one that changed', async () => {
    const server = new FakeServer();
    const { seen } = setUp(server);
    await eventually(() => expect(seen).toEqual({ compounds: 1, members: 1 }));
    server.notify('members');
    await eventually(() => expect(seen).toEqual({ compounds: 1, members: 2 }));
  });

  it('survives a broken stream: everything pulls, it reconnects, and the observables never error', async () => {
    const server = new FakeServer();
    const { seen, connected } = setUp(server);
    await eventually(() => expect(connected).toEqual([true]));
    server.down = true;
    server.dropStreams();
    await eventually(() => expect(connected.filter((value) => !value).length).toBeGreaterThan(0));
    server.down = false;
    await eventually(() => expect(connected.at(-1)).toBe(true));
    server.notify('compounds');
    await eventually(() => expect(seen.members).toBeGreaterThanOrEqual(3));
  });
});
