// The update flow: electron-updater (a fake here) downloads; we install only what the signed feed
// vouches for. Every way the feed, its signature or the download can be wrong ends `rejected`,
// with the download deleted and install refused; the happy path ends `ready` and installs.
import { EventEmitter } from 'node:events';
import { generateKeyPairSync } from 'node:crypto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { UpdateStatus } from '@domain/desktop';
import { parseServerUrl } from '../ipc-args';
import { messagesFor } from '../messages';
import { sha512Base64, signFeed } from '../update-signature';
import { CHECK_INTERVAL_MS, createUpdater, fetchLimited, type Fetched, type UpdaterEffects } from '../updater';

const text = messagesFor('zh-CN');
const SERVER = 'https://jd.example.cn:8443';
const FEED_URL = `${SERVER}/updates/latest-linux.yml`;
const SIG_URL = `${FEED_URL}.sig`;
const DOWNLOADED = '/home/staff/.cache/community-governance-updater/pending/社区治理-1.2.0.AppImage';

function keyPair() {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}
const releaseKey = keyPair();
const strangerKey = keyPair();

const installer = new TextEncoder().encode('the real 1.2.0 AppImage');

function feedText(version = '1.2.0', sha512 = sha512Base64(installer)): string {
  return `version: ${version}\nfiles:\n  - url: 社区治理-${version}.AppImage\n    sha512: ${sha512}\n    size: 23\npath: 社区治理-${version}.AppImage\nsha512: ${sha512}\nreleaseDate: '2026-11-20T08:00:00.000Z'\nreleaseNotes: 新增打印功能\n`;
}

class FakeAutoUpdater extends EventEmitter {
  autoDownload = false;
  autoInstallOnAppQuit = true;
  allowDowngrade = true;
  readonly setFeedURL = vi.fn((_options: { provider: 'generic'; url: string; useMultipleRangeRequest: boolean }) => undefined);
  readonly quitAndInstall = vi.fn((_isSilent?: boolean, _isForceRunAfter?: boolean) => undefined);
  /** What electron-updater does when the server has 1.2.0: announces, downloads, reports the file. */
  findAndDownload(): unknown {
    this.emit('checking-for-update');
    this.emit('update-available', { version: '1.2.0' });
    this.emit('download-progress', { percent: 42.7 });
    this.emit('update-downloaded', { version: '1.2.0', downloadedFile: DOWNLOADED });
    return { updateInfo: { version: '1.2.0' } };
  }
  /** What the next check does: by default, finds 1.2.0 and downloads it. */
  onCheck: () => unknown = () => this.findAndDownload();
  readonly checkForUpdates = vi.fn(() => Promise.resolve(this.onCheck()));
}

interface World {
  autoUpdater: FakeAutoUpdater;
  /** What the server has under /updates/. */
  served: Map<string, Uint8Array | string>;
  /** The files on disk. */
  files: Map<string, Uint8Array>;
  statuses: UpdateStatus[];
  removed: string[];
  periodic: (() => void)[];
  effects: UpdaterEffects;
}

function world(overrides: Partial<UpdaterEffects> = {}): World {
  const autoUpdater = new FakeAutoUpdater();
  const served = new Map<string, Uint8Array | string>();
  const files = new Map<string, Uint8Array>([[DOWNLOADED, installer]]);
  const statuses: UpdateStatus[] = [];
  const removed: string[] = [];
  const periodic: (() => void)[] = [];
  const effects: UpdaterEffects = {
    autoUpdater,
    fetchFile: (url) => {
      const body = served.get(url);
      return Promise.resolve<Fetched>(body === undefined ? { kind: 'missing' } : { kind: 'ok', data: typeof body === 'string' ? new TextEncoder().encode(body) : body });
    },
    hashFile: (file) => {
      const data = files.get(file);
      return data ? Promise.resolve(sha512Base64(data)) : Promise.reject(new Error(`ENOENT ${file}`));
    },
    removeFile: (file) => {
      removed.push(file);
      files.delete(file);
      return Promise.resolve();
    },
    emit: (status) => void statuses.push(status),
    every: (ms, task) => {
      expect(ms).toBe(CHECK_INTERVAL_MS);
      periodic.push(task);
    },
    logError: () => undefined,
    platform: 'linux',
    arch: 'x64',
    currentVersion: '1.1.0',
    publicKeys: [releaseKey.publicPem],
    text,
    ...overrides,
  };
  return { autoUpdater, served, files, statuses, removed, periodic, effects };
}

/** Publishes a feed signed by `key` (the release key unless said otherwise). */
function publish(w: World, feed = feedText(), signature: string | null = signFeed(new TextEncoder().encode(feed), releaseKey.privatePem)): void {
  w.served.set(FEED_URL, feed);
  if (signature === null) w.served.delete(SIG_URL);
  else w.served.set(SIG_URL, signature);
}

