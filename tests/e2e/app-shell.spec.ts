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

/**
 * The animating classes (`…-appear-active`, `…-enter-active`) any element took while `action` ran and
 * a dropdown opened. A popup takes its `-prepare` class even without motion, to be placed first.
 */
async function motionWhile(page: Page, action: () => Promise<void>): Promise<string[]> {
  type Watch = { seen: Set<string>; observer: MutationObserver };
  await page.evaluate(() => {
    const seen = new Set<string>();
    const observer = new MutationObserver((records) => {
      for (const record of records) {
        if (!(record.target instanceof Element)) continue;
        for (const name of record.target.classList) if (/-(appear|enter)-active$/.test(name)) seen.add(name);
      }
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] });
    (window as unknown as { motionWatch: Watch }).motionWatch = { seen, observer };
  });
  await action();
  await expect(page.locator('.ant-select-dropdown:visible')).toBeVisible();
  const seen = await page.evaluate(() => {
    const { seen, observer } = (window as unknown as { motionWatch: Watch }).motionWatch;
    observer.disconnect();
    return [...seen];
  });
  await page.keyboard.press('Escape');
  await expect(page.locator('.ant-select-dropdown:visible')).toBeHidden();
  return seen;
}

test('with the system set to reduce motion, dropdowns open without animating; with it unset they animate', async ({ browser }) => {
  test.setTimeout(300_000);
  const device = await Device.open(browser, server.url); // "reduce motion" on
  const { page } = device;
  await device.signIn('staff01', 'demo1234');
  await device.visit('members');
  const filter = page.getByTestId('member-filter-compound');
  expect(await motionWhile(page, () => filter.click())).toEqual([]);

  await page.emulateMedia({ reducedMotion: 'no-preference' });
  expect((await motionWhile(page, () => filter.click())).join(' ')).toMatch(/ant-slide-up-(appear|enter)-active/);
});
