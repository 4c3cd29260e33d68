// Signing in and out, opening the user's database, starting and stopping sync, and what happens
// when the server ends the session (design.md "Sync contract": only `device_revoked` wipes data).
import { closeDatabase, currentDatabase, deleteDatabase, openDatabase } from '../db/current';
import { databaseNameFor, databasesOfServer, forgetDatabase, rememberDatabase } from '../db/name';
import { browserStorage } from '../db/storage';
import { ApiError } from '../sync/api';
import { attachConflictLog, recordConflict } from '../sync/conflictLog';
import { conflictHandlers } from '../sync/conflicts';
import { startSync, type SyncEngine } from '../sync/engine';
import { initialSyncStatus, useSyncStatus } from '../sync/status';
import { requestLogin } from './login';
import { loadSession, loadSettings, saveSession, updateSettings, useSessionStore, type SessionNotice, type StoredSession } from './store';

let engine: SyncEngine | null = null;
/** Keeps "changes waiting" current even while sync is stopped (the person keeps working locally). */
let unbindPending: (() => void) | null = null;

const conflictHandlerFor = conflictHandlers({
  record: recordConflict,
  isRemovedFromScope: (name, id) => currentDatabase()?.removed.has(name, id) ?? false,
});

async function stopSync(): Promise<void> {
  const running = engine;
  engine = null;
  await running?.stop();
}

/** Opens the session's database and starts syncing; never needs the network. */
async function activate(session: StoredSession): Promise<void> {
  useSessionStore.setState({ phase: 'opening' });
  try {
    await stopSync();
    const name = databaseNameFor(session.serverUrl, session.user.id);
    const open = await openDatabase({ name, storage: browserStorage(), conflictHandlerFor });
    rememberDatabase({ name, serverUrl: session.serverUrl, userId: session.user.id });
    await attachConflictLog(open.kv);
    unbindPending?.();
    unbindPending = open.pending.subscribe(() => useSyncStatus.setState({ pending: open.pending.count() }));
    engine = startSync(open, { serverUrl: session.serverUrl, token: session.token }, handleSessionEnd);
    useSessionStore.setState({ phase: 'ready' });
  } catch (error) {
    console.error('open database', error);
    const message = error instanceof Error ? error.message : String(error);
    useSessionStore.setState({ phase: 'failed', notice: { kind: 'openFailed', message } });
  }
}

/** At app start: reopen the stored session, offline if need be. */
export async function resumeSession(): Promise<void> {
  const session = loadSession();
  if (session) await activate(session);
}

export async function signIn(serverUrl: string, username: string, password: string): Promise<void> {
  const settings = loadSettings();
  let answer;
  try {
    answer = await requestLogin(serverUrl, username, password, settings.deviceIds[serverUrl]);
  } catch (error) {
    // The device id this server gave us was revoked: its data goes, the next sign-in is a new device.
    if (error instanceof ApiError && error.kind === 'device_revoked') await wipeServer(serverUrl, false);
    throw error;
  }
  updateSettings((current) => ({
    serverUrl,
    deviceIds: { ...current.deviceIds, [serverUrl]: answer.deviceId },
    usernames: { ...current.usernames, [serverUrl]: username },
  }));
  const session: StoredSession = { ...answer, serverUrl };
  saveSession(session);
  useSessionStore.setState({ notice: null });
  await activate(session);
}

/** Signs out; the local database stays for the next sign-in. */
export async function signOut(notice: SessionNotice | null = null): Promise<void> {
  await stopSync();
  unbindPending?.();
  unbindPending = null;
  await closeDatabase();
  await attachConflictLog(undefined);
  saveSession(null);
  useSyncStatus.setState(initialSyncStatus);
  useSessionStore.setState({ phase: 'signedOut', notice });
}

/** Deletes every local database of a server and forgets the device id it gave. */
async function wipeServer(serverUrl: string, signedIn: boolean): Promise<void> {
  if (signedIn) await stopSync();
  for (const entry of databasesOfServer(serverUrl)) {
    try {
      await deleteDatabase(entry.name, browserStorage());
      forgetDatabase(entry.name);
      localStorage.removeItem(`cg.lastSync.${entry.name}`);
    } catch (error) {
      // Kept in the list, so the next revocation notice tries again.
      console.error('delete local database', entry.name, error);
    }
  }
  updateSettings((current) => {
    const deviceIds = { ...current.deviceIds };
    delete deviceIds[serverUrl];
    return { ...current, deviceIds };
  });
  if (signedIn) await signOut({ kind: 'revoked' });
}

function handleSessionEnd(error: ApiError): void {
  const session = useSessionStore.getState().session;
  if (error.kind === 'device_revoked') {
    if (session) void wipeServer(session.serverUrl, true);
  } else if (error.kind === 'client_outdated') {
    useSessionStore.setState({ notice: { kind: 'outdated', minVersion: error.detail?.minVersion } });
  } else {
    // `unauthorized`: sync stops, the person keeps working locally until signing in again.
    useSessionStore.setState({ notice: { kind: 'expired' } });
  }
}

export function syncNow(): void {
  engine?.syncNow();
}
