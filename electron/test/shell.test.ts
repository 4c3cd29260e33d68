// Runs the built main process and preload against a recording fake of Electron: the wiring that
// the pure modules' tests cannot see (is each policy actually attached, do the two sides agree on
// channel names), on machines where no Electron binary can be installed.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DesktopApi } from '@domain/desktop';
import { mainBundle } from '../bundles';
import { messagesFor } from '../messages';
import { APP_ENTRY_URL } from '../navigation';
import { FakeContents, FakeWindow, fakeElectron, loadPreload, runBundle, type FakeOptions } from './fake-electron';

const text = messagesFor('zh-CN');
let dir = '';

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'shell-'));
  await mkdir(path.join(dir, 'app', 'dist', 'renderer'), { recursive: true });
  await writeFile(path.join(dir, 'app', 'dist', 'renderer', 'index.html'), '<!doctype html><title>社区治理</title>');
  await writeFile(path.join(dir, 'app', 'package.json'), '{}');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function startMain(overrides: Partial<FakeOptions> = {}) {
  const fake = fakeElectron({
    appPath: path.join(dir, 'app'),
    documents: path.join(dir, 'documents'),
    singleInstance: true,
    saveDialog: { canceled: false, filePath: path.join(dir, 'saved.xlsx') },
    ...overrides,
  });
  await runBundle(mainBundle, fake.electron, pathToFileURL(path.join(dir, 'app', 'dist-electron', 'main.js')).href);
  return fake;
}

type Fake = Awaited<ReturnType<typeof startMain>>;

/** The renderer's `window.desktop`, from the real preload, talking to the main process's handlers. */
async function preloadOf(fake: Fake, window: FakeWindow, frameUrl = APP_ENTRY_URL) {
  return (await loadPreload(fake.ipcHandlers, window.webContents, frameUrl)).exposed;
}

function onlyWindow(): FakeWindow {
  expect(FakeWindow.all).toHaveLength(1);
  const [window] = FakeWindow.all;
  if (!window) throw new Error('no window');
  return window;
}

