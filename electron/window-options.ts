// The main window's options. Every web preference that matters for security is spelled out, even
// where it equals Electron's default, so a future default change or a careless edit shows in review
// and fails the test.
import type { BrowserWindowOptions } from './electron-api';

export interface WindowSettings {
  /** Absolute path of the built preload (`dist-electron/preload.cjs`). */
  preloadPath: string;
  title: string;
  /** Developer tools only in unpackaged builds. */
  devTools: boolean;
}

export function mainWindowOptions(settings: WindowSettings): BrowserWindowOptions {
  return {
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    title: settings.title,
    // Shown on `ready-to-show`, so the person never sees an empty white frame.
    show: false,
    backgroundColor: '#f5f5f5',
    webPreferences: {
      preload: settings.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: settings.devTools,
    },
  };
}
