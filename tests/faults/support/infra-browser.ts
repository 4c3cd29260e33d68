// The web app in Chromium for the page-close scenario, driven through Playwright's library from
// vitest (not the Playwright runner): a persistent profile, so that closing the whole browser and
// starting it again keeps the device's IndexedDB and service worker, as a real laptop would.
import { existsSync } from 'node:fs';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../chromium';

export const CHROMIUM = CHROMIUM_PATH;
export const chromiumMissing = (): string | null => (existsSync(CHROMIUM) ? null : `no Chromium at ${CHROMIUM} (set CHROMIUM_PATH, or apt-get install chromium)`);

export async function launchProfile(userDataDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    args: [...CHROMIUM_ARGS],
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
}

const byTestId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);

/** One compound as the device's compound list shows it. */
export interface ListedCompound {
  id: string;
  name: string;
  text: string;
}

export class AppPage {
  constructor(
    readonly page: Page,
    private readonly serverUrl: string,
    private readonly username: string,
    private readonly password: string,
  ) {}

  /** Opens the app and gets past whatever stands before it: the lock screen, or the login page. */
  static async open(context: BrowserContext, serverUrl: string, username: string, password: string): Promise<AppPage> {
    const page = context.pages()[0] ?? (await context.newPage());
    const app = new AppPage(page, serverUrl, username, password);
    await page.goto(`${serverUrl}/`);
    await app.settle();
    return app;
  }

  /** What `settle` passed through, in order: 'lock screen', 'login page'. */
  readonly steps: string[] = [];

  /** Until the app's own header shows: types the password on the lock screen, signs in on the login page. */
  async settle(timeoutMs = 120_000): Promise<void> {
    const { page } = this;
    const deadline = Date.now() + timeoutMs;
    const quick = { timeout: 5_000 };
    while (Date.now() < deadline) {
      if (await byTestId(page, 'sync-online').isVisible()) return;
      try {
        if (await byTestId(page, 'lock-screen').isVisible()) {
          this.steps.push('lock screen');
          await byTestId(page, 'lock-password').fill(this.password, quick);
          await byTestId(page, 'lock-unlock').click(quick);
          await byTestId(page, 'lock-screen').waitFor({ state: 'hidden', timeout: 30_000 });
        } else if (await byTestId(page, 'login-submit').isVisible()) {
          this.steps.push('login page');
          const server = byTestId(page, 'login-server');
          if ((await server.inputValue(quick)) !== this.serverUrl) await server.fill(this.serverUrl, quick);
          await byTestId(page, 'login-username').fill(this.username, quick);
          await byTestId(page, 'login-password').fill(this.password, quick);
          await byTestId(page, 'login-submit').click(quick);
          await byTestId(page, 'login-submit').waitFor({ state: 'hidden', timeout: 30_000 });
        }
      } catch {
        // The screen changed under us (it was still loading): look again.
      }
      await page.waitForTimeout(300);
    }
    throw new Error(`the app did not open within ${timeoutMs} ms: ${(await page.locator('body').innerText()).slice(0, 500)}`);
  }

  /** Online, nothing waiting, the last sync succeeded. */
  async waitSynced(timeoutMs = 180_000): Promise<void> {
    await this.page.locator('[data-testid="sync-last"][data-synced="true"]').waitFor({ timeout: timeoutMs });
    await this.page.locator('[data-testid="sync-pending"][data-count="0"]').waitFor({ timeout: timeoutMs });
  }

  async waitServiceWorker(): Promise<void> {
    await this.page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });
  }

  async pending(): Promise<number> {
    return Number(await byTestId(this.page, 'sync-pending').getAttribute('data-count'));
  }

  async showCompounds(): Promise<void> {
    await this.page.goto(`${this.serverUrl}/#/compounds`);
    await this.settle();
    await byTestId(this.page, 'compound-create').waitFor();
  }

  /** Fills the new-compound form and presses save; `acknowledged` waits for the row in the list. */
  async createCompound(name: string, residents: number, wait: 'acknowledged' | 'no'): Promise<void> {
    const { page } = this;
    await byTestId(page, 'compound-create').click();
    await byTestId(page, 'compound-name').fill(name);
    await byTestId(page, 'compound-residents').fill(String(residents));
    await byTestId(page, 'compound-save').click();
    if (wait === 'no') return;
    await byTestId(page, 'compound-form').waitFor({ state: 'hidden' });
    await page.locator('tr[data-row-key]', { hasText: name }).first().waitFor();
  }

  /** The list once `done` holds for it (it loads after the page shows), or as it is after `timeoutMs`. */
  async listedCompoundsWhen(done: (rows: ListedCompound[]) => boolean, timeoutMs = 20_000): Promise<ListedCompound[]> {
    const deadline = Date.now() + timeoutMs;
    let rows = await this.listedCompounds();
    while (!done(rows) && Date.now() < deadline) {
      await this.page.waitForTimeout(300);
      rows = await this.listedCompounds();
    }
    return rows;
  }

  /** Every compound row of the list (the list is not paged). */
  async listedCompounds(): Promise<ListedCompound[]> {
    return this.page.locator('tr[data-row-key]').evaluateAll((rows) =>
      rows.map((row) => ({
        id: row.getAttribute('data-row-key') ?? '',
        name: row.querySelector('a')?.textContent ?? '',
        text: row.textContent ?? '',
      })),
    );
  }
}
