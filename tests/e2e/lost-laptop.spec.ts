// A lost laptop (issue 6): the street admin revokes it on 设备管理, and on its next contact the
// laptop deletes every local database of that server and says why; signing in again makes a new
// device. Disabling an account or resetting its password stops that person's open app at its next
// contact, with a notice, and only the new password signs in again.
import { expect, test, type Page } from '@playwright/test';
import { AdminPages } from './support/admin';
import { Device } from './support/device';
import { ADMIN, COMMUNITY, COMPOUNDS, STAFF, startSmallStreet } from './support/small-street';
import type { RunningServer } from '../../server/src/server';

// Two or three browsers at once, each syncing on a shared, loaded machine.
test.setTimeout(360_000);

let server: RunningServer;
test.beforeEach(async () => {
  server = await startSmallStreet();
});
test.afterEach(async () => {
  await server.close();
});

const databaseNames = (page: Page) => page.evaluate(async () => (await indexedDB.databases()).map((db) => db.name ?? ''));

test('a revoked laptop wipes its local data at its next contact and signs in again only as a new device', async ({ browser }) => {
  const laptop = await Device.open(browser, server.url);
  await laptop.signIn(STAFF.username, STAFF.password);
  await laptop.visit('compounds');
  for (const name of COMPOUNDS) await expect(laptop.page.getByRole('link', { name, exact: true })).toBeVisible();
  const before = await databaseNames(laptop.page);
  expect(before.length).toBeGreaterThan(0);

  // The laptop is lost somewhere without a network.
  await laptop.goOffline();

  const office = await Device.open(browser, server.url);
  const admin = await AdminPages.signIn(office, ADMIN.username, ADMIN.password);
  await admin.openDevicesOf(STAFF.username);
  const [lost, ...others] = await admin.devicesInUse();
  expect(others).toEqual([]);
  if (lost === undefined) throw new Error(`${STAFF.username} has no device in use`);
  await admin.revokeDevice(lost);

  // Back on a network: the first answer it gets is `device_revoked`.
  // (The app may sign out at once, so the header that says "online" is not waited for.)
  await laptop.context.setOffline(false);
  await expect(laptop.page.getByTestId('login-notice')).toContainText('此设备已被街道管理员停用', { timeout: 60_000 });
  await expect(laptop.page.getByTestId('login-notice')).toContainText('已删除');
  // Every IndexedDB database the laptop held is gone (deletion may finish just after the notice).
  await expect.poll(async () => (await databaseNames(laptop.page)).filter((name) => before.includes(name))).toEqual([]);

  // The person signs in again: a new device, with the community's data pulled afresh.
  await laptop.signIn(STAFF.username, STAFF.password);
  await laptop.visit('compounds');
  for (const name of COMPOUNDS) await expect(laptop.page.getByRole('link', { name, exact: true })).toBeVisible();
  // The admin's page is still open: 刷新 shows the new device beside the revoked one.
  await office.page.getByTestId('devices-reload').click();
  await expect(admin.deviceRows()).toHaveCount(2);
  await expect(office.page.getByTestId(`device-revoked-${lost}`)).toBeVisible();
  const inUse = await admin.devicesInUse();
  expect(inUse).toHaveLength(1);
  expect(inUse).not.toContain(lost);

  await laptop.close();
  await office.close();
});

test('a reset password and a disabled account stop the person’s open app at its next contact', async ({ browser }) => {
  const office = await Device.open(browser, server.url);
  const admin = await AdminPages.signIn(office, ADMIN.username, ADMIN.password);
  await admin.openAccounts();
  // The server refuses a username already taken: its Chinese message shows on the field, and
  // nothing typed is lost.
  const account = { username: STAFF.username, displayName: '周晓梅', community: COMMUNITY, password: 'first-pass-1' };
  await admin.fillNewAccount(account);
  await office.page.getByTestId('account-save').click();
  await expect(office.page.getByTestId('account-form')).toContainText('该用户名已被使用');
  await office.page.getByTestId('account-username').fill('gridworker1');
  await office.page.getByTestId('account-save').click();
  await expect(office.page.getByTestId('account-form')).toBeHidden();
  await expect(admin.accountRow('gridworker1')).toContainText(COMMUNITY);
  await expect(admin.accountRow('gridworker1')).toContainText('从未');

  const worker = await Device.open(browser, server.url);
  await worker.signIn('gridworker1', 'first-pass-1');

  // A reset password ends the sessions: the open app stops syncing and asks to sign in again.
  await admin.openAccounts();
  const newPassword = await admin.resetPassword('gridworker1');
  expect(newPassword.length).toBeGreaterThanOrEqual(8);
  await worker.page.reload(); // its next contact, whether or not its event stream noticed first
  await expect(worker.page.getByTestId('session-expired')).toBeVisible({ timeout: 60_000 });
  await worker.page.getByTestId('session-expired').getByRole('button').click();
  await worker.page.getByTestId('login-password').fill('first-pass-1');
  await worker.page.getByTestId('login-submit').click();
  await expect(worker.page.getByTestId('login-error')).toContainText('用户名或密码错误');
  await worker.signIn('gridworker1', newPassword);

  // Disabled: the open app stops at its next contact; signing in again is refused with the reason.
  await admin.openAccounts();
  await admin.disable('gridworker1');
  await worker.page.reload(); // its next contact, whether or not its event stream noticed first
  await expect(worker.page.getByTestId('session-expired')).toBeVisible({ timeout: 60_000 });
  await worker.page.getByTestId('session-expired').getByRole('button').click();
  await worker.page.getByTestId('login-password').fill(newPassword);
  await worker.page.getByTestId('login-submit').click();
  await expect(worker.page.getByTestId('login-error')).toContainText('该账号已停用');

  await worker.close();
  await office.close();
});
