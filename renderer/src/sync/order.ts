// Parents before children: references point only to collections earlier in `collectionNames`, so a
// push waits (bounded) until the earlier collections have nothing waiting — an offline-created
// compound reaches the server before its buildings. If a parent cannot be pushed, the child's push
// goes anyway after the wait and the server's answer says why.
import { collectionNames, type CollectionName } from '@domain/collections';
import type { PersistedIdSets } from '../db/idSets';
import type { WakeableWait } from './backoff';

export function earlierCollections(collection: CollectionName): CollectionName[] {
  return collectionNames.slice(0, collectionNames.indexOf(collection));
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
