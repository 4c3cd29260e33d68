// Offline unlock of an account's data key by its password (offline login and the lock screen):
// refused after the street's grace period, counted wrong passwords in a row, and the password
// wrap dropped at the fifth, after which only an online login reopens the data.
import { i18n } from '../i18n';
import { updateAccount, type DeviceAccount } from './accounts';
import './locales';
import { MAX_OFFLINE_FAILURES, offlineLoginAllowed } from './policy';
import { dropPasswordWrap, hasPasswordWrap, unlockOffline, WrongPasswordError } from './vault';

export type UnlockRefusal = 'wrongPassword' | 'lockedNow' | 'lockedOut' | 'graceOver' | 'neverOnline' | 'needsOnline';

/** Why the data was not opened, in the person's language. */
export class UnlockRefusedError extends Error {
  constructor(
    readonly refusal: UnlockRefusal,
    readonly values: Record<string, string | number> = {},
  ) {
    super(i18n.t(`session:offline.${refusal}`, { max: MAX_OFFLINE_FAILURES, ...values }));
    this.name = 'UnlockRefusedError';
  }
}

/** Within the grace period and not locked out by wrong passwords. */
export function canUnlockOffline(account: DeviceAccount, now: number): boolean {
  return offlineLoginAllowed(account.lastOnlineLoginAt, account.offlineLoginDays, now) && hasPasswordWrap(account.vaultId);
}

/** The account's data key from its password alone; throws UnlockRefusedError with the reason. */
export async function unlockAccount(account: DeviceAccount, password: string, now: number = Date.now()): Promise<string> {
  if (!offlineLoginAllowed(account.lastOnlineLoginAt, account.offlineLoginDays, now)) {
    throw new UnlockRefusedError('graceOver', { days: account.offlineLoginDays });
  }
  if (!hasPasswordWrap(account.vaultId)) throw new UnlockRefusedError('lockedOut');
  let key: string;
  try {
    key = await unlockOffline(account.vaultId, password);
    performance.mark('cg:key'); // the cold start's steps, for the benchmark's profiles (tests/bench/app.bench.ts)
  } catch (error) {
    if (!(error instanceof WrongPasswordError)) throw error;
    const failures = (updateAccount(account.vaultId, (current) => ({ ...current, failedUnlocks: current.failedUnlocks + 1 }))?.failedUnlocks ?? 1);
    if (failures >= MAX_OFFLINE_FAILURES) {
      dropPasswordWrap(account.vaultId);
      updateAccount(account.vaultId, (current) => ({ ...current, failedUnlocks: 0 }));
      throw new UnlockRefusedError('lockedNow');
    }
    throw new UnlockRefusedError('wrongPassword', { left: MAX_OFFLINE_FAILURES - failures });
  }
  if (account.failedUnlocks !== 0) updateAccount(account.vaultId, (current) => ({ ...current, failedUnlocks: 0 }));
  return key;
}
