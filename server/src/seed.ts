// First start: a street for the admin to live in, and the first street admin. Guarded by the
// setup lock so two servers starting together on one database do not both create them.
import { randomUUID } from 'node:crypto';
import type { AnyDoc } from '@domain/collections';
import { hashPassword } from './auth/passwords';
import { insertUser } from './auth/users';
import type { Db, Queryable } from './db/adapter';
import { SETUP_LOCK } from './db/migrate';
import { accountNames } from './messages';
import { openChangeLog, type Actor, type ChangeOrder } from './sync/changelog';

/** Writes the server makes on its own behalf carry this user id in the audit trail. */
export const SYSTEM_ACTOR: Actor = { userId: 'system', deviceId: null };

export interface FirstStartOptions {
  streetName: string;
  adminUsername: string | undefined;
  adminPassword: string | undefined;
  changeOrder: ChangeOrder;
}

export async function firstStart(db: Db, options: FirstStartOptions): Promise<void> {
  const { adminUsername, adminPassword } = options;
  const wantAdmin = adminUsername !== undefined && adminUsername !== '' && adminPassword !== undefined && adminPassword !== '';
  // Hash outside the transaction (it is slow on purpose), and only when an admin may be needed.
  const passwordHash = wantAdmin && !(await hasUsers(db)) ? await hashPassword(adminPassword) : undefined;
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [SETUP_LOCK]);
    const streetId = (await firstStreetId(tx)) ?? (await createStreet(tx, options));
    if (passwordHash === undefined || adminUsername === undefined || (await hasUsers(tx))) return;
    const displayName = accountNames.firstAdmin;
    await insertUser(tx, { username: adminUsername, passwordHash, displayName, role: 'street_admin', streetId, communityIds: [] });
  });
}

export async function hasUsers(db: Queryable): Promise<boolean> {
  return (await db.query('SELECT 1 FROM users LIMIT 1')).length > 0;
}

async function firstStreetId(tx: Queryable): Promise<string | undefined> {
  const rows = await tx.query<{ id: string }>(`SELECT id FROM docs WHERE collection = 'streets' AND NOT deleted ORDER BY seq LIMIT 1`);
  return rows[0]?.id;
}

async function createStreet(tx: Queryable, options: FirstStartOptions): Promise<string> {
  const id = `street-${randomUUID()}`;
  const street: AnyDoc = { id, streetId: id, name: options.streetName, _deleted: false };
  await openChangeLog(tx, options.changeOrder).write('streets', [{ before: null, after: street }], SYSTEM_ACTOR);
  return id;
}
