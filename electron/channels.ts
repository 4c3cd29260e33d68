// IPC channel names shared by main and preload. The preload is CommonJS and can import only types,
// so it writes the names literally and the `Channel` type checks them.

export const channels = {
  appVersion: 'desktop:app-version',
  saveFile: 'desktop:save-file',
  printToPdf: 'desktop:print-to-pdf',
  keyringAvailable: 'desktop:keyring-available',
  keyringEncrypt: 'desktop:keyring-encrypt',
  keyringDecrypt: 'desktop:keyring-decrypt',
} as const;

export type Channel = (typeof channels)[keyof typeof channels];
