// The street admin's account and device pages (账号管理, 设备管理), driven through the screen.
import { expect, type Locator, type Page } from '@playwright/test';
import type { Device } from './device';
import { choose } from './select';

export class AdminPages {
  constructor(private readonly device: Device) {}

  /**
   * Signs the admin in without waiting for the whole street's first sync (minutes on a loaded
   * machine): these pages talk to the server directly and need none of it.
   */
  static async signIn(device: Device, username: string, password: string): Promise<AdminPages> {
    const { page } = device;
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    await device.unlockAutomatically(password);
    await expect(page.getByTestId('sync-online')).toHaveAttribute('data-online', 'true', { timeout: 60_000 });
    return new AdminPages(device);
  }

  private get page(): Page {
    return this.device.page;
  }

  /** 设备管理, narrowed to one account's devices. */
  async openDevicesOf(username: string): Promise<void> {
    await this.device.visit('devices');
    await expect(this.page.getByTestId('devices-table')).toBeVisible();
    const label = `（${username}）`;
    await choose(this.page, 'device-user-filter', label, {
      option: this.page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label }).first(),
    });
  }

  /** The table rows of the devices shown, in the page's order. */
  deviceRows(): Locator {
    return this.page.getByTestId('devices-table').locator('tbody tr.ant-table-row');
  }

  /** The id of each device shown that can still be revoked. */
  async devicesInUse(): Promise<string[]> {
    const buttons = await this.page.locator('[data-testid^="device-revoke-"]').all();
    return Promise.all(buttons.map(async (button) => ((await button.getAttribute('data-testid')) ?? '').replace('device-revoke-', '')));
  }

  async revokeDevice(deviceId: string): Promise<void> {
    await this.page.getByTestId(`device-revoke-${deviceId}`).click();
    await expect(this.page.getByRole('dialog')).toContainText('下次联网时会立即删除本机保存的本服务器全部数据');
    await this.page.getByTestId('device-revoke-ok').click();
    await expect(this.page.getByTestId(`device-revoked-${deviceId}`)).toBeVisible();
  }

  async openAccounts(): Promise<void> {
    await this.device.visit('accounts');
    await expect(this.page.getByTestId('accounts-table')).toBeVisible();
  }

  /** On 账号管理: opens the new-account form and fills it for community staff of one community. */
  async fillNewAccount(account: { username: string; displayName: string; community: string; password: string }): Promise<void> {
    const { page } = this;
    await page.getByTestId('account-new').click();
    await expect(page.getByTestId('account-form')).toBeVisible();
    await page.getByTestId('account-username').fill(account.username);
    await page.getByTestId('account-displayname').fill(account.displayName);
    await choose(page, 'account-communities', account.community);
    await page.getByTestId('account-password').fill(account.password);
  }

  accountRow(username: string): Locator {
    return this.page.getByTestId('accounts-table').locator('tbody tr', { has: this.page.getByRole('cell', { name: username, exact: true }) });
  }

  /** Resets the password and reads it from the dialog that shows it once. */
  async resetPassword(username: string): Promise<string> {
    const { page } = this;
    await page.getByTestId(`account-password-${username}`).click();
    await page.getByTestId('account-password-ok').click();
    const value = page.getByTestId('account-password-value');
    await expect(value).toBeVisible();
    const password = (await value.textContent()) ?? '';
    await page.getByTestId('account-password-close').click();
    await expect(value).toBeHidden();
    return password;
  }

  async disable(username: string): Promise<void> {
    await this.page.getByTestId(`account-disable-${username}`).click();
    await this.page.getByTestId('account-disable-ok').click();
    await expect(this.page.getByTestId(`account-state-${username}`)).toHaveAttribute('data-state', 'disabled');
  }
}
