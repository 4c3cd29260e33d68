// The desktop app itself, where an Electron binary is installed: it opens the built web app from its
// own protocol, with no Node in the page and the preload's bridge in place, and signs in to a real
// server. Elsewhere (as on machines that cannot download Electron) it skips and says why; the shell's
// wiring is covered there by electron/test against a fake Electron.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test } from '@playwright/test';
import { electronBinary, noElectronReason } from './support/electron';
import { startTestServer } from './support/server';

const root = fileURLToPath(new URL('../..', import.meta.url));

const binary = electronBinary();

test.skip(binary === null, noElectronReason);

test('the desktop app opens hardened and signs in to the street office server', async () => {
  execFileSync('npm', ['run', 'build:electron'], { cwd: root, stdio: 'inherit' });
  const server = await startTestServer();
  const app = await electron.launch({ executablePath: binary ?? '', args: ['.'], cwd: root });
  try {
    const page = await app.firstWindow();
    await expect(page.getByTestId('login-server')).toBeVisible();
    expect(await page.evaluate(() => ({ node: typeof (window as { require?: unknown }).require, bridge: typeof (window as { desktop?: unknown }).desktop }))).toEqual({
      node: 'undefined',
      bridge: 'object',
    });
    await page.getByTestId('login-server').fill(server.url);
    await page.getByTestId('login-username').fill('staff01');
    await page.getByTestId('login-password').fill('demo1234');
    await page.getByTestId('login-submit').click();
    await expect(page.getByTestId('sync-last')).toHaveAttribute('data-synced', 'true', { timeout: 60_000 });
  } finally {
    await app.close();
    await server.close();
  }
});
