// The feed signature: what the release manager signs verifies with the shipped public key, and
// anything else (another key, a changed byte, a missing or garbage signature) does not. Also the
// release:sign script, which must refuse to sign feeds that do not match the files beside them.
import { generateKeyPairSync } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keygen, PRIVATE_KEY_FILE, PUBLIC_KEY_FILE, releaseSign } from '../release-sign';
import { UPDATE_PUBLIC_KEYS } from '../update-key';
import {
  compareVersions,
  feedEntryFor,
  feedFileName,
  parseFeed,
  parseSignatureFile,
  publicKeyPem,
  sha512Base64,
  sha512OfFile,
  signFeed,
  verifyFeed,
} from '../update-signature';

function keyPair() {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

const installer = new TextEncoder().encode('pretend this is an AppImage');

/** A feed as electron-builder writes it. */
function feedText(version = '1.2.0', sha512 = sha512Base64(installer), name = '社区治理-1.2.0.AppImage'): string {
  return [
    `version: ${version}`,
    'files:',
    `  - url: ${name}`,
    `    sha512: ${sha512}`,
    `    size: ${installer.byteLength}`,
    `path: ${name}`,
    `sha512: ${sha512}`,
    "releaseDate: '2026-11-20T08:00:00.000Z'",
    'releaseNotes: |-',
    '  修复了名册导入的问题',
    '  新增打印功能',
    '',
  ].join('\n');
}

describe('the feed signature', () => {
  const signer = keyPair();
  const feed = new TextEncoder().encode(feedText());

  it('verifies a feed signed with the matching key', () => {
    const signature = signFeed(feed, signer.privatePem);
    expect(signature).toMatch(/^[A-Za-z0-9+/]{86}==\n$/);
    expect(verifyFeed(feed, signature, [signer.publicPem])).toBe(true);
    expect(publicKeyPem(signer.privatePem)).toBe(signer.publicPem);
  });

  it('accepts any of the shipped keys, so that a key can be rotated', () => {
    const other = keyPair();
    expect(verifyFeed(feed, signFeed(feed, signer.privatePem), [other.publicPem, signer.publicPem])).toBe(true);
  });

  it('rejects a feed changed after signing, by a single byte', () => {
    const signature = signFeed(feed, signer.privatePem);
    const tampered = new TextEncoder().encode(feedText('1.2.1'));
    expect(verifyFeed(tampered, signature, [signer.publicPem])).toBe(false);
    const flipped = Uint8Array.from(feed);
    flipped[0] = (feed[0] ?? 0) ^ 1;
    expect(verifyFeed(flipped, signature, [signer.publicPem])).toBe(false);
  });

  it('rejects a signature by another key', () => {
    const stranger = keyPair();
    expect(verifyFeed(feed, signFeed(feed, stranger.privatePem), [signer.publicPem])).toBe(false);
  });

  it('rejects a missing, empty or garbage signature and a key that is not Ed25519', () => {
    expect(verifyFeed(feed, '', [signer.publicPem])).toBe(false);
    expect(verifyFeed(feed, 'not base64 at all!', [signer.publicPem])).toBe(false);
    expect(verifyFeed(feed, Buffer.alloc(64).toString('base64'), [signer.publicPem])).toBe(false);
    expect(verifyFeed(feed, Buffer.alloc(32, 1).toString('base64'), [signer.publicPem])).toBe(false);
    expect(parseSignatureFile('AAAA')).toBeNull();
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(verifyFeed(feed, signFeed(feed, signer.privatePem), [rsa, 'not a key'])).toBe(false);
    expect(verifyFeed(feed, signFeed(feed, signer.privatePem), [])).toBe(false);
  });

  it('ships a well-formed Ed25519 public key', () => {
    expect(UPDATE_PUBLIC_KEYS.length).toBeGreaterThan(0);
    for (const key of UPDATE_PUBLIC_KEYS) expect(key).toMatch(/^-----BEGIN PUBLIC KEY-----\n[A-Za-z0-9+/=]+\n-----END PUBLIC KEY-----\n$/);
    // A signature by a fresh key never verifies with the shipped one.
    expect(verifyFeed(feed, signFeed(feed, signer.privatePem), UPDATE_PUBLIC_KEYS)).toBe(false);
  });
});

describe('the feed', () => {
  it('reads version, files with their sha512, and release notes as electron-builder writes them', () => {
    const feed = parseFeed(feedText());
    expect(feed).toEqual({
      version: '1.2.0',
      files: [{ url: '社区治理-1.2.0.AppImage', sha512: sha512Base64(installer), size: installer.byteLength }],
      releaseNotes: '修复了名册导入的问题\n新增打印功能',
    });
  });

  it('keeps versions as written and refuses what is not a feed', () => {
    expect(parseFeed(feedText('1.10.0'))?.version).toBe('1.10.0');
    expect(parseFeed(feedText('1.10'))).toBeNull();
    expect(parseFeed(feedText('1.2.0', 'short'))).toBeNull();
    expect(parseFeed('version: 1.2.0\n')).toBeNull();
    expect(parseFeed('[1, 2')).toBeNull();
    expect(parseFeed('')).toBeNull();
  });

  it('joins per-version notes', () => {
    const text = feedText().replace(/releaseNotes:[\s\S]*$/, 'releaseNotes:\n  - version: 1.2.0\n    note: 新增打印功能\n  - version: 1.1.0\n    note: 修复\n');
    expect(parseFeed(text)?.releaseNotes).toBe('1.2.0\n新增打印功能\n\n1.1.0\n修复');
  });

  it('finds the entry of a downloaded file by name, URL-encoded or not', () => {
    const feed = parseFeed(feedText('1.2.0', sha512Base64(installer), 'Community%20Governance-1.2.0.AppImage'));
    if (!feed) throw new Error('no feed');
    expect(feedEntryFor(feed, '/home/a/.cache/updater/pending/Community Governance-1.2.0.AppImage')?.sha512).toBe(sha512Base64(installer));
    expect(feedEntryFor(feed, 'C:\\Users\\a\\AppData\\Local\\updater\\pending\\Community Governance-1.2.0.AppImage')).not.toBeNull();
    expect(feedEntryFor(feed, '/cache/pending/other.deb')).toBeNull();
  });

  it('names the feed file for each platform and architecture', () => {
    expect(feedFileName('win32', 'x64')).toBe('latest.yml');
    expect(feedFileName('linux', 'x64')).toBe('latest-linux.yml');
    expect(feedFileName('linux', 'arm64')).toBe('latest-linux-arm64.yml');
    expect(feedFileName('darwin', 'arm64')).toBeNull();
    expect(feedFileName('linux', 'ia32')).toBeNull();
  });

  it('orders versions as semver does', () => {
    expect(compareVersions('1.10.0', '1.9.9')).toBe(1);
    expect(compareVersions('1.2.0', '1.2.0-beta.2')).toBe(1);
    expect(compareVersions('1.2.0-beta.2', '1.2.0-beta.10')).toBe(-1);
    expect(compareVersions('v1.2.0', '1.2.0')).toBe(0);
    expect(compareVersions('1.2', '1.2.0')).toBeNull();
  });
});

describe('npm run release:sign', () => {
  let dir = '';
  const lines: string[] = [];
  const out = { log: (line: string) => void lines.push(line), error: (line: string) => void lines.push(line) };

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'release-sign-'));
    lines.length = 0;
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function release(): Promise<{ folder: string; keyFile: string; publicPem: string }> {
    expect(await keygen(dir, out)).toBe(0);
    const folder = path.join(dir, 'release');
    await mkdir(folder);
    await writeFile(path.join(folder, '社区治理-1.2.0.AppImage'), installer);
    await writeFile(path.join(folder, 'latest-linux.yml'), feedText());
    return { folder, keyFile: path.join(dir, PRIVATE_KEY_FILE), publicPem: await readFile(path.join(dir, PUBLIC_KEY_FILE), 'utf8') };
  }

  it('makes a key pair, the private half readable by its owner only, and never overwrites one', async () => {
    expect(await keygen(dir, out)).toBe(0);
    const privateFile = path.join(dir, PRIVATE_KEY_FILE);
    expect((await stat(privateFile)).mode & 0o077).toBe(0);
    const publicPem = await readFile(path.join(dir, PUBLIC_KEY_FILE), 'utf8');
    expect(publicKeyPem(await readFile(privateFile, 'utf8'))).toBe(publicPem);
    expect(lines.join('\n')).toContain(publicPem.trim());
    const before = await readFile(privateFile, 'utf8');
    expect(await keygen(dir, out)).toBe(1);
    expect(await readFile(privateFile, 'utf8')).toBe(before);
  });

  it('signs each feed so that the app verifies it with the public half', async () => {
    const { folder, keyFile, publicPem } = await release();
    expect(await releaseSign([folder], { UPDATE_SIGNING_KEY: keyFile }, out)).toBe(0);
    const feed = await readFile(path.join(folder, 'latest-linux.yml'));
    const signature = await readFile(path.join(folder, 'latest-linux.yml.sig'), 'utf8');
    expect(verifyFeed(feed, signature, [publicPem])).toBe(true);
    // The development key is not the shipped one: the script says so.
    expect(lines.join('\n')).toContain('update-key.ts');
  });

  it('signs nothing when a feed does not match the files beside it', async () => {
    const { folder, keyFile } = await release();
    await writeFile(path.join(folder, 'latest.yml'), feedText('1.2.0', sha512Base64(installer), 'missing-setup.exe'));
    await writeFile(path.join(folder, '社区治理-1.2.0.AppImage'), 'replaced');
    expect(await releaseSign([folder], { UPDATE_SIGNING_KEY: keyFile }, out)).toBe(1);
    const text = lines.join('\n');
    expect(text).toContain('missing-setup.exe');
    expect(text).toContain('SHA-512');
    await expect(stat(path.join(folder, 'latest-linux.yml.sig'))).rejects.toThrow();
    await expect(stat(path.join(folder, 'latest.yml.sig'))).rejects.toThrow();
  });

  it('refuses without a usable key, a folder of feeds, or proper arguments', async () => {
    const { folder } = await release();
    expect(await releaseSign([folder], {}, out)).toBe(1);
    expect(lines.at(-1)).toContain('UPDATE_SIGNING_KEY');
    await writeFile(path.join(dir, 'public-as-private.pem'), keyPair().publicPem);
    expect(await releaseSign([folder], { UPDATE_SIGNING_KEY: path.join(dir, 'public-as-private.pem') }, out)).toBe(1);
    expect(lines.at(-1)).toContain('Ed25519');
    expect(await releaseSign([dir], { UPDATE_SIGNING_KEY: path.join(dir, PRIVATE_KEY_FILE) }, out)).toBe(1);
    expect(lines.at(-1)).toContain('latest.yml');
    expect(await releaseSign([], {}, out)).toBe(1);
    expect(await releaseSign(['--keygen'], {}, out)).toBe(1);
  });

  it('hashes a file as electron-builder does', async () => {
    const file = path.join(dir, 'x.bin');
    await writeFile(file, installer);
    expect(await sha512OfFile(file)).toBe(sha512Base64(installer));
  });
});
