// Parents before children (sync/order): a push waits for the earlier collections it depends on —
// those it refers to and the street's structure — and for no other: the needs of an offline
// backlog go up beside its members, never behind them.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { CollectionName } from '@domain/collections';
import { PersistedIdSets } from '../src/db/idSets';
import type { KeyValueStore } from '../src/db/localStore';
import { WakeableWait } from '../src/sync/backoff';
import { earlierCollections, waitForEarlierPushes } from '../src/sync/order';

function memoryStore(): KeyValueStore {
  const values = new Map<string, unknown>();
  return { get: (key) => Promise.resolve(values.get(key)), set: (key, value) => Promise.resolve(void values.set(key, value)) };
}

/** Whether a push of `collection` is still waiting after a few turns of the event loop. */
async function blocked(collection: CollectionName, pending: PersistedIdSets): Promise<{ blocked: boolean; done: Promise<void> }> {
  let finished = false;
  const done = waitForEarlierPushes(collection, pending, new WakeableWait(), 10_000).then(() => void (finished = true));
  await new Promise((resolve) => setTimeout(resolve, 20));
  return { blocked: !finished, done };
}

describe('push order', () => {
  it('follows references and the street structure, and nothing else', () => {
    expect(earlierCollections('needs')).toEqual(['streets', 'communities', 'units', 'compounds', 'buildings']);
    expect(earlierCollections('members')).toEqual(['streets', 'communities', 'units', 'compounds', 'buildings', 'grids']);
    // Activities name their participants: members first, and what members refer to.
    expect(earlierCollections('activities')).toEqual(expect.arrayContaining(['members', 'grids', 'buildings', 'compounds']));
    expect(earlierCollections('activities')).not.toContain('needs');
  });

  it('lets the needs go while members wait, and holds them while a building waits', async () => {
    const pending = new PersistedIdSets(memoryStore(), 'pending');
    await pending.add('members', ['m1']);
    expect((await blocked('needs', pending)).blocked).toBe(false);
    // A member still waits for the building it may refer to.
    await pending.add('buildings', ['b1']);
    const needs = await blocked('needs', pending);
    const members = await blocked('members', pending);
    expect(needs.blocked).toBe(true);
    expect(members.blocked).toBe(true);
    await pending.remove('buildings', ['b1']);
    await Promise.all([needs.done, members.done]);
  });
});
