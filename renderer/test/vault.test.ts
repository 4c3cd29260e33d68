// The vault of the local data key: unwrapped by the password (offline login), by the server's
// device secret (after a password reset elsewhere), by a real OS keyring on the desktop; nothing
// on disk gives the key, the password or a password hash away.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DesktopApi, KeyringApi } from '@domain/desktop';
import {
  destroyVault,
  dropPasswordWrap,
  hasPasswordWrap,
  NoVaultError,
  PASSWORD_ITERATIONS,
  unlockOffline,
  unlockOnline,
  unlockWithKeyring,
  WrongPasswordError,
} from '../src/session/vault';
import { stubBrowser, type MemoryStorage } from './support/browserGlobals';

const deviceKey = 'q0Yl2n6T9m8f1a3Xw4s5d6f7g8h9j0k1l2z3x4c5v6E';
const otherDeviceKey = 'Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5';
let storage: MemoryStorage;

function everythingStored(): string {
  return Array.from({ length: storage.length }, (_, i) => `${storage.key(i)}=${storage.getItem(storage.key(i)!)}`).join('\n');
}

/** A keyring like Electron's safeStorage: reversible only through it. */
function fakeKeyring(available: boolean): { keyring: KeyringApi; encrypt: ReturnType<typeof vi.fn> } {
  const encrypt = vi.fn((plain: string) =>
    Promise.resolve(available ? { ok: true as const, value: btoa(`os:${[...plain].reverse().join('')}`) } : { ok: false as const, error: 'no keyring' }),
  );
  const keyring: KeyringApi = {
    available: () => Promise.resolve(available),
    encrypt,
    decrypt: (sealed: string) => Promise.resolve({ ok: true as const, value: [...atob(sealed).slice(3)].reverse().join('') }),
  };
  return { keyring, encrypt };
}

function desktopWith(keyring: KeyringApi | undefined): void {
  (window as unknown as { desktop?: Partial<DesktopApi> }).desktop = { kind: 'electron', ...(keyring && { keyring }) };
}

beforeEach(() => {
  storage = stubBrowser().localStorage;
});
afterEach(() => vi.unstubAllGlobals());

