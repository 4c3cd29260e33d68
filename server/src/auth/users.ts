// Accounts as stored, and their shapes on the wire.
import { randomUUID } from 'node:crypto';
import type { AdminUser, Role, SessionUser } from '@domain/contract';
import { toIso, type Queryable } from '../db/adapter';

export interface UserRow {
  id: string;
  username: string;
  password_hash: string;
  display_name: string;
  role: Role;
  street_id: string;
  community_ids: string[];
  unit_id: string | null;
  disabled: boolean;
  failed_logins: number;
  locked_until: Date | string | null;
  created_at: Date | string;
  [column: string]: unknown;
}

export function sessionUser(row: UserRow): SessionUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    streetId: row.street_id,
    communityIds: row.community_ids,
    ...(row.unit_id !== null ? { unitId: row.unit_id } : {}),
  };
}

/** The user as login answers it: a liaison's account also names its department (the unit's current name). */
export async function sessionUserWithUnit(db: Queryable, row: UserRow): Promise<SessionUser> {
  const user = sessionUser(row);
  if (row.role !== 'department_liaison' || row.unit_id === null) return user;
  const rows = await db.query<{ name: unknown }>(
    `SELECT data->>'name' AS name FROM docs WHERE collection = 'units' AND id = $1 AND street_id = $2 AND NOT deleted`,
    [row.unit_id, row.street_id],
  );
  const name = rows[0]?.name;
  return typeof name === 'string' && name !== '' ? { ...user, unitName: name } : user;
}

export function adminUser(row: UserRow): AdminUser {
  return { ...sessionUser(row), disabled: row.disabled, createdAt: toIso(row.created_at) };
}

export async function userByUsername(db: Queryable, username: string): Promise<UserRow | undefined> {
  const rows = await db.query<UserRow>('SELECT * FROM users WHERE lower(username) = lower($1)', [username]);
  return rows[0];
}

export async function userById(db: Queryable, id: string): Promise<UserRow | undefined> {
  const rows = await db.query<UserRow>('SELECT * FROM users WHERE id = $1', [id]);
  return rows[0];
}

export interface NewUser {
  username: string;
  passwordHash: string;
  displayName: string;
  role: Role;
  streetId: string;
  communityIds: readonly string[];
  unitId?: string;
}

/** Inserts the account; resolves to undefined when the username is taken. */
export async function insertUser(db: Queryable, user: NewUser): Promise<UserRow | undefined> {
  const rows = await db.query<UserRow>(
    `INSERT INTO users (id, username, password_hash, display_name, role, street_id, community_ids, unit_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8)
     ON CONFLICT DO NOTHING RETURNING *`,
    [randomUUID(), user.username, user.passwordHash, user.displayName, user.role, user.streetId, JSON.stringify(user.communityIds), user.unitId ?? null],
  );
  return rows[0];
}

export async function revokeSessionsOf(db: Queryable, userId: string): Promise<void> {
  await db.query('UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [userId]);
}
