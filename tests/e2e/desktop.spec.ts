// The desktop app itself, where an Electron binary is installed (issue 8): it opens one hardened
// window on the built web app from its own protocol (no Node in the page, the preload's bridge in
// place, the CSP in force), signs in to a real server, keeps an edit made while the server is out
// of reach and sends it once the server is back, and stays a single instance. Elsewhere (as on
// machines that cannot download Electron) every test here skips and the run says why; the shell's
// wiring is covered there by electron/test against a fake Electron.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { DesktopApp, ServerLink, root } from './support/desktop';
import { electronBinary, noElectronReason } from './support/electron';
import { startTestServer, type TestServer } from './support/server';

const PASSWORD = 'demo1234';
const binary = electronBinary() ?? '';

test.skip(binary === '', noElectronReason);
// Building the shell, starting Electron and a first sync: slow on a loaded machine, not a timing assertion.
test.describe.configure({ timeout: 300_000 });

let server: TestServer;
test.beforeEach(async () => {
  server = await startTestServer();
});
test.afterEach(async () => {
  await server.close();
});

test('the desktop app opens one hardened window and signs in to the street office server', async () => {
  const desktop = await DesktopApp.launch(binary);
  try {
    const { page } = desktop;
    await expect(page.getByTestId('login-server')).toBeVisible();
    expect(desktop.app.windows()).toHaveLength(1);
    expect(await desktop.windowCount()).toBe(1);

    // No Node in the page; the bridge and nothing else; the bridge answers over IPC.
    const version = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
    expect(
      await page.evaluate(async () => {
        const scope = window as unknown as Record<string, unknown>;
        const desktop = scope.desktop as { kind?: unknown; appVersion?: () => Promise<string> } | undefined;
        return {
          require: typeof scope.require,
          process: typeof scope.process,
          module: typeof scope.module,
          bridge: typeof desktop,
          kind: desktop?.kind,
          ipcRenderer: desktop !== undefined && 'ipcRenderer' in desktop,
          version: await desktop?.appVersion?.(),
        };
      }),
    ).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined', bridge: 'object', kind: 'electron', ipcRenderer: false, version });

    // The CSP is in force: the page's own answer carries it, and neither an injected inline script
    // nor eval runs.
    const csp = await page.evaluate(async () => {
      const header = (await fetch(location.href)).headers.get('content-security-policy');
      const script = document.createElement('script');
      script.textContent = 'document.documentElement.dataset.e2eInline = "ran"';
      document.head.append(script);
      let evalRan = false;
      try {
        evalRan = (0, eval)('true') === true;
      } catch {
        evalRan = false;
      }
      return { header, inline: document.documentElement.dataset.e2eInline ?? 'refused', evalRan };
    });
    expect(csp.header).toContain("script-src 'self'");
    expect(csp.header).not.toContain('unsafe-eval');
    expect(csp).toMatchObject({ inline: 'refused', evalRan: false });

    await desktop.signIn(server.url, 'staff01', PASSWORD);
    await expect(page.getByTestId('conflicts-badge')).toHaveAttribute('data-count', '0');
    expect(await desktop.windowCount()).toBe(1);
  } finally {
    await desktop.close();
  }
});

test('an edit made while the server is out of reach survives a restart of the window and reaches the server when it is back', async () => {
  const api = await server.signIn('staff01', PASSWORD);
  const compound = (await api.all('compounds')).find((doc) => !doc._deleted && api.user.communityIds.includes(doc.communityId));
  if (!compound) throw new Error('staff01 has no compound');
  const residents = compound.residentCount + 12;
  const link = await ServerLink.open(server.url);
  let desktop: DesktopApp | undefined;
  try {
    desktop = await DesktopApp.launch(binary);
    const { page } = desktop;
    await desktop.signIn(link.url, 'staff01', PASSWORD);

    // In a compound without a network: the server is gone, the edit is kept locally.
    await link.down();
    await desktop.visit(`compounds/${compound.id}`);
    await page.getByTestId('compound-edit').click();
    await expect(page.getByTestId('compound-residents')).toHaveValue(String(compound.residentCount));
    await page.getByTestId('compound-residents').fill(String(residents));
    await page.getByTestId('compound-save').click();
    await expect(page.getByTestId('compound-form')).toBeHidden();
    await desktop.expectPending(1);

    // The window reloads (as after a restart) with the server still gone: the app comes from its
    // own protocol, the lock screen takes the password, and the edit is still waiting.
    await page.reload();
    await desktop.expectPending(1);
    await page.getByTestId('compound-edit').click();
    await expect(page.getByTestId('compound-residents')).toHaveValue(String(residents));
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('compound-form')).toBeHidden();
    const onServer = (await api.all('compounds')).find((doc) => doc.id === compound.id);
    expect(onServer?.residentCount).toBe(compound.residentCount);

    // Back in reach: "sync now" sends it, and the server holds it.
    await link.up();
    await page.getByTestId('sync-now').click();
    await desktop.expectSynced();
    await expect.poll(async () => (await api.all('compounds')).find((doc) => doc.id === compound.id)?.residentCount).toBe(residents);
  } finally {
    await desktop?.close();
    await link.close();
  }
});

test('a second launch exits and brings the first window to the front', async () => {
  const desktop = await DesktopApp.launch(binary);
  try {
    await expect(desktop.page.getByTestId('login-server')).toBeVisible();
    await desktop.countSecondInstances();
    // The same profile, as a second double-click on the shortcut would use.
    expect(await desktop.launchAgain()).toEqual({ exitCode: 0 });
    await expect.poll(() => desktop.secondInstances()).toBe(1);
    expect(await desktop.windowCount()).toBe(1);
    expect(desktop.app.windows()).toHaveLength(1);
  } finally {
    await desktop.close();
  }
});
