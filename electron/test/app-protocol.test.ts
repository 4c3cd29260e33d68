import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { resolveAppPath, serveAppRequest, type AppProtocolEffects } from '../app-protocol';
import { contentSecurityPolicy } from '../csp';

let base = '';
let root = '';

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'app-protocol-'));
  root = path.join(base, 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>社区治理</title>');
  await writeFile(path.join(root, 'assets', 'index-abc123.js'), 'console.log(1)');
  await writeFile(path.join(base, 'secret.txt'), 'outside');
  // A sibling whose name starts like the root: a prefix check would let it through.
  await mkdir(path.join(base, 'renderer-secret'));
  await writeFile(path.join(base, 'renderer-secret', 'key.txt'), 'outside');
});
afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

function realFiles() {
  return {
    readFile: vi.fn((file: string): Promise<Uint8Array> => readFile(file)),
    logError: vi.fn<(error: unknown) => void>(),
  } satisfies AppProtocolEffects;
}

describe('the app protocol', () => {
  it('serves the entry page with the CSP and its content type', async () => {
    for (const url of ['app://renderer/', 'app://renderer/index.html', 'app://renderer/index.html?x=1#/people']) {
      const answer = await serveAppRequest(root, url, path, realFiles());
      expect(answer.status, url).toBe(200);
      expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(answer.headers['content-security-policy']).toBe(contentSecurityPolicy);
      expect(new TextDecoder().decode(answer.body ?? new Uint8Array())).toContain('社区治理');
    }
  });

  it('serves built assets with their content type', async () => {
    const answer = await serveAppRequest(root, 'app://renderer/assets/index-abc123.js', path, realFiles());
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it('reads nothing outside the renderer folder', async () => {
    for (const url of [
      'app://renderer/../secret.txt',
      'app://renderer/%2e%2e/secret.txt',
      'app://renderer/..%2Fsecret.txt',
      'app://renderer/assets/..%2F..%2Fsecret.txt',
      'app://renderer/..%2Frenderer-secret%2Fkey.txt',
      'app://renderer/%2Fetc%2Fpasswd',
      'app://renderer/index.html%00.js',
      'app://renderer/%E0%A4%A',
      'app://other/index.html',
      'file:///etc/passwd',
    ]) {
      const files = realFiles();
      const answer = await serveAppRequest(root, url, path, files);
      const read = files.readFile.mock.calls.map(([file]) => String(file));
      expect(read.every((file) => file.startsWith(root + path.sep)), `${url} read ${read.join()}`).toBe(true);
      expect(answer.status, url).toBe(404);
      expect(answer.body).toBeNull();
    }
  });

  it('refuses Windows escapes: backslashes and drive letters', () => {
    const winRoot = 'C:\\Program Files\\社区治理\\resources\\app.asar\\dist\\renderer';
    expect(resolveAppPath(winRoot, 'app://renderer/assets/a.js', path.win32)).toBe(`${winRoot}\\assets\\a.js`);
    expect(resolveAppPath(winRoot, 'app://renderer/..%5C..%5Capp.asar', path.win32)).toBeNull();
    expect(resolveAppPath(winRoot, 'app://renderer/C:%5CWindows%5Cwin.ini', path.win32)).toBeNull();
    // A UNC-looking path stays a path inside the root.
    expect(resolveAppPath(winRoot, 'app://renderer/%5C%5Cserver%5Cshare', path.win32)).toBe(`${winRoot}\\server\\share`);
  });

  it('answers 404 for a missing file and 500 when reading fails', async () => {
    await expect(serveAppRequest(root, 'app://renderer/missing.js', path, realFiles())).resolves.toMatchObject({ status: 404 });
    await expect(serveAppRequest(root, 'app://renderer/assets', path, realFiles())).resolves.toMatchObject({ status: 404 });
    const broken = { readFile: () => Promise.reject(Object.assign(new Error('EIO'), { code: 'EIO' })), logError: vi.fn() };
    await expect(serveAppRequest(root, 'app://renderer/index.html', path, broken)).resolves.toMatchObject({ status: 500, body: null });
    expect(broken.logError).toHaveBeenCalledOnce();
  });
});
