// Security basics: headers on every answer, the per-address login limit, errors that leak
// nothing, and logs without secrets.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoginResponse } from '@domain/contract';
import type { ErrorBody } from '@domain/errors';
import type { ServerContext } from '../src/context';
import { migrate } from '../src/db/migrate';
import { openPglite } from '../src/db/pglite';
import { buildApp, type AppOptions } from '../src/http/app';
import { appContentSecurityPolicy, apiContentSecurityPolicy, FailedAttempts, REDACTED } from '../src/http/security';
import { errorMessages } from '../src/messages';
import { firstStart } from '../src/seed';
import { startServer, type RunningServer } from '../src/server';
import { ChangeHub } from '../src/sync/hub';
import { community } from './docs';
import { ADMIN, CLIENT_VERSION } from './support';

interface TestApp {
  app: FastifyInstance;
  ctx: ServerContext;
  close(): Promise<void>;
}

/** The app as `launchServer` builds it, not listening, so tests can add routes and read its logs. */
async function buildTestApp(options: Partial<AppOptions> = {}, extend?: (app: FastifyInstance, ctx: ServerContext) => void): Promise<TestApp> {
  const db = await openPglite('memory://');
  await migrate(db);
  await firstStart(db, { streetName: '测试街道', adminUsername: ADMIN.username, adminPassword: ADMIN.password, changeOrder: 'safe' });
  const hub = new ChangeHub();
  await hub.start(db);
  // `as`: fields added to the context later default to undefined here rather than break this file.
  const ctx = {
    db,
    hub,
    version: '0.1.0',
    minClientVersion: '0.1.0',
    sessionDays: 30,
    changeOrder: 'safe',
    beforeCommit: undefined,
    deviceTouches: new Map(),
  } as ServerContext;
  const app = await buildApp(ctx, { webRoot: null, tls: undefined, quiet: true, ...options });
  extend?.(app, ctx);
  await app.ready();
  return {
    app,
    ctx,
    close: async () => {
      await hub.close();
      await app.close();
      await db.close();
    },
  };
}

const json = { 'content-type': 'application/json', 'x-client-version': CLIENT_VERSION };

function login(app: FastifyInstance, password: string, options: { username?: string; address?: string } = {}) {
  return app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: json,
    remoteAddress: options.address ?? '127.0.0.1',
    payload: { username: options.username ?? ADMIN.username, password, deviceName: 'vitest' },
  });
}

const errorOf = (response: LightMyRequestResponse) => response.json<ErrorBody>().error;

/** The headers every answer carries, whatever it is. */
function expectCommonHeaders(headers: Record<string, unknown>): void {
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['cross-origin-opener-policy']).toBe('same-origin');
  expect(headers['cross-origin-resource-policy']).toBe('same-origin');
  expect(headers['permissions-policy']).toContain('camera=()');
  expect(headers['permissions-policy']).toContain('microphone=()');
  expect(headers['permissions-policy']).toContain('geolocation=()');
  expect(String(headers['content-security-policy'])).toContain("frame-ancestors 'none'");
}

