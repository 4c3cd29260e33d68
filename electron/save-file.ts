// Saving a file the renderer produced (an Excel export, a PDF): the person picks the place in the
// native dialog, then the bytes are written. Effects are injected so this runs in tests.
import type { Result } from '@domain/desktop';
import type { SaveFileRequest } from './ipc-args';
import type { ShellMessages } from './messages';

export interface SaveFileEffects {
  /** The chosen path, or null when the person canceled. */
  chooseSavePath(suggestedName: string): Promise<string | null>;
  writeFile(path: string, data: Uint8Array): Promise<void>;
  logError(error: unknown): void;
}

export async function saveFile(
  request: SaveFileRequest,
  effects: SaveFileEffects,
  text: ShellMessages,
): Promise<Result<{ saved: boolean }>> {
  const path = await effects.chooseSavePath(request.suggestedName);
  if (path === null) return { ok: true, value: { saved: false } };
  try {
    await effects.writeFile(path, request.data);
    return { ok: true, value: { saved: true } };
  } catch (error) {
    effects.logError(error);
    return { ok: false, error: text.errors.saveFailed };
  }
}
