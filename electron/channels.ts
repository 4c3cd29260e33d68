// IPC channel names shared by main and preload. The preload is CommonJS and can import only types,
// so it writes the names literally and the `Channel` type checks them.

export const channels = {
  appVersion: 'desktop:app-version',
  saveFile: 'desktop:save-file',
  openFile: 'desktop:open-file',
  printToPdf: 'desktop:print-to-pdf',
  keyringAvailable: 'desktop:keyring-available',
  keyringEncrypt: 'desktop:keyring-encrypt',
  keyringDecrypt: 'desktop:keyring-decrypt',
  updateCheck: 'desktop:update-check',
  updateInstall: 'desktop:update-install',
  /** Answers the updater's current status. */
  updateCurrent: 'desktop:update-current',
  /** Sent by main (`webContents.send`) at every change of the updater's status. */
  updateStatus: 'desktop:update-status',
} as const;

export type Channel = (typeof channels)[keyof typeof channels];
