import { describe, expect, it } from 'vitest';
import type { AnyDoc } from '@domain/collections';
import { PersistedIdSets } from '../src/db/idSets';
import { memoryStore } from '../src/db/localStore';
import { partitionPush, tombstonesForRemoved } from '../src/sync/scopeExits';

const doc = (id: string, fields: Record<string, unknown> = {}): AnyDoc => ({ id, streetId: 's', communityId: 'c', _deleted: false, name: id, ...fields });

describe('documents removed from scope', () => {
  it('become tombstones built from the local copy, and are remembered persistently', async () => {
    const store = memoryStore();
    const removed = new PersistedIdSets(store, 'removed-from-scope');
    const local = new Map([['a', doc('a', { mobile: '13812345678' })], ['b', doc('b')]]);
    const tombstones = await tombstonesForRemoved(
      'members',
      { documents: [], removed: ['a', 'unknown'] },
      (ids) => Promise.resolve(ids.flatMap((id) => local.get(id) ?? [])),
      removed,
    );
    expect(tombstones).toEqual([{ ...doc('a', { mobile: '13812345678' }), _deleted: true }]);
    expect(removed.has('members', 'a')).toBe(true);
    const reloaded = new PersistedIdSets(store, 'removed-from-scope');
    await reloaded.load();
    expect(reloaded.idsOf('members')).toEqual(['a']);
  });

  it('are forgotten when the server sends them again (back in scope)', async () => {
    const removed = new PersistedIdSets(memoryStore(), 'removed-from-scope');
    await removed.add('members', ['a']);
    await tombstonesForRemoved('members', { documents: [doc('a')], removed: [] }, () => Promise.resolve([]), removed);
    expect(removed.has('members', 'a')).toBe(false);
  });

  it('are never pushed: an edit is answered as a conflict with the deletion, a tombstone settles', async () => {
    const removed = new PersistedIdSets(memoryStore(), 'removed-from-scope');
    await removed.add('members', ['gone', 'done']);
    const base = doc('gone', { name: '旧' });
    const rows = [
      { assumedMasterState: base, newDocumentState: doc('gone', { name: '新' }) },
      { assumedMasterState: doc('done'), newDocumentState: doc('done', { _deleted: true }) },
      { assumedMasterState: null, newDocumentState: doc('kept') },
    ];
    const parts = partitionPush('members', rows, removed);
    expect(parts.send.map((row) => row.newDocumentState.id)).toEqual(['kept']);
    expect(parts.conflicts).toEqual([{ ...base, _deleted: true }]);
    expect(parts.settled.map((row) => row.newDocumentState.id)).toEqual(['done']);
  });
});
