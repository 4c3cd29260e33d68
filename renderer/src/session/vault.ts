// The device's data key per local database (issue 6, "Encryption at rest"): a random key that
// encrypts personal fields in the local database and never sits in plain text on disk. It is kept
// wrapped — by a key derived from the user's password with a slow KDF (which is also what checks an
// offline login: no password or password hash is stored), by the server's per-device secret
// (LoginResponse.deviceKey, so a password changed elsewhere does not lock the device out), and on
// the desktop by the OS keyring where there is a real one.
//
// Each wrap is AES-256-GCM of the 32-byte key, with the vault id and the wrap's kind as additional
// data (a wrap copied to another vault does not open). The wraps live in localStorage under
// `cg.vault.<vaultId>`:
//   password: PBKDF2-SHA-256, PASSWORD_ITERATIONS rounds, random 16-byte salt → AES-GCM key;
//             a wrong password fails GCM's tag check, which is the offline login's check.
//   device:   HKDF-SHA-256 of the server's device secret, random salt → AES-GCM key.
//   keyring:  the key (hex) encrypted by Electron safeStorage, only where the OS keyring is real.
// WebCrypto needs a secure context (HTTPS or localhost); elsewhere every unlock fails with
// VaultUnavailableError.
import type { KeyringApi } from '@domain/desktop';
import { fromBase64Url, fromHex, toBase64Url, toHex } from '../db/bytes';
import { getDesktopApi } from '../desktop';
import { i18n } from '../i18n';

/** The password does not unwrap the key (an offline login with a wrong password). */
export class WrongPasswordError extends Error {
  constructor() {
    super(i18n.t('common:errors.wrongPassword'));
    this.name = 'WrongPasswordError';
  }
}
/** This user never signed in online on this device (or its key was destroyed): online login needed. */
export class NoVaultError extends Error {
  constructor() {
    super(i18n.t('common:errors.noVault'));
    this.name = 'NoVaultError';
  }
}
/** The browser withholds WebCrypto (a plain-HTTP address other than localhost): nothing can be unlocked. */
export class VaultUnavailableError extends Error {
  constructor() {
    super(i18n.t('common:errors.vaultUnavailable'));
    this.name = 'VaultUnavailableError';
  }
}

/**
 * PBKDF2-HMAC-SHA-256 rounds (OWASP's 2021 floor). Measured in Chromium 156 on a loaded 2-core
 * machine: 60–190 ms per derivation; 600,000 rounds took up to 1 s there, too slow for an older
 * office laptop's lock screen.
 */
export const PASSWORD_ITERATIONS = 310_000;

interface Wrap {
  /** base64url */
  salt: string;
  iv: string;
  data: string;
}

interface PasswordWrap extends Wrap {
  iterations: number;
}

interface StoredVault {
  v: 1;
  password?: PasswordWrap;
  device?: Wrap;
  /** base64 from the OS keyring. */
  keyring?: string;
}

type WrapKind = 'password' | 'device';

const storageKey = (vaultId: string) => `cg.vault.${vaultId}`;

function read(vaultId: string): StoredVault | undefined {
  const raw = localStorage.getItem(storageKey(vaultId));
  if (raw === null) return undefined;
  try {
    const parsed = JSON.parse(raw) as Partial<StoredVault> | null;
    return parsed?.v === 1 ? (parsed as StoredVault) : undefined;
  } catch {
    return undefined;
  }
}

function write(vaultId: string, vault: StoredVault): void {
  localStorage.setItem(storageKey(vaultId), JSON.stringify(vault));
}

function subtle(): SubtleCrypto {
  const api = globalThis.crypto as Crypto | undefined;
  if (api?.subtle === undefined) throw new VaultUnavailableError();
  return api.subtle;
}

const encoder = new TextEncoder();
const randomBytes = (length: number) => crypto.getRandomValues(new Uint8Array(length));
const aad = (vaultId: string, kind: WrapKind) => encoder.encode(`cg/vault/v1/${kind}/${vaultId}`);