describe('the main process', () => {
  it('privileges the app scheme and sandboxes renderers before the app is ready', async () => {
    const fake = await startMain();
    expect(fake.calls.slice(0, 2).sort()).toEqual(['enableSandbox', 'registerSchemesAsPrivileged']);
    expect(fake.calls[2]).toBe('whenReady');
    expect(fake.electron.protocol.registerSchemesAsPrivileged.mock.calls[0]?.[0]).toMatchObject([
      { scheme: 'app', privileges: { standard: true, secure: true } },
    ]);
  });

  it('opens one hardened window on the app protocol, with the preload next to main.js', async () => {
    await startMain();
    const window = onlyWindow();
    expect(window.loaded).toEqual([APP_ENTRY_URL]);
    expect(window.options.webPreferences).toMatchObject({
      preload: path.join(dir, 'app', 'dist-electron', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    expect(window.show).toHaveBeenCalled();
  });

  it('serves the renderer folder with the CSP, and nothing beside it', async () => {
    const fake = await startMain();
    const serve = fake.protocolHandlers.get('app');
    if (!serve) throw new Error('app protocol not handled');
    const page = await serve(new Request(APP_ENTRY_URL));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('社区治理');
    expect((await serve(new Request('app://renderer/..%2Fpackage.json'))).status).toBe(404);
  });

  it('keeps every web contents inside the app and sends web links to the browser', async () => {
    const fake = await startMain();
    const created = fake.appListeners.get('web-contents-created') as ((event: unknown, contents: FakeContents) => void) | undefined;
    const contents = new FakeContents();
    created?.({}, contents);
    expect(contents.navigate('will-navigate', 'app://renderer/index.html#/needs')).toBe(false);
    expect(contents.navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.navigate('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.navigate('will-redirect', 'https://evil.example/')).toBe(true);
    expect(fake.electron.shell.openExternal.mock.calls).toEqual([['https://evil.example/']]);
    expect(contents.openHandler?.({ url: 'https://www.gov.cn/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: APP_ENTRY_URL })).toEqual({ action: 'deny' });
    expect(fake.electron.shell.openExternal.mock.calls).toEqual([['https://evil.example/'], ['https://www.gov.cn/']]);
  });

  it('refuses every permission request', async () => {
    const fake = await startMain();
    let granted: boolean | undefined;
    fake.permissions.request?.(new FakeContents(), 'media', (answer) => (granted = answer));
    expect(granted).toBe(false);
    expect(fake.permissions.check?.(null, 'geolocation')).toBe(false);
  });

  it('yields to a running instance, and a second launch brings the first to the front', async () => {
    const second = await startMain({ singleInstance: false });
    expect(second.electron.app.quit).toHaveBeenCalled();
    expect(second.calls).not.toContain('whenReady');
    expect(FakeWindow.all).toHaveLength(0);

    const first = await startMain();
    const window = onlyWindow();
    window.minimized = true;
    (first.appListeners.get('second-instance') as () => void)();
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
  });

  it('shows the Chinese menu', async () => {
    const fake = await startMain();
    expect(fake.menus[0]?.map((item) => ('label' in item ? item.label : ''))).toEqual(['文件', '编辑', '视图', '帮助']);
  });
});

describe('the preload bridge', () => {
  it('exposes only DesktopApi, never ipcRenderer', async () => {
    const fake = await startMain();
    const exposed = await preloadOf(fake, onlyWindow());
    expect([...exposed.keys()]).toEqual(['desktop']);
    const desktop = exposed.get('desktop') as DesktopApi;
    expect(Object.keys(desktop).sort()).toEqual(['appVersion', 'keyring', 'kind', 'openFile', 'printToPdf', 'saveFile', 'updates']);
    expect(desktop.kind).toBe('electron');
  });

  it('answers the app version and saves a file through the native dialog', async () => {
    const fake = await startMain();
    const desktop = (await preloadOf(fake, onlyWindow())).get('desktop') as DesktopApi;
    await expect(desktop.appVersion()).resolves.toBe('0.1.0');
    const bytes = new Uint8Array([0x50, 0x4b, 3, 4]);
    await expect(desktop.saveFile('../花名册.xlsx', bytes)).resolves.toEqual({ ok: true, value: { saved: true } });
    expect(fake.electron.dialog.showSaveDialog).toHaveBeenCalledWith(onlyWindow(), {
      title: text.saveDialogTitle,
      defaultPath: path.join(dir, 'documents', '花名册.xlsx'),
    });
    expect(new Uint8Array(await readFile(path.join(dir, 'saved.xlsx')))).toEqual(bytes);
  });

  it('prints the page to an A4 PDF through the native pipeline and saves it where the person chose', async () => {
    const fake = await startMain({ saveDialog: { canceled: false, filePath: path.join(dir, 'report.pdf') } });
    const window = onlyWindow();
    const desktop = (await preloadOf(fake, window)).get('desktop') as DesktopApi;
    await expect(desktop.printToPdf('北塔社区2026年报')).resolves.toEqual({ ok: true, value: { saved: true } });
    expect(window.webContents.printToPDF).toHaveBeenCalledWith({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
    expect(fake.electron.dialog.showSaveDialog).toHaveBeenCalledWith(window, {
      title: text.saveDialogTitle,
      defaultPath: path.join(dir, 'documents', '北塔社区2026年报.pdf'),
    });
    expect(await readFile(path.join(dir, 'report.pdf'), 'utf8')).toBe('%PDF-1.7 fake');
    await expect(desktop.printToPdf('')).resolves.toEqual({ ok: false, error: text.errors.badFileName });
  });

  it('reports a canceled dialog as not saved', async () => {
    const fake = await startMain({ saveDialog: { canceled: true, filePath: '' } });
    const desktop = (await preloadOf(fake, onlyWindow())).get('desktop') as DesktopApi;
    await expect(desktop.saveFile('a.pdf', new Uint8Array([1]))).resolves.toEqual({ ok: true, value: { saved: false } });
  });

  it('gets nothing from main when the page is not the app', async () => {
    const fake = await startMain();
    const desktop = (await preloadOf(fake, onlyWindow(), 'https://evil.example/')).get('desktop') as DesktopApi;
    await expect(desktop.saveFile('a.pdf', new Uint8Array([1]))).resolves.toEqual({ ok: false, error: text.errors.untrustedSender });
    await expect(desktop.appVersion()).rejects.toThrow(text.errors.untrustedSender);
    expect(fake.electron.dialog.showSaveDialog).not.toHaveBeenCalled();
  });
});
