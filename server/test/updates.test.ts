// The update feed the desktop app downloads from (GET /updates/<file>), and the web build served
// over HTTPS when the server is given a certificate.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '@domain/errors';
import { isPlainFileName, updateFileHeaders } from '../src/http/routes/updates';
import { errorMessages } from '../src/messages';
import { startServer, type RunningServer } from '../src/server';
import { ADMIN } from './support';

const installer = Buffer.from(Array.from({ length: 4096 }, (_, i) => i % 251));
const feed = 'version: 0.2.0\nfiles:\n  - url: community-governance-0.2.0-windows-x64-setup.exe\n';
const notFound: ErrorBody = { error: { code: 'not_found', message: errorMessages.notFound } };

function base(dir: string) {
  return { port: 0, host: '127.0.0.1', quiet: true, dataDir: 'memory://', adminUsername: ADMIN.username, adminPassword: ADMIN.password, webRoot: join(dir, 'web') };
}

describe('the updates folder', () => {
  let dir = '';
  let server: RunningServer;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'updates-'));
    const updates = join(dir, 'updates');
    mkdirSync(join(updates, 'old'), { recursive: true });
    mkdirSync(join(dir, 'web'));
    writeFileSync(join(dir, 'web', 'index.html'), '<!doctype html><title>社区治理</title>');
    writeFileSync(join(updates, 'latest.yml'), feed);
    writeFileSync(join(updates, 'latest.yml.sig'), 'c2lnbmF0dXJl\n');
    writeFileSync(join(updates, 'community-governance-0.2.0-windows-x64-setup.exe'), installer);
    writeFileSync(join(updates, 'old', 'latest.yml'), 'version: 0.0.1\n');
    writeFileSync(join(updates, '.secret'), 'hidden');
    writeFileSync(join(dir, 'outside.txt'), 'outside');
    server = await startServer({ ...base(dir), updatesDir: updates });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}${path}`, { headers });
  /** The path exactly as given (fetch would resolve `..` and add cache-control to conditional requests). */
  const raw = (path: string, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const url = new URL(server.url);
      const request = httpRequest({ host: url.hostname, port: url.port, path, headers }, (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      });
      request.on('error', reject);
      request.end();
    });

  it('serves a feed without a login, as YAML that is never cached', async () => {
    const response = await get('/updates/latest.yml');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/yaml; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toBe(feed);
    const signature = await get('/updates/latest.yml.sig');
    expect(signature.headers.get('cache-control')).toBe('no-cache');
    expect(await signature.text()).toBe('c2lnbmF0dXJl\n');
  });

  it('serves an installer as bytes that may be cached', async () => {
    const response = await get('/updates/community-governance-0.2.0-windows-x64-setup.exe');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/octet-stream');
    expect(response.headers.get('cache-control')).toBe('public, max-age=86400');
    expect(response.headers.get('accept-ranges')).toBe('bytes');
    expect(Buffer.from(await response.arrayBuffer()).equals(installer)).toBe(true);
  });

  it('answers a range request with just that range', async () => {
    const response = await get('/updates/community-governance-0.2.0-windows-x64-setup.exe', { range: 'bytes=1000-1099' });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe(`bytes 1000-1099/${installer.length}`);
    expect(response.headers.get('content-type')).toBe('application/octet-stream');
    expect(Buffer.from(await response.arrayBuffer()).equals(installer.subarray(1000, 1100))).toBe(true);
  });

  it('answers a revalidation of an unchanged file with 304', async () => {
    const first = await get('/updates/latest.yml');
    const etag = first.headers.get('etag');
    await first.text();
    expect(etag).toBeTruthy();
    expect((await raw('/updates/latest.yml', { 'if-none-match': etag ?? '' })).status).toBe(304);
    expect((await raw('/updates/latest.yml', { 'if-none-match': '"other"' })).status).toBe(200);
  });

  it('answers a missing file with the contract 404, not the web app', async () => {
    for (const path of ['/updates/latest-linux.yml', '/updates/', '/updates']) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(await response.json(), path).toEqual(notFound);
    }
  });

  it('serves nothing but plain file names in the folder itself', async () => {
    for (const path of [
      '/updates/old/latest.yml',
      '/updates/old%2Flatest.yml',
      '/updates/../outside.txt',
      '/updates/..%2Foutside.txt',
      '/updates/%2E%2E/outside.txt',
      '/updates/%2e%2e%2foutside.txt',
      '/updates/..%5Coutside.txt',
      '/updates/.secret',
      '/updates/%2Esecret',
    ]) {
      const response = await raw(path);
      expect(response.status, path).toBe(404);
      expect(JSON.parse(response.body), path).toEqual(notFound);
    }
  });

  it('keeps the web app and the API where they were', async () => {
    expect((await get('/api/health')).status).toBe(200);
    const page = await get('/needs');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('社区治理');
  });
});

describe('update file names and headers', () => {
  it('accepts what electron-builder writes and nothing with a path in it', () => {
    for (const name of ['latest.yml', 'latest-linux-arm64.yml', 'latest.yml.sig', 'community-governance-0.2.0-linux-arm64.AppImage', 'community-governance-0.2.0-windows-x64-setup.exe.blockmap', 'community-governance_0.2.0_amd64.deb']) {
      expect(isPlainFileName(name), name).toBe(true);
    }
    for (const name of ['', '.', '..', '.secret', 'a/b', 'a\\b', '..latest.yml', 'latest..yml', '社区治理.exe', 'a b.exe', `${'a'.repeat(201)}`]) {
      expect(isPlainFileName(name), name).toBe(false);
    }
  });

  it('gives feeds text types and no caching, installers bytes and caching', () => {
    expect(updateFileHeaders('latest-linux.yml')['content-type']).toBe('text/yaml; charset=utf-8');
    expect(updateFileHeaders('latest-linux.yml.sig')['cache-control']).toBe('no-cache');
    expect(updateFileHeaders('x.AppImage')).toEqual({ 'content-type': 'application/octet-stream', 'cache-control': 'public, max-age=86400' });
    expect(updateFileHeaders('x.deb')['content-type']).toBe('application/octet-stream');
  });
});

describe('the web build over HTTPS', () => {
  it('serves the web app and the API over TLS when given a certificate', async (context) => {
    const dir = mkdtempSync(join(tmpdir(), 'updates-tls-'));
    let server: RunningServer | undefined;
    try {
      const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
      try {
        const args = ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost'];
        execFileSync('openssl', args, { stdio: 'ignore' });
      } catch {
        context.skip('openssl is not available to make a test certificate');
        return;
      }
      mkdirSync(join(dir, 'web'));
      writeFileSync(join(dir, 'web', 'index.html'), '<!doctype html><title>社区治理</title>');
      const tls = { cert: readFileSync(cert, 'utf8'), key: readFileSync(key, 'utf8') };
      server = await startServer({ ...base(dir), tls, updatesDir: null });
      expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const get = (path: string) =>
        new Promise<{ status: number; body: string; hsts: string | undefined }>((resolve, reject) => {
          const request = httpsRequest(`${server?.url}${path}`, { ca: tls.cert }, (response) => {
            let body = '';
            response.setEncoding('utf8');
            response.on('data', (chunk: string) => (body += chunk));
            response.on('end', () => resolve({ status: response.statusCode ?? 0, body, hsts: response.headers['strict-transport-security'] }));
          });
          request.on('error', reject);
          request.end();
        });
      const page = await get('/');
      expect(page.status).toBe(200);
      expect(page.body).toContain('社区治理');
      expect(page.hsts).toBe('max-age=31536000');
      const health = await get('/api/health');
      expect(health.status).toBe(200);
      expect(JSON.parse(health.body)).toMatchObject({ ok: true });
      // Plain HTTP to the same port gets no app.
      await expect(fetch(server.url.replace('https:', 'http:') + '/')).rejects.toThrow();
    } finally {
      await server?.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
