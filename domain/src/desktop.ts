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
}