describe('security headers', () => {
  let server: RunningServer;
  let root: string;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'security-web-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>社区治理</title>');
    writeFileSync(join(root, 'sw.js'), 'self.addEventListener("fetch", () => {});');
    writeFileSync(join(root, 'assets', 'app-abc123.js'), 'console.log(1);');
    server = await startServer({ port: 0, host: '127.0.0.1', webRoot: root, quiet: true, dataDir: 'memory://', adminUsername: ADMIN.username, adminPassword: ADMIN.password });
  });
  afterAll(async () => {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('gives the web app its CSP and leaves its caching alone', async () => {
    for (const path of ['/', '/index.html', '/members/some-route', '/sw.js', '/assets/app-abc123.js']) {
      const response = await fetch(server.url + path);
      expect(response.status, path).toBe(200);
      const headers = Object.fromEntries(response.headers);
      expectCommonHeaders(headers);
      expect(headers['content-security-policy']).toBe(appContentSecurityPolicy);
      expect(headers['cache-control']).not.toBe('no-store');
      expect(headers['strict-transport-security']).toBeUndefined();
    }
    expect(appContentSecurityPolicy).toContain("script-src 'self';");
    expect(appContentSecurityPolicy).toContain("connect-src 'self';");
    expect(appContentSecurityPolicy).toContain("object-src 'none'");
    expect(appContentSecurityPolicy).toContain("base-uri 'none'");
  });

  it('marks every API answer no-store with a CSP that loads nothing: successes, errors, 404s, the event stream', async () => {
    const health = await fetch(`${server.url}/api/health`);
    const missing = await fetch(`${server.url}/api/nothing-here`);
    const badJson = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: json, body: '{"username":' });
    const signedIn = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ username: ADMIN.username, password: ADMIN.password, deviceName: 'vitest' }),
    });
    expect([health.status, missing.status, badJson.status, signedIn.status]).toEqual([200, 404, 400, 200]);
    const { token } = (await signedIn.json()) as LoginResponse;
    const abort = new AbortController();
    const stream = await fetch(`${server.url}/api/sync/stream`, {
      headers: { authorization: `Bearer ${token}`, 'x-client-version': CLIENT_VERSION },
      signal: abort.signal,
    });
    expect(stream.status).toBe(200);
    for (const response of [health, missing, badJson, signedIn, stream]) {
      const headers = Object.fromEntries(response.headers);
      expectCommonHeaders(headers);
      expect(headers['content-security-policy']).toBe(apiContentSecurityPolicy);
      if (response !== stream) expect(headers['cache-control']).toBe('no-store');
    }
    abort.abort();
  });

  it('answers a request the HTTP parser rejects in the contract shape', async () => {
    const raw = (request: string) =>
      new Promise<string>((resolve, reject) => {
        const { hostname, port } = new URL(server.url);
        const socket = connect(Number(port), hostname, () => socket.write(request));
        let answer = '';
        socket.on('data', (chunk: Buffer) => (answer += chunk.toString('utf8')));
        socket.on('close', () => resolve(answer));
        socket.on('error', reject);
      });
    const garbage = await raw('NOT HTTP AT ALL\r\n\r\n');
    expect(garbage).toMatch(/^HTTP\/1\.1 400 /);
    expect(garbage).toContain('x-content-type-options: nosniff');
    expect(JSON.parse(garbage.slice(garbage.indexOf('\r\n\r\n') + 4))).toEqual({ error: { code: 'bad_request', message: errorMessages.badRequest } });
    const huge = await raw(`GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(64 * 1024)}\r\n\r\n`);
    expect(huge).toMatch(/^HTTP\/1\.1 413 /);
    expect(JSON.parse(huge.slice(huge.indexOf('\r\n\r\n') + 4))).toEqual({ error: { code: 'too_large', message: errorMessages.tooLarge } });
  });

  it('adds Strict-Transport-Security when serving HTTPS', async (context) => {
    let tls: { cert: string; key: string };
    const dir = mkdtempSync(join(tmpdir(), 'security-tls-'));
    try {
      const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
      const args = ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=localhost'];
      execFileSync('openssl', args, { stdio: 'ignore' });
      tls = { cert: readFileSync(cert, 'utf8'), key: readFileSync(key, 'utf8') };
    } catch {
      context.skip('openssl is not available to make a test certificate');
      return;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const test = await buildTestApp({ tls });
    try {
      for (const url of ['/api/health', '/']) {
        const response = await test.app.inject({ method: 'GET', url });
        expect(response.headers['strict-transport-security'], url).toBe('max-age=31536000');
      }
    } finally {
      await test.close();
    }
  });
});

