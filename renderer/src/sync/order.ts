// Parents before children: references point only to collections earlier in `collectionNames`, so a
// push waits (bounded) until the earlier collections it depends on have nothing waiting — an
// offline-created compound reaches the server before its buildings. If a parent cannot be pushed,
// the child's push goes anyway after the wait and the server's answer says why.
import { collectionInfo, collectionNames, type CollectionName } from '@domain/collections';
import type { PersistedIdSets } from '../db/idSets';
import type { WakeableWait } from './backoff';

/** Collections whose state the server reads when it checks any push (scope and its pairings). */
const STRUCTURAL: readonly CollectionName[] = ['streets', 'communities', 'units'];

/**
 * The earlier collections whose waiting changes a push of `collection` must follow: those it refers
 * to, directly or through them (the server checks references against its stored state), and the
 * street's structure every scope check reads. Only these: an offline backlog of members need not
 * hold up the needs, which never refer to members, so the two pushes overlap.
 */
export function earlierCollections(collection: CollectionName): CollectionName[] {
  const needed = new Set<CollectionName>(STRUCTURAL);
  const visit = (name: CollectionName) => {
    for (const ref of collectionInfo[name].references) {
      if (needed.has(ref.collection)) continue;
      needed.add(ref.collection);
      visit(ref.collection);
    }
  };
  visit(collection);
  return collectionNames.slice(0, collectionNames.indexOf(collection)).filter((name) => needed.has(name));
}

export async function waitForEarlierPushes(
  collection: CollectionName,
  pending: PersistedIdSets,
  stop: WakeableWait,
  timeoutMs = 5000,
): Promise<void> {
  const earlier = earlierCollections(collection);
  const blocked = () => earlier.some((name) => pending.countOf(name) > 0);
  if (!blocked()) return;
  let unsubscribe = () => {};
  const cleared = new Promise<void>((resolve) => {
    unsubscribe = pending.subscribe(() => {
      if (!blocked()) resolve();
    });
  });
  await Promise.race([cleared, stop.wait(timeoutMs)]);
  unsubscribe();
}
