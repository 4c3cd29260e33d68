// Offline login (issue 6): after one online login a staff member signs in on the same device with
// no network and sees their data; five wrong passwords in a row lock the local data until an
// online login; the app opens on the lock screen after a reload and locks itself after the
// street's minutes without input (Playwright's clock passes the time).
import { expect, test, type Page } from '@playwright/test';
import { Device } from './support/device';
import { startTestServer, type TestServer } from './support/server';

const PASSWORD = 'demo1234';

let server: TestServer;
test.beforeEach(async () => {
  server = await startTestServer();
});
test.afterEach(async () => {
  await server.close();
});

async function signOut(page: Page): Promise<void> {
  await page.getByTestId('sign-out').click();
  await expect(page.getByTestId('login-submit')).toBeVisible();
}

/** On the login page: this device's account, picked from the list, with a password. */
async function signInAs(page: Page, username: string, password: string): Promise<void> {
  await page.getByTestId(`login-known-user-${username}`).click();
  await expect(page.getByTestId('login-username')).toHaveValue(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

test('signs in offline after an online login, locks after wrong passwords and after inactivity', async ({ browser }) => {
  // Two first syncs of a community and a dozen key derivations: slow on a loaded machine.
  test.setTimeout(600_000);
  const staff = await server.signIn('staff01', PASSWORD);
  const compound = (await staff.all('compounds')).find((doc) => !doc._deleted);
  if (!compound) throw new Error('staff01 sees no compound');

  const device = await Device.open(browser, server.url);
  const { page } = device;
  await device.signIn('staff01', PASSWORD);
  await device.visit('compounds');
  await expect(page.getByRole('link', { name: compound.name, exact: true })).toBeVisible();
  await signOut(page);

  // No network: the login page offers the account that has data here, and the vault opens it.
  await device.goOffline();
  await signInAs(page, 'staff01', PASSWORD);
  await expect(page.getByTestId('login-offline-notice')).toHaveText('离线登录：数据将在联网后同步');
  await expect(page.getByTestId('current-user')).toContainText(staff.user.displayName);
  await device.visit('compounds');
  await expect(page.getByRole('link', { name: compound.name, exact: true })).toBeVisible();
  await signOut(page);

  // Five wrong passwords in a row: the local data locks; the right one no longer opens it offline.
  for (let left = 4; left >= 1; left -= 1) {
    await signInAs(page, 'staff01', `wrong-${left}`);
    await expect(page.getByTestId('login-error')).toContainText(`还可再试 ${left} 次`);
  }
  await signInAs(page, 'staff01', 'wrong-0');
  await expect(page.getByTestId('login-error')).toContainText('连续 5 次密码错误，本机数据已锁定');
  await signInAs(page, 'staff01', PASSWORD);
  await expect(page.getByTestId('login-error')).toContainText('请连接街道办服务器后在线登录');
  await expect(page.getByTestId('current-user')).toBeHidden();

  // Online again: an online login opens the same data.
  await device.goOnline();
  await device.signIn('staff01', PASSWORD);
  await expect(page.getByTestId('login-offline-notice')).toBeHidden();
  await device.visit('compounds');
  await expect(page.getByRole('link', { name: compound.name, exact: true })).toBeVisible();

  // A reload opens on the lock screen of the last user; the password opens the data again.
  await device.stopUnlockingAutomatically();
  await page.clock.install();
  await page.reload();
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  await expect(page.getByTestId('lock-screen')).toContainText(staff.user.displayName);
  await page.getByTestId('lock-password').fill('not-the-password');
  await page.getByTestId('lock-unlock').click();
  await expect(page.getByTestId('lock-error')).toContainText('还可再试 4 次');
  await page.getByTestId('lock-password').fill(PASSWORD);
  await page.getByTestId('lock-unlock').click();
  await expect(page.getByTestId('lock-screen')).toBeHidden();
  await expect(page.getByRole('link', { name: compound.name, exact: true })).toBeVisible();

  // Fourteen minutes without input: still open; past the street's fifteen (the default): locked.
  await page.clock.fastForward('14:00');
  await expect(page.getByTestId('lock-screen')).toBeHidden();
  await page.clock.fastForward('02:00');
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  await expect(page.getByTestId('current-user')).toBeHidden();
  await page.getByTestId('lock-password').fill(PASSWORD);
  await page.getByTestId('lock-unlock').click();
  await expect(page.getByTestId('lock-screen')).toBeHidden();
  await expect(page.getByRole('link', { name: compound.name, exact: true })).toBeVisible();

  // The person locks it; "切换用户" leaves for the login page, the account still listed there.
  await page.getByTestId('user-menu-lock').click();
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  await page.getByTestId('lock-switch-user').click();
  await expect(page.getByTestId('login-known-user-staff01')).toBeVisible();

  await device.close();
});
