// Sessions answered from memory: a token that was just used is kept for a few seconds, and yet every
// write that ends a session or changes what it may read is refused or applied at the very next
// request, in this process and (through the account notice) in another one on the same database.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { AnyDoc } from '@domain/collections';
import { SessionCache } from '../src/auth/session-cache';
import { hashToken } from '../src/auth/sessions';
import type { Queryable, Row } from '../src/db/adapter';
import { startServer, type RunningServer } from '../src/server';
import { member } from './docs';
import { ADMIN, adminWithCommunities, Client, newStaff, startTestServer, type TestServer } from './support';

const PASSWORD = 'shequ-cache-123';
let serial = 0;

/** A community worker of `communityIds`, signed in on a new device of the server `admin` talks to. */
const staffOf = (admin: Client, communityIds: string[]) => newStaff(admin, `cache_${++serial}`, PASSWORD, communityIds);

const errorCode = (answer: { body: unknown }) => (answer.body as { error?: { code?: string } }).error?.code;

describe('sessions kept in memory, one server', () => {
  let test: TestServer;
  let admin: Client;
  let street: string;

  beforeAll(async () => {
    test = await startTestServer('pglite');
    admin = await adminWithCommunities(test.server.url);
    street = admin.streetId;
    await admin.push('members', [{ newDocumentState: member(street, 'A', 'member-a') }, { newDocumentState: member(street, 'B', 'member-b') }]);
  });
  afterAll(() => test.close());

  // Each case uses the token right before the write, so without the forget it would be answered from memory.
  it('refuses a disabled account at its next request', async () => {
    const { client, userId } = await staffOf(admin, ['A']);
    expect((await client.pull('members')).status).toBe(200);
    expect((await admin.call('POST', `/api/admin/users/${userId}/disable`)).status).toBe(200);
    const after = await client.pull('members');
    expect(after.status).toBe(401);
    expect(errorCode(after)).toBe('unauthorized');
  });

  it('refuses the sessions of an account whose password was reset, at their next request', async () => {
    const { client, userId } = await staffOf(admin, ['A']);
    expect((await client.pull('members')).status).toBe(200);
    expect((await admin.call('POST', `/api/admin/users/${userId}/password`, { password: 'shequ-new-456' })).status).toBe(200);
    const after = await client.pull('members');
    expect(after.status).toBe(401);
    expect(errorCode(after)).toBe('unauthorized');
  });

  it('answers a revoked device with device_revoked at its next request', async () => {
    const { client } = await staffOf(admin, ['A']);
    expect((await client.pull('members')).status).toBe(200);
    expect((await admin.call('POST', `/api/admin/devices/${client.login?.deviceId ?? ''}/revoke`)).status).toBe(200);
    const after = await client.pull('members');
    expect(after.status).toBe(401);
    expect(errorCode(after)).toBe('device_revoked');
  });

  it('pulls with the new scope at the next request after a scope change', async () => {
    const { client, userId } = await staffOf(admin, ['A']);
    const before = await client.pull('members');
    expect(before.body.documents.map((doc: AnyDoc) => doc.id)).toEqual(['member-a']);
    expect((await admin.call('PUT', `/api/admin/users/${userId}/scope`, { communityIds: ['B'] })).status).toBe(200);
    const after = await client.pull('members');
    expect(after.body.documents.map((doc: AnyDoc) => doc.id)).toEqual(['member-b']);
  });

  it('leaves other accounts signed in', async () => {
    const kept = await staffOf(admin, ['A']);
    const gone = await staffOf(admin, ['A']);
    expect((await kept.client.pull('members')).status).toBe(200);
    expect((await admin.call('POST', `/api/admin/users/${gone.userId}/disable`)).status).toBe(200);
    expect((await kept.client.pull('members')).status).toBe(200);
  });
});

