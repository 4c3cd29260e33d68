// The accounts that have signed in online on this device, one per local database (vault id): who
// they are (for the login page's list and the lock screen), when they last signed in online, the
// street's grace period and lock time, wrong offline passwords in a row, and the session of their
// last online login, whose token sync reuses while it is valid — that token sealed under the data
// key, so that it is as unreadable on disk as the data. Nothing here opens the local data: that
// needs the password (session/vault).
import { isStoredSession, withoutToken, type StoredSession } from './store';
import { LOCK_MINUTES, OFFLINE_LOGIN_DAYS } from './policy';

export interface DeviceAccount {
  /** The local database's name (db/name databaseNameFor), also the vault id. */
  vaultId: string;
  serverUrl: string;
  userId: string;
  username: string;
  displayName: string;
  /** ISO instant of the last online login on this device. */
  lastOnlineLoginAt: string;
  offlineLoginDays: number;
  lockMinutes: number;
  /** Wrong offline passwords in a row. */
  failedUnlocks: number;
  /** Without its token (see `sealedToken`). */
  session: StoredSession;
  /** The session's token, sealed with the data key (db/sealer). */
  sealedToken: string;
}

const ACCOUNTS_KEY = 'cg.accounts';

function isAccount(value: unknown): value is DeviceAccount {
  if (typeof value !== 'object' || value === null) return false;
  const account = value as Record<string, unknown>;
  return (
    typeof account.vaultId === 'string' &&
    typeof account.serverUrl === 'string' &&
    typeof account.userId === 'string' &&
    typeof account.username === 'string' &&
    typeof account.displayName === 'string' &&
    typeof account.lastOnlineLoginAt === 'string' &&
    typeof account.offlineLoginDays === 'number' &&
    typeof account.lockMinutes === 'number' &&
    typeof account.failedUnlocks === 'number' &&
    typeof account.sealedToken === 'string' &&
    isStoredSession(account.session)
  );
}

export function deviceAccounts(storage: Storage = localStorage): DeviceAccount[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(ACCOUNTS_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isAccount) : [];
  } catch {
    return [];
  }
}

export function accountOf(vaultId: string, storage: Storage = localStorage): DeviceAccount | undefined {
  return deviceAccounts(storage).find((account) => account.vaultId === vaultId);
}

export function findAccount(serverUrl: string, username: string, storage: Storage = localStorage): DeviceAccount | undefined {
  const name = username.trim().toLowerCase();
  return deviceAccounts(storage).find((account) => account.serverUrl === serverUrl && account.username.toLowerCase() === name);
}

function write(accounts: DeviceAccount[], storage: Storage): void {
  storage.setItem(ACCOUNTS_KEY, JSON.stringify(accounts));
}

/** After an online login: the account as the server described it, its counter back to zero. */
export function recordOnlineLogin(
  entry: { vaultId: string; username: string; session: StoredSession; sealedToken: string; at: string },
  storage: Storage = localStorage,
): DeviceAccount {
  const previous = accountOf(entry.vaultId, storage);
  const account: DeviceAccount = {
    vaultId: entry.vaultId,
    serverUrl: entry.session.serverUrl,
    userId: entry.session.user.id,
    username: entry.username,
    displayName: entry.session.user.displayName,
    lastOnlineLoginAt: entry.at,
    offlineLoginDays: previous?.offlineLoginDays ?? OFFLINE_LOGIN_DAYS.default,
    lockMinutes: previous?.lockMinutes ?? LOCK_MINUTES.default,
    failedUnlocks: 0,
    session: withoutToken(entry.session),
    sealedToken: entry.sealedToken,
  };
  write([...deviceAccounts(storage).filter((known) => known.vaultId !== entry.vaultId), account], storage);
  return account;
}

export function updateAccount(vaultId: string, change: (account: DeviceAccount) => DeviceAccount, storage: Storage = localStorage): DeviceAccount | undefined {
  let updated: DeviceAccount | undefined;
  write(
    deviceAccounts(storage).map((account) => {
      if (account.vaultId !== vaultId) return account;
      updated = change(account);
      return updated;
    }),
    storage,
  );
  return updated;
}

export function forgetAccount(vaultId: string, storage: Storage = localStorage): void {
  write(
    deviceAccounts(storage).filter((account) => account.vaultId !== vaultId),
    storage,
  );
}
