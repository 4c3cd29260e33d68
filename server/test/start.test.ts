// First start, demo loading, login lockout and the web app's files.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectionNames } from '@domain/collections';
import type { ErrorBody } from '@domain/errors';
import { migrate } from '../src/db/migrate';
import { openPglite } from '../src/db/pglite';
import { loadDemo, type DemoDataIn } from '../src/demo/load';
import { startServer } from '../src/server';
import { community, compound } from './docs';
import { ADMIN, Client, startTestServer, type TestServer } from './support';

const fixture: DemoDataIn = {
  accounts: [
    { username: 'boss', password: 'demo-pass-1', displayName: '管理员', role: 'street_admin', communityIds: [] },
    { username: 'staff', password: 'demo-pass-2', displayName: '工作人员', role: 'community_staff', communityIds: ['c1'] },
  ],
  documents: {
    streets: [{ id: 's1', streetId: 's1', name: '测试街道', _deleted: false }],
    communities: [community('s1', 'c1'), community('s1', 'c2')],
    compounds: [compound('s1', 'c1', 'p1'), compound('s1', 'c2', 'p2')],
  },
};

describe('demo loader', () => {
  it('loads an empty database once, with seqs and accounts, and is a no-op after', async () => {
    const db = await openPglite('memory://');
    try {
      await migrate(db);
      expect(await loadDemo(db, fixture, 'safe')).toBe(true);
      const docs = await db.query<{ collection: string; seq: number }>('SELECT collection, seq FROM docs ORDER BY seq');
      // Written in the order of collectionNames, so references always point backwards.
      expect(docs.map((d) => d.collection)).toEqual(['streets', 'communities', 'communities', 'compounds', 'compounds']);
      expect(docs.map((d) => Number(d.seq))).toEqual([1, 2, 3, 4, 5]);
      expect(collectionNames.indexOf('communities')).toBeLessThan(collectionNames.indexOf('compounds'));
      expect((await db.query('SELECT * FROM audit')).length).toBe(5);
      expect(await loadDemo(db, fixture, 'safe')).toBe(false);
      expect((await db.query('SELECT * FROM docs')).length).toBe(5);
    } finally {
      await db.close();
    }
  });

  it('serves the generated demo street to its accounts', async () => {
    const server = await startServer({ port: 0, host: '127.0.0.1', webRoot: null, quiet: true, dataDir: 'memory://', demo: true });
    try {
      const admin = await Client.signIn(server.url, 'admin', 'demo1234');
      const communities = (await admin.pullAll('communities')).documents;
      expect(communities).toHaveLength(14);
      const staff = await Client.signIn(server.url, 'staff01', 'demo1234');
      const own = staff.login?.user.communityIds ?? [];
      const members = (await staff.pullAll('members', undefined, 2000)).documents;
      expect(members.length).toBeGreaterThan(0);
      expect(members.every((m) => own.includes(m.communityId ?? ''))).toBe(true);
    } finally {
      await server.close();
    }
  });
});

describe('login', () => {
  let test: TestServer;
  beforeAll(async () => {
    test = await startTestServer('pglite');
  });
  afterAll(() => test.close());

  it('locks an account after 5 failures, even for the right password', async () => {
    const anonymous = new Client(test.server.url);
    const attempt = (password: string) => anonymous.call<ErrorBody>('POST', '/api/auth/login', { username: ADMIN.username, password, deviceName: 'x' });
    for (let i = 0; i < 5; i++) expect((await attempt('wrong-password')).status).toBe(401);
    const locked = await attempt(ADMIN.password);
    expect(locked.status).toBe(429);
    expect(locked.body.error).toEqual({ code: 'rate_limited', message: '登录失败次数过多，请15分钟后再试' });
  });

  it('validates the login body', async () => {
    const answer = await new Client(test.server.url).call<ErrorBody>('POST', '/api/auth/login', { username: 'x' });
    expect(answer.status).toBe(400);
    expect(answer.body.error.details?.map((d) => d.field)).toEqual(['password', 'deviceName']);
  });
});

describe('web app', () => {
  const root = mkdtempSync(join(tmpdir(), 'web-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('says how to build the app until there is one, then serves it with the right caching', async () => {
    const server = await startServer({ port: 0, host: '127.0.0.1', webRoot: root, quiet: true, dataDir: 'memory://' });
    try {
      const before = await fetch(`${server.url}/`);
      expect([before.status, await before.text()]).toEqual([200, expect.stringContaining('npm run build:renderer')]);

      mkdirSync(join(root, 'assets'));
      writeFileSync(join(root, 'index.html'), '<!doctype html><title>app</title>');
      writeFileSync(join(root, 'sw.js'), 'self.addEventListener("fetch", () => {});');
      writeFileSync(join(root, 'assets', 'index-3f2a1b.js'), 'console.log(1)');
      // An app route on reload gets index.html, never cached, so a new build is picked up.
      const page = await fetch(`${server.url}/members/42`);
      expect([page.status, page.headers.get('cache-control'), await page.text()]).toEqual([200, 'no-cache', '<!doctype html><title>app</title>']);
      expect((await fetch(`${server.url}/sw.js`)).headers.get('cache-control')).toBe('no-cache');
      expect((await fetch(`${server.url}/assets/index-3f2a1b.js`)).headers.get('cache-control')).toMatch(/immutable/);
      const api = await fetch(`${server.url}/api/nothing-here`);
      expect([api.status, ((await api.json()) as ErrorBody).error.code]).toEqual([404, 'not_found']);
    } finally {
      await server.close();
    }
  });
});