describe('vault', () => {
  it('makes a random 256-bit key at the first online login and gives the same one after', async () => {
    const key = await unlockOnline('db-a', '旧密码Abc123', deviceKey);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(await unlockOnline('db-a', '旧密码Abc123', deviceKey)).toBe(key);
    expect(await unlockOffline('db-a', '旧密码Abc123')).toBe(key);
    expect(await unlockOnline('db-b', '旧密码Abc123', deviceKey)).not.toBe(key);
  });

  it('stores neither the key, nor the password, nor anything but wraps', async () => {
    const password = 'Secret-Pass-9876';
    const key = await unlockOnline('db-a', password, deviceKey);
    const stored = everythingStored();
    expect(stored).not.toContain(key);
    expect(stored).not.toContain(password);
    expect(stored).not.toContain(deviceKey);
    const vault = JSON.parse(storage.getItem('cg.vault.db-a')!) as { password: { iterations: number } };
    expect(vault.password.iterations).toBeGreaterThanOrEqual(310_000);
    expect(PASSWORD_ITERATIONS).toBeGreaterThanOrEqual(310_000);
  });

  it('refuses a wrong offline password, and says when there is nothing to unlock', async () => {
    await unlockOnline('db-a', 'right-password', deviceKey);
    await expect(unlockOffline('db-a', 'wrong-password')).rejects.toBeInstanceOf(WrongPasswordError);
    await expect(unlockOffline('db-a', '')).rejects.toBeInstanceOf(WrongPasswordError);
    await expect(unlockOffline('db-never', 'right-password')).rejects.toBeInstanceOf(NoVaultError);
  });

  it('after a password reset elsewhere, the online login opens the key by the device secret and rewraps it', async () => {
    const key = await unlockOnline('db-a', 'old-password', deviceKey);
    expect(await unlockOnline('db-a', 'new-password', deviceKey)).toBe(key);
    await expect(unlockOffline('db-a', 'old-password')).rejects.toBeInstanceOf(WrongPasswordError);
    expect(await unlockOffline('db-a', 'new-password')).toBe(key);
  });

  it('opens by the password when the device secret changed', async () => {
    const key = await unlockOnline('db-a', 'password-1', deviceKey);
    expect(await unlockOnline('db-a', 'password-1', otherDeviceKey)).toBe(key);
    // …and from then on the new secret opens it.
    expect(await unlockOnline('db-a', 'password-2', otherDeviceKey)).toBe(key);
  });

  it('makes no device wrap from a missing secret, and keeps the one it has', async () => {
    const key = await unlockOnline('db-a', 'password-1', '');
    expect(JSON.parse(storage.getItem('cg.vault.db-a')!)).not.toHaveProperty('device');
    expect(await unlockOnline('db-a', 'password-1', deviceKey)).toBe(key);
    expect(await unlockOnline('db-a', 'password-1', undefined as unknown as string)).toBe(key);
    // The device wrap of the real secret is still there: it opens the key after the password changed.
    expect(await unlockOnline('db-a', 'password-3', deviceKey)).toBe(key);
  });

  it('a wrap does not open another vault', async () => {
    await unlockOnline('db-a', 'password-1', deviceKey);
    storage.setItem('cg.vault.db-b', storage.getItem('cg.vault.db-a')!);
    await expect(unlockOffline('db-b', 'password-1')).rejects.toBeInstanceOf(WrongPasswordError);
  });

  it('dropping the password wrap stops offline unlocks until the next online login', async () => {
    const key = await unlockOnline('db-a', 'password-1', deviceKey);
    expect(hasPasswordWrap('db-a')).toBe(true);
    dropPasswordWrap('db-a');
    expect(hasPasswordWrap('db-a')).toBe(false);
    await expect(unlockOffline('db-a', 'password-1')).rejects.toBeInstanceOf(NoVaultError);
    expect(await unlockOnline('db-a', 'password-1', deviceKey)).toBe(key);
    expect(await unlockOffline('db-a', 'password-1')).toBe(key);
  });

  it('destroying the vault loses the key for good', async () => {
    const key = await unlockOnline('db-a', 'password-1', deviceKey);
    destroyVault('db-a');
    expect(storage.getItem('cg.vault.db-a')).toBeNull();
    await expect(unlockOffline('db-a', 'password-1')).rejects.toBeInstanceOf(NoVaultError);
    expect(await unlockOnline('db-a', 'password-1', deviceKey)).not.toBe(key);
  });
});

describe('vault and the OS keyring', () => {
  it('on the web there is no keyring: nothing unlocks without the password', async () => {
    await unlockOnline('db-a', 'password-1', deviceKey);
    expect(await unlockWithKeyring('db-a')).toBeUndefined();
    expect(storage.getItem('cg.vault.db-a')).not.toContain('keyring');
  });

  it('with a real keyring, the key is also wrapped by it and unlocks without the password', async () => {
    const { keyring, encrypt } = fakeKeyring(true);
    desktopWith(keyring);
    const key = await unlockOnline('db-a', 'password-1', deviceKey);
    expect(encrypt).toHaveBeenCalled();
    expect(everythingStored()).not.toContain(key);
    expect(await unlockWithKeyring('db-a')).toBe(key);
    expect(await unlockWithKeyring('db-never')).toBeUndefined();
  });

  it('where the keyring is the fixed-password fallback, it is not used at all', async () => {
    const { keyring, encrypt } = fakeKeyring(false);
    desktopWith(keyring);
    await unlockOnline('db-a', 'password-1', deviceKey);
    expect(encrypt).not.toHaveBeenCalled();
    expect(await unlockWithKeyring('db-a')).toBeUndefined();
  });

  it('a keyring that became available since is added at the next offline unlock', async () => {
    const key = await unlockOnline('db-a', 'password-1', deviceKey);
    desktopWith(fakeKeyring(true).keyring);
    expect(await unlockWithKeyring('db-a')).toBeUndefined();
    expect(await unlockOffline('db-a', 'password-1')).toBe(key);
    expect(await unlockWithKeyring('db-a')).toBe(key);
  });
});
