// What the account and device lists show, worked out from the server's answers: an account's
// state, whom it covers, how it is found by search, and what a device's row says.
import type { Community, Unit } from '@domain/collections';
import type { AdminAccount, DeviceInfo, Role } from '@domain/contract';
import type { ErrorDetail } from '@domain/errors';
import type { SearchSource } from '../../lib/search';

export type AccountState = 'active' | 'locked' | 'disabled';

/** Disabled wins; a lock counts only while it lasts. */
export function accountState(account: Pick<AdminAccount, 'disabled' | 'lockedUntil'>, now: Date = new Date()): AccountState {
  if (account.disabled) return 'disabled';
  if (account.lockedUntil !== null && new Date(account.lockedUntil).getTime() > now.getTime()) return 'locked';
  return 'active';
}

export interface ScopeNames {
  communities: ReadonlyMap<string, Pick<Community, 'name'>>;
  units: ReadonlyMap<string, Pick<Unit, 'name'>>;
}

/**
 * The names of what an account covers: its communities (staff) or its department (liaison); empty
 * for a street admin, who covers the whole street. An id the device does not know shows as itself.
 */
export function scopeNamesOf(account: Pick<AdminAccount, 'role' | 'communityIds' | 'unitId' | 'unitName'>, names: ScopeNames): string[] {
  switch (account.role) {
    case 'community_staff':
      return account.communityIds.map((id) => names.communities.get(id)?.name ?? id);
    case 'department_liaison':
      return account.unitId === undefined ? [] : [names.units.get(account.unitId)?.name ?? account.unitName ?? account.unitId];
    case 'street_admin':
      return [];
    default:
      return account.role satisfies never;
  }
}

export interface AccountRow extends AdminAccount {
  state: AccountState;
  scopeNames: string[];
}

/** Newest-created last, as the server lists them; street admins first so the street's own accounts lead. */
export function accountRows(accounts: readonly AdminAccount[], names: ScopeNames, now: Date = new Date()): AccountRow[] {
  const rank: Record<Role, number> = { street_admin: 0, community_staff: 1, department_liaison: 2 };
  return accounts
    .map((account) => ({ ...account, state: accountState(account, now), scopeNames: scopeNamesOf(account, names) }))
    .sort((a, b) => rank[a.role] - rank[b.role]);
}

export const accountSearchSource = (row: AccountRow): SearchSource => ({
  personNames: [row.displayName],
  names: row.scopeNames,
  texts: [row.username],
});

/** Devices of one account (or all), the ones still in use first, then the most recently seen. */
export function deviceRows(devices: readonly DeviceInfo[], userId: string | undefined): DeviceInfo[] {
  const seen = (device: DeviceInfo) => (device.lastSeenAt === null ? 0 : new Date(device.lastSeenAt).getTime());
  return devices
    .filter((device) => userId === undefined || device.userId === userId)
    .sort((a, b) => Number(a.revokedAt !== null) - Number(b.revokedAt !== null) || seen(b) - seen(a));
}

/** The accounts that have devices, for the filter: one entry per account, by display name. */
export function deviceOwners(devices: readonly DeviceInfo[]): { userId: string; label: string }[] {
  const owners = new Map<string, string>();
  for (const device of devices) owners.set(device.userId, `${device.displayName}（${device.username}）`);
  return [...owners].map(([userId, label]) => ({ userId, label })).sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
}

const PASSWORD_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
export const GENERATED_PASSWORD_LENGTH = 12;

/** A random password to hand over on paper: no look-alike characters (0/O, 1/l/I). */
export function generatePassword(random: (bytes: Uint8Array) => Uint8Array = (bytes) => crypto.getRandomValues(bytes)): string {
  const limit = 256 - (256 % PASSWORD_ALPHABET.length); // rejection sampling keeps every character equally likely
  let password = '';
  while (password.length < GENERATED_PASSWORD_LENGTH) {
    for (const byte of random(new Uint8Array(GENERATED_PASSWORD_LENGTH))) {
      if (byte < limit && password.length < GENERATED_PASSWORD_LENGTH) password += PASSWORD_ALPHABET[byte % PASSWORD_ALPHABET.length];
    }
  }
  return password;
}

/** The form fields of the server's per-field problems (`details[].field`), for antd's `setFields`. */
export function formFieldsOf(details: readonly ErrorDetail[] | undefined, known: readonly string[]): { name: string; errors: string[] }[] {
  const byField = new Map<string, string[]>();
  for (const detail of details ?? []) {
    if (detail.field === undefined || !known.includes(detail.field)) continue;
    byField.set(detail.field, [...(byField.get(detail.field) ?? []), detail.message]);
  }
  return [...byField].map(([name, errors]) => ({ name, errors }));
}

export interface ScopeValues {
  communityIds?: string[];
  unitId?: string;
}

/** The request's scope for a role from what the form holds: the other role's field is left out, as the server expects. */
export function scopeOfForm(role: Role, values: ScopeValues): { communityIds: string[]; unitId?: string } {
  switch (role) {
    case 'community_staff':
      return { communityIds: [...new Set(values.communityIds ?? [])] };
    case 'department_liaison':
      return values.unitId === undefined ? { communityIds: [] } : { communityIds: [], unitId: values.unitId };
    case 'street_admin':
      return { communityIds: [] };
    default:
      return role satisfies never;
  }
}
