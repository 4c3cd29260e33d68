// Documents that left the user's scope (design.md "Sync contract"): the pull names them in
// `removed`; the device turns its own copy into a tombstone (no data crosses) and remembers the id,
// so that a local edit of such a document is never pushed: it goes to the conflict log instead,
// and the deletion stands.
import type { AnyDoc, CollectionName } from '@domain/collections';
import type { PersistedIdSets } from '../db/idSets';

export type RemovedFromScope = PersistedIdSets;

/**
 * The tombstones to hand to the replication for a pulled page: one per removed id the device holds
 * (built from the local copy), after remembering those ids. A document that is pulled again is back
 * in scope and forgotten.
 */
export async function tombstonesForRemoved(
  collection: CollectionName,
  page: { documents: readonly AnyDoc[]; removed: readonly string[] },
  readLocal: (ids: string[]) => Promise<AnyDoc[]>,
  removed: RemovedFromScope,
): Promise<AnyDoc[]> {
  const pulled = new Set(page.documents.map((doc) => doc.id));
  const back = page.documents.filter((doc) => removed.has(collection, doc.id)).map((doc) => doc.id);
  if (back.length > 0) await removed.remove(collection, back);
  const ids = [...new Set(page.removed)].filter((id) => !pulled.has(id));
  if (ids.length === 0) return [];
  const local = (await readLocal(ids)).filter((doc) => !doc._deleted);
  // Remembered before RxDB sees the tombstones, so the push side already knows them.
  await removed.add(
    collection,
    local.map((doc) => doc.id),
  );
  return local.map((doc) => ({ ...doc, _deleted: true }));
}

export interface PushRowLike {
  assumedMasterState?: AnyDoc | null;
  newDocumentState: AnyDoc;
}

export interface PartitionedPush<R extends PushRowLike> {
  /** Rows to send to the server. */
  send: R[];
  /** Master states to answer as conflicts, without asking the server: the deletion of removed documents. */
  conflicts: AnyDoc[];
  /** Rows already in their final state (a removed document's local tombstone): nothing to send. */
  settled: R[];
}

/** Keeps rows of documents removed from scope away from the server. */
export function partitionPush<R extends PushRowLike>(collection: CollectionName, rows: readonly R[], removed: RemovedFromScope): PartitionedPush<R> {
  const result: PartitionedPush<R> = { send: [], conflicts: [], settled: [] };
  for (const row of rows) {
    if (!removed.has(collection, row.newDocumentState.id)) result.send.push(row);
    else if (row.newDocumentState._deleted) result.settled.push(row);
    // The tombstone is built from the last state the server had, so the merge reports exactly the
    // fields the person changed locally.
    else result.conflicts.push({ ...(row.assumedMasterState ?? row.newDocumentState), _deleted: true });
  }
  return result;
}
