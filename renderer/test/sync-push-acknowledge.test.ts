// The push side's bookkeeping of "changes waiting": which ids a successful push clears, and that the
// push does not wait on the disk for it.
import { describe, expect, it, vi } from 'vitest';
import type { AnyDoc } from '@domain/collections';
import { PersistedIdSets } from '../src/db/idSets';
import { memoryStore, type KeyValueStore } from '../src/db/localStore';
import { duringLocalWrite } from '../src/db/pending';
import type { ApiClient } from '../src/sync/api';
import { WakeableWait } from '../src/sync/backoff';
import { createHandlers } from '../src/sync/handlers';

const member = (id: string, workUnit: string): AnyDoc => ({ id, streetId: 's', communityId: 'c', name: '张三', isPartyMember: true, workUnit, _deleted: false });

/** A server that accepts every push. */
const acceptingApi: ApiClient = {
  serverUrl: 'http://server',
  get: () => Promise.reject(new Error('no pull here')),
  post: <T>() => Promise.resolve([] as T),
  openStream: () => Promise.reject(new Error('no stream here')),
};

/** A store whose writes wait until `release` is called. */
function gatedStore(): KeyValueStore & { release(): void; writes: number } {
  const inner = memoryStore();
  let open: () => void = () => {};
  let gate = new Promise<void>((resolve) => (open = resolve));
  const store = {
    writes: 0,
    get: (key: string) => inner.get(key),
    async set(key: string, value: unknown) {
      store.writes += 1;
      await gate;
      await inner.set(key, value);
    },
    release() {
      open();
      gate = Promise.resolve();
    },
  };
  return store;
}

function handlersFor(pending: PersistedIdSets, readLocal: (ids: string[]) => Promise<AnyDoc[]>) {
  return createHandlers({
    collection: 'members',
    api: acceptingApi,
    pending,
    removed: new PersistedIdSets(memoryStore(), 'removed'),
    readLocal,
    waitForEarlier: () => Promise.resolve(),
    wait: new WakeableWait(),
    report: { received: () => undefined, succeeded: () => undefined, failed: () => undefined },
  });
}

describe('acknowledging a push', () => {
  it('no longer counts an accepted document as waiting, without waiting for that to be saved', async () => {
    const store = gatedStore();
    const pending = new PersistedIdSets(store, 'pending');
    // The disk takes nothing until released: not even the save that marked the ids.
    const marking = pending.add('members', ['m1', 'm2']);
    const local = [member('m1', 'A'), member('m2', 'B')];
    const { push } = handlersFor(pending, () => Promise.resolve(local));

    const conflicts = await push(local.map((doc) => ({ assumedMasterState: null, newDocumentState: doc })));
    expect(conflicts).toEqual([]);
    expect(pending.count()).toBe(0);

    store.release();
    await marking;
    // A call that changes nothing resolves once the saves queued so far have landed.
    await pending.remove('members', []);
    const reloaded = new PersistedIdSets(store, 'pending');
    await reloaded.load();
    expect(reloaded.count()).toBe(0);
  });

  it('keeps a document waiting when its local state is no longer the pushed one', async () => {
    const pending = new PersistedIdSets(memoryStore(), 'pending');
    await pending.add('members', ['m1', 'm2']);
    const { push } = handlersFor(pending, () => Promise.resolve([member('m1', 'A'), member('m2', 'edited since')]));
    await push([member('m1', 'A'), member('m2', 'B')].map((doc) => ({ assumedMasterState: null, newDocumentState: doc })));
    expect(pending.idsOf('members')).toEqual(['m2']);
  });

  it('keeps documents waiting when a local write began while the acknowledgement read them', async () => {
    const pending = new PersistedIdSets(memoryStore(), 'pending');
    await pending.add('members', ['m1']);
    let finishWrite = () => {};
    let writing: Promise<void> = Promise.resolve();
    const { push } = handlersFor(pending, (ids) => {
      // A person saves m1 again while the read runs; the read still returns the pushed state.
      writing = duringLocalWrite('members', 'm1', () => new Promise<void>((resolve) => (finishWrite = resolve)));
      return Promise.resolve(ids.map((id) => member(id, 'A')));
    });
    const pushing = push([{ assumedMasterState: null, newDocumentState: member('m1', 'A') }]);
    await pushing;
    finishWrite();
    await writing;
    expect(pending.idsOf('members')).toEqual(['m1']);
  });

  it('reports a failed save of the smaller waiting set instead of swallowing it', async () => {
    const inner = memoryStore();
    let failSaves = false;
    const store: KeyValueStore = {
      get: (key) => inner.get(key),
      set: (key, value) => (failSaves ? Promise.reject(new Error('disk full')) : inner.set(key, value)),
    };
    const pending = new PersistedIdSets(store, 'pending');
    await pending.add('members', ['m1']);
    failSaves = true;
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const { push } = handlersFor(pending, (ids) => Promise.resolve(ids.map((id) => member(id, 'A'))));
      await push([{ assumedMasterState: null, newDocumentState: member('m1', 'A') }]);
      await vi.waitFor(() => expect(logged).toHaveBeenCalledWith('waiting set', 'members', expect.any(Error)));
    } finally {
      logged.mockRestore();
    }
  });
});
