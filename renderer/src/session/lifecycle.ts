// Signing in and out, opening the user's database, starting and stopping sync, and what happens
// when the server ends the session (design.md "Sync contract": only `device_revoked` wipes data).
// The database opens only with its data key, which the password unwraps (session/vault): online
// first; offline when the server cannot be reached, within the street's grace period; and on the
// lock screen at every start and after inactivity. Closing the database drops the key from memory.
import { closeDatabase, currentDatabase, deleteDatabase, openDatabase, type OpenDatabase } from '../db/current';
import type { CreateDatabaseOptions } from '../db/database';
import { databaseNameFor, databasesOfServer, forgetDatabase, localDatabases, rememberDatabase } from '../db/name';
import { readAllStorage } from '../db/readAll';
import { createSealer } from '../db/sealer';
import { browserStorage } from '../db/storage';
import { ApiError } from '../sync/api';
import { attachConflictLog, recordConflict } from '../sync/conflictLog';
import { conflictHandlers } from '../sync/conflicts';
import { startSync, type SyncEngine } from '../sync/engine';
import { forgetImport, prepareFirstSync, type ImportResult } from '../sync/firstImport';
import { initialSyncStatus, useSyncStatus } from '../sync/status';
import { accountOf, deviceAccounts, findAccount, forgetAccount, recordOnlineLogin, updateAccount, type DeviceAccount } from './accounts';
import { requestLogin } from './login';
import { streetSecurity } from './policy';
import { loadSession, loadSettings, saveSession, updateSettings, useSessionStore, withoutDeviceKey, type SessionNotice, type StoredSession } from './store';
import { canUnlockOffline, unlockAccount, UnlockRefusedError } from './unlock';
import { destroyVault, unlockOnline, unlockWithKeyring } from './vault';

let engine: SyncEngine | null = null;
/** Keeps "changes waiting" current even while sync is stopped (the person keeps working locally). */
let unbindPending: (() => void) | null = null;
/** Follows the street's offline-login days and lock minutes into the account record. */
let unwatchStreet: (() => void) | null = null;

const conflictHandlerFor = conflictHandlers({
  record: recordConflict,
  isRemovedFromScope: (name, id) => currentDatabase()?.removed.has(name, id) ?? false,
});

/**
 * After the lock screen, sync starts once the first screen is up: its start-up (twelve pulls, their
 * checkpoints, the event stream) otherwise competes with opening the page the person waits for.
 * The data is local, so nothing waits for it; "sync now" starts it at once.
 */
const SYNC_START_AFTER_MS = 1000;
const SYNC_START_IDLE_WAIT_MS = 2000;
/** After a sign-in in a page that paints no frames (hidden), sync starts after this long anyway. */
const SYNC_START_HIDDEN_MS = 500;
let deferredStart: { run(): void; cancel(): void } | null = null;
/** Stops a new database's import, when the person opens the pages before it is done. */
let importing: AbortController | null = null;

function afterFirstScreen(run: () => void): { run(): void; cancel(): void } {
  let done = false;
  const go = () => {
    if (done) return;
    done = true;
    run();
  };
  setTimeout(() => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(go, { timeout: SYNC_START_IDLE_WAIT_MS });
    else go();
  }, SYNC_START_AFTER_MS);
  return {
    run: go,
    cancel: () => {
      done = true;
    },
  };
}

/**
 * After a sign-in, sync starts as soon as the signed-in screen has painted: starting it (twelve
 * replications set up at once) in the task that mounts that screen made one long freeze of both.
 */
function afterPaint(run: () => void): { run(): void; cancel(): void } {
  let done = false;
  const go = () => {
    if (done) return;
    done = true;
    run();
  };
  // The frame's callback runs before its paint; the timeout after it, in a task of its own. A hidden
  // page paints no frames: there the later timeout starts it.
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(go, 0));
  setTimeout(go, SYNC_START_HIDDEN_MS);
  return {
    run: go,
    cancel: () => {
      done = true;
    },
  };
}

async function stopSync(): Promise<void> {
  deferredStart?.cancel();
  deferredStart = null;
  const running = engine;
  engine = null;
  await running?.stop();
}

const vaultIdOf = (session: StoredSession) => databaseNameFor(session.serverUrl, session.user.id);

function watchStreet(open: OpenDatabase, session: StoredSession): void {
  unwatchStreet?.();
  const subscription = open.db.streets.findOne(session.user.streetId).$.subscribe((doc) => {
    const security = streetSecurity(doc?.toJSON());
    useSessionStore.setState({ lockMinutes: security.lockMinutes });
    const account = accountOf(open.name);
    if (account && (account.offlineLoginDays !== security.offlineLoginDays || account.lockMinutes !== security.lockMinutes)) {
      updateAccount(open.name, (current) => ({ ...current, ...security }));
    }
  });
  unwatchStreet = () => subscription.unsubscribe();
}

