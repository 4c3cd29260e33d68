// The Electron main process: wiring only. Every decision (where a window may go, which IPC sender
// is trusted, how an argument is parsed, what the protocol serves, the window's options) is a pure
// function in its own module, tested without Electron.
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveAppRequest } from './app-protocol';
import { channels, type Channel } from './channels';
import type { FileFilter, OpenedFile, UpdateStatus } from '@domain/desktop';
import type { BrowserWindow, ElectronMain, IpcMainInvokeEvent, Rectangle, WebContents } from './electron-api';
import { answerIpc, type IpcCall } from './ipc-answer';
import { parseFileFilters, parseNothing, parsePrintToPdf, parseSaveFile, parseServerUrl, type PrintToPdfRequest, type SaveFileRequest } from './ipc-args';
import type { SenderFrame } from './ipc-sender';
import { keyringAvailable, keyringDecrypt, keyringEncrypt, parseKeyringPlain, parseKeyringSealed, type KeyringEffects } from './keyring';
import { menuTemplate } from './menu';
import { messagesFor, type ShellMessages } from './messages';
import { APP_ENTRY_URL, APP_SCHEME, navigationDecision, redirectDecision, windowOpenDecision } from './navigation';
import { permissionGranted } from './permissions';
import { openFile, type OpenFileEffects } from './open-file';
import { saveFile, type SaveFileEffects } from './save-file';
import { mainWindowOptions } from './window-options';
import { autoUpdater } from 'electron-updater';
import { UPDATE_PUBLIC_KEYS } from './update-key';
import { sha512OfFile } from './update-signature';
import { createUpdater, fetchLimited, type Updater } from './updater';
import { createStateSaver, parseWindowStateText, restoreWindowState, stateToSave, WINDOW_STATE_FILE, writeFileAtomic } from './window-state';

// `electron` is an optional dependency without types on build machines; electron-api.ts declares
// the part used here, and the bundle keeps `electron` external.
const requireCjs = createRequire(import.meta.url);
const electron = requireCjs('electron') as ElectronMain;
const { app, BrowserWindow, Menu, dialog, ipcMain, protocol, screen, session, shell } = electron;

const here = path.dirname(fileURLToPath(import.meta.url));
let mainWindow: BrowserWindow | null = null;

function logError(error: unknown): void {
  console.error('[electron]', error);
}

function openExternal(url: string): void {
  shell.openExternal(url).catch(logError);
}

/** Applied to every web contents, including any a page might create: no way out of the app. */
function harden(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    const decision = navigationDecision(url);
    if (decision !== 'allow') event.preventDefault();
    if (decision === 'open-external') openExternal(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (redirectDecision(url) !== 'allow') event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (windowOpenDecision(url) === 'open-external') openExternal(url);
    return { action: 'deny' };
  });
}

function senderOf(event: IpcMainInvokeEvent): SenderFrame | null {
  const frame = event.senderFrame;
  return frame === null ? null : { url: frame.url, isTopFrame: frame.parent === null };
}

function handle<A, T>(channel: Channel, text: ShellMessages, callFor: (event: IpcMainInvokeEvent & { sender: unknown }) => IpcCall<A, T>): void {
  ipcMain.handle(channel, (event, raw) => answerIpc(senderOf(event), raw, callFor(event), text, logError));
}

let updater: Updater | null = null;

/** The update flow (updater.ts), made at the first call: electron-updater then reads the app's paths. */
function updaterFor(text: ShellMessages): Updater {
  updater ??= createUpdater({
    autoUpdater,
    fetchFile: (url, maxBytes) => fetchLimited((target, init) => (electron.net ? electron.net.fetch(target, init) : fetch(target, init)), url, maxBytes),
    hashFile: sha512OfFile,
    removeFile: (file) => rm(file, { force: true }),
    emit: (status) => {
      for (const window of BrowserWindow.getAllWindows()) {
        try {
          window.webContents.send?.(channels.updateStatus, status);
        } catch (error) {
          logError(error);
        }
      }
    },
    every: (ms, task) => void setInterval(task, ms).unref(),
    logError,
    platform: process.platform,
    arch: process.arch,
    currentVersion: app.getVersion(),
    publicKeys: UPDATE_PUBLIC_KEYS,
    text,
  });
  return updater;
}