async function passwordKey(password: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  const base = await subtle().importKey('raw', encoder.encode(password), 'PBKDF2', false, ['deriveKey']);
  return subtle().deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, base, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

async function deviceWrapKey(deviceKey: string, salt: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  const base = await subtle().importKey('raw', fromBase64Url(deviceKey), 'HKDF', false, ['deriveKey']);
  return subtle().deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt, info: encoder.encode('cg/vault/v1/device') },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

async function wrap(vaultId: string, kind: WrapKind, key: CryptoKey, salt: Uint8Array<ArrayBuffer>, dataKey: string): Promise<Wrap> {
  const iv = randomBytes(12);
  const data = await subtle().encrypt({ name: 'AES-GCM', iv, additionalData: aad(vaultId, kind) }, key, fromHex(dataKey));
  return { salt: toBase64Url(salt), iv: toBase64Url(iv), data: toBase64Url(new Uint8Array(data)) };
}

/** The data key, or undefined when this key does not open the wrap (GCM's tag check failed). */
async function unwrap(vaultId: string, kind: WrapKind, key: CryptoKey, stored: Wrap): Promise<string | undefined> {
  try {
    const plain = await subtle().decrypt(
      { name: 'AES-GCM', iv: fromBase64Url(stored.iv), additionalData: aad(vaultId, kind) },
      key,
      fromBase64Url(stored.data),
    );
    return toHex(new Uint8Array(plain));
  } catch (error) {
    if (error instanceof VaultUnavailableError) throw error;
    return undefined;
  }
}

async function wrapWithPassword(vaultId: string, password: string, dataKey: string): Promise<PasswordWrap> {
  const salt = randomBytes(16);
  const sealed = await wrap(vaultId, 'password', await passwordKey(password, salt, PASSWORD_ITERATIONS), salt, dataKey);
  return { ...sealed, iterations: PASSWORD_ITERATIONS };
}

async function unwrapWithPassword(vaultId: string, password: string, stored: PasswordWrap): Promise<string | undefined> {
  return unwrap(vaultId, 'password', await passwordKey(password, fromBase64Url(stored.salt), stored.iterations), stored);
}

async function wrapWithDevice(vaultId: string, deviceKey: string, dataKey: string): Promise<Wrap> {
  const salt = randomBytes(16);
  return wrap(vaultId, 'device', await deviceWrapKey(deviceKey, salt), salt, dataKey);
}

async function unwrapWithDevice(vaultId: string, deviceKey: string, stored: Wrap): Promise<string | undefined> {
  try {
    return await unwrap(vaultId, 'device', await deviceWrapKey(deviceKey, fromBase64Url(stored.salt)), stored);
  } catch (error) {
    if (error instanceof VaultUnavailableError) throw error;
    return undefined; // a malformed device key opens nothing
  }
}

/** The desktop's keyring, only where it is a real OS keyring. */
async function realKeyring(): Promise<KeyringApi | undefined> {
  const keyring = getDesktopApi().keyring;
  if (keyring === undefined) return undefined;
  try {
    return (await keyring.available()) ? keyring : undefined;
  } catch {
    return undefined;
  }
}

/** The keyring's wrap of `dataKey` where there is a real keyring; undefined otherwise (never fatal). */
async function keyringWrap(dataKey: string): Promise<string | undefined> {
  const keyring = await realKeyring();
  if (keyring === undefined) return undefined;
  const answer = await keyring.encrypt(dataKey);
  return answer.ok ? answer.value : undefined;
}

/** One unlock of a vault at a time, across tabs where the browser can: two first logins must not make two keys. */
async function exclusive<T>(vaultId: string, run: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (locks === undefined) return run();
  return locks.request(`cg.vault.${vaultId}`, run);
}

/** After an online login: opens (or creates) the data key of `vaultId`; rewraps it under this password. Hex, 64 chars. */
export async function unlockOnline(vaultId: string, password: string, deviceKey: string): Promise<string> {
  subtle();
  // A server that sent no usable secret (at least 256 bits of base64url) gets no device wrap: an
  // empty secret would be a wrap anyone opens. The wrap made with an earlier secret is kept.
  const secret = typeof deviceKey === 'string' && /^[A-Za-z0-9_-]{43,}$/.test(deviceKey) ? deviceKey : undefined;
  return exclusive(vaultId, async () => {
    const vault = read(vaultId);
    let dataKey: string | undefined;
    // The device secret first: after a password reset elsewhere, only it still opens the key.
    if (vault?.device && secret !== undefined) dataKey = await unwrapWithDevice(vaultId, secret, vault.device);
    if (dataKey === undefined && vault?.password) dataKey = await unwrapWithPassword(vaultId, password, vault.password);
    // No vault, or neither wrap opens (new device secret and new password): the old key is gone for
    // good. A new key is made; the database it locked no longer opens (DataKeyMismatchError) and
    // has to be deleted and pulled again.
    if (dataKey === undefined && vault !== undefined) console.warn('vault: no wrap opens; a new data key replaces the lost one', vaultId);
    const opened = dataKey !== undefined;
    dataKey ??= toHex(randomBytes(32));
    // Without a usable secret the earlier device wrap stays, if it still holds this key.
    const device = secret !== undefined ? await wrapWithDevice(vaultId, secret, dataKey) : opened ? vault?.device : undefined;
    const next: StoredVault = { v: 1, password: await wrapWithPassword(vaultId, password, dataKey) };
    if (device !== undefined) next.device = device;
    const keyring = await keyringWrap(dataKey);
    if (keyring !== undefined) next.keyring = keyring;
    write(vaultId, next);
    return dataKey;
  });
}

/** Offline (or after the lock screen): unwraps with the password alone. Throws WrongPasswordError or NoVaultError. */
export async function unlockOffline(vaultId: string, password: string): Promise<string> {
  subtle();
  const vault = read(vaultId);
  if (vault?.password === undefined) throw new NoVaultError();
  const dataKey = await unwrapWithPassword(vaultId, password, vault.password);
  if (dataKey === undefined) throw new WrongPasswordError();
  if (vault.keyring === undefined) {
    // The keyring may have become available since (a desktop session unlocked): add its wrap.
    const keyring = await keyringWrap(dataKey);
    const current = read(vaultId);
    if (keyring !== undefined && current !== undefined) write(vaultId, { ...current, keyring });
  }
  return dataKey;
}

/** On the desktop with a real OS keyring: the data key of `vaultId` without a password, or undefined. */
export async function unlockWithKeyring(vaultId: string): Promise<string | undefined> {
  const sealed = read(vaultId)?.keyring;
  if (sealed === undefined) return undefined;
  const keyring = await realKeyring();
  if (keyring === undefined) return undefined;
  const answer = await keyring.decrypt(sealed);
  return answer.ok && /^[0-9a-f]{64}$/.test(answer.value) ? answer.value : undefined;
}

/** Whether an offline unlock could work for `vaultId` (a password wrap exists). */
export function hasPasswordWrap(vaultId: string): boolean {
  return read(vaultId)?.password !== undefined;
}

/** Forgets the password wrap only (too many wrong offline passwords): an online login reopens it. */
export function dropPasswordWrap(vaultId: string): void {
  const vault = read(vaultId);
  if (vault === undefined) return;
  delete vault.password;
  write(vaultId, vault);
}

/** Forgets every wrap of `vaultId` (the device was revoked: its data is wiped). */
export function destroyVault(vaultId: string): void {
  localStorage.removeItem(storageKey(vaultId));
}
