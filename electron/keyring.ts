// The OS keyring for the renderer's vault (renderer/src/session/vault.ts): Electron `safeStorage`
// encrypts a short string (the local data key) with a key the operating system keeps — Keychain on
// macOS, DPAPI on Windows, the Secret Service or KWallet on Linux. On Linux without one, safeStorage
// silently falls back to a fixed, built-in password ('basic_text'): that protects nothing, so the
// keyring then counts as unavailable and the vault relies on the password alone.
import type { Result } from '@domain/desktop';
import type { SafeStorage } from './electron-api';
import type { ShellMessages } from './messages';

/** The data key is 64 hex digits; anything much longer is not what this is for. */
export const MAX_KEYRING_PLAIN = 1024;
/** safeStorage's ciphertext of MAX_KEYRING_PLAIN, in base64, with room to spare. */
export const MAX_KEYRING_SEALED = 4096;

const REAL_LINUX_BACKENDS = new Set(['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6']);

/**
 * Whether safeStorage is backed by a real OS keyring. `backend` is what
 * `safeStorage.getSelectedStorageBackend()` answered (Linux only; undefined elsewhere or when it
 * could not be asked).
 */
export function keyringIsReal(platform: string, encryptionAvailable: boolean, backend: string | undefined): boolean {
  if (!encryptionAvailable) return false;
  if (platform === 'linux') return backend !== undefined && REAL_LINUX_BACKENDS.has(backend);
  return platform === 'darwin' || platform === 'win32';
}

/** Asks safeStorage, never throwing: any failure means no keyring. */
export function keyringAvailable(safeStorage: SafeStorage | undefined, platform: string): boolean {
  if (safeStorage === undefined) return false;
  try {
    const backend = platform === 'linux' ? safeStorage.getSelectedStorageBackend?.() : undefined;
    return keyringIsReal(platform, safeStorage.isEncryptionAvailable(), backend);
  } catch {
    return false;
  }
}

/** The argument of encrypt: a non-empty string of bounded length. */
export function parseKeyringPlain(raw: unknown, text: ShellMessages): Result<string> {
  if (typeof raw !== 'string' || raw === '' || raw.length > MAX_KEYRING_PLAIN) return { ok: false, error: text.errors.badArgument };
  return { ok: true, value: raw };
}

/** The argument of decrypt: base64 of bounded length. */
export function parseKeyringSealed(raw: unknown, text: ShellMessages): Result<string> {
  if (typeof raw !== 'string' || raw === '' || raw.length > MAX_KEYRING_SEALED || !/^[A-Za-z0-9+/]+={0,2}$/.test(raw)) {
    return { ok: false, error: text.errors.badArgument };
  }
  return { ok: true, value: raw };
}

export interface KeyringEffects {
  safeStorage: SafeStorage | undefined;
  platform: string;
  logError(error: unknown): void;
}

export function keyringEncrypt(plain: string, effects: KeyringEffects, text: ShellMessages): Result<string> {
  if (effects.safeStorage === undefined || !keyringAvailable(effects.safeStorage, effects.platform)) return { ok: false, error: text.errors.keyringUnavailable };
  try {
    return { ok: true, value: Buffer.from(effects.safeStorage.encryptString(plain)).toString('base64') };
  } catch (error) {
    effects.logError(error);
    return { ok: false, error: text.errors.keyringFailed };
  }
}

export function keyringDecrypt(sealed: string, effects: KeyringEffects, text: ShellMessages): Result<string> {
  if (effects.safeStorage === undefined || !keyringAvailable(effects.safeStorage, effects.platform)) return { ok: false, error: text.errors.keyringUnavailable };
  try {
    return { ok: true, value: effects.safeStorage.decryptString(Buffer.from(sealed, 'base64')) };
  } catch (error) {
    // Another user account's or machine's keyring, or a keyring that was reset: the password still opens the vault.
    effects.logError(error);
    return { ok: false, error: text.errors.keyringFailed };
  }
}