/**
 * The account's last online session with its token, unsealed by the data key. A token that does
 * not open (it cannot normally happen) leaves sync to ask for a new login, like an expired one.
 */
async function sessionOf(account: DeviceAccount, key: string): Promise<StoredSession> {
  const token = await createSealer(key)
    .open(account.sealedToken)
    .catch(() => '');
  return { ...account.session, token };
}

/**
 * A new database's first sync, imported before it opens, with its progress on the first sync's
 * page (or one cut short, going on); where the replications start. Offline it stops at once.
 */
async function importFirstSync(database: CreateDatabaseOptions, session: StoredSession): Promise<ImportResult> {
  const controller = new AbortController();
  importing = controller;
  try {
    return await prepareFirstSync({
      database,
      serverUrl: session.serverUrl,
      token: session.token,
      isNew: !localDatabases().some((entry) => entry.name === database.name),
      onProgress: (received) => {
        if (controller.signal.aborted) return;
        useSyncStatus.setState({ firstSync: { received } });
        useSessionStore.setState({ phase: 'importing' });
      },
      signal: controller.signal,
    });
  } finally {
    // The progress stays: the pages wait until the replications have caught up (app/layout/FirstSyncGate).
    importing = null;
  }
}

/** "Open anyway" while a new database's first sync is imported: it stops, the pages open with what it holds. */
export function openDuringFirstSync(): void {
  useSyncStatus.setState({ pagesOpened: true });
  importing?.abort();
}

/**
 * Opens the session's database with its data key and starts syncing. Needs the network only for a
 * new database's import, which ends at once without it.
 */
async function activate(session: StoredSession, encryptionKey: string, offlineLogin: boolean, deferSync = false): Promise<void> {
  useSessionStore.setState({ phase: 'opening', lockReason: null });
  try {
    await stopSync();
    const name = vaultIdOf(session);
    const database: CreateDatabaseOptions = { name, storage: readAllStorage(browserStorage()), conflictHandlerFor, encryptionKey };
    const imported = await importFirstSync(database, session);
    const open = await openDatabase(database);
    performance.mark('cg:db-open'); // the cold start's steps, for the benchmark's profiles
    rememberDatabase({ name, serverUrl: session.serverUrl, userId: session.user.id });
    await attachConflictLog(open.kv);
    unbindPending?.();
    unbindPending = open.pending.subscribe(() => useSyncStatus.setState({ pending: open.pending.count() }));
    useSessionStore.setState({ lockMinutes: accountOf(name)?.lockMinutes ?? streetSecurity(undefined).lockMinutes });
    watchStreet(open, session);
    const start = () => {
      deferredStart = null;
      engine = startSync(open, { serverUrl: session.serverUrl, token: session.token }, handleSessionEnd, imported);
    };
    deferredStart = deferSync ? afterFirstScreen(start) : afterPaint(start);
    useSessionStore.setState({ phase: 'ready', offlineLogin });
  } catch (error) {
    console.error('open database', error);
    const message = error instanceof Error ? error.message : String(error);
    useSessionStore.setState({ phase: 'failed', notice: { kind: 'openFailed', message } });
  }
}

/** Stops sync and closes the database: its data key leaves memory with it. */
async function deactivate(): Promise<void> {
  await stopSync();
  unbindPending?.();
  unbindPending = null;
  unwatchStreet?.();
  unwatchStreet = null;
  await closeDatabase();
  await attachConflictLog(undefined);
  useSyncStatus.setState(initialSyncStatus);
}

/** At app start: the last user's lock screen; nothing opens without their password. */
export function resumeSession(): Promise<void> {
  const session = loadSession();
  if (session) useSessionStore.setState({ session, phase: 'locked', lockReason: 'start' });
  return Promise.resolve();
}

/** How a sign-in went: online, or offline from the device's own vault. */
export type SignInMode = 'online' | 'offline';

export async function signIn(serverUrl: string, username: string, password: string): Promise<SignInMode> {
  const settings = loadSettings();
  let answer;
  try {
    answer = await requestLogin(serverUrl, username, password, settings.deviceIds[serverUrl]);
  } catch (error) {
    // The device id this server gave us was revoked: its data goes, the next sign-in is a new device.
    if (error instanceof ApiError && error.kind === 'device_revoked') await wipeServer(serverUrl, false);
    // No answer at all (not a refusal): the device's own vault checks the password.
    if (error instanceof ApiError && error.unreachable) {
      await signInOffline(serverUrl, username, password, error);
      return 'offline';
    }
    throw error;
  }
  updateSettings((current) => ({
    serverUrl,
    deviceIds: { ...current.deviceIds, [serverUrl]: answer.deviceId },
    usernames: { ...current.usernames, [serverUrl]: username },
  }));
  const session = withoutDeviceKey({ ...answer, serverUrl });
  const vaultId = vaultIdOf(session);
  const key = await unlockOnline(vaultId, password, answer.deviceKey);
  const sealedToken = await createSealer(key).seal(session.token);
  recordOnlineLogin({ vaultId, username, session, sealedToken, at: new Date().toISOString() });
  saveSession(session);
  useSessionStore.setState({ notice: null });
  await activate(session, key, false);
  return 'online';
}

