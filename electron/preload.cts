// The preload: exposes `window.desktop` (DesktopApi) over IPC and nothing else — never
// `ipcRenderer` itself. Sandboxed preloads must be CommonJS and may only `require('electron')`,
// so this file imports types only; the channel names are checked against `Channel`.
import type { DesktopApi, OpenedFile, Result, UpdateStatus } from '@domain/desktop';
import type { Channel } from './channels';

interface PreloadElectron {
  contextBridge: { exposeInMainWorld(key: string, api: unknown): void };
  ipcRenderer: {
    invoke(channel: string, ...args: unknown[]): Promise<unknown>;
    on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
    removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  };
}

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a sandboxed preload is CommonJS, and `electron` has no types on build machines
const { contextBridge, ipcRenderer } = require('electron') as PreloadElectron;

const updateStatusChannel: Channel = 'desktop:update-status';

/** The updater's status: pushed by main at every change, and asked for once at subscription. */
function onUpdateStatus(listener: (status: UpdateStatus) => void): () => void {
  let active = true;
  let pushed = false;
  // The page gets the status only, never the IPC event (it holds the sender).
  const onPush = (_event: unknown, status: unknown) => {
    pushed = true;
    if (active) listener(status as UpdateStatus);
  };
  ipcRenderer.on(updateStatusChannel, onPush);
  void invoke<UpdateStatus>('desktop:update-current').then((answer) => {
    if (active && !pushed && answer.ok) listener(answer.value);
  });
  return () => {
    active = false;
    ipcRenderer.removeListener(updateStatusChannel, onPush);
  };
}

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
  openFile: (filters) => invoke<OpenedFile | null>('desktop:open-file', filters),
  printToPdf: (suggestedName) => invoke<{ saved: boolean }>('desktop:print-to-pdf', { suggestedName }),
  keyring: {
    available: async () => {
      const answer = await invoke<boolean>('desktop:keyring-available');
      return answer.ok && answer.value;
    },
    encrypt: (plain) => invoke<string>('desktop:keyring-encrypt', plain),
    decrypt: (sealed) => invoke<string>('desktop:keyring-decrypt', sealed),
  },
  updates: {
    check: (serverUrl) => invoke<void>('desktop:update-check', serverUrl),
    install: () => invoke<void>('desktop:update-install'),
    onStatus: onUpdateStatus,
  },
} satisfies DesktopApi);
