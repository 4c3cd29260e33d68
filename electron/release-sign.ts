// `npm run release:sign` (scripts/release-sign.ts): signs the update feeds in a release folder, or
// makes a new signing key pair. The admin-facing text is Chinese with English after it, like
// scripts/start.mjs.
//
//   npm run release:sign -- <folder>          UPDATE_SIGNING_KEY=<private key PEM file> required
//   npm run release:sign -- --keygen <folder> writes update-signing-key.pem (private) and .pub.pem
//
// Signing checks everything first and writes nothing unless every feed is good: each `latest*.yml`
// must be a feed whose listed files are in the folder with the sha512 the feed states.
import { generateKeyPairSync } from 'node:crypto';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UPDATE_PUBLIC_KEYS } from './update-key';
import { feedEntryFileName, parseFeed, publicKeyPem, sameSha512, sha512OfFile, signatureFileName, signFeed, verifyFeed } from './update-signature';

export const PRIVATE_KEY_FILE = 'update-signing-key.pem';
export const PUBLIC_KEY_FILE = 'update-signing-key.pub.pem';
const FEED_FILE = /^latest(-[a-z0-9]+)*\.yml$/;

export interface Console {
  log(line: string): void;
  error(line: string): void;
}

const usage = [
  '用法 / Usage:',
  '  UPDATE_SIGNING_KEY=<私钥 PEM 文件> npm run release:sign -- <发布文件夹>',
  '  npm run release:sign -- --keygen <保存密钥的文件夹>',
].join('\n');

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

export async function keygen(dir: string, out: Console): Promise<number> {
  const privateFile = path.join(dir, PRIVATE_KEY_FILE);
  const publicFile = path.join(dir, PUBLIC_KEY_FILE);
  if ((await exists(privateFile)) || (await exists(publicFile))) {
    out.error(`${privateFile} 或 ${publicFile} 已存在，不会覆盖。/ A key already exists there; it is not overwritten.`);
    return 1;
  }
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  try {
    await writeFile(privateFile, privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), { mode: 0o600, flag: 'wx' });
    await writeFile(publicFile, publicPem, { flag: 'wx' });
  } catch (error) {
    out.error(`无法写入 ${dir}：${error instanceof Error ? error.message : String(error)} / Could not write the key files.`);
    return 1;
  }
  out.log(`私钥已写入 ${privateFile}：请离线妥善保管，切勿提交到代码库。/ Private key written; keep it offline, never commit it.`);
  out.log('请把下面的公钥加入 electron/update-key.ts 的 UPDATE_PUBLIC_KEYS / Add this public key to UPDATE_PUBLIC_KEYS in electron/update-key.ts:');
  out.log(publicPem.trimEnd());
  return 0;
}

interface Checked {
  feed: string;
  data: Buffer;
}

/** Checks every feed in `folder` against the files beside it; the problems found, in Chinese. */
async function checkFeeds(folder: string, feeds: string[]): Promise<{ checked: Checked[]; problems: string[] }> {
  const checked: Checked[] = [];
  const problems: string[] = [];
  for (const feed of feeds) {
    const data = await readFile(path.join(folder, feed));
    const parsed = parseFeed(data);
    if (parsed === null) {
      problems.push(`${feed}：不是有效的更新清单（需要 version 和带 sha512 的 files）。/ not a valid feed.`);
      continue;
    }
    for (const entry of parsed.files) {
      const name = feedEntryFileName(entry.url);
      if (name === '' || name !== path.basename(name) || name === '..') {
        problems.push(`${feed}：文件地址 ${entry.url} 不是本文件夹中的文件名。/ the url is not a file name in this folder.`);
        continue;
      }
      const file = path.join(folder, name);
      if (!(await exists(file))) {
        problems.push(`${feed}：清单中的 ${name} 不在文件夹中。/ listed file is missing.`);
        continue;
      }
      if (!sameSha512(await sha512OfFile(file), entry.sha512)) {
        problems.push(`${feed}：${name} 的 SHA-512 与清单不一致（文件被替换或清单过期）。/ sha512 differs from the feed.`);
      }
    }
    checked.push({ feed, data });
  }
  return { checked, problems };
}

export async function signFolder(folder: string, keyFile: string | undefined, out: Console): Promise<number> {
  if (!keyFile) {
    out.error('请用环境变量 UPDATE_SIGNING_KEY 指定私钥 PEM 文件的路径。/ Set UPDATE_SIGNING_KEY to the private key PEM file.');
    return 1;
  }
  let privatePem: string;
  let publicPem: string;
  try {
    privatePem = await readFile(keyFile, 'utf8');
    publicPem = publicKeyPem(privatePem);
  } catch {
    out.error(`无法读取 ${keyFile}，或它不是 Ed25519 私钥。/ Cannot read the file, or it is not an Ed25519 private key.`);
    return 1;
  }
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    out.error(`找不到文件夹 ${folder}。/ Folder not found.`);
    return 1;
  }
  const feeds = names.filter((name) => FEED_FILE.test(name)).sort();
  if (feeds.length === 0) {
    out.error(`${folder} 中没有更新清单（latest.yml、latest-linux.yml、latest-linux-arm64.yml）。/ No feed files in the folder.`);
    return 1;
  }
  const { checked, problems } = await checkFeeds(folder, feeds);
  if (problems.length > 0) {
    for (const problem of problems) out.error(problem);
    out.error('未签署任何文件。/ Nothing was signed.');
    return 1;
  }
  const signatures = checked.map(({ feed, data }) => ({ feed, data, signature: signFeed(data, privatePem) }));
  if (!signatures.every(({ data, signature }) => verifyFeed(data, signature, [publicPem]))) {
    out.error('签名自检失败，未签署任何文件。/ The signatures did not verify; nothing was signed.');
    return 1;
  }
  for (const { feed, signature } of signatures) {
    await writeFile(path.join(folder, signatureFileName(feed)), signature);
    out.log(`已签署 ${feed} → ${signatureFileName(feed)} / Signed.`);
  }
  if (!UPDATE_PUBLIC_KEYS.some((key) => key.trim() === publicPem.trim())) {
    out.error('注意：此私钥的公钥不在本代码的 electron/update-key.ts 中，当前版本的应用会拒绝这些更新。/ Warning: this key is not among the public keys this app ships; its builds will reject these updates.');
  }
  return 0;
}

export async function releaseSign(args: readonly string[], env: Record<string, string | undefined>, out: Console): Promise<number> {
  if (args[0] === '--keygen' && args.length === 2 && args[1]) return keygen(args[1], out);
  if (args.length === 1 && args[0] && !args[0].startsWith('-')) return signFolder(args[0], env.UPDATE_SIGNING_KEY, out);
  out.error(usage);
  return 1;
}