function registerUpdateIpc(text: ShellMessages): void {
  handle<string, void>(channels.updateCheck, text, () => ({
    parse: parseServerUrl,
    run: (serverUrl) => updaterFor(text).check(serverUrl),
  }));
  handle<undefined, void>(channels.updateInstall, text, () => ({
    parse: parseNothing,
    run: () => (updater === null ? { ok: false, error: text.updates.notReady } : updater.install()),
  }));
  handle<undefined, UpdateStatus>(channels.updateCurrent, text, () => ({
    parse: parseNothing,
    run: () => ({ ok: true, value: updater?.status() ?? { kind: 'idle' } }),
  }));
}

function registerIpc(text: ShellMessages): void {
  handle(channels.appVersion, text, () => ({
    parse: parseNothing,
    run: () => ({ ok: true, value: app.getVersion() }),
  }));
  handle<SaveFileRequest, { saved: boolean }>(channels.saveFile, text, (event) => ({
    parse: parseSaveFile,
    run: (request) => saveFile(request, saveEffects(event, text), text),
  }));
  handle<FileFilter[], OpenedFile | null>(channels.openFile, text, (event) => ({
    parse: parseFileFilters,
    run: (filters) => openFile(filters, openEffects(event, text), text),
  }));
  const keyring: KeyringEffects = { safeStorage: electron.safeStorage, platform: process.platform, logError };
  handle<undefined, boolean>(channels.keyringAvailable, text, () => ({
    parse: parseNothing,
    run: () => ({ ok: true, value: keyringAvailable(keyring.safeStorage, keyring.platform) }),
  }));
  handle<string, string>(channels.keyringEncrypt, text, () => ({
    parse: parseKeyringPlain,
    run: (plain) => keyringEncrypt(plain, keyring, text),
  }));
  handle<string, string>(channels.keyringDecrypt, text, () => ({
    parse: parseKeyringSealed,
    run: (sealed) => keyringDecrypt(sealed, keyring, text),
  }));
  handle<PrintToPdfRequest, { saved: boolean }>(channels.printToPdf, text, (event) => ({
    parse: parsePrintToPdf,
    run: async ({ suggestedName }) => {
      const owner = ownerOf(event);
      if (owner === null) return { ok: false, error: text.errors.unexpected };
      const data = await owner.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
      return saveFile({ suggestedName, data }, saveEffects(event, text), text);
    },
  }));
}

/** The window a call came from. */
function ownerOf(event: IpcMainInvokeEvent & { sender: unknown }): BrowserWindow | null {
  return BrowserWindow.fromWebContents(event.sender) ?? mainWindow;
}

/** Saving where the person chooses in the native dialog, starting in their documents folder. */
function saveEffects(event: IpcMainInvokeEvent & { sender: unknown }, text: ShellMessages): SaveFileEffects {
  return {
    chooseSavePath: async (suggestedName) => {
      const owner = ownerOf(event);
      if (owner === null) return null;
      const defaultPath = path.join(app.getPath('documents'), suggestedName);
      const choice = await dialog.showSaveDialog(owner, { title: text.saveDialogTitle, defaultPath });
      return choice.canceled || !choice.filePath ? null : choice.filePath;
    },
    writeFile: (file, data) => writeFile(file, data),
    logError,
  };
}

