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
