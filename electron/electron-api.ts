// The slice of Electron's main-process API the shell uses, declared here because `electron` is an
// optional dependency that is absent on build machines (its binary cannot be downloaded). main.ts
// is written against these shapes; esbuild leaves `electron` external, so at run time the real
// module is used. Names and signatures follow electron.d.ts (v38); keep them a strict subset.

export interface WebFrameMain {
  readonly url: string;
  readonly parent: WebFrameMain | null;
}

export interface PreventableEvent {
  preventDefault(): void;
}

export interface IpcMainInvokeEvent {
  /** Null when the frame navigated away or was destroyed before the message arrived. */
  readonly senderFrame: WebFrameMain | null;
}

export interface WindowOpenDetails {
  readonly url: string;
}

export interface WebContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: PreventableEvent, url: string) => void): this;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): this;
  setWindowOpenHandler(handler: (details: WindowOpenDetails) => { action: 'deny' }): void;
  printToPDF(options: PrintToPdfOptions): Promise<Uint8Array>;
  /**
   * Sends a message to the page (the updater's status). Always present in Electron; optional here
   * only so that test stand-ins need not implement it.
   */
  send?(channel: string, ...args: unknown[]): void;
}

export interface PrintToPdfOptions {
  pageSize: 'A4';
  printBackground: boolean;
  /** The page's own `@page` margins and size win over the options above. */
  preferCSSPageSize: boolean;
}

export interface BrowserWindow {
  readonly webContents: WebContents;
  loadURL(url: string): Promise<void>;
  once(event: 'ready-to-show', listener: () => void): this;
  on(event: 'closed', listener: () => void): this;
  on(event: 'resize' | 'move' | 'maximize' | 'unmaximize' | 'close', listener: () => void): this;
  show(): void;
  focus(): void;
  restore(): void;
  isMinimized(): boolean;
  maximize(): void;
  isMaximized(): boolean;
  isDestroyed(): boolean;
  /** The bounds the window has when neither maximized nor minimized. */
  getNormalBounds(): Rectangle;
}

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Display {
  /** The display's area without task bars and docks. */
  readonly workArea: Rectangle;
}

export interface WebPreferences {
  preload: string;
  contextIsolation: boolean;
  sandbox: boolean;
  nodeIntegration: boolean;
  nodeIntegrationInWorker: boolean;
  nodeIntegrationInSubFrames: boolean;
  webSecurity: boolean;
  allowRunningInsecureContent: boolean;
  webviewTag: boolean;
  navigateOnDragDrop: boolean;
  spellcheck: boolean;
  devTools: boolean;
}

export interface BrowserWindowOptions {
  /** Absent: the OS places the window. */
  x?: number;
  y?: number;
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  title: string;
  show: boolean;
  backgroundColor: string;
  webPreferences: WebPreferences;
}

export type MenuRole =
  | 'quit' | 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'selectAll'
  | 'reload' | 'toggleDevTools' | 'resetZoom' | 'zoomIn' | 'zoomOut' | 'togglefullscreen' | 'about';

export type MenuItemOptions =
  | { type: 'separator' }
  | { label: string; role: MenuRole }
  | { label: string; submenu: MenuItemOptions[] };

export type Menu = object;

export interface OpenDialogOptions {
  title: string;
  defaultPath: string;
  filters: { name: string; extensions: string[] }[];
  properties: 'openFile'[];
}

export interface OpenDialogResult {
  canceled: boolean;
  filePaths: string[];
}

export interface SaveDialogResult {
  canceled: boolean;
  /** Empty (or absent in older versions) when canceled. */
  filePath?: string;
}

export interface CustomScheme {
  scheme: string;
  privileges: { standard: boolean; secure: boolean; supportFetchAPI: boolean; codeCache: boolean };
}

export type PermissionRequestHandler = (
  webContents: WebContents,
  permission: string,
  callback: (granted: boolean) => void,
) => void;

export interface Session {
  setPermissionRequestHandler(handler: PermissionRequestHandler): void;
  setPermissionCheckHandler(handler: (webContents: WebContents | null, permission: string) => boolean): void;
}

/** Electron's `safeStorage` (encryption with a key the OS keyring keeps). */
export interface SafeStorage {
  isEncryptionAvailable(): boolean;
  /** Linux only: 'basic_text' (a fixed built-in password), 'gnome_libsecret', 'kwallet*', or 'unknown'. */
  getSelectedStorageBackend?(): string;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export interface ElectronMain {
  app: {
    readonly isPackaged: boolean;
    getVersion(): string;
    getAppPath(): string;
    getLocale(): string;
    getPath(name: 'documents' | 'userData'): string;
    enableSandbox(): void;
    exit(code: number): void;
    requestSingleInstanceLock(): boolean;
    whenReady(): Promise<void>;
    quit(): void;
    on(event: 'second-instance' | 'window-all-closed' | 'activate', listener: () => void): void;
    on(event: 'web-contents-created', listener: (event: unknown, contents: WebContents) => void): void;
  };
  BrowserWindow: {
    new (options: BrowserWindowOptions): BrowserWindow;
    getAllWindows(): BrowserWindow[];
    fromWebContents(contents: unknown): BrowserWindow | null;
  };
  Menu: {
    buildFromTemplate(template: MenuItemOptions[]): Menu;
    setApplicationMenu(menu: Menu | null): void;
  };
  dialog: {
    showSaveDialog(window: BrowserWindow, options: { title: string; defaultPath: string }): Promise<SaveDialogResult>;
    showOpenDialog(window: BrowserWindow, options: OpenDialogOptions): Promise<OpenDialogResult>;
  };
  /** Usable only once the app is ready. */
  screen: {
    getAllDisplays(): Display[];
    getPrimaryDisplay(): Display;
  };
  ipcMain: {
    handle(channel: string, listener: (event: IpcMainInvokeEvent & { sender: unknown }, ...args: unknown[]) => unknown): void;
  };
  protocol: {
    registerSchemesAsPrivileged(schemes: CustomScheme[]): void;
    handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void;
  };
  session: { readonly defaultSession: Session };
  shell: { openExternal(url: string): Promise<void> };
  /** Absent only in test stand-ins: then the keyring counts as unavailable. */
  safeStorage?: SafeStorage;
  /** Chromium's network stack (system proxy and certificates). Absent only in test stand-ins: then Node's fetch. */
  net?: { fetch(url: string, init?: RequestInit): Promise<Response> };
}