async function signInOffline(serverUrl: string, username: string, password: string, cause: ApiError): Promise<void> {
  const account = findAccount(serverUrl, username);
  const known = account !== undefined && localDatabases().some((entry) => entry.name === account.vaultId);
  if (!known) throw new UnlockRefusedError('neverOnline', { reason: cause.message });
  const key = await unlockAccount(account, password);
  updateSettings((current) => ({ ...current, serverUrl, usernames: { ...current.usernames, [serverUrl]: account.username } }));
  // The token of the last online login: sync reuses it; once expired, the server says so when back.
  const session = await sessionOf(account, key);
  saveSession(session);
  useSessionStore.setState({ notice: null });
  await activate(session, key, true);
}

/** The lock screen: the password checked by the device's vault; where that is no longer allowed, an online login. */
export async function unlockSession(password: string): Promise<void> {
  const { session, offlineLogin } = useSessionStore.getState();
  if (!session) return;
  const account = accountOf(vaultIdOf(session));
  if (account && canUnlockOffline(account, Date.now())) {
    const key = await unlockAccount(account, password);
    const unlocked = await sessionOf(account, key);
    saveSession(unlocked);
    await activate(unlocked, key, offlineLogin, true);
    return;
  }
  try {
    await signIn(session.serverUrl, account?.username ?? session.user.username, password);
  } catch (error) {
    // A revoked device was wiped by signIn: the lock screen has nothing left to open.
    if (error instanceof ApiError && error.kind === 'device_revoked') return signOut({ kind: 'revoked' });
    if (error instanceof UnlockRefusedError && error.refusal === 'neverOnline') throw new UnlockRefusedError('needsOnline', error.values);
    throw error;
  }
}

/**
 * The hook for the desktop's OS keyring: at start, opens the last user's data without a password
 * where the keyring holds its key (never on the web, never after an inactivity or manual lock, never
 * once offline login is no longer allowed). Returns whether it opened.
 */
export async function unlockWithKeyringAtStart(): Promise<boolean> {
  const { session, phase, lockReason } = useSessionStore.getState();
  if (!session || phase !== 'locked' || lockReason !== 'start') return false;
  const account = accountOf(vaultIdOf(session));
  if (!account || !canUnlockOffline(account, Date.now())) return false;
  const key = await unlockWithKeyring(account.vaultId).catch(() => undefined);
  if (key === undefined || useSessionStore.getState().phase !== 'locked') return false;
  const unlocked = await sessionOf(account, key);
  saveSession(unlocked);
  await activate(unlocked, key, false, true);
  return true;
}

/** Inactivity or the person's own lock: sync stops, the database closes, the key leaves memory. */
export async function lockSession(reason: 'idle' | 'manual'): Promise<void> {
  if (useSessionStore.getState().phase !== 'ready') return;
  useSessionStore.setState({ phase: 'locked', lockReason: reason });
  await deactivate();
}

/** Signs out; the local database (and the account's offline login) stays for the next sign-in. */
export async function signOut(notice: SessionNotice | null = null): Promise<void> {
  await deactivate();
  saveSession(null);
  useSessionStore.setState({ phase: 'signedOut', notice, lockReason: null, offlineLogin: false });
}

/** Deletes every local database of a server, with its vault and account, and forgets the device id it gave. */
async function wipeServer(serverUrl: string, signedIn: boolean): Promise<void> {
  if (signedIn) await stopSync();
  const names = new Set([
    ...databasesOfServer(serverUrl).map((entry) => entry.name),
    ...deviceAccounts()
      .filter((account) => account.serverUrl === serverUrl)
      .map((account) => account.vaultId),
  ]);
  for (const name of names) {
    try {
      await deleteDatabase(name, browserStorage());
      forgetDatabase(name);
      destroyVault(name);
      forgetAccount(name);
      localStorage.removeItem(`cg.lastSync.${name}`);
      forgetImport(name);
    } catch (error) {
      // Kept in the list, so the next revocation notice tries again.
      console.error('delete local database', name, error);
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
  if (deferredStart) deferredStart.run();
  else engine?.syncNow();
}
