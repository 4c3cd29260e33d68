// Loads the demo data set into an EMPTY database: every document in the order of
// `collectionNames` (references point backwards) in one transaction, written like any push
// (seqs, audit by the system), and the demo accounts.
import { collectionNames, type AnyDoc } from '@domain/collections';
import type { CreateUserRequest } from '@domain/contract';
import { hashPassword } from '../auth/passwords';
import { insertUser } from '../auth/users';
import type { Db, Queryable } from '../db/adapter';
import { SETUP_LOCK } from '../db/migrate';
import { SYSTEM_ACTOR } from '../seed';
import { openChangeLog, type ChangeOrder } from '../sync/changelog';

/** A demo account: what an admin would send to create it. */
export type DemoAccountIn = CreateUserRequest;

/** The parts of the generator's `DemoData` the loader uses (its own type lives in ./generate). */
export interface DemoDataIn {
  accounts: readonly DemoAccountIn[];
  documents: { readonly [collection: string]: readonly AnyDoc[] | undefined };
}

/** Loads the set when the database is empty; resolves to whether it did. */
export async function loadDemo(db: Db, data: DemoDataIn, order: ChangeOrder): Promise<boolean> {
  if (!(await isEmpty(db))) return false;
  const streetId = streetOf(data);
  // scrypt runs on libuv's thread pool: hashing the accounts together takes a fraction of the time.
  const hashes = await Promise.all(data.accounts.map((account) => hashPassword(account.password)));
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [SETUP_LOCK]);
    if (!(await isEmpty(tx))) return false;
    const log = openChangeLog(tx, order);
    for (const collection of collectionNames) {
      const docs = data.documents[collection] ?? [];
      await log.write(collection, docs.map((after) => ({ before: null, after })), SYSTEM_ACTOR);
    }
    for (const [i, account] of data.accounts.entries()) {
      await insertUser(tx, {
        username: account.username,
        passwordHash: hashes[i] ?? '',
        displayName: account.displayName,
        role: account.role,
        streetId,
        communityIds: account.communityIds,
        ...(account.unitId !== undefined ? { unitId: account.unitId } : {}),
      });
    }
    return true;
  });
}

/** The demo accounts whose street and usernames are in this database (loaded now or before). */
export async function presentDemoAccounts<A extends DemoAccountIn>(
  db: Queryable,
  data: { accounts: readonly A[]; documents: DemoDataIn['documents'] },
): Promise<A[]> {
  const streetId = streetOf(data);
  const streets = await db.query(`SELECT 1 FROM docs WHERE collection = 'streets' AND id = $1`, [streetId]);
  if (streets.length === 0) return [];
  const rows = await db.query<{ username: string }>('SELECT username FROM users WHERE street_id = $1', [streetId]);
  const present = new Set(rows.map((row) => row.username));
  return data.accounts.filter((account) => present.has(account.username));
}

async function isEmpty(db: Queryable): Promise<boolean> {
  const rows = await db.query('SELECT 1 FROM docs UNION ALL SELECT 1 FROM users LIMIT 1');
  return rows.length === 0;
}

function streetOf(data: Pick<DemoDataIn, 'documents'>): string {
  const street = data.documents.streets?.[0];
  if (!street) throw new Error('demo data has no street');
  return street.id;
}
