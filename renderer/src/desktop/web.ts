// The browser's implementation of the shell bridge, for the web build.
import type { DesktopApi } from '@domain/desktop';
import { APP_VERSION } from './version';

export const webDesktopApi: DesktopApi = {
  kind: 'web',
  appVersion: () => Promise.resolve(APP_VERSION),
  saveFile: (suggestedName, data) => {
    try {
      // Copied into a fresh ArrayBuffer: a Blob part must not be a view of shared memory.
      const blob = new Blob([data.slice()], { type: 'application/octet-stream' });
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = suggestedName;
      link.rel = 'noopener';
      document.body.append(link);
      link.click();
      link.remove();
      // Revoked later: some browsers read the URL after click() returns.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      return Promise.resolve({ ok: true, value: { saved: true } });
    } catch (error) {
      return Promise.resolve({ ok: false, error: error instanceof Error ? error.message : String(error) });
    }
  },
  // No `keyring`: a browser has no OS keyring to offer, so the vault relies on the password alone.
  // The browser's own dialog prints or saves as PDF; whether the person saved is not told to the page.
  printToPdf: () => {
    window.print();
    return Promise.resolve({ ok: true, value: { saved: false } });
  },
};
