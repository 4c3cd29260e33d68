// Our own signature on the update feed (issue 8): electron-updater checks a download's sha512
// against the feed it fetched, but nothing vouches for the feed itself — and Linux packages carry
// no code signature it would check. So the release manager signs each feed file's exact bytes with
// an Ed25519 key (scripts/release-sign.ts), the app ships the public half (update-key.ts), and the
// app installs only a file whose sha512 the signed feed lists. Pure: bytes in, decisions out.
import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import path from 'node:path';
import { parse } from 'yaml';

/** An Ed25519 signature is 64 bytes: 88 characters of base64. */
const SIGNATURE_BYTES = 64;
/** A feed lists a few files; anything much larger is not a feed. */
export const MAX_FEED_BYTES = 256 * 1024;
/** A `.sig` file: base64 of 64 bytes, maybe with a trailing newline. */
export const MAX_SIGNATURE_FILE_BYTES = 1024;

/**
 * The feed file electron-updater reads on this platform (its generic provider's channel file):
 * `latest.yml` on Windows, `latest-linux.yml` on x64 Linux, `latest-linux-<arch>.yml` on other
 * Linux architectures. Null where the app has no update target (macOS, 32-bit, …).
 */
export function feedFileName(platform: string, arch: string): string | null {
  if (platform === 'win32') return arch === 'x64' || arch === 'arm64' || arch === 'ia32' ? 'latest.yml' : null;
  if (platform === 'linux') {
    if (arch === 'x64') return 'latest-linux.yml';
    if (arch === 'arm64') return 'latest-linux-arm64.yml';
  }
  return null;
}

/** The name of a feed's signature file. */
export function signatureFileName(feedFile: string): string {
  return `${feedFile}.sig`;
}

function asKey(key: KeyObject | string, kind: 'public' | 'private'): KeyObject | null {
  try {
    const object = typeof key === 'string' ? (kind === 'public' ? createPublicKey(key) : createPrivateKey(key)) : key;
    if (object.asymmetricKeyType !== 'ed25519') return null;
    if (kind === 'public' && object.type !== 'public') return null;
    if (kind === 'private' && object.type !== 'private') return null;
    return object;
  } catch {
    return null;
  }
}

/** The `.sig` file's content for `data`: base64 of the Ed25519 signature, with a final newline. */
export function signFeed(data: Uint8Array, privateKey: KeyObject | string): string {
  const key = asKey(privateKey, 'private');
  if (key === null) throw new Error('not an Ed25519 private key');
  return `${sign(null, data, key).toString('base64')}\n`;
}