/** Lets the verification's awaits run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

async function checkAndSettle(w: World) {
  const updater = createUpdater(w.effects);
  const answer = await updater.check(SERVER);
  await settle();
  return { updater, answer };
}

async function expectRejected(w: World, reason: string) {
  const { updater, answer } = await checkAndSettle(w);
  expect(answer).toEqual({ ok: true, value: undefined });
  expect(updater.status()).toEqual({ kind: 'rejected', version: '1.2.0', reason });
  expect(w.statuses.at(-1)).toEqual(updater.status());
  expect(w.removed).toEqual([DOWNLOADED]);
  expect(await updater.install()).toEqual({ ok: false, error: text.updates.notReady });
  expect(w.autoUpdater.quitAndInstall).not.toHaveBeenCalled();
}

describe('the update flow', () => {
  let w: World;
  beforeEach(() => {
    w = world();
  });

  it('points electron-updater at the server, downloads on its own, and never installs at quit', async () => {
    publish(w);
    await checkAndSettle(w);
    expect(w.autoUpdater.setFeedURL).toHaveBeenCalledWith({ provider: 'generic', url: `${SERVER}/updates/`, useMultipleRangeRequest: false });
    expect(w.autoUpdater.autoDownload).toBe(true);
    expect(w.autoUpdater.autoInstallOnAppQuit).toBe(false);
    expect(w.autoUpdater.allowDowngrade).toBe(false);
  });

  it('reaches ready with the signed notes, and installs on request', async () => {
    publish(w);
    const { updater } = await checkAndSettle(w);
    expect(w.statuses).toEqual([
      { kind: 'checking' },
      { kind: 'checking' },
      { kind: 'downloading', version: '1.2.0', percent: 0 },
      { kind: 'downloading', version: '1.2.0', percent: 42 },
      { kind: 'downloading', version: '1.2.0', percent: 100 },
      { kind: 'ready', version: '1.2.0', releaseNotes: '新增打印功能' },
    ]);
    expect(w.removed).toEqual([]);
    expect(await updater.install()).toEqual({ ok: true, value: undefined });
    expect(w.autoUpdater.quitAndInstall).toHaveBeenCalledTimes(1);
  });

  it('does not check again once an update is ready', async () => {
    publish(w);
    const { updater } = await checkAndSettle(w);
    await updater.check(SERVER);
    w.periodic.forEach((task) => task());
    expect(w.autoUpdater.checkForUpdates).toHaveBeenCalledTimes(1);
    expect(updater.status().kind).toBe('ready');
  });

  it('rejects a feed changed after it was signed', async () => {
    const signature = signFeed(new TextEncoder().encode(feedText()), releaseKey.privatePem);
    publish(w, feedText().replace('新增打印功能', '安装后请输入密码'), signature);
    await expectRejected(w, text.updates.reasons.badSignature);
  });

  it('rejects a feed signed with another key', async () => {
    publish(w, feedText(), signFeed(new TextEncoder().encode(feedText()), strangerKey.privatePem));
    await expectRejected(w, text.updates.reasons.badSignature);
  });

  it('rejects a feed without a signature file', async () => {
    publish(w, feedText(), null);
    await expectRejected(w, text.updates.reasons.noSignature);
  });

  it('rejects a garbage signature file', async () => {
    publish(w, feedText(), '<html>404 Not Found</html>');
    await expectRejected(w, text.updates.reasons.badSignature);
  });

  it('rejects when the feed itself is gone', async () => {
    await expectRejected(w, text.updates.reasons.noFeed);
  });

  it('rejects a download whose sha512 is not the signed one', async () => {
    w.files.set(DOWNLOADED, new TextEncoder().encode('a different AppImage'));
    publish(w);
    await expectRejected(w, text.updates.reasons.hashMismatch);
  });

  it('rejects when electron-updater downloaded another version than the signed feed names', async () => {
    publish(w, feedText('1.3.0'));
    await expectRejected(w, text.updates.reasons.versionMismatch);
  });

  it('rejects a signed feed of a version that is not newer (a replayed old release)', async () => {
    w = world({ currentVersion: '1.2.0' });
    publish(w);
    await expectRejected(w, text.updates.reasons.notNewer);
  });

  it('rejects a download the signed feed does not list', async () => {
    publish(w);
    w.autoUpdater.onCheck = () => {
      w.autoUpdater.emit('update-downloaded', { version: '1.2.0', downloadedFile: '/tmp/pending/other.AppImage' });
      return {};
    };
    w.files.set('/tmp/pending/other.AppImage', installer);
    const { updater } = await checkAndSettle(w);
    expect(updater.status()).toEqual({ kind: 'rejected', version: '1.2.0', reason: text.updates.reasons.notInFeed });
    expect(await updater.install()).toEqual({ ok: false, error: text.updates.notReady });
    expect(w.autoUpdater.quitAndInstall).not.toHaveBeenCalled();
  });

  it('installs nothing when the signature cannot be fetched, and says so as an error', async () => {
    w = world({ fetchFile: () => Promise.reject(new Error('ECONNREFUSED')) });
    const { updater } = await checkAndSettle(w);
    expect(updater.status()).toEqual({ kind: 'error', message: text.updates.verifyUnreachable });
    expect(w.removed).toEqual([DOWNLOADED]);
    expect(await updater.install()).toEqual({ ok: false, error: text.updates.notReady });
    expect(w.autoUpdater.quitAndInstall).not.toHaveBeenCalled();
  });

  it('refuses to install a verified file that changed on disk since', async () => {
    publish(w);
    const { updater } = await checkAndSettle(w);
    expect(updater.status().kind).toBe('ready');
    w.files.set(DOWNLOADED, new TextEncoder().encode('swapped after the check'));
    expect(await updater.install()).toEqual({ ok: false, error: text.updates.notReady });
    expect(w.autoUpdater.quitAndInstall).not.toHaveBeenCalled();
    expect(updater.status()).toMatchObject({ kind: 'rejected', reason: text.updates.reasons.hashMismatch });
  });

  it('refuses to install before anything was downloaded', async () => {
    const updater = createUpdater(w.effects);
    expect(await updater.install()).toEqual({ ok: false, error: text.updates.notReady });
    expect(updater.status()).toEqual({ kind: 'idle' });
  });

  it('goes back to idle when there is nothing newer or the app is not packaged', async () => {
    w.autoUpdater.onCheck = () => {
      w.autoUpdater.emit('checking-for-update');
      w.autoUpdater.emit('update-not-available', { version: '1.1.0' });
      return {};
    };
    expect((await checkAndSettle(w)).updater.status()).toEqual({ kind: 'idle' });
    const unpackaged = world();
    unpackaged.autoUpdater.onCheck = () => null;
    expect((await checkAndSettle(unpackaged)).updater.status()).toEqual({ kind: 'idle' });
  });

  it('shows electron-updater’s errors as a Chinese message and checks again later', async () => {
    w.autoUpdater.onCheck = () => {
      w.autoUpdater.emit('error', new Error('net::ERR_CONNECTION_REFUSED'));
      throw new Error('net::ERR_CONNECTION_REFUSED');
    };
    const { updater, answer } = await checkAndSettle(w);
    expect(answer).toEqual({ ok: false, error: text.updates.failed });
    expect(updater.status()).toEqual({ kind: 'error', message: text.updates.failed });
    publish(w);
    w.autoUpdater.onCheck = () => w.autoUpdater.findAndDownload();
    w.periodic.forEach((task) => task());
    await settle();
    expect(updater.status().kind).toBe('ready');
  });

  it('follows a change of server', async () => {
    publish(w);
    const updater = createUpdater({ ...w.effects });
    w.autoUpdater.onCheck = () => null;
    await updater.check(`${SERVER}/`);
    await updater.check('http://192.168.1.10:8787');
    expect(w.autoUpdater.setFeedURL.mock.calls.map(([options]) => options.url)).toEqual([`${SERVER}/updates/`, 'http://192.168.1.10:8787/updates/']);
  });

  it('has nothing to update on a platform without installers', async () => {
    const updater = createUpdater(world({ platform: 'darwin', arch: 'arm64' }).effects);
    expect(await updater.check(SERVER)).toEqual({ ok: false, error: text.updates.unsupported });
  });

  it('uses the arm64 feed on arm64 Linux', async () => {
    w = world({ arch: 'arm64' });
    const feed = feedText();
    w.served.set(`${SERVER}/updates/latest-linux-arm64.yml`, feed);
    w.served.set(`${SERVER}/updates/latest-linux-arm64.yml.sig`, signFeed(new TextEncoder().encode(feed), releaseKey.privatePem));
    expect((await checkAndSettle(w)).updater.status().kind).toBe('ready');
  });
});

describe('fetching a feed file', () => {
  it('answers the bytes, missing for 404, and throws on other failures and oversized answers', async () => {
    const fetchFn = (body: string, status: number) => () => Promise.resolve(new Response(status === 404 ? null : body, { status }));
    expect(await fetchLimited(fetchFn('version: 1.2.0', 200), FEED_URL, 100)).toEqual({ kind: 'ok', data: new TextEncoder().encode('version: 1.2.0') });
    expect(await fetchLimited(fetchFn('', 404), FEED_URL, 100)).toEqual({ kind: 'missing' });
    await expect(fetchLimited(fetchFn('oops', 500), FEED_URL, 100)).rejects.toThrow('HTTP 500');
    await expect(fetchLimited(fetchFn('x'.repeat(101), 200), FEED_URL, 100)).rejects.toThrow('more than 100');
  });
});

describe('the server address from the renderer', () => {
  it('accepts http(s) URLs only, without credentials, query or trailing slash', () => {
    expect(parseServerUrl('https://jd.example.cn:8443/', text)).toEqual({ ok: true, value: 'https://jd.example.cn:8443' });
    expect(parseServerUrl('http://192.168.1.10:8787/gov//?x=1#y', text)).toEqual({ ok: true, value: 'http://192.168.1.10:8787/gov' });
    for (const bad of ['file:///etc/passwd', 'javascript:alert(1)', 'https://user:pw@jd.example.cn', 'jd.example.cn', '', 42, null, `https://a.cn/${'x'.repeat(3000)}`]) {
      expect(parseServerUrl(bad, text)).toEqual({ ok: false, error: text.errors.badServerUrl });
    }
  });
});
