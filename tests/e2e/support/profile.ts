// A browser profile on disk, as a stolen laptop would give it away: the app in a persistent Chromium
// profile directory of its own, and a search of every file under it for given texts, byte for byte,
// in the encodings a browser stores text in (UTF-8; UTF-16LE and Latin-1 are V8's two string forms,
// which IndexedDB's serialiser writes as they are).
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, expect, type BrowserContext, type LaunchOptions, type Page } from '@playwright/test';

export const encodings = ['utf8', 'utf16le', 'latin1'] as const;
export type Encoding = (typeof encodings)[number];

export interface Found {
  text: string;
  encoding: Encoding;
  file: string;
}

/** Every regular file under `dir`, recursively. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return filesUnder(full);
      return Promise.resolve(entry.isFile() ? [full] : []);
    }),
  );
  return nested.flat();
}

/** Where each text occurs in the files under `dir`, in any of the encodings (Latin-1 only for texts it can encode). */
export async function searchFiles(dir: string, texts: readonly string[]): Promise<Found[]> {
  const needles = texts.flatMap((text) =>
    encodings
      // eslint-disable-next-line no-control-regex -- Latin-1 holds only code points below 256
      .filter((encoding) => encoding !== 'latin1' || /^[\u0000-\u00ff]*$/.test(text))
      .map((encoding) => ({ text, encoding, bytes: Buffer.from(text, encoding) })),
  );
  const found: Found[] = [];
  for (const file of await filesUnder(dir)) {
    let content: Buffer;
    try {
      content = await readFile(file);
    } catch {
      continue; // a lock file or socket that vanished
    }
    for (const needle of needles) {
      if (content.includes(needle.bytes)) found.push({ text: needle.text, encoding: needle.encoding, file: path.relative(dir, file) });
    }
  }
  return found;
}

/** The web app in a persistent profile of its own; `close` leaves the files behind for the search. */
export class ProfileDevice {
  private constructor(
    readonly dir: string,
    readonly context: BrowserContext,
    readonly page: Page,
    private readonly serverUrl: string,
  ) {}

  static async open(launchOptions: LaunchOptions | undefined, serverUrl: string): Promise<ProfileDevice> {
    const dir = await mkdtemp(path.join(tmpdir(), 'encryption-profile-'));
    const context = await chromium.launchPersistentContext(dir, {
      ...launchOptions,
      executablePath: launchOptions?.executablePath ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${serverUrl}/`);
    return new ProfileDevice(dir, context, page, serverUrl);
  }

  async signIn(username: string, password: string): Promise<void> {
    const { page } = this;
    await expect(page.getByTestId('login-server')).toHaveValue(this.serverUrl);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    // After a reload the app asks for the password on its lock screen: the key is never on disk.
    await page.addLocatorHandler(page.getByTestId('lock-screen'), async () => {
      await page.getByTestId('lock-password').fill(password);
      await page.getByTestId('lock-unlock').click();
    });
    await this.expectSynced(180_000);
  }

  /** Online, nothing waiting, the last sync succeeded. */
  async expectSynced(timeout = 60_000): Promise<void> {
    await expect(this.page.getByTestId('sync-last')).toHaveAttribute('data-synced', 'true', { timeout });
    await expect(this.page.getByTestId('sync-pending')).toHaveAttribute('data-count', '0');
  }

  async visit(route: string): Promise<void> {
    await this.page.goto(`${this.serverUrl}/#/${route}`);
  }

  /** A member living in the compound, through its page's form. */
  async addMember(compoundName: string, member: { name: string; idNumber: string; mobile: string }): Promise<void> {
    const { page } = this;
    await this.visit('compounds');
    await page.getByRole('link', { name: compoundName, exact: true }).click();
    await page.getByTestId('compound-member-create').click();
    await page.getByTestId('member-name').fill(member.name);
    await page.getByTestId('member-idnumber').fill(member.idNumber);
    await page.getByTestId('member-mobile').fill(member.mobile);
    await page.getByTestId('member-save').click();
    await expect(page.getByTestId('member-form')).toBeHidden();
  }

  /** Closes the browser, so everything it kept is flushed to the files. */
  async close(): Promise<void> {
    await this.context.close();
  }

  async remove(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}
