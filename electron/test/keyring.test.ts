// The OS keyring behind the vault: used only where safeStorage has a real keyring (never Linux's
// fixed-password 'basic_text' fallback), arguments checked as unknown, every answer a Result, and
// the built main process and preload agreeing on the channels.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DesktopApi } from '@domain/desktop';
import { mainBundle } from '../bundles';
import type { SafeStorage } from '../electron-api';
import {
  keyringAvailable,
  keyringDecrypt,
  keyringEncrypt,
  keyringIsReal,
  MAX_KEYRING_PLAIN,
  parseKeyringPlain,
  parseKeyringSealed,
  type KeyringEffects,
} from '../keyring';
import { messagesFor } from '../messages';
import { APP_ENTRY_URL } from '../navigation';
import { FakeWindow, fakeElectron, loadPreload, runBundle } from './fake-electron';

const text = messagesFor('zh-CN');
const dataKey = 'ab'.repeat(32);

/** safeStorage with a chosen Linux backend: "encrypts" reversibly, as the real one does per OS account. */
function fakeSafeStorage(backend: string, available = true) {
  return {
    isEncryptionAvailable: vi.fn(() => available),
    getSelectedStorageBackend: vi.fn(() => backend),
    encryptString: vi.fn((plain: string) => Buffer.from(`v11${[...plain].reverse().join('')}`)),
    decryptString: vi.fn((sealed: Buffer) => {
      const text = sealed.toString();
      if (!text.startsWith('v11')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return [...text.slice(3)].reverse().join('');
    }),
  } satisfies SafeStorage;
}

const effects = (safeStorage: SafeStorage | undefined, platform = 'linux'): KeyringEffects => ({ safeStorage, platform, logError: vi.fn() });

describe('whether the keyring is real', () => {
  it('on Linux only with the Secret Service or KWallet, never the fixed-password fallback', () => {
    expect(keyringIsReal('linux', true, 'gnome_libsecret')).toBe(true);
    expect(keyringIsReal('linux', true, 'kwallet5')).toBe(true);
    expect(keyringIsReal('linux', true, 'kwallet6')).toBe(true);
    expect(keyringIsReal('linux', true, 'basic_text')).toBe(false);
    expect(keyringIsReal('linux', true, 'unknown')).toBe(false);
    expect(keyringIsReal('linux', true, undefined)).toBe(false);
  });

  it('on macOS and Windows when encryption is available; nowhere when it is not', () => {
    expect(keyringIsReal('darwin', true, undefined)).toBe(true);
    expect(keyringIsReal('win32', true, undefined)).toBe(true);
    expect(keyringIsReal('win32', false, undefined)).toBe(false);
    expect(keyringIsReal('linux', false, 'gnome_libsecret')).toBe(false);
    expect(keyringIsReal('freebsd', true, undefined)).toBe(false);
  });

  it('treats a safeStorage that throws, or none at all, as no keyring', () => {
    const broken = { ...fakeSafeStorage('gnome_libsecret'), isEncryptionAvailable: () => { throw new Error('not ready'); } };
    expect(keyringAvailable(broken, 'linux')).toBe(false);
    expect(keyringAvailable(undefined, 'darwin')).toBe(false);
    expect(keyringAvailable(fakeSafeStorage('gnome_libsecret'), 'linux')).toBe(true);
  });
});

describe('keyring calls', () => {
  it('parses arguments as unknown', () => {
    expect(parseKeyringPlain(dataKey, text)).toEqual({ ok: true, value: dataKey });
    for (const bad of [undefined, null, 42, {}, [dataKey], '', 'x'.repeat(MAX_KEYRING_PLAIN + 1)]) {
      expect(parseKeyringPlain(bad, text)).toEqual({ ok: false, error: text.errors.badArgument });
    }
    expect(parseKeyringSealed('djExMWFi', text)).toEqual({ ok: true, value: 'djExMWFi' });
    for (const bad of [undefined, 7, '', 'not base64!', 'A'.repeat(5000)]) {
      expect(parseKeyringSealed(bad, text)).toEqual({ ok: false, error: text.errors.badArgument });
    }
  });

  it('encrypts and decrypts through a real keyring', () => {
    const safe = fakeSafeStorage('kwallet5');
    const sealed = keyringEncrypt(dataKey, effects(safe), text);
    if (!sealed.ok) throw new Error(sealed.error);
    expect(Buffer.from(sealed.value, 'base64').toString()).not.toContain(dataKey);
    expect(keyringDecrypt(sealed.value, effects(safe), text)).toEqual({ ok: true, value: dataKey });
  });

  it('refuses to encrypt with the basic_text fallback, and never calls it', () => {
    const safe = fakeSafeStorage('basic_text');
    expect(keyringEncrypt(dataKey, effects(safe), text)).toEqual({ ok: false, error: text.errors.keyringUnavailable });
    expect(keyringDecrypt('djExMWFi', effects(safe), text)).toEqual({ ok: false, error: text.errors.keyringUnavailable });
    expect(safe.encryptString).not.toHaveBeenCalled();
    expect(safe.decryptString).not.toHaveBeenCalled();
  });

  it('answers a ciphertext the keyring cannot open with an error, not an exception', () => {
    const logError = vi.fn();
    const run = { ...effects(fakeSafeStorage('gnome_libsecret')), logError };
    expect(keyringDecrypt(Buffer.from('garbage').toString('base64'), run, text)).toEqual({ ok: false, error: text.errors.keyringFailed });
    expect(logError).toHaveBeenCalled();
  });
});

describe('the keyring over the preload bridge', () => {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'keyring-'));
    await mkdir(path.join(dir, 'app', 'dist', 'renderer'), { recursive: true });
    await writeFile(path.join(dir, 'app', 'package.json'), '{}');
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function desktopWith(safeStorage: SafeStorage, frameUrl = APP_ENTRY_URL): Promise<DesktopApi> {
    const fake = fakeElectron({ appPath: path.join(dir, 'app'), documents: dir, singleInstance: true, saveDialog: { canceled: true } });
    await runBundle(mainBundle, { ...fake.electron, safeStorage }, pathToFileURL(path.join(dir, 'app', 'dist-electron', 'main.js')).href);
    return (await loadPreload(fake.ipcHandlers, FakeWindow.all[0]?.webContents, frameUrl)).desktop;
  }

  // The shell runs on this machine's platform: Linux here, where the backend decides.
  it.runIf(process.platform === 'linux')('offers a real keyring to the renderer', async () => {
    const { keyring } = await desktopWith(fakeSafeStorage('gnome_libsecret'));
    if (!keyring) throw new Error('no keyring on the bridge');
    await expect(keyring.available()).resolves.toBe(true);
    const sealed = await keyring.encrypt(dataKey);
    if (!sealed.ok) throw new Error(sealed.error);
    await expect(keyring.decrypt(sealed.value)).resolves.toEqual({ ok: true, value: dataKey });
    await expect(keyring.encrypt({} as unknown as string)).resolves.toEqual({ ok: false, error: text.errors.badArgument });
  });

  it.runIf(process.platform === 'linux')('reports the basic_text fallback as unavailable', async () => {
    const safe = fakeSafeStorage('basic_text');
    const { keyring } = await desktopWith(safe);
    await expect(keyring?.available()).resolves.toBe(false);
    await expect(keyring?.encrypt(dataKey)).resolves.toEqual({ ok: false, error: text.errors.keyringUnavailable });
    expect(safe.encryptString).not.toHaveBeenCalled();
  });

  it('gives a page that is not the app nothing', async () => {
    const safe = fakeSafeStorage('gnome_libsecret');
    const { keyring } = await desktopWith(safe, 'https://evil.example/');
    await expect(keyring?.available()).resolves.toBe(false);
    await expect(keyring?.decrypt('djExMWFi')).resolves.toEqual({ ok: false, error: text.errors.untrustedSender });
    expect(safe.decryptString).not.toHaveBeenCalled();
  });
});
