import { describe, expect, it } from 'vitest';
import { PersistedIdSets } from '../src/db/idSets';
import { memoryStore } from '../src/db/localStore';

describe('PersistedIdSets (changes waiting)', () => {
  it('counts ids per collection, tells listeners, and survives a reload', async () => {
    const store = memoryStore();
    const pending = new PersistedIdSets(store, 'pending-changes');
    const counts: number[] = [];
    pending.subscribe(() => counts.push(pending.count()));
    await pending.add('compounds', ['a', 'b']);
    await pending.add('compounds', ['a']);
    await pending.add('members', ['m']);
    expect(pending.count()).toBe(3);
    expect(pending.countOf('compounds')).toBe(2);
    await pending.remove('compounds', ['a', 'zzz']);
    expect(counts).toEqual([2, 3, 2]);

    const reloaded = new PersistedIdSets(store, 'pending-changes');
    await reloaded.load();
    expect(reloaded.idsOf('compounds')).toEqual(['b']);
    expect(reloaded.idsOf('members')).toEqual(['m']);
  });

  it('persists the latest state even when saves overlap', async () => {
    const store = memoryStore();
    const pending = new PersistedIdSets(store, 'k');
    await Promise.all([pending.add('needs', ['1']), pending.add('needs', ['2']), pending.remove('needs', ['1'])]);
    const reloaded = new PersistedIdSets(store, 'k');
    await reloaded.load();
    expect(reloaded.idsOf('needs')).toEqual(['2']);
  });
});

describe('PersistedIdSets saves', () => {
  it('carries a burst of changes made while a save runs in one save behind it, ending in the latest state', async () => {
    const data = new Map<string, unknown>();
    let writes = 0;
    let open = () => {};
    const gate = new Promise<void>((resolve) => (open = resolve));
    const store = {
      get: (key: string) => Promise.resolve(structuredClone(data.get(key))),
      async set(key: string, value: unknown) {
        writes += 1;
        await gate;
        data.set(key, structuredClone(value));
      },
    };
    const pending = new PersistedIdSets(store, 'k');
    const first = pending.add('needs', ['1', '2', '3']);
    await expect.poll(() => writes).toBe(1);
    const burst = [pending.remove('needs', ['1']), pending.remove('needs', ['2']), pending.add('needs', ['4'])];
    open();
    await Promise.all([first, ...burst]);
    expect(writes).toBe(2);
    const reloaded = new PersistedIdSets(store, 'k');
    await reloaded.load();
    expect(reloaded.idsOf('needs').sort()).toEqual(['3', '4']);
  });
});