describe('sessions kept in memory, two servers on one PostgreSQL database', () => {
  const cluster = process.env.DATABASE_URL ?? inject('postgresUrl');
  const name = `session_cache_${randomBytes(6).toString('hex')}`;
  let first: RunningServer;
  let second: RunningServer;
  let admin: Client;

  const onCluster = async (sql: string) => {
    const client = new pg.Client({ connectionString: cluster });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };

  beforeAll(async () => {
    await onCluster(`CREATE DATABASE ${name}`);
    const url = new URL(cluster);
    url.pathname = `/${name}`;
    const options = { port: 0, host: '127.0.0.1', webRoot: null, quiet: true, adminUsername: ADMIN.username, adminPassword: ADMIN.password, databaseUrl: url.toString() };
    first = await startServer(options);
    second = await startServer(options);
    admin = await adminWithCommunities(first.url);
  });
  afterAll(async () => {
    await Promise.all([first?.close(), second?.close()]);
    await onCluster(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });

  it('refuses an account disabled through the other server as soon as its notice arrives, well within the memory limit', async () => {
    const { client, userId } = await staffOf(admin, ['A']);
    const onSecond = new Client(second.url, client.login);
    expect((await onSecond.pull('members')).status).toBe(200);
    expect((await admin.call('POST', `/api/admin/users/${userId}/disable`)).status).toBe(200);
    const started = Date.now();
    let status = 200;
    while (status === 200 && Date.now() - started < 10_000) {
      status = (await onSecond.pull('members')).status;
      if (status === 200) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(status).toBe(401);
    // Kept entries live 5 s at most; the notice makes it far sooner.
    expect(Date.now() - started).toBeLessThan(2_500);
  });
});

/** The first token hash a lookup asked for. */
const firstHash = (params?: readonly unknown[]) => (params?.[0] as string[] | undefined)?.[0];

/** A database that answers the session lookup with `row` (or nothing) and counts the lookups. */
function fakeDb(row: () => Row | undefined): Queryable & { lookups: number } {
  const db = {
    lookups: 0,
    query<R extends Row = Row>(_sql: string, params?: readonly unknown[]): Promise<R[]> {
      db.lookups++;
      const found = row();
      return Promise.resolve(found === undefined ? [] : [{ ...found, session_token_hash: firstHash(params) } as unknown as R]);
    },
  };
  return db;
}

const sessionRow = (extra: Row = {}): Row => ({
  id: 'user-1',
  role: 'community_staff',
  disabled: false,
  session_device_id: 'device-1',
  session_revoked: false,
  session_expired: false,
  device_revoked: false,
  session_ms_left: 86_400_000,
  ...extra,
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('SessionCache', () => {
  it('answers a token it read recently from memory', async () => {
    const db = fakeDb(() => sessionRow());
    const cache = new SessionCache();
    const first = await cache.sessionOf(db, 'token');
    expect(await cache.sessionOf(db, 'token')).toBe(first);
    expect(db.lookups).toBe(1);
  });

  it('reads again after its age limit', async () => {
    const db = fakeDb(() => sessionRow());
    const cache = new SessionCache(30);
    await cache.sessionOf(db, 'token');
    await sleep(50);
    await cache.sessionOf(db, 'token');
    expect(db.lookups).toBe(2);
  });

  it('never keeps a session past its own expiry', async () => {
    let row = sessionRow({ session_ms_left: 30 });
    const db = fakeDb(() => row);
    const cache = new SessionCache();
    await cache.sessionOf(db, 'token');
    await sleep(50);
    row = sessionRow({ session_expired: true, session_ms_left: -20 });
    await expect(cache.sessionOf(db, 'token')).rejects.toMatchObject({ code: 'unauthorized' });
  });

  it('keeps no refusal: a revoked session is looked up, and refused, every time', async () => {
    const db = fakeDb(() => sessionRow({ session_revoked: true }));
    const cache = new SessionCache();
    await expect(cache.sessionOf(db, 'token')).rejects.toMatchObject({ code: 'unauthorized' });
    await expect(cache.sessionOf(db, 'token')).rejects.toMatchObject({ code: 'unauthorized' });
    expect(db.lookups).toBe(2);
    await expect(cache.sessionOf(db, undefined)).rejects.toMatchObject({ code: 'unauthorized' });
    expect(cache.size).toBe(0);
  });

  it('does not keep what a lookup read when the account was forgotten while it ran', async () => {
    let release: () => void = () => undefined;
    const db: Queryable = {
      query: <R extends Row = Row>(_sql: string, params?: readonly unknown[]) =>
        new Promise<R[]>((resolve) => (release = () => resolve([{ ...sessionRow(), session_token_hash: firstHash(params) } as unknown as R]))),
    };
    const cache = new SessionCache();
    const reading = cache.sessionOf(db, 'token');
    cache.forgetAccount('user-1');
    release();
    await reading;
    expect(cache.size).toBe(0);
  });

  it('forgets only the account named', async () => {
    const cache = new SessionCache();
    await cache.sessionOf(fakeDb(() => sessionRow()), 'token-1');
    await cache.sessionOf(fakeDb(() => sessionRow({ id: 'user-2' })), 'token-2');
    cache.forgetAccount('user-1');
    expect(cache.size).toBe(1);
    cache.forgetAll();
    expect(cache.size).toBe(0);
  });

  it('reads the tokens arriving while a lookup is in flight together, each getting its own answer', async () => {
    const hashes = new Map(['t1', 't2', 't3', 'gone'].map((token) => [hashToken(token), token]));
    const statements: string[][] = [];
    let release: () => void = () => undefined;
    const db: Queryable = {
      query: <R extends Row = Row>(_sql: string, params?: readonly unknown[]) => {
        const asked = params?.[0] as string[];
        statements.push(asked.map((hash) => hashes.get(hash) ?? '?'));
        const rows = asked
          .filter((hash) => hashes.get(hash) !== 'gone')
          .map((hash) => ({ ...sessionRow({ id: `user-${hashes.get(hash) ?? ''}` }), session_token_hash: hash }) as unknown as R);
        // The first statement stays in flight until released, so the next lookups queue behind it.
        return statements.length === 1 ? new Promise<R[]>((resolve) => (release = () => resolve(rows))) : Promise.resolve(rows);
      },
    };
    const cache = new SessionCache();
    const first = cache.sessionOf(db, 't1');
    const rest = [cache.sessionOf(db, 't2'), cache.sessionOf(db, 't3'), cache.sessionOf(db, 'gone')];
    release();
    expect((await first).user.id).toBe('user-t1');
    const [second, third, gone] = await Promise.allSettled(rest);
    expect(statements).toEqual([['t1'], ['t2', 't3', 'gone']]);
    expect(second).toMatchObject({ status: 'fulfilled', value: { user: { id: 'user-t2' } } });
    expect(third).toMatchObject({ status: 'fulfilled', value: { user: { id: 'user-t3' } } });
    expect(gone).toMatchObject({ status: 'rejected', reason: { code: 'unauthorized' } });
    expect(cache.size).toBe(3);
  });

  it('fails every lookup of a failed statement, and reads again afterwards', async () => {
    let fail = true;
    const db = fakeDb(() => {
      if (fail) throw new Error('connection lost');
      return sessionRow();
    });
    const cache = new SessionCache();
    await expect(cache.sessionOf(db, 'token')).rejects.toThrow('connection lost');
    fail = false;
    expect((await cache.sessionOf(db, 'token')).user.id).toBe('user-1');
  });

  it('holds at most its bound, dropping the oldest', async () => {
    const db = fakeDb(() => sessionRow());
    const cache = new SessionCache(5_000, 3);
    for (const token of ['t1', 't2', 't3', 't4', 't5']) await cache.sessionOf(db, token);
    expect(cache.size).toBe(3);
    await cache.sessionOf(db, 't5');
    expect(db.lookups).toBe(5);
    await cache.sessionOf(db, 't1');
    expect(db.lookups).toBe(6);
  });
});
