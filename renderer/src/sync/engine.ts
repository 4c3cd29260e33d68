// Runs the sync of the open database: twelve replications, one event stream, the status the header
// shows, "sync now", and the stop when the server ends the session.
import { collectionNames, type CollectionName } from '@domain/collections';
import type { OpenDatabase } from '../db/current';
import { setFirstSyncFilling } from '../db/pacedQuery';
import { APP_VERSION } from '../desktop/version';
import { i18n } from '../i18n';
import { ApiError, createApiClient } from './api';
import { WakeableWait } from './backoff';
import { createHandlers, type Direction } from './handlers';
import { waitForEarlierPushes } from './order';
import { nothingImported, type ImportResult } from './firstImport';
import { localReader, replicateCollection, type CollectionReplication } from './replication';
import { initialSyncStatus, useSyncStatus } from './status';
import { ChangeStream } from './stream';

export interface SyncTarget {
  serverUrl: string;
  token: string;
}

export interface SyncEngine {
  syncNow(): void;
  stop(): Promise<void>;
}

const FIRST_SYNC_KEY = 'first-sync-done';

export function describeSyncError(collection: CollectionName, error: unknown): string {
  const label = i18n.t(`common:conflicts.collections.${collection}`);
  // An unreachable server is the same news for every collection.
  if (error instanceof ApiError && error.unreachable) return error.message;
  if (error instanceof ApiError) {
    const details = (error.detail?.details ?? []).slice(0, 3).map((detail) => detail.message);
    return `${label}：${error.message}${details.length > 0 ? `（${details.join('；')}）` : ''}`;
  }
  return `${label}：${error instanceof Error ? error.message : String(error)}`;
}

function lastSyncKey(open: OpenDatabase): string {
  return `cg.lastSync.${open.name}`;
}

/**
 * Starts the twelve replications. `imported`: a new database's import (./firstImport) — where a
 * collection's replication starts when it has no stored checkpoint, and the documents it stored.
 */
