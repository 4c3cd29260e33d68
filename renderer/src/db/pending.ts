// "Changes waiting" (design.md): the ids of local documents changed since the server last
// acknowledged them. `saveDoc`/`removeDoc` add an id (persisted) before writing the document; the
// sync client removes it once the server accepted a push carrying that document's current local
// state, or once the local state equals the state the server is known to hold.
import type { KeyValueStore } from './localStore';
import { PersistedIdSets } from './idSets';

export type PendingChanges = PersistedIdSets;

export function pendingChanges(store: KeyValueStore): PendingChanges {
  return new PersistedIdSets(store, 'pending-changes');
}

// Between `saveDoc` marking an id and its write landing, the old local state may still equal the
// server's: the sync client must not take that for an acknowledgement of the new one.
const writesInFlight = new Map<string, number>();
const flightKey = (collection: string, id: string) => `${collection}\u0000${id}`;
/** Local writes begun per collection: a reader can tell whether one began while it was reading. */
const writesBegun = new Map<string, number>();

export async function duringLocalWrite<T>(collection: string, id: string, write: () => Promise<T>): Promise<T> {
  const key = flightKey(collection, id);
  writesBegun.set(collection, (writesBegun.get(collection) ?? 0) + 1);
  writesInFlight.set(key, (writesInFlight.get(key) ?? 0) + 1);
  try {
    return await write();
  } finally {
    const left = (writesInFlight.get(key) ?? 1) - 1;
    if (left > 0) writesInFlight.set(key, left);
    else writesInFlight.delete(key);
  }
}

export function isLocalWriteInFlight(collection: string, id: string): boolean {
  return writesInFlight.has(flightKey(collection, id));
}

/** Changes whenever a local write of the collection begins (compare two readings). */
export function localWritesBegun(collection: string): number {
  return writesBegun.get(collection) ?? 0;
}
