// One device of the end-to-end tests: a browser context (its own IndexedDB, service worker and
// network) with the web app open, driven the way a person drives it, through the screen. After a
// reload the app shows its lock screen (the data key is never on disk): the device types the
// password of its last sign-in there, as the person would, unless a test turns that off.
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';

export class Device {
  /** The password of the last sign-in, typed on the lock screen whenever it shows. */
  private password: string | undefined;
  private unlocking = false;

  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    private readonly serverUrl: string,
  ) {}

  /**
   * With the system's "reduce motion" on, as people who find animations distracting set it: dialogs
   * and dropdowns open in place at once. Animated, a dialog's button can be clicked while it is still
   * growing from a point and the click lands beside it (seen on a loaded machine: a confirmation
   * that stayed open). app-shell.spec.ts checks the app both ways.
   */
  static async open(browser: Browser, serverUrl: string): Promise<Device> {
    const context = await browser.newContext({ reducedMotion: 'reduce' });
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
    await this.unlockAutomatically(password);
    // The first sync of a whole community: slow on a loaded machine, not a timing assertion.
    await this.expectSynced(180_000);
    // The web app opens without a network only once its service worker controls the page.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  }

  /** From now on, the lock screen is answered with this password before every action and check. */
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

  /** For tests of the lock screen itself: it stays until the test answers it. */
  async stopUnlockingAutomatically(): Promise<void> {
    if (!this.unlocking) return;
    this.unlocking = false;
    await this.page.removeLocatorHandler(this.page.getByTestId('lock-screen'));
  }

  /** Online, nothing waiting, the last sync succeeded. */
  async expectSynced(timeout = 60_000): Promise<void> {
    await expect(this.page.getByTestId('sync-last')).toHaveAttribute('data-synced', 'true', { timeout });
    await expect(this.page.getByTestId('sync-pending')).toHaveAttribute('data-count', '0');
  }

  /** Signed in, the header says so; on the login page there is no header to ask. */
  async goOffline(): Promise<void> {
    await this.context.setOffline(true);
    if (await this.signedIn()) await expect(this.page.getByTestId('sync-online')).toHaveAttribute('data-online', 'false');
  }

  async goOnline(): Promise<void> {
    await this.context.setOffline(false);
    if (await this.signedIn()) await expect(this.page.getByTestId('sync-online')).toHaveAttribute('data-online', 'true');
  }

  private async signedIn(): Promise<boolean> {
    return (await this.page.getByTestId('login-submit').count()) === 0;
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
