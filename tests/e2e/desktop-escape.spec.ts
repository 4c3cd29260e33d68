// The escape test (issue 8, Electron's security checklist): from inside the app's window, every way
// out is tried — a link with target=_blank, window.open, setting location to a web page, a redirect,
// and file:// — and each is refused: the window stays on the app, no second window opens, and web
// addresses (only those) are handed to the person's own browser, which the main process's
// `shell.openExternal` records here instead of starting. Skips, saying why, where no Electron binary
// is installed.
import { createServer, type Server } from 'node:http';
import { expect, test, type Page } from '@playwright/test';
import { APP_ORIGIN, DesktopApp } from './support/desktop';
import { electronBinary, noElectronReason } from './support/electron';

const binary = electronBinary() ?? '';

test.skip(binary === '', noElectronReason);
// Building the shell, starting Electron and a first sync: slow on a loaded machine, not a timing assertion.
test.describe.configure({ timeout: 300_000 });

/** A web server whose every answer redirects out to another site. */
async function redirectingServer(): Promise<{ url: string; hits: () => number; close: () => Promise<void> }> {
  let hits = 0;
  const server: Server = createServer((_request, response) => {
    hits += 1;
    response.writeHead(302, { location: 'https://example.com/redirected' }).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    hits: () => hits,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function expectStillTheApp(page: Page): Promise<void> {
  await expect(page).toHaveURL(new RegExp(`^${APP_ORIGIN}/`));
  await expect(page.getByTestId('login-server')).toBeVisible();
}

test('every way out of the window is refused; web links go to the browser, nothing else anywhere', async () => {
  const redirect = await redirectingServer();
  let desktop: DesktopApp | undefined;
  try {
    const launched = await DesktopApp.launch(binary);
    desktop = launched;
    const { app, page } = launched;
    const newWindows: string[] = [];
    app.on('window', (opened) => newWindows.push(opened.url()));
    await desktop.recordExternalLinks();
    await expectStillTheApp(page);
    const external = () => launched.openedExternally();

    // file:// is no web address: not loaded in the window, not opened in a window, not handed on.
    await page.evaluate(() => {
      location.href = 'file:///etc/passwd';
    });
    await expectStillTheApp(page);
    expect(await page.evaluate(() => window.open('file:///etc/passwd') === null)).toBe(true);
    await expectStillTheApp(page);

    // A link with target=_blank: no new window; the address goes to the browser.
    await page.evaluate(() => {
      const link = document.createElement('a');
      link.href = 'https://example.com/blank';
      link.target = '_blank';
      link.textContent = '外部链接';
      link.dataset.testid = 'e2e-external-link';
      document.body.append(link);
    });
    await page.getByTestId('e2e-external-link').click();
    await expect.poll(external).toEqual(['https://example.com/blank']);
    await expectStillTheApp(page);

    // window.open: refused (the page gets no window back), the address goes to the browser.
    expect(await page.evaluate(() => window.open('https://example.com/popup') === null)).toBe(true);
    await expect.poll(external).toEqual(['https://example.com/blank', 'https://example.com/popup']);
    await expectStillTheApp(page);

    // The window itself sent to a web page: it stays, the address goes to the browser.
    await page.evaluate(() => {
      location.href = 'https://example.com/';
    });
    await expect.poll(external).toEqual(['https://example.com/blank', 'https://example.com/popup', 'https://example.com/']);
    await expectStillTheApp(page);

    // The same for a page that would redirect: the window never asks it (the browser may).
    await page.evaluate((url) => {
      location.href = url;
    }, `${redirect.url}/out`);
    await expect.poll(external).toEqual(['https://example.com/blank', 'https://example.com/popup', 'https://example.com/', `${redirect.url}/out`]);
    await expectStillTheApp(page);
    expect(redirect.hits()).toBe(0);

    // A navigation that does reach a server (started from outside the page, as only a test can)
    // is stopped at its redirect out of the app.
    // (Playwright reports the stopped navigation as an error: what counts is where the window is.)
    await page.goto(`${redirect.url}/in`, { timeout: 30_000 }).catch(() => undefined);
    await expectStillTheApp(page);

    // After all of it: one window, nothing new, no file handed to the operating system.
    expect(newWindows).toEqual([]);
    expect(app.windows()).toHaveLength(1);
    expect(await desktop.windowCount()).toBe(1);
    expect((await external()).filter((url) => !url.startsWith('https://') && !url.startsWith(redirect.url))).toEqual([]);
    expect(await page.locator('body').textContent()).not.toContain('root:');
  } finally {
    await desktop?.close();
    await redirect.close();
  }
});