/** Reading the file the person chooses in the native open dialog, starting in their documents folder. */
function openEffects(event: IpcMainInvokeEvent & { sender: unknown }, text: ShellMessages): OpenFileEffects {
  return {
    chooseOpenPath: async (filters) => {
      const owner = ownerOf(event);
      if (owner === null) return null;
      const choice = await dialog.showOpenDialog(owner, {
        title: text.openDialogTitle,
        defaultPath: app.getPath('documents'),
        filters: filters.map((filter) => ({ name: filter.name, extensions: [...filter.extensions] })),
        properties: ['openFile'],
      });
      const [file] = choice.filePaths;
      return choice.canceled || file === undefined ? null : file;
    },
    fileSize: async (file) => (await stat(file)).size,
    readFile: (file) => readFile(file),
    logError,
  };
}

function registerAppProtocol(): void {
  const root = path.join(app.getAppPath(), 'dist', 'renderer');
  protocol.handle(APP_SCHEME, async (request) => {
    const answer = await serveAppRequest(root, request.url, path, { readFile, logError });
    return new Response(answer.body, { status: answer.status, headers: answer.headers });
  });
}

/** The saved size and place (window-state.ts), fitted into the displays there are now. */
function windowPlacement(stateFile: string) {
  let saved: string | null = null;
  try {
    saved = readFileSync(stateFile, 'utf8');
  } catch {
    // First start, or the file was removed: the default size.
  }
  // The primary display first: a window whose display is gone opens there.
  const primary = screen.getPrimaryDisplay().workArea;
  const same = (a: Rectangle) => a.x === primary.x && a.y === primary.y && a.width === primary.width && a.height === primary.height;
  const others = screen.getAllDisplays().map((display) => display.workArea).filter((area) => !same(area));
  return restoreWindowState(parseWindowStateText(saved), [primary, ...others]);
}

/** Saves the window's size and place while it moves (debounced) and when it closes. */
function rememberPlacement(window: BrowserWindow, stateFile: string): void {
  const saver = createStateSaver({
    current: () => (window.isDestroyed() ? null : stateToSave(window.getNormalBounds(), window.isMaximized())),
    write: (state) => writeFileAtomic(stateFile, JSON.stringify(state), {
      writeFile: (file, data) => writeFileSync(file, data, 'utf8'),
      rename: renameSync,
      rm: (file) => rmSync(file, { force: true }),
    }),
    setTimer: (run, ms) => setTimeout(run, ms),
    clearTimer: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
    logError,
  });
  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) window.on(event, () => saver.changed());
  window.on('close', () => saver.flush());
}

function createMainWindow(text: ShellMessages): BrowserWindow {
  const options = mainWindowOptions({
    preloadPath: path.join(here, 'preload.cjs'),
    title: text.appTitle,
    devTools: !app.isPackaged,
  });
  const stateFile = path.join(app.getPath('userData'), WINDOW_STATE_FILE);
  const { isMaximized, ...bounds } = windowPlacement(stateFile);
  const window = new BrowserWindow({ ...options, ...bounds });
  rememberPlacement(window, stateFile);
  window.once('ready-to-show', () => {
    if (isMaximized) window.maximize();
    window.show();
  });
  window.on('closed', () => {
    mainWindow = null;
  });
  window.loadURL(APP_ENTRY_URL).catch(logError);
  return window;
}

function focusMainWindow(): void {
  if (mainWindow === null) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

function start(): void {
  const text = messagesFor(app.getLocale());
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => callback(permissionGranted(permission)));
  session.defaultSession.setPermissionCheckHandler((_contents, permission) => permissionGranted(permission));
  registerAppProtocol();
  registerIpc(text);
  registerUpdateIpc(text);
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(text, { devTools: !app.isPackaged })));
  mainWindow = createMainWindow(text);
}

// Before `ready`: the scheme must be privileged (a real origin for IndexedDB, fetch, CSP) and every
// renderer sandboxed.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  // Another instance owns the local database; it is brought to the front by `second-instance`.
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);
  app.on('web-contents-created', (_event, contents) => harden(contents));
  app.on('window-all-closed', () => app.quit());
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      logError(error);
      app.exit(1);
    });
}
