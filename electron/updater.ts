// The update flow as a small state machine (issue 8). electron-updater's generic provider checks
// `<server>/updates/` and downloads a newer version; before anything may be installed, we fetch the
// feed and its `.sig` ourselves, check the signature with the public key the app ships, and check
// that the downloaded file is the one the signed feed lists (sha512) for the version downloaded.
// Only then is the status `ready`; otherwise `rejected`, the download deleted, and `install()`
// refuses. Every effect is injected, so this runs in tests without Electron or a network.
import type { Result, UpdateStatus } from '@domain/desktop';
import type { ShellMessages } from './messages';
import {
  compareVersions,
  feedEntryFor,
  feedFileName,
  MAX_FEED_BYTES,
  MAX_SIGNATURE_FILE_BYTES,
  parseFeed,
  sameSha512,
  sameVersion,
  signatureFileName,
  verifyFeed,
} from './update-signature';

/** The part of electron-updater's `autoUpdater` the flow uses. */
export interface AutoUpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  allowDowngrade: boolean;
  setFeedURL(options: { provider: 'generic'; url: string; useMultipleRangeRequest: boolean }): void;
  /** Resolves null when updates are inactive (an unpackaged app). */
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  on(event: 'checking-for-update' | 'update-not-available', listener: () => void): unknown;
  on(event: 'update-available', listener: (info: { version: string }) => void): unknown;
  on(event: 'download-progress', listener: (progress: { percent: number }) => void): unknown;
  on(event: 'update-downloaded', listener: (downloaded: { version: string; downloadedFile: string }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

/** A feed file as fetched: its bytes, or missing (HTTP 404/410). Other failures throw. */
export type Fetched = { kind: 'ok'; data: Uint8Array } | { kind: 'missing' };

export interface UpdaterEffects {
  autoUpdater: AutoUpdaterLike;
  /** Fetches a URL with no caching, giving up past `maxBytes`. */
  fetchFile(url: string, maxBytes: number): Promise<Fetched>;
  /** base64 SHA-512 of a file's bytes. */
  hashFile(file: string): Promise<string>;
  removeFile(file: string): Promise<void>;
  /** Called at every change of status. */
  emit(status: UpdateStatus): void;
  /** Runs `task` every `ms` milliseconds until the app quits. */
  every(ms: number, task: () => void): void;
  logError(error: unknown): void;
  platform: string;
  arch: string;
  /** The running app's version: only a newer signed version is accepted. */
  currentVersion: string;
  /** PEM public keys, any of which may have signed the feed (update-key.ts). */
  publicKeys: readonly string[];
  text: ShellMessages;
}

/** How often a running app asks the street office for a newer version. */
export const CHECK_INTERVAL_MS = 4 * 60 * 60 * 1000;

export interface Updater {
  check(serverUrl: string): Promise<Result<void>>;
  install(): Promise<Result<void>>;
  status(): UpdateStatus;
}

interface Verified {
  file: string;
  sha512: string;
  version: string;
}

/** `<serverUrl>/updates/` (serverUrl as parseServerUrl gives it: no trailing slash). */
export function updatesUrl(serverUrl: string): string {
  return `${serverUrl.replace(/\/+$/, '')}/updates/`;
}

/** Fetches with a size limit; a 404 or 410 is `missing`, other HTTP errors throw. */
export async function fetchLimited(fetchFn: (url: string, init: RequestInit) => Promise<Response>, url: string, maxBytes: number): Promise<Fetched> {
  const response = await fetchFn(url, { headers: { 'cache-control': 'no-cache', pragma: 'no-cache' } });
  if (response.status === 404 || response.status === 410) return { kind: 'missing' };
  if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status}`);
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw new Error(`GET ${url}: ${declared} bytes, more than ${maxBytes}`);
  const data = new Uint8Array(await response.arrayBuffer());
  if (data.byteLength > maxBytes) throw new Error(`GET ${url}: ${data.byteLength} bytes, more than ${maxBytes}`);
  return { kind: 'ok', data };
}

export function createUpdater(effects: UpdaterEffects): Updater {
  const { autoUpdater, text } = effects;
  const feedFile = feedFileName(effects.platform, effects.arch);
  let current: UpdateStatus = { kind: 'idle' };
  let baseUrl: string | null = null;
  let wired = false;
  let verified: Verified | null = null;
  /** The version electron-updater is downloading, for progress events (which do not name it). */
  let pendingVersion = '';
  /** Counts downloads, so that a verification overtaken by a newer download does not decide. */
  let generation = 0;

  function set(status: UpdateStatus): void {
    current = status;
    effects.emit(status);
  }

  /** The status now (a function, so that it is read after an await). */
  const kindNow = (): UpdateStatus['kind'] => current.kind;
  /** Once verified (or being installed), nothing but a new verification changes the status. */
  const settled = () => current.kind === 'ready';

  async function discard(file: string): Promise<void> {
    try {
      await effects.removeFile(file);
    } catch (error) {
      effects.logError(error);
    }
  }

  async function reject(file: string, version: string | null, reason: string): Promise<void> {
    verified = null;
    await discard(file);
    set({ kind: 'rejected', version, reason });
  }

  async function verify(downloaded: { version: string; downloadedFile: string }, round: number): Promise<void> {
    const { version, downloadedFile } = downloaded;
    const stale = () => round !== generation;
    if (baseUrl === null || feedFile === null) return reject(downloadedFile, version, text.updates.reasons.noFeed);
    const feedUrl = new URL(feedFile, baseUrl).href;
    let feed;
    let signature;
    try {
      [feed, signature] = await Promise.all([
        effects.fetchFile(feedUrl, MAX_FEED_BYTES),
        effects.fetchFile(new URL(signatureFileName(feedFile), baseUrl).href, MAX_SIGNATURE_FILE_BYTES),
      ]);
    } catch (error) {
      // The server could not be asked: nothing is installed; the next check tries again.
      effects.logError(error);
      if (stale()) return;
      verified = null;
      await discard(downloadedFile);
      set({ kind: 'error', message: text.updates.verifyUnreachable });
      return;
    }
    if (stale()) return;
    if (feed.kind === 'missing') return reject(downloadedFile, version, text.updates.reasons.noFeed);
    if (signature.kind === 'missing') return reject(downloadedFile, version, text.updates.reasons.noSignature);
    if (!verifyFeed(feed.data, signature.data, effects.publicKeys)) return reject(downloadedFile, version, text.updates.reasons.badSignature);
    const signed = parseFeed(feed.data);
    if (signed === null) return reject(downloadedFile, version, text.updates.reasons.badFeed);
    if (!sameVersion(signed.version, version)) return reject(downloadedFile, version, text.updates.reasons.versionMismatch);
    const order = compareVersions(signed.version, effects.currentVersion);
    if (order === null || order <= 0) return reject(downloadedFile, version, text.updates.reasons.notNewer);
    const entry = feedEntryFor(signed, downloadedFile);
    if (entry === null) return reject(downloadedFile, version, text.updates.reasons.notInFeed);
    let hash: string;
    try {
      hash = await effects.hashFile(downloadedFile);
    } catch (error) {
      effects.logError(error);
      if (stale()) return;
      return reject(downloadedFile, version, text.updates.reasons.hashMismatch);
    }
    if (stale()) return;
    if (!sameSha512(hash, entry.sha512)) return reject(downloadedFile, version, text.updates.reasons.hashMismatch);
    verified = { file: downloadedFile, sha512: entry.sha512, version: signed.version };
    // The notes shown are the signed feed's, not what electron-updater fetched.
    set({ kind: 'ready', version: signed.version, releaseNotes: signed.releaseNotes });
  }

  function wire(): void {
    if (wired) return;
    wired = true;
    autoUpdater.autoDownload = true;
    // Installing is our decision, after the signature check, when the person agrees.
    autoUpdater.autoInstallOnAppQuit = false;
    autoUpdater.allowDowngrade = false;
    autoUpdater.on('checking-for-update', () => {
      if (!settled()) set({ kind: 'checking' });
    });
    autoUpdater.on('update-not-available', () => {
      if (!settled()) set({ kind: 'idle' });
    });
    autoUpdater.on('update-available', (info) => {
      if (settled()) return;
      pendingVersion = info.version;
      set({ kind: 'downloading', version: info.version, percent: 0 });
    });
    autoUpdater.on('download-progress', (progress) => {
      if (settled()) return;
      const percent = Math.max(0, Math.min(100, Math.floor(Number.isFinite(progress.percent) ? progress.percent : 0)));
      set({ kind: 'downloading', version: pendingVersion, percent });
    });
    autoUpdater.on('update-downloaded', (downloaded) => {
      generation += 1;
      verified = null;
      set({ kind: 'downloading', version: downloaded.version, percent: 100 });
      verify(downloaded, generation).catch((error: unknown) => {
        effects.logError(error);
        set({ kind: 'rejected', version: downloaded.version, reason: text.updates.reasons.badFeed });
      });
    });
    autoUpdater.on('error', (error) => {
      effects.logError(error);
      if (!settled() && current.kind !== 'rejected') set({ kind: 'error', message: text.updates.failed });
    });
    effects.every(CHECK_INTERVAL_MS, () => {
      if (baseUrl !== null) void run();
    });
  }

  async function run(): Promise<Result<void>> {
    if (settled() || current.kind === 'checking' || current.kind === 'downloading') return { ok: true, value: undefined };
    try {
      set({ kind: 'checking' });
      const result = await autoUpdater.checkForUpdates();
      // Inactive (not packaged) or nothing newer: no event may follow.
      if (result === null && kindNow() === 'checking') set({ kind: 'idle' });
      return { ok: true, value: undefined };
    } catch (error) {
      effects.logError(error);
      if (!settled()) set({ kind: 'error', message: text.updates.failed });
      return { ok: false, error: text.updates.failed };
    }
  }

  return {
    status: () => current,
    async check(serverUrl) {
      if (feedFile === null) return { ok: false, error: text.updates.unsupported };
      const url = updatesUrl(serverUrl);
      if (url !== baseUrl) {
        baseUrl = url;
        // The server answers one byte range per request (differential downloads ask for several).
        autoUpdater.setFeedURL({ provider: 'generic', url, useMultipleRangeRequest: false });
      }
      wire();
      return run();
    },
    async install() {
      const ready = verified;
      if (current.kind !== 'ready' || ready === null) return { ok: false, error: text.updates.notReady };
      // The file is hashed again: what is installed is what was verified.
      let hash = '';
      try {
        hash = await effects.hashFile(ready.file);
      } catch (error) {
        effects.logError(error);
      }
      if (!sameSha512(hash, ready.sha512)) {
        await reject(ready.file, ready.version, text.updates.reasons.hashMismatch);
        return { ok: false, error: text.updates.notReady };
      }
      autoUpdater.quitAndInstall(false, true);
      return { ok: true, value: undefined };
    },
  };
}
