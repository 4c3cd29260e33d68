// A recording stand-in for the part of Electron that main.ts and the preload use (electron-api.ts),
// so the built bundles can run in tests on machines where the Electron binary cannot be installed.
import { createRequire } from 'node:module';
import { runInThisContext } from 'node:vm';
import { build, type BuildOptions } from 'esbuild';
import { vi } from 'vitest';
import type { DesktopApi } from '@domain/desktop';
import { preloadBundle } from '../bundles';
import type {
  BrowserWindow,
  BrowserWindowOptions,
  CustomScheme,
  ElectronMain,
  IpcMainInvokeEvent,
  MenuItemOptions,
  OpenDialogOptions,
  OpenDialogResult,
  PermissionRequestHandler,
  Rectangle,
  PreventableEvent,
  PrintToPdfOptions,
  SaveDialogResult,
  WindowOpenDetails,
} from '../electron-api';

type Listener = (...args: never[]) => unknown;

export class FakeContents {
  readonly listeners = new Map<string, Listener>();
  openHandler: ((details: WindowOpenDetails) => { action: 'deny' }) | null = null;
  on(event: string, listener: Listener): this {
    this.listeners.set(event, listener);
    return this;
  }
  setWindowOpenHandler(handler: (details: WindowOpenDetails) => { action: 'deny' }): void {
    this.openHandler = handler;
  }
  /** What a print to PDF gives: a tiny stand-in document, recording the options asked for. */
  readonly printToPDF = vi.fn((_options: PrintToPdfOptions) => Promise.resolve(new TextEncoder().encode('%PDF-1.7 fake')));
  /** Fires a navigation event; true when the handler prevented it. */
  navigate(event: 'will-navigate' | 'will-redirect', url: string): boolean {
    let prevented = false;
    const preventable: PreventableEvent = { preventDefault: () => (prevented = true) };
    const listener = this.listeners.get(event) as ((event: PreventableEvent, url: string) => void) | undefined;
    listener?.(preventable, url);
    return prevented;
  }
}

export class FakeWindow implements BrowserWindow {
  static all: FakeWindow[] = [];
  readonly webContents = new FakeContents();
  readonly loaded: string[] = [];
  minimized = false;
  maximized = false;
  destroyed = false;
  normalBounds: Rectangle;
  readonly windowListeners = new Map<string, (() => void)[]>();
  readonly maximize = vi.fn(() => (this.maximized = true));
  readonly focus = vi.fn();
  readonly restore = vi.fn(() => (this.minimized = false));
  readonly show = vi.fn();
  constructor(readonly options: BrowserWindowOptions) {
    this.normalBounds = { x: options.x ?? 0, y: options.y ?? 0, width: options.width, height: options.height };
    FakeWindow.all.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.loaded.push(url);
    return Promise.resolve();
  }
  once(_event: 'ready-to-show', listener: () => void): this {
    listener();
    return this;
  }
  on(event: string, listener: () => void): this {
    this.windowListeners.set(event, [...(this.windowListeners.get(event) ?? []), listener]);
    return this;
  }
  /** Fires a window event ('resize', 'move', 'close', …) at its listeners. */
  emit(event: string): void {
    for (const listener of this.windowListeners.get(event) ?? []) listener();
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  getNormalBounds(): Rectangle {
    return this.normalBounds;
  }
  static getAllWindows(): BrowserWindow[] {
    return FakeWindow.all;
  }
  static fromWebContents(contents: unknown): BrowserWindow | null {
    return FakeWindow.all.find((window) => window.webContents === contents) ?? null;
  }
}

export interface FakeOptions {
  appPath: string;
  documents: string;
  singleInstance: boolean;
  saveDialog: SaveDialogResult;
  /** What the open dialog answers; canceled when absent. */
  openDialog?: OpenDialogResult;
  /** `app.getPath('userData')`; the documents folder when absent. */
  userData?: string;
  /** The displays' work areas, primary first; one 1920×1040 display when absent. */
  displays?: Rectangle[];
}

export function fakeElectron(options: FakeOptions) {
  FakeWindow.all = [];
  const calls: string[] = [];
  const appListeners = new Map<string, Listener>();
  const ipcHandlers = new Map<string, (event: IpcMainInvokeEvent & { sender: unknown }, ...args: unknown[]) => unknown>();
  const protocolHandlers = new Map<string, (request: Request) => Response | Promise<Response>>();
  const permissions: { request?: PermissionRequestHandler; check?: (contents: null, permission: string) => boolean } = {};
  const menus: MenuItemOptions[][] = [];
  const displays = options.displays ?? [{ x: 0, y: 0, width: 1920, height: 1040 }];
  const electron = {
    app: {
      isPackaged: false,
      getVersion: () => '0.1.0',
      getAppPath: () => options.appPath,
      getLocale: () => 'zh-CN',
      getPath: (name: 'documents' | 'userData') => (name === 'userData' ? (options.userData ?? options.documents) : options.documents),
      enableSandbox: vi.fn(() => calls.push('enableSandbox')),
      exit: vi.fn(),
      requestSingleInstanceLock: () => options.singleInstance,
      whenReady: () => {
        calls.push('whenReady');
        return Promise.resolve();
      },
      quit: vi.fn(),
      on: (event: string, listener: Listener) => void appListeners.set(event, listener),
    },
    BrowserWindow: FakeWindow,
    Menu: {
      buildFromTemplate: (template: MenuItemOptions[]) => template,
      setApplicationMenu: (menu: object | null) => void menus.push(menu as MenuItemOptions[]),
    },
    dialog: {
      showSaveDialog: vi.fn((_window: BrowserWindow, _options: { title: string; defaultPath: string }) => Promise.resolve(options.saveDialog)),
      showOpenDialog: vi.fn((_window: BrowserWindow, _options: OpenDialogOptions) => Promise.resolve(options.openDialog ?? { canceled: true, filePaths: [] })),
    },
    screen: {
      getAllDisplays: () => displays.map((workArea) => ({ workArea })),
      getPrimaryDisplay: () => ({ workArea: displays[0] ?? { x: 0, y: 0, width: 1920, height: 1040 } }),
    },
    ipcMain: { handle: (channel: string, listener: (event: IpcMainInvokeEvent & { sender: unknown }, ...args: unknown[]) => unknown) => void ipcHandlers.set(channel, listener) },
    protocol: {
      registerSchemesAsPrivileged: vi.fn((_schemes: CustomScheme[]) => calls.push('registerSchemesAsPrivileged')),
      handle: (scheme: string, handler: (request: Request) => Response | Promise<Response>) => void protocolHandlers.set(scheme, handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: PermissionRequestHandler) => void (permissions.request = handler),
        setPermissionCheckHandler: (handler: (contents: null, permission: string) => boolean) => void (permissions.check = handler),
      },
    },
    shell: { openExternal: vi.fn((_url: string) => Promise.resolve()) },
  } satisfies ElectronMain;
  return { electron, calls, appListeners, ipcHandlers, protocolHandlers, permissions, menus };
}

