// Reading a file the person chose in the native open dialog (a roster to import): the dialog
// offers only the filters the page asked for, the chosen file must have one of their extensions and
// stay under the size limit, and its bytes go back to the page. Effects are injected so this runs
// in tests.
import type { FileFilter, OpenedFile, Result } from '@domain/desktop';
import type { ShellMessages } from './messages';

/** A 5,000-row roster is well under 2 MB; a larger file is not a roster and would sit in memory twice. */
export const MAX_OPEN_BYTES = 50 * 1024 * 1024;

export interface OpenFileEffects {
  /** The chosen path, or null when the person canceled. */
  chooseOpenPath(filters: FileFilter[]): Promise<string | null>;
  fileSize(path: string): Promise<number>;
  readFile(path: string): Promise<Uint8Array>;
  logError(error: unknown): void;
}

/** The file's name without its folder, whichever separator the OS uses. */
export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? '';
}

function extensionAllowed(name: string, filters: readonly FileFilter[]): boolean {
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  return filters.some((filter) => filter.extensions.some((allowed) => allowed === '*' || allowed.toLowerCase() === extension));
}

export async function openFile(
  filters: FileFilter[],
  effects: OpenFileEffects,
  text: ShellMessages,
  maxBytes = MAX_OPEN_BYTES,
): Promise<Result<OpenedFile | null>> {
  const path = await effects.chooseOpenPath(filters);
  if (path === null) return { ok: true, value: null };
  const name = baseName(path);
  if (!extensionAllowed(name, filters)) return { ok: false, error: text.errors.badFileType };
  let data: Uint8Array;
  try {
    if ((await effects.fileSize(path)) > maxBytes) return { ok: false, error: text.errors.fileTooLargeToOpen };
    data = await effects.readFile(path);
  } catch (error) {
    effects.logError(error);
    return { ok: false, error: text.errors.openFailed };
  }
  // The file may have grown between the size check and the read.
  if (data.byteLength > maxBytes) return { ok: false, error: text.errors.fileTooLargeToOpen };
  // A plain Uint8Array (not a Node Buffer over a shared pool) crosses IPC as exactly the file's bytes.
  return { ok: true, value: { name, data: new Uint8Array(data) } };
}
