// The one bridge between the renderer and its shell, typed once (style.md): the Electron preload
// implements it over IPC, the web build implements it with browser APIs.

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export interface DesktopApi {
  readonly kind: 'electron' | 'web';
  /** The app's version, sent to the server as `X-Client-Version`. */
  appVersion(): Promise<string>;
  /** Offers a file to save: a native dialog on the desktop, a download in the browser. */
  saveFile(suggestedName: string, data: Uint8Array): Promise<Result<{ saved: boolean }>>;
  /**
   * Prints the page as it is to a PDF (A4, print styles applied): the native print pipeline and a
   * save dialog on the desktop; the browser's print dialog, whose 另存为 PDF does the same, on the web.
   */
  printToPdf(suggestedName: string): Promise<Result<{ saved: boolean }>>;
  /**
   * The OS keyring (Electron `safeStorage`), used to keep a copy of the local data key wrapped by
   * the operating system. Absent on the web and in older shells: feature-detect it.
   */
  keyring?: KeyringApi;
  /**
   * Lets the person choose a file to read (a native open dialog on the desktop); `null` when they
   * cancel. Absent on the web, where a file input does the same: feature-detect it.
   */
  openFile?(filters: readonly FileFilter[]): Promise<Result<OpenedFile | null>>;
  /** Updates from the street office server's feed. Absent on the web: feature-detect it. */
  updates?: UpdatesApi;
}

export interface FileFilter {
  /** Shown in the dialog, e.g. "Excel 工作簿". */
  name: string;
  /** Without dots, e.g. ["xlsx"]. */
  extensions: readonly string[];
}

export interface OpenedFile {
  name: string;
  data: Uint8Array;
}

/** What the updater is doing, as the renderer shows it. */
export type UpdateStatus =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'downloading'; version: string; percent: number }
  /** Downloaded and its signature verified: ready to install at a restart. */
  | { kind: 'ready'; version: string; releaseNotes: string }
  /** The feed or the download failed our signature check: nothing is installed. */
  | { kind: 'rejected'; version: string | null; reason: string }
  | { kind: 'error'; message: string };

export interface UpdatesApi {
  /** Checks the feed at `<serverUrl>/updates/` now (and then periodically), downloading a newer version. */
  check(serverUrl: string): Promise<Result<void>>;
  /** Calls `listener` at every change of status (and once at once); returns the unsubscribe. */
  onStatus(listener: (status: UpdateStatus) => void): () => void;
  /** Quits and installs the downloaded, verified update. */
  install(): Promise<Result<void>>;
}

export interface KeyringApi {
  /**
   * Whether the keyring is a real one. False on Linux when `safeStorage` fell back to its fixed
   * built-in password ('basic_text') or the backend is unknown: then nothing is wrapped by it.
   */
  available(): Promise<boolean>;
  /** Encrypts a short string (at most a few KB); the answer is base64. Fails when not available. */
  encrypt(plain: string): Promise<Result<string>>;
  /** Decrypts what `encrypt` gave on this machine and user account. */
  decrypt(sealed: string): Promise<Result<string>>;
}