export function startSync(
  open: OpenDatabase,
  target: SyncTarget,
  onSessionEnd: (error: ApiError) => void,
  imported: ImportResult = nothingImported,
): SyncEngine {
  const wait = new WakeableWait();
  const stopWait = new WakeableWait();
  const errors = new Map<string, string>();
  const pulledOnce = new Set<CollectionName>();
  const active = new Map<CollectionName, boolean>();
  const cleanups: Array<() => void> = [];
  let stopped = false;
  let firstSyncRunning = false;
  /** Documents pulled since sync started, after those imported: the first sync's progress. */
  let received = imported.stored;

  useSyncStatus.setState({
    ...initialSyncStatus,
    // What a new database's import showed (./firstImport): its progress, until the first sync is
    // known to be done (below), and whether the person opened the pages meanwhile.
    firstSync: useSyncStatus.getState().firstSync,
    pagesOpened: useSyncStatus.getState().pagesOpened,
    browserOnline: navigator.onLine,
    pending: open.pending.count(),
    lastSyncedAt: localStorage.getItem(lastSyncKey(open)),
  });

  function recompute(): void {
    const syncing = [...active.values()].some(Boolean);
    const pending = open.pending.count();
    const messages = [...errors.values()];
    const synced = !stopped && pulledOnce.size === collectionNames.length && !syncing && errors.size === 0 && pending === 0;
    const lastSyncedAt = synced ? new Date().toISOString() : useSyncStatus.getState().lastSyncedAt;
    if (synced && lastSyncedAt) localStorage.setItem(lastSyncKey(open), lastSyncedAt);
    useSyncStatus.setState({ syncing, pending, lastError: messages.at(-1) ?? null, lastSyncedAt });
  }

  const api = createApiClient({
    serverUrl: target.serverUrl,
    token: target.token,
    clientVersion: APP_VERSION,
    onReachability: (reachable) => {
      if (useSyncStatus.getState().serverReachable !== reachable) useSyncStatus.setState({ serverReachable: reachable });
    },
    onSessionEnd: (error) => {
      if (stopped) return;
      void stop();
      useSyncStatus.setState({ stopped: true, syncing: false, lastError: error.message });
      onSessionEnd(error);
    },
  });

  const stream = new ChangeStream({ api, collections: collectionNames });

  const replications: CollectionReplication[] = collectionNames.map((collection) => {
    const key = (direction: Direction) => `${collection}:${direction}`;
    const handlers = createHandlers({
      collection,
      api,
      pending: open.pending,
      removed: open.removed,
      readLocal: localReader(open.db, collection),
      waitForEarlier: () => waitForEarlierPushes(collection, open.pending, stopWait),
      wait,
      report: {
        received: (count) => {
          received += count;
          if (firstSyncRunning) useSyncStatus.setState({ firstSync: { received } });
        },
        succeeded: (direction) => {
          errors.delete(key(direction));
          errors.delete(`${collection}:storage`);
          if (direction === 'pull') pulledOnce.add(collection);
          recompute();
        },
        failed: (direction, error) => {
          errors.set(key(direction), describeSyncError(collection, error));
          recompute();
        },
      },
    });
    return replicateCollection({
      db: open.db,
      collection,
      serverUrl: target.serverUrl,
      handlers,
      stream$: stream.stream$(collection),
      beforePull: () => stream.beforePull(),
      pending: open.pending,
      removed: open.removed,
      initial: imported.checkpoints[collection],
    });
  });

  const reconcileAll = () => Promise.all(replications.map((replication) => replication.reconcilePending())).catch(() => undefined);

  for (const replication of replications) {
    const { collection, state } = replication;
    const activeSub = state.active$.subscribe((isActive) => {
      active.set(collection, isActive);
      if (!isActive) void replication.reconcilePending().catch(() => undefined);
      recompute();
    });
    const errorSub = state.error$.subscribe((error) => {
      // Failures of the handlers are reported by them; anything else (a local write of pulled
      // data failing) must not leave the status saying "synced".
      const direction = (error as { parameters?: { direction?: unknown } }).parameters?.direction;
      if (direction === undefined) {
        console.error('replication', collection, error);
        errors.set(`${collection}:storage`, describeSyncError(collection, error));
        recompute();
      }
    });
    cleanups.push(() => activeSub.unsubscribe(), () => errorSub.unsubscribe());
  }
  cleanups.push(open.pending.subscribe(recompute));

  const onOnline = () => {
    useSyncStatus.setState({ browserOnline: true });
    syncNow();
  };
  const onOffline = () => useSyncStatus.setState({ browserOnline: false });
  window.addEventListener('online', onOnline);
  window.addEventListener('offline', onOffline);
  cleanups.push(() => {
    window.removeEventListener('online', onOnline);
    window.removeEventListener('offline', onOffline);
  });

  stream.start();

  void (async () => {
    if ((await open.kv.get(FIRST_SYNC_KEY)) === true || stopped) {
      useSyncStatus.setState({ firstSync: null });
      return;
    }
    firstSyncRunning = true;
    setFirstSyncFilling(true);
    useSyncStatus.setState({ firstSync: { received } });
    try {
      await Promise.all(replications.map((replication) => replication.state.awaitInitialReplication()));
    } finally {
      firstSyncRunning = false;
      setFirstSyncFilling(false);
    }
    if (stopped) return;
    await open.kv.set(FIRST_SYNC_KEY, true);
    useSyncStatus.setState({ firstSync: null });
  })().catch((error: unknown) => console.error('first sync', error));

  void reconcileAll();

  function syncNow(): void {
    if (stopped) return;
    wait.wake();
    stream.reconnectNow();
    for (const { state } of replications) state.reSync();
    void reconcileAll();
  }

  let stopping: Promise<void> | undefined;
  function stop(): Promise<void> {
    // Every caller waits for the same, complete stop.
    stopping ??= stopNow();
    return stopping;
  }

  async function stopNow(): Promise<void> {
    stopped = true;
    firstSyncRunning = false;
    setFirstSyncFilling(false);
    wait.close();
    stopWait.close();
    for (const cleanup of cleanups) cleanup();
    await stream.stop();
    await Promise.all(replications.map(({ state }) => state.cancel()));
    useSyncStatus.setState({ syncing: false, firstSync: null });
  }

  return { syncNow, stop };
}
