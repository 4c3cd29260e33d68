import { describe, expect, it } from 'vitest';
import { databaseNameFor, databasesOfServer, forgetDatabase, rememberDatabase } from '../src/db/name';
import { deviceNameFrom } from '../src/session/login';
import { DESKTOP_DEFAULT_SERVER, defaultServerUrl, normalizeServerUrl } from '../src/session/serverUrl';
import { MemoryStorage } from './support/browserGlobals';

describe('server address', () => {
  it('accepts what a person types and refuses what is no http(s) server', () => {
    expect(normalizeServerUrl(' 192.168.1.10:8787/ ')).toBe('http://192.168.1.10:8787');
    expect(normalizeServerUrl('https://jd.example.cn/sync/')).toBe('https://jd.example.cn/sync');
    expect(normalizeServerUrl('HTTP://Example.CN')).toBe('http://example.cn');
    expect(normalizeServerUrl('')).toBeNull();
    expect(normalizeServerUrl('ftp://x')).toBeNull();
    expect(normalizeServerUrl('http://a b')).toBeNull();
  });

  it('defaults to the serving origin on the web and to the local server elsewhere', () => {
    expect(defaultServerUrl({ protocol: 'https:', origin: 'https://jd.example.cn' })).toBe('https://jd.example.cn');
    expect(defaultServerUrl({ protocol: 'app:', origin: 'null' })).toBe(DESKTOP_DEFAULT_SERVER);
  });
});

describe('local databases', () => {
  it('are named per server and user, in the form RxDB allows', () => {
    const a = databaseNameFor('http://a:8787', 'user-1');
    expect(a).toMatch(/^[a-z][_$a-z0-9-]*$/);
    expect(databaseNameFor('http://a:8787', 'user-1')).toBe(a);
    expect(databaseNameFor('http://a:8787', 'user-2')).not.toBe(a);
    expect(databaseNameFor('http://b:8787', 'user-1')).not.toBe(a);
  });

  it('are listed per server, so a revoked device can delete all of one server', () => {
    const storage = new MemoryStorage();
    rememberDatabase({ name: 'x1', serverUrl: 'http://a', userId: '1' }, storage);
    rememberDatabase({ name: 'x2', serverUrl: 'http://a', userId: '2' }, storage);
    rememberDatabase({ name: 'y1', serverUrl: 'http://b', userId: '1' }, storage);
    rememberDatabase({ name: 'x1', serverUrl: 'http://a', userId: '1' }, storage);
    expect(databasesOfServer('http://a', storage).map((entry) => entry.name)).toEqual(['x2', 'x1']);
    forgetDatabase('x2', storage);
    expect(databasesOfServer('http://a', storage).map((entry) => entry.name)).toEqual(['x1']);
  });
});

describe('device name', () => {
  it('names the kind of client, the browser and the system', () => {
    const ua = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';
    expect(deviceNameFrom(ua, 'web')).toBe('网页版 · Chrome 126 · Windows');
  });
});