const realRequire = createRequire(import.meta.url);

/** Bundles an entry as CommonJS (as `npm run build:electron` would, but runnable here) and runs it with `electron` replaced. */
export async function runBundle(options: BuildOptions, electron: object, importMetaUrl: string): Promise<void> {
  const result = await build({ ...options, format: 'cjs', write: false, outfile: undefined, define: { 'import.meta.url': JSON.stringify(importMetaUrl) } });
  const code = result.outputFiles[0]?.text ?? '';
  const fakeRequire = (id: string): unknown => {
    if (id === 'electron') return electron;
    if (id === 'node:module') return { createRequire: () => fakeRequire };
    return realRequire(id);
  };
  const run = runInThisContext(`(function (require, module, exports) {${code}\n})`) as (require: unknown, module: object, exports: object) => void;
  const module = { exports: {} };
  run(fakeRequire, module, module.exports);
  // main.ts continues after `app.whenReady()`.
  await new Promise((resolve) => setTimeout(resolve, 0));
}

type IpcHandlers = ReturnType<typeof fakeElectron>['ipcHandlers'];
type PushListener = (event: unknown, ...args: unknown[]) => void;

/**
 * The renderer's side: the real preload bundle over the fake main process's IPC handlers, each call
 * coming from `sender` in a top frame at `frameUrl`. `pushListeners` holds what the preload listens
 * to (main → renderer pushes).
 */
export async function loadPreload(ipcHandlers: IpcHandlers, sender: unknown, frameUrl: string) {
  const exposed = new Map<string, unknown>();
  const pushListeners = new Map<string, PushListener[]>();
  const event = { senderFrame: { url: frameUrl, parent: null }, sender } satisfies IpcMainInvokeEvent & { sender: unknown };
  const preloadElectron = {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => void exposed.set(key, api) },
    ipcRenderer: {
      invoke: (channel: string, ...args: unknown[]): Promise<unknown> => {
        const handler = ipcHandlers.get(channel);
        return handler ? Promise.resolve(handler(event, ...args)) : Promise.reject(new Error(`No handler registered for '${channel}'`));
      },
      on: (channel: string, listener: PushListener) => void pushListeners.set(channel, [...(pushListeners.get(channel) ?? []), listener]),
      removeListener: (channel: string, listener: PushListener) =>
        void pushListeners.set(channel, (pushListeners.get(channel) ?? []).filter((other) => other !== listener)),
    },
  };
  await runBundle(preloadBundle, preloadElectron, 'file:///preload.cjs');
  return { exposed, desktop: exposed.get('desktop') as DesktopApi, pushListeners };
}
