// The desktop app for the Electron end-to-end tests: built once, launched through Playwright's
// `_electron` with a profile of its own in a temp folder (so tests share no local database, key or
// single-instance lock), and driven through its one window the way staff drive it. The native save
// dialog and the OS browser are replaced in the main process by recorders, since a test can click
// neither. Also: a link to the street office server that a test can cut and restore, as a laptop
// carried into a compound without a network loses the server and finds it again.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, type ElectronApplication, type Page } from '@playwright/test';

export const root = fileURLToPath(new URL('../../..', import.meta.url));

/** Where the app's window lives (electron/navigation.ts: the privileged `app://renderer` origin). */
export const APP_ORIGIN = 'app://renderer';
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

let built = false;

/**
 * `npm run build:electron` once per worker; the window serves `dist/renderer`, so the web build
 * must be there too (`npm run build:renderer`, made here if it is missing).
 */
export function buildDesktopApp(): void {
  if (built) return;
  if (!existsSync(path.join(root, 'dist', 'renderer', 'index.html'))) execFileSync('npm', ['run', 'build:renderer'], { cwd: root, stdio: 'inherit' });
  execFileSync('npm', ['run', 'build:electron'], { cwd: root, stdio: 'inherit' });
  built = true;
}

/**
 * The part of Electron's main-process module the tests replace or read. Declared here because
 * `electron` has no types where it is not installed; inside `app.evaluate` the module arrives as
 * its first argument.
 */
interface MainModule {
  app: { getPath(name: 'userData'): string; on(event: 'second-instance', listener: () => void): unknown };
  dialog: { showSaveDialog(...args: unknown[]): Promise<{ canceled: boolean; filePath?: string }> };
  shell: { openExternal(url: string): Promise<void> };
  BrowserWindow: { getAllWindows(): unknown[] };
}

/** What the stubs record, kept on the main process's global object. */
interface Recorded {
  e2eOpenedExternally?: string[];
  e2eSaveDialogs?: { defaultPath: string | null }[];
  e2eSecondInstances?: number;
}

export interface LaunchOptions {
  /** A profile folder to reuse (another instance's); by default a fresh one, removed on close. */
  profile?: string;
}

/** How the app is started: the same binary, folder, switches and environment for every instance. */
function launchSettings(binary: string, profile: string): { executablePath: string; args: string[]; env: Record<string, string> } {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) if (value !== undefined && name !== 'ELECTRON_RUN_AS_NODE') env[name] = value;
  // The profile: Chromium's --user-data-dir switch and, where Electron derives userData from the
  // platform's configuration folder instead, that folder too (Linux: XDG_CONFIG_HOME; Windows:
  // APPDATA). `launch` checks that userData really is inside the profile.
  env.XDG_CONFIG_HOME = path.join(profile, 'config');
  env.APPDATA = path.join(profile, 'appdata');
  const args = [`--user-data-dir=${path.join(profile, 'user-data')}`];
  // As Playwright's own Electron launch does on Linux (the SUID sandbox helper of an unpackaged
  // Electron is not set up, and root cannot use it): the second instance must start the same way.
  // The renderer stays sandboxed in Electron's sense (no Node, context isolation), which the tests check.
  if (process.platform === 'linux') args.push('--no-sandbox');
  return { executablePath: binary, args: [...args, '.'], env };
}

export class DesktopApp {
  private password: string | undefined;
  private unlocking = false;

  private constructor(
    readonly app: ElectronApplication,
    /** The app's one window. */
    readonly page: Page,
    /** The profile folder: userData, the local database, the single-instance lock. */
    readonly profile: string,
    private readonly ownsProfile: boolean,
    private readonly binary: string,
  ) {}

  static async launch(binary: string, options: LaunchOptions = {}): Promise<DesktopApp> {
    buildDesktopApp();
    const profile = options.profile ?? (await mkdtemp(path.join(tmpdir(), 'e2e-desktop-')));
    const ownsProfile = options.profile === undefined;
    const app = await electron.launch({ ...launchSettings(binary, profile), cwd: root, timeout: 60_000 });
    try {
      const page = await app.firstWindow();
      const userData = await app.evaluate((main) => (main as unknown as MainModule).app.getPath('userData'));
      expect(path.resolve(userData).startsWith(path.resolve(profile) + path.sep), `userData ${userData} is not inside the test's profile`).toBe(true);
      await expect(page).toHaveURL(new RegExp(`^${APP_ENTRY_URL.replace(/[.]/g, '\\.')}`));
      return new DesktopApp(app, page, profile, ownsProfile, binary);
    } catch (error) {
      // Nothing left running or on disk when the start itself fails.
      await app.close().catch(() => undefined);
      if (ownsProfile) await rm(profile, { recursive: true, force: true });
      throw error;
    }
  }

  /** Every window the main process holds, whether or not Playwright attached to it. */
  async windowCount(): Promise<number> {
    return this.app.evaluate((main) => (main as unknown as MainModule).BrowserWindow.getAllWindows().length);
  }

  /** `shell.openExternal` records the URL instead of starting the person's browser. */
  async recordExternalLinks(): Promise<void> {
    await this.app.evaluate((main) => {
      const recorded = globalThis as Recorded;
      recorded.e2eOpenedExternally = [];
      const { shell } = main as unknown as MainModule;
      const record = (url: string) => {
        recorded.e2eOpenedExternally?.push(url);
        return Promise.resolve();
      };
      shell.openExternal = record;
      if (shell.openExternal !== record) throw new Error('shell.openExternal cannot be replaced in this Electron');
    });
  }