describe('login limit per client address', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await buildTestApp();
  });
  afterAll(() => test.close());

  it('does not count successful logins', async () => {
    for (let i = 0; i < 25; i++) expect((await login(test.app, ADMIN.password, { address: '10.0.0.1' })).statusCode).toBe(200);
  });

  it('refuses an address after 20 wrong passwords in a minute, the right password included, with Retry-After', async () => {
    const address = '10.0.0.2';
    // Unknown names: the per-account lockout plays no part.
    for (let i = 0; i < 19; i++) expect((await login(test.app, 'wrong-password', { username: `nobody${i}`, address })).statusCode).toBe(401);
    expect((await login(test.app, ADMIN.password, { address })).statusCode).toBe(200);
    expect((await login(test.app, 'wrong-password', { username: 'nobody-last', address })).statusCode).toBe(401);

    const refused = await login(test.app, ADMIN.password, { address });
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toContain('application/json');
    expect(errorOf(refused).code).toBe('rate_limited');
    expect(errorOf(refused).message).toMatch(/^此网络地址登录失败次数过多，请 \d+ 秒后再试$/);
    const retryAfter = Number(refused.headers['retry-after']);
    expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60).toBe(true);

    // Another address is not affected.
    expect((await login(test.app, ADMIN.password, { address: '10.0.0.3' })).statusCode).toBe(200);
  });

  it('keeps the per-account lockout, and says when to try again', async () => {
    const other = await buildTestApp();
    try {
      for (let i = 0; i < 5; i++) expect((await login(other.app, 'wrong-password', { address: `10.1.0.${i}` })).statusCode).toBe(401);
      const locked = await login(other.app, ADMIN.password, { address: '10.1.1.1' });
      expect(locked.statusCode).toBe(429);
      expect(errorOf(locked)).toEqual({ code: 'rate_limited', message: errorMessages.rateLimited });
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(14 * 60);
    } finally {
      await other.close();
    }
  });
});

describe('FailedAttempts', () => {
  it('blocks at the limit, for as long as the oldest counted failure stays in the window', () => {
    let now = 1_000_000;
    const attempts = new FailedAttempts(3, 60_000, () => now);
    attempts.fail('a');
    now += 10_000;
    attempts.fail('a');
    expect(attempts.retryAfter('a')).toBe(0);
    now += 10_000;
    attempts.fail('a');
    expect(attempts.retryAfter('a')).toBe(40);
    expect(attempts.retryAfter('b')).toBe(0);
    now += 39_999;
    expect(attempts.retryAfter('a')).toBe(1);
    now += 1;
    expect(attempts.retryAfter('a')).toBe(0);
    now += 60_000;
    attempts.fail('a');
    expect(attempts.retryAfter('a')).toBe(0);
  });

  it('forgets the least recently failed addresses beyond its size', () => {
    const now = 5_000;
    const attempts = new FailedAttempts(1, 60_000, () => now, 2);
    for (const key of ['a', 'b', 'c']) attempts.fail(key);
    expect(['a', 'b', 'c'].map((key) => attempts.retryAfter(key) > 0)).toEqual([false, true, true]);
  });
});