/** The signature bytes of a `.sig` file's content, or null when it is not one. */
export function parseSignatureFile(content: Uint8Array | string): Buffer | null {
  const text = (typeof content === 'string' ? content : Buffer.from(content).toString('utf8')).trim();
  if (text.length > MAX_SIGNATURE_FILE_BYTES || !/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return null;
  const bytes = Buffer.from(text, 'base64');
  return bytes.length === SIGNATURE_BYTES ? bytes : null;
}

/**
 * Whether `signatureFile` (a `.sig` file's content) is a valid signature of exactly `data` by one
 * of `publicKeys` (PEM). Several keys are accepted so that a key can be rotated: a release ships
 * the new public key next to the old one before the feed is signed with the new private key.
 */
export function verifyFeed(data: Uint8Array, signatureFile: Uint8Array | string, publicKeys: readonly (KeyObject | string)[]): boolean {
  const signature = parseSignatureFile(signatureFile);
  if (signature === null) return false;
  return publicKeys.some((candidate) => {
    const key = asKey(candidate, 'public');
    if (key === null) return false;
    try {
      return verify(null, data, key, signature);
    } catch {
      return false;
    }
  });
}

/** The public half of a private key, as PEM (SPKI). */
export function publicKeyPem(privateKey: KeyObject | string): string {
  const key = asKey(privateKey, 'private');
  if (key === null) throw new Error('not an Ed25519 private key');
  return createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString();
}

export interface FeedFile {
  /** As electron-builder writes it: the file name, relative to the feed (maybe URL-encoded). */
  url: string;
  /** base64 of the file's SHA-512. */
  sha512: string;
  size: number | null;
}

export interface Feed {
  version: string;
  files: FeedFile[];
  releaseNotes: string;
}

const BASE64_SHA512 = /^[A-Za-z0-9+/]{86}==$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** electron-builder writes notes as a string, or (with `releaseInfo.releaseNotes` per version) a list. */
function notesOf(raw: unknown): string {
  if (typeof raw === 'string') return raw.trim();
  if (!Array.isArray(raw)) return '';
  return raw
    .filter(isRecord)
    .map((entry) => [typeof entry.version === 'string' ? entry.version : '', typeof entry.note === 'string' ? entry.note.trim() : ''].filter(Boolean).join('\n'))
    .filter(Boolean)
    .join('\n\n');
}

/**
 * Reads an electron-builder feed (`latest*.yml`). Every scalar is read as a string (YAML's
 * failsafe schema) so that a version like `1.10` stays `1.10`. Null when it is not a feed: no
 * version, or no file with a well-formed sha512.
 */
export function parseFeed(data: Uint8Array | string): Feed | null {
  const text = typeof data === 'string' ? data : Buffer.from(data).toString('utf8');
  if (text.length > MAX_FEED_BYTES) return null;
  let raw: unknown;
  try {
    raw = parse(text, { schema: 'failsafe', uniqueKeys: true, maxAliasCount: 0 });
  } catch {
    return null;
  }
  if (!isRecord(raw) || typeof raw.version !== 'string' || !isVersion(raw.version)) return null;
  const files: FeedFile[] = [];
  for (const entry of Array.isArray(raw.files) ? raw.files : []) {
    if (!isRecord(entry) || typeof entry.url !== 'string' || typeof entry.sha512 !== 'string') return null;
    if (entry.url === '' || !BASE64_SHA512.test(entry.sha512)) return null;
    const size = typeof entry.size === 'string' && /^\d+$/.test(entry.size) ? Number(entry.size) : null;
    files.push({ url: entry.url, sha512: entry.sha512, size });
  }
  // Old feeds name one file by `path` and `sha512` at the top level.
  if (files.length === 0 && typeof raw.path === 'string' && typeof raw.sha512 === 'string' && BASE64_SHA512.test(raw.sha512)) {
    files.push({ url: raw.path, sha512: raw.sha512, size: null });
  }
  if (files.length === 0) return null;
  return { version: raw.version, files, releaseNotes: notesOf(raw.releaseNotes) };
}

/** The file name a feed entry's url names: its last path segment, URL-decoded. */
export function feedEntryFileName(url: string): string {
  const withoutQuery = url.split(/[?#]/)[0] ?? '';
  const last = withoutQuery.split('/').pop() ?? '';
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** The feed's entry for a downloaded file, by name (electron-updater names the download as the url's last segment). */
export function feedEntryFor(feed: Feed, downloadedFile: string): FeedFile | null {
  const name = path.basename(downloadedFile.replaceAll('\\', '/'));
  return feed.files.find((file) => feedEntryFileName(file.url) === name) ?? null;
}

/** base64 of the SHA-512 of `data`, as electron-builder writes it into the feed. */
export function sha512Base64(data: Uint8Array): string {
  return createHash('sha512').update(data).digest('base64');
}

/** Compares two base64 hashes; false for anything that is not one. */
export function sameSha512(a: string, b: string): boolean {
  return BASE64_SHA512.test(a) && a === b;
}

const VERSION = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

export function isVersion(version: string): boolean {
  return VERSION.test(version);
}

function comparePrerelease(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1; // a release is newer than its pre-releases
  if (b === undefined) return -1;
  const left = a.split('.');
  const right = b.split('.');
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const x = left[i];
    const y = right[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const xn = /^\d+$/.test(x);
    const yn = /^\d+$/.test(y);
    if (xn && yn && Number(x) !== Number(y)) return Number(x) < Number(y) ? -1 : 1;
    if (xn !== yn) return xn ? -1 : 1;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** Semantic version order: negative when a is older than b. Null when either is not a version. */
export function compareVersions(a: string, b: string): number | null {
  const x = VERSION.exec(a);
  const y = VERSION.exec(b);
  if (!x || !y) return null;
  for (let i = 1; i <= 3; i++) {
    const diff = Number(x[i]) - Number(y[i]);
    if (diff !== 0) return diff < 0 ? -1 : 1;
  }
  return comparePrerelease(x[4], y[4]);
}

/** Versions equal up to a leading `v` and build metadata. */
export function sameVersion(a: string, b: string): boolean {
  return compareVersions(a, b) === 0;
}

/** base64 SHA-512 of a file, read as a stream (installers are large). */
export async function sha512OfFile(file: string): Promise<string> {
  const { createReadStream } = await import('node:fs');
  const hash = createHash('sha512');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('base64');
}
