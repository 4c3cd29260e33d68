// The app's code comes in pieces (renderer/src/app/routes.tsx, lib/lazyPage.ts): the lock screen
// and the page the app opens at load only what they need, so opening the members list after the
// lock screen waits for neither the other pages nor the dashboard's chart library. The charts still
// draw when the dashboard opens.
import { expect, test, type Page } from '@playwright/test';
import { Device } from './support/device';
import { startTestServer, type TestServer } from './support/server';

let server: TestServer;
test.beforeEach(async () => {
  server = await startTestServer();
});
test.afterEach(async () => {
  await server.close();
});

/** The names of the scripts the page has loaded so far (`MembersPage`, `echartsCore`, …), without their hashes. */
function loadedScripts(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((entry) => /\/assets\/([^/]+?)-[\w-]{8}\.js$/.exec(new URL(entry.name).pathname)?.[1])
      .filter((name): name is string => name !== undefined),
  );
}

test('the lock screen and the members list load their own code only; the dashboard loads its charts when opened', async ({ browser }) => {
  test.setTimeout(300_000);
  const device = await Device.open(browser, server.url);
  const { page } = device;
  await device.signIn('staff01', 'demo1234');
  await device.stopUnlockingAutomatically();

  // Opened again straight at the members list: its code loads while the lock screen waits.
  await device.visit('members');
  await page.reload();
  // Generous waits: the password's derivation and the database's opening are slow on a loaded machine.
  await expect(page.getByTestId('lock-screen')).toBeVisible({ timeout: 60_000 });
  await expect.poll(() => loadedScripts(page), { timeout: 60_000 }).toContain('MembersPage');
  const atLock = await loadedScripts(page);
  expect(atLock).not.toContain('echartsCore');
  expect(atLock).not.toContain('HomePage');
  expect(atLock).not.toContain('NeedsPage');

  await page.getByTestId('lock-password').fill('demo1234');
  await page.getByTestId('lock-unlock').click();
  await expect(page.getByTestId('member-table').locator('.ant-table-row').first()).toBeVisible({ timeout: 120_000 });
  const withList = await loadedScripts(page);
  expect(withList).not.toContain('echartsCore');
  expect(withList).not.toContain('HomePage');

  // The dashboard: its page and the chart library load on the way, and the charts draw.
  await page.getByRole('menuitem', { name: '工作台' }).click();
  await expect(page.getByTestId('home-chart-needs').locator('canvas')).toBeVisible({ timeout: 120_000 });
  expect(await loadedScripts(page)).toEqual(expect.arrayContaining(['HomePage', 'echartsCore']));
});
