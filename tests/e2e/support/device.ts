// One device of the end-to-end tests: a browser context (its own IndexedDB, service worker and
// network) with the web app open, driven the way a person drives it, through the screen.
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';

export class Device {
  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    private readonly serverUrl: string,
  ) {}

  static async open(browser: Browser, serverUrl: string): Promise<Device> {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${serverUrl}/`);
    return new Device(context, page, serverUrl);
  }

  async signIn(username: string, password: string): Promise<void> {
    const { page } = this;
    await expect(page.getByTestId('login-server')).toHaveValue(this.serverUrl);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    // The first sync of a whole community: slow on a loaded machine, not a timing assertion.
    await this.expectSynced(180_000);
    // The web app opens without a network only once its service worker controls the page.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  }

  /** Online, nothing waiting, the last sync succeeded. */
  async expectSynced(timeout = 60_000): Promise<void> {
    await expect(this.page.getByTestId('sync-last')).toHaveAttribute('data-synced', 'true', { timeout });
    await expect(this.page.getByTestId('sync-pending')).toHaveAttribute('data-count', '0');
  }

  async goOffline(): Promise<void> {
    await this.context.setOffline(true);
    await expect(this.page.getByTestId('sync-online')).toHaveAttribute('data-online', 'false');
  }

  async goOnline(): Promise<void> {
    await this.context.setOffline(false);
    await expect(this.page.getByTestId('sync-online')).toHaveAttribute('data-online', 'true');
  }

  async expectPending(count: number): Promise<void> {
    await expect(this.page.getByTestId('sync-pending')).toHaveAttribute('data-count', String(count));
  }

  async visit(route: string): Promise<void> {
    await this.page.goto(`${this.serverUrl}/#/${route}`);
  }

  async createCompound(name: string, residents: number): Promise<void> {
    const { page } = this;
    await this.visit('compounds');
    await page.getByTestId('compound-create').click();
    await page.getByTestId('compound-name').fill(name);
    await page.getByTestId('compound-residents').fill(String(residents));
    await page.getByTestId('compound-save').click();
    await expect(page.getByTestId('compound-form')).toBeHidden();
    await this.openCompound(name);
  }

  async openCompound(name: string): Promise<void> {
    await this.visit('compounds');
    await this.page.getByRole('link', { name, exact: true }).click();
    await expect(this.page.getByTestId('building-table')).toBeVisible();
  }

  /** On a compound's page. */
  async addBuilding(name: string): Promise<void> {
    const { page } = this;
    await page.getByTestId('building-create').click();
    await page.getByTestId('building-name').fill(name);
    await page.getByTestId('building-save').click();
    await expect(page.getByTestId('building-form')).toBeHidden();
    await expect(page.getByTestId('building-table')).toContainText(name);
  }

  /** On a compound's page: a member living in it. */
  async addMember(member: { name: string; idNumber: string; mobile: string }): Promise<void> {
    const { page } = this;
    await page.getByTestId('compound-member-create').click();
    await page.getByTestId('member-name').fill(member.name);
    await page.getByTestId('member-idnumber').fill(member.idNumber);
    await page.getByTestId('member-mobile').fill(member.mobile);
    await page.getByTestId('member-save').click();
    await expect(page.getByTestId('member-form')).toBeHidden();
  }

  async editMember(id: string, field: 'member-mobile' | 'member-workunit', value: string): Promise<void> {
    const { page } = this;
    await this.visit(`members/${id}`);
    const input = page.getByTestId(field);
    await expect(input).toBeEditable();
    await input.fill(value);
    await page.getByTestId('member-save').click();
    await expect(page.getByTestId('member-form')).toBeHidden();
  }

  /** The member's edit form shows these values. */
  async expectMember(id: string, values: Partial<Record<'member-mobile' | 'member-workunit' | 'member-name', string>>): Promise<void> {
    await this.visit(`members/${id}`);
    for (const [testId, value] of Object.entries(values)) await expect(this.page.getByTestId(testId)).toHaveValue(value);
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}
