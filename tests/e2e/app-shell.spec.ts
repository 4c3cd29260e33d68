// The signed-in layout as a person sees it: after signing in, and again after a reload's lock
// screen, the side menu, the header's sync status and the page are all there (the layout mounts in
// pieces, one per task: renderer/src/app/layout/AppLayout.tsx). Its look comes from antd's
// prebuilt stylesheet in the app's own colours, with no component styles generated while it runs
// (generating them was a large share of the longest main-thread task after sign-in).
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

const BRAND_RED = 'rgb(183, 28, 28)';

/** `<style>` elements holding rules of a component itself (not only its CSS variables). */
function generatedComponentStyles(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('style')].flatMap((style) => {
      const rule = /[^{}]*\.ant-(btn|menu|table|layout)[{:.\s,[][^{}]*\{[^}]*\}/.exec(style.textContent ?? '');
      return rule ? [rule[0].slice(0, 200)] : [];
    }),
  );
}

async function expectWholeLayout(page: Page): Promise<void> {
  await expect(page.getByTestId('sync-last')).toBeVisible();
  await expect(page.locator('.ant-menu-item-selected')).toHaveText('队伍成员');
  await expect(page.getByTestId('member-table').locator('.ant-table-row').first()).toBeVisible();
  await expect(page.locator('.ant-menu-item-selected')).toHaveCSS('color', BRAND_RED);
}

test('the layout shows its menu, header and page after sign-in and after unlocking, in the app colours, with no styles generated at run time', async ({ browser }) => {
  test.setTimeout(300_000);
  const device = await Device.open(browser, server.url);
  const { page } = device;
  await expect(page.getByTestId('login-submit')).toHaveCSS('background-color', BRAND_RED);
  await expect(page.getByTestId('login-submit')).toHaveCSS('border-top-left-radius', '6px');

  await device.signIn('staff01', 'demo1234');
  await device.visit('members');
  await expectWholeLayout(page);
  expect(await generatedComponentStyles(page)).toEqual([]);

  // A reload opens on the lock screen (answered by the device); the layout mounts again, whole.
  await page.reload();
  await expectWholeLayout(page);
  expect(await generatedComponentStyles(page)).toEqual([]);
});