describe('errors that leak nothing', () => {
  const secretText = 'SELECT password_hash FROM users WHERE username = $1';
  const logLines: string[] = [];
  let test: TestApp;
  beforeAll(async () => {
    test = await buildTestApp({ logStream: { write: (line) => logLines.push(line) } }, (app, ctx) => {
      app.get('/api/test/throws', () => {
        throw new Error(secretText);
      });
      app.get('/api/test/bad-sql', async () => ctx.db.query('SELECT secret_column FROM no_such_table WHERE id = $1', ['410105198001010011']));
      app.get('/api/test/odd-4xx', () => {
        throw Object.assign(new Error(secretText), { statusCode: 418 });
      });
    });
  });
  afterAll(() => test.close());

  const expectJsonError = (response: LightMyRequestResponse, status: number, code: string, message: string) => {
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toContain('application/json');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.json()).toEqual({ error: { code, message } });
    expect(response.body).not.toMatch(/password_hash|no_such_table|secret_column|SELECT|\bat \S+:\d+|stack|Unexpected|JSON\.parse/);
  };

  it('answers an unexpected error with 500 internal and no text of its own', async () => {
    expectJsonError(await test.app.inject({ method: 'GET', url: '/api/test/throws' }), 500, 'internal', errorMessages.internal);
  });

  it('answers a database error with 500 internal, no SQL; the log has the error but not its parameters', async () => {
    expectJsonError(await test.app.inject({ method: 'GET', url: '/api/test/bad-sql' }), 500, 'internal', errorMessages.internal);
    const logged = logLines.join('');
    expect(logged).toContain('no_such_table');
    expect(logged).not.toContain('410105198001010011');
  });

  it('answers an unexpected client error with a plain 400', async () => {
    expectJsonError(await test.app.inject({ method: 'GET', url: '/api/test/odd-4xx' }), 400, 'bad_request', errorMessages.badRequest);
  });

  it('answers malformed JSON with 400', async () => {
    const response = await test.app.inject({ method: 'POST', url: '/api/auth/login', headers: json, payload: '{"username": "admin", "password": ' });
    expectJsonError(response, 400, 'bad_request', errorMessages.badJson);
  });

  it('answers a body over the limit with 413', async () => {
    const payload = `[${'"x",'.repeat(8 * 1024 * 1024)}"x"]`;
    const response = await test.app.inject({ method: 'POST', url: '/api/sync/communities/push', headers: json, payload });
    expectJsonError(response, 413, 'too_large', errorMessages.tooLarge);
  });

  it('answers an unknown route or method with 404 JSON', async () => {
    for (const [method, url] of [
      ['GET', '/api/no-such-thing'],
      ['POST', '/api/no-such-thing'],
      ['DELETE', '/api/auth/login'],
      ['GET', '/no-web-app-here'],
    ] as const) {
      expectJsonError(await test.app.inject({ method, url }), 404, 'not_found', errorMessages.notFound);
    }
  });

  it('answers a body of another type with 400', async () => {
    const response = await test.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/xml' }, payload: '<password/>' });
    expectJsonError(response, 400, 'bad_request', errorMessages.badContentType);
  });
});

describe('logs', () => {
  it('hide passwords, tokens and device keys wherever they sit', async () => {
    const lines: string[] = [];
    const test = await buildTestApp({ quiet: false, logStream: { write: (line) => lines.push(line) } });
    try {
      test.app.log.info(
        {
          incoming: { headers: { authorization: 'Bearer leaked-token-1', cookie: 'sid=leaked-cookie' } },
          body: { username: 'admin', password: 'leaked-password-1' },
          answer: { login: { token: 'leaked-token-2', deviceKey: 'leaked-device-key' } },
        },
        'careless line',
      );
      const text = lines.join('');
      expect(text).toContain('careless line');
      expect(text).toContain(REDACTED);
      expect(text).not.toMatch(/leaked-/);
    } finally {
      await test.close();
    }
  });

  it('carry no password, token or device key through a login, a failed login and a sync', async () => {
    const lines: string[] = [];
    const test = await buildTestApp({ quiet: false, logStream: { write: (line) => lines.push(line) } });
    try {
      expect((await login(test.app, 'not-the-password-7f3e')).statusCode).toBe(401);
      const bad = await test.app.inject({ method: 'POST', url: '/api/auth/login', headers: json, payload: `{"password":"half-sent-password-9c1a` });
      expect(bad.statusCode).toBe(400);
      const signedIn = await login(test.app, ADMIN.password);
      expect(signedIn.statusCode).toBe(200);
      const session = signedIn.json<LoginResponse>();
      const auth = { ...json, authorization: `Bearer ${session.token}` };
      const push = await test.app.inject({
        method: 'POST',
        url: '/api/sync/communities/push',
        headers: auth,
        payload: [{ newDocumentState: community(session.user.streetId, 'c-log') }],
      });
      expect(push.statusCode).toBe(200);
      expect((await test.app.inject({ method: 'GET', url: '/api/sync/communities/pull', headers: auth })).statusCode).toBe(200);
      expect((await test.app.inject({ method: 'GET', url: '/api/sync/communities/pull', headers: { ...auth, authorization: 'Bearer forged-token-4d2b' } })).statusCode).toBe(401);

      const text = lines.join('');
      // The requests were logged: this test reads the real log.
      expect(text).toContain('/api/sync/communities/pull');
      for (const secret of [ADMIN.password, 'not-the-password-7f3e', 'half-sent-password-9c1a', session.token, session.deviceKey, 'forged-token-4d2b']) {
        expect(text).not.toContain(secret);
      }
    } finally {
      await test.close();
    }
  });
});
