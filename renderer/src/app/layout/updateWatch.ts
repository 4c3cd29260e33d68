// What the signed-in desktop app does about updates (UpdateNotice): follow the shell's updater
// status and ask it to check the street office server the person is signed in to. Pure over the
// bridge's `UpdatesApi`, so it is tested with a fake one.
import type { UpdatesApi, UpdateStatus } from '@domain/desktop';

/** The notice to show for a status: only what the person can act on or must know. */
export type UpdateNoticeView =
  | { kind: 'none' }
  | { kind: 'downloading'; version: string; percent: number }
  | { kind: 'ready'; version: string; releaseNotes: string }
  | { kind: 'rejected'; version: string | null; reason: string };

export function updateNoticeView(status: UpdateStatus | null): UpdateNoticeView {
  switch (status?.kind) {
    case 'downloading':
      return { kind: 'downloading', version: status.version, percent: status.percent };
    case 'ready':
      return { kind: 'ready', version: status.version, releaseNotes: status.releaseNotes };
    case 'rejected':
      return { kind: 'rejected', version: status.version, reason: status.reason };
    case 'idle':
    case 'checking':
    case 'error':
    case undefined:
      // Idle, checking and errors (retried by the shell) need nothing from the person.
      return { kind: 'none' };
  }
}

/**
 * Subscribes to the updater's status and asks it to check `serverUrl`; returns the unsubscribe.
 * A failed check is not shown: the shell's status says what matters, and it checks again itself.
 */
export function watchUpdates(updates: UpdatesApi, serverUrl: string, onStatus: (status: UpdateStatus) => void, logError: (error: unknown) => void = console.error): () => void {
  const unsubscribe = updates.onStatus(onStatus);
  updates.check(serverUrl).then(
    (answer) => {
      if (!answer.ok) logError(answer.error);
    },
    logError,
  );
  return unsubscribe;
}
