// The storage every local database uses: Dexie on IndexedDB with strict durability, so a record a
// person typed is on disk before the write reports success (Chromium relaxes durability by
// default since version 121, and a power cut could then lose it).
import type { RxStorage } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';

export type AppStorage = RxStorage<unknown, unknown>;

let storage: AppStorage | undefined;

export function browserStorage(): AppStorage {
  storage ??= getRxStorageDexie({ chromeTransactionDurability: 'strict' });
  return storage;
}

/**
 * RxDB's Dexie storage empties its IndexedDB databases on removal but leaves them behind; this
 * deletes every IndexedDB database of an RxDB database name, so nothing of a wiped device remains.
 */
export async function purgeIndexedDb(databaseName: string): Promise<void> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return;
  const prefix = `rxdb-dexie-${databaseName}--`;
  const names = (await indexedDB.databases()).flatMap((info) => (info.name?.startsWith(prefix) ? [info.name] : []));
  await Promise.all(
    names.map(
      (name) =>
        new Promise<void>((resolve) => {
          const request = indexedDB.deleteDatabase(name);
          request.onsuccess = request.onerror = () => resolve();
          // A connection still open elsewhere delays it; the data itself is already gone.
          request.onblocked = () => resolve();
        }),
    ),
  );
}
