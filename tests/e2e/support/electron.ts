// Whether this machine has an Electron binary: `electron` is an optional dependency whose
// postinstall downloads it from outside the npm registry, which not every machine can reach.
import { createRequire } from 'node:module';

/** The binary's path, as `require('electron')` gives it in Node; null when it is not installed. */
export function electronBinary(): string | null {
  try {
    const binary: unknown = createRequire(import.meta.url)('electron');
    return typeof binary === 'string' ? binary : null;
  } catch {
    return null;
  }
}

export const noElectronReason =
  'Electron is not installed here (an optional dependency whose binary cannot be downloaded), so the desktop end-to-end tests (tests/e2e/desktop*.spec.ts: start, login, offline edit, Excel, PDF, escapes, single instance) skip; electron/test covers the shell with a fake Electron';