  async openedExternally(): Promise<string[]> {
    return this.app.evaluate(() => [...((globalThis as Recorded).e2eOpenedExternally ?? [])]);
  }

  /** The native save dialog answers `filePath` as if the person chose it, and records what it was asked. */
  async answerSaveDialog(filePath: string): Promise<void> {
    await this.app.evaluate((main, chosen) => {
      const recorded = globalThis as Recorded;
      recorded.e2eSaveDialogs = [];
      const { dialog } = main as unknown as MainModule;
      const answer = (...args: unknown[]) => {
        const options = args.find((arg): arg is { defaultPath?: unknown } => typeof arg === 'object' && arg !== null && 'defaultPath' in arg);
        recorded.e2eSaveDialogs?.push({ defaultPath: typeof options?.defaultPath === 'string' ? options.defaultPath : null });
        return Promise.resolve({ canceled: false, filePath: chosen });
      };
      dialog.showSaveDialog = answer;
      if (dialog.showSaveDialog !== answer) throw new Error('dialog.showSaveDialog cannot be replaced in this Electron');
    }, filePath);
  }

  async saveDialogs(): Promise<{ defaultPath: string | null }[]> {
    return this.app.evaluate(() => [...((globalThis as Recorded).e2eSaveDialogs ?? [])]);
  }

  /** From now on, `second-instance` events of this app are counted. */
  async countSecondInstances(): Promise<void> {
    await this.app.evaluate((main) => {
      const recorded = globalThis as Recorded;
      recorded.e2eSecondInstances = 0;
      (main as unknown as MainModule).app.on('second-instance', () => {
        recorded.e2eSecondInstances = (recorded.e2eSecondInstances ?? 0) + 1;
      });
    });
  }

  async secondInstances(): Promise<number> {
    return this.app.evaluate(() => (globalThis as Recorded).e2eSecondInstances ?? 0);
  }

  /**
   * Starts the app again with this profile, outside Playwright, as a person double-clicking the
   * shortcut a second time. A second instance that does not exit by itself within `limit` is ended
   * here and reported as still running, so a broken lock fails the test instead of hanging it.
   */
  launchAgain(limit = 60_000): Promise<{ exitCode: number | null } | 'still running'> {
    const settings = launchSettings(this.binary, this.profile);
    return new Promise((resolve, reject) => {
      const child = spawn(settings.executablePath, settings.args, { cwd: root, env: settings.env, stdio: 'ignore' });
      const guard = setTimeout(() => {
        child.kill();
        resolve('still running');
      }, limit);
      child.once('error', (error) => {
        clearTimeout(guard);
        reject(error);
      });
      child.once('exit', (exitCode) => {
        clearTimeout(guard);
        resolve({ exitCode });
      });
    });
  }

  async signIn(serverUrl: string, username: string, password: string): Promise<void> {
    const { page } = this;
    await page.getByTestId('login-server').fill(serverUrl);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    await this.unlockAutomatically(password);
    await this.expectSynced(180_000);
  }

  /** The lock screen (after a reload, unless the OS keyring holds the key) is answered with this password. */
  async unlockAutomatically(password: string): Promise<void> {
    this.password = password;
    if (this.unlocking) return;
    this.unlocking = true;
    const { page } = this;
    await page.addLocatorHandler(page.getByTestId('lock-screen'), async () => {
      await page.getByTestId('lock-password').fill(this.password ?? '');
      await page.getByTestId('lock-unlock').click();
    });
  }

  async expectSynced(timeout = 60_000): Promise<void> {
    await expect(this.page.getByTestId('sync-last')).toHaveAttribute('data-synced', 'true', { timeout });
    await expect(this.page.getByTestId('sync-pending')).toHaveAttribute('data-count', '0');
  }

  async expectPending(count: number): Promise<void> {
    await expect(this.page.getByTestId('sync-pending')).toHaveAttribute('data-count', String(count));
  }

  /** A route of the app, as its menu would open it: a same-document navigation inside the app. */
  async visit(route: string): Promise<void> {
    await this.page.evaluate((hash) => {
      location.hash = hash;
    }, `#/${route}`);
    await expect(this.page).toHaveURL(`${APP_ENTRY_URL}#/${route}`);
  }

  async close(): Promise<void> {
    await this.app.close();
    if (this.ownsProfile) await rm(this.profile, { recursive: true, force: true });
  }
}

/**
 * A TCP link to the test server that can be cut (connections refused, open ones dropped, the
 * event stream included) and restored on the same port: the app sees the server go away and come
 * back, while the test still reaches the server directly.
 */
export class ServerLink {
  private listener: Server | null = null;
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly target: URL,
    private port: number,
  ) {}

  static async open(targetUrl: string): Promise<ServerLink> {
    const link = new ServerLink(new URL(targetUrl), 0);
    await link.up();
    return link;
  }

  /** The server's address as the app knows it. */
  get url(): string {
    return `${this.target.protocol}//127.0.0.1:${this.port}`;
  }

  async up(): Promise<void> {
    if (this.listener) return;
    const listener = createServer((client) => {
      const upstream = connect(Number(this.target.port), this.target.hostname);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.once('close', () => this.sockets.delete(socket));
        socket.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve, reject) => {
      listener.once('error', reject);
      listener.listen(this.port, '127.0.0.1', () => resolve());
    });
    const address = listener.address();
    if (typeof address === 'object' && address !== null) this.port = address.port;
    this.listener = listener;
  }

  async down(): Promise<void> {
    const listener = this.listener;
    if (!listener) return;
    this.listener = null;
    const closed = new Promise<void>((resolve) => listener.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }

  close(): Promise<void> {
    return this.down();
  }
}
