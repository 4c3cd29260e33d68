// What the header shows about sync. It never says more than is true: "synced" (a last-sync time)
// only when every replication has pulled, none is busy or failing, and no change is waiting.
import { create } from 'zustand';

export interface SyncStatus {
  /** The browser's own network state. */
  browserOnline: boolean;
  /** Whether the server answered the last request; `null` before the first one. */
  serverReachable: boolean | null;
  /** Changes waiting for the server's acknowledgement. */
  pending: number;
  /** ISO instant of the last moment everything was in sync. */
  lastSyncedAt: string | null;
  syncing: boolean;
  /** In Chinese (or the chosen language), for the person. */
  lastError: string | null;
  /** Documents received so far by the first sync of a new local database; `null` when not running. */
  firstSync: { received: number } | null;
  /** The person opened the pages before the first sync was done (they stay open for the session). */
  pagesOpened: boolean;
  /** Sync stopped by the server (session ended, update required). */
  stopped: boolean;
}

export const initialSyncStatus: SyncStatus = {
  browserOnline: typeof navigator === 'undefined' ? true : navigator.onLine,
  serverReachable: null,
  pending: 0,
  lastSyncedAt: null,
  syncing: false,
  lastError: null,
  firstSync: null,
  pagesOpened: false,
  stopped: false,
};

export const useSyncStatus = create<SyncStatus>(() => initialSyncStatus);

export function isOnline(status: Pick<SyncStatus, 'browserOnline' | 'serverReachable'>): boolean {
  return status.browserOnline && status.serverReachable !== false;
}
