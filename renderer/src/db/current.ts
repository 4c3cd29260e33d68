// The one database open in this tab (the signed-in user's), with the device's bookkeeping beside
// it. Only one is ever open: twelve collections of a second database would exceed RxDB's limit.
import { removeRxDatabase } from 'rxdb';
import { create } from 'zustand';
import { i18n } from '../i18n';
import { removalStorage } from './encryption';
import { createAppDatabase, type AppDatabase, type CreateDatabaseOptions } from './database';
import { localDocumentStore, type KeyValueStore } from './localStore';
import { PersistedIdSets } from './idSets';
import { pendingChanges, type PendingChanges } from './pending';
import { createSealer, type Sealer } from './sealer';
import { purgeIndexedDb, type AppStorage } from './storage';

export interface OpenDatabase {
  name: string;
  db: AppDatabase;
  kv: KeyValueStore;
  pending: PendingChanges;
  /** Ids the server reported as having left the user's scope (see sync/scopeExits). */
  removed: PersistedIdSets;
  /** Seals device-local values that hold personal data with a key derived from the data key (see sealed.ts). */
  sealer: Sealer;
}

export const useDatabaseStore = create<{ current: OpenDatabase | null }>(() => ({ current: null }));

export function currentDatabase(): OpenDatabase | null {
  return useDatabaseStore.getState().current;
}

export class DatabaseClosedError extends Error {
  constructor() {
    super(i18n.t('common:errors.databaseClosed'));
    this.name = 'DatabaseClosedError';
  }
}

export function requireDatabase(): OpenDatabase {
  const current = currentDatabase();
  if (!current) throw new DatabaseClosedError();
  return current;
}

export async function openDatabase(options: CreateDatabaseOptions): Promise<OpenDatabase> {
  const existing = currentDatabase();
  if (existing?.name === options.name && !existing.db.closed) return existing;
  await closeDatabase();
  const db = await createAppDatabase(options);
  const kv = localDocumentStore(db);
  const pending = pendingChanges(kv);
  const removed = new PersistedIdSets(kv, 'removed-from-scope');
  await Promise.all([pending.load(), removed.load()]);
  const open: OpenDatabase = { name: options.name, db, kv, pending, removed, sealer: createSealer(options.encryptionKey) };
  useDatabaseStore.setState({ current: open });
  return open;
}

export async function closeDatabase(): Promise<void> {
  const current = currentDatabase();
  if (!current) return;
  useDatabaseStore.setState({ current: null });
  await current.db.close();
}

/** Deletes a local database and everything the device kept beside it. */
export async function deleteDatabase(name: string, storage: AppStorage): Promise<void> {
  const current = currentDatabase();
  if (current?.name === name) {
    useDatabaseStore.setState({ current: null });
    await current.db.remove();
  } else {
    await removeRxDatabase(name, removalStorage(storage));
  }
  await purgeIndexedDb(name);
}
