// The web app runs under the server's Content-Security-Policy (issue 6, security basics): signing
// in, syncing, the service worker, several pages and an Excel export raise no CSP violation, and the
// page cannot be framed.
import { expect, test, type ConsoleMessage } from '@playwright/test';
import { appContentSecurityPolicy } from '../../server/src/http/security';
import { Device } from './support/device';
import { startTestServer, type TestServer } from './support/server';

let server: TestServer;
test.beforeEach(async () => {
  server = await startTestServer();
});
test.afterEach(async () => {
  await server.close();
});

const CSP_TEXT = /Content Security Policy|Refused to (load|execute|apply|connect|frame|create)/i;

test('the app signs in, syncs and shows its pages under the CSP without a violation', async ({ browser }) => {
  test.setTimeout(420_000);
  const device = await Device.open(browser, server.url);
  const { context, page } = device;
  const violations: string[] = [];
  // Violation events of every document the context loads from now on, reported back at once.
  await context.exposeBinding('reportCspViolation', (_source, text: string) => violations.push(text));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportCspViolation: (text: string) => Promise<void> }).reportCspViolation;
      void report(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  const consoleText = (message: ConsoleMessage) => {
    if (CSP_TEXT.test(message.text())) violations.push(`console: ${message.text()}`);
  };
  page.on('console', consoleText);
  page.on('worker', (worker) => worker.on('console', consoleText));

  // Loaded again with the listeners in place.
  const response = await page.reload();
  expect(response?.headers()['content-security-policy']).toBe(appContentSecurityPolicy);
  expect(response?.headers()['x-frame-options']).toBe('DENY');

  // Signing in syncs a community (a staff member's: smaller than the whole street) and lets the
  // service worker take control: its script and precache passed the policy.
  await device.signIn('staff01', 'demo1234');

  for (const route of ['', 'compounds', 'needs', 'members', 'grids', 'reports', 'funds', 'assessment', 'import']) {
    await device.visit(route);
    await expect(page.getByRole('heading', { level: 3 }).first()).toBeVisible();
  }

  // The Excel export loads its own chunk and builds the file in the page.
  await device.visit('members');
  const downloading = page.waitForEvent('download');
  await page.getByTestId('export-xlsx').click();
  expect((await downloading).suggestedFilename()).toMatch(/\.xlsx$/);

  // A reload comes from the service worker's cache, under the same policy.
  await page.reload();
  await expect(page.getByTestId('sync-last')).toBeVisible();

  expect(violations).toEqual([]);
  await context.close();
});

test('another site cannot frame the app', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const blocked: string[] = [];
  page.on('console', (message) => {
    if (CSP_TEXT.test(message.text()) && message.text().includes('frame-ancestors')) blocked.push(message.text());
  });
  // about:blank is another origin than the server: the app must not load inside its frame.
  await page.setContent(`<iframe src="${server.url}/" data-testid="frame"></iframe>`);
  await expect.poll(() => blocked.length).toBeGreaterThan(0);
  const frame = page.frames().find((candidate) => candidate !== page.mainFrame());
  await expect.poll(async () => (frame ? await frame.evaluate(() => document.getElementById('root') !== null).catch(() => false) : false)).toBe(false);
  await context.close();
});
