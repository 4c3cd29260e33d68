// The rules of offline login and of the inactivity lock (issue 6, "Offline login"), pure so that
// they are tested without a browser: the street's grace period, counted from the last online login
// on this device, and how many wrong offline passwords in a row are allowed.
import type { Street } from '@domain/collections';

export const OFFLINE_LOGIN_DAYS = { default: 30, min: 1, max: 90 } as const;
export const LOCK_MINUTES = { default: 15, min: 1, max: 240 } as const;
/** The fifth wrong offline password in a row drops the password wrap: only an online login reopens. */
export const MAX_OFFLINE_FAILURES = 5;

const DAY_MS = 24 * 60 * 60 * 1000;

function within(value: number | undefined, bounds: { default: number; min: number; max: number }): number {
  return value !== undefined && Number.isInteger(value) && value >= bounds.min && value <= bounds.max ? value : bounds.default;
}

export interface StreetSecurity {
  offlineLoginDays: number;
  lockMinutes: number;
}

/** The street's settings, with the defaults where it has none (or an out-of-bounds value). */
export function streetSecurity(street: Pick<Street, 'offlineLoginDays' | 'lockMinutes'> | undefined): StreetSecurity {
  return {
    offlineLoginDays: within(street?.offlineLoginDays, OFFLINE_LOGIN_DAYS),
    lockMinutes: within(street?.lockMinutes, LOCK_MINUTES),
  };
}

/** When the grace period of an offline login ends: the last online login plus the street's days. */
export function offlineLoginEndsAt(lastOnlineLoginAt: string, offlineLoginDays: number): number {
  return Date.parse(lastOnlineLoginAt) + within(offlineLoginDays, OFFLINE_LOGIN_DAYS) * DAY_MS;
}

/** Whether an offline login is still allowed at `now` (an unreadable date allows none). */
export function offlineLoginAllowed(lastOnlineLoginAt: string, offlineLoginDays: number, now: number): boolean {
  const endsAt = offlineLoginEndsAt(lastOnlineLoginAt, offlineLoginDays);
  return Number.isFinite(endsAt) && now < endsAt;
}

/** Whether the app should lock: no input for the street's minutes. */
export function idleTooLong(lastInputAt: number, lockMinutes: number, now: number): boolean {
  return now - lastInputAt >= within(lockMinutes, LOCK_MINUTES) * 60 * 1000;
}
