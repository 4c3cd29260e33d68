// The preload: exposes `window.desktop` (DesktopApi) over IPC and nothing else — never
// `ipcRenderer` itself. Sandboxed preloads must be CommonJS and may only `require('electron')`,
// so this file imports types only; the channel names are checked against `Channel`.
import type { DesktopApi, Result } from '@domain/desktop';
import type { Channel } from './channels';

interface PreloadElectron {
  contextBridge: { exposeInMainWorld(key: string, api: unknown): void };
  ipcRenderer: { invoke(channel: string, ...args: unknown[]): Promise<unknown> };
}

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a sandboxed preload is CommonJS, and `electron` has no types on build machines
const { contextBridge, ipcRenderer } = require('electron') as PreloadElectron;

/** Main answers every call with a `Result` (ipc-answer.ts); only a missing handler rejects. */
async function invoke<T>(channel: Channel, arg?: unknown): Promise<Result<T>> {
  try {
    return (await ipcRenderer.invoke(channel, arg)) as Result<T>;
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

contextBridge.exposeInMainWorld('desktop', {
  kind: 'electron',
  appVersion: async () => {
    const answer = await invoke<string>('desktop:app-version');
    if (!answer.ok) throw new Error(answer.error);
    return answer.value;
  },
  saveFile: (suggestedName, data) => invoke<{ saved: boolean }>('desktop:save-file', { suggestedName, data }),
  printToPdf: (suggestedName) => invoke<{ saved: boolean }>('desktop:print-to-pdf', { suggestedName }),
  keyring: {
    available: async () => {
      const answer = await invoke<boolean>('desktop:keyring-available');
      return answer.ok && answer.value;
    },
    encrypt: (plain) => invoke<string>('desktop:keyring-encrypt', plain),
    decrypt: (sealed) => invoke<string>('desktop:keyring-decrypt', sealed),
  },
} satisfies DesktopApi);
