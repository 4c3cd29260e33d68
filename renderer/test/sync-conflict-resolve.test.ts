// Resolving the conflict log: "keep mine" writes the set-aside values again over the current
// document, "take theirs" writes nothing; either way the entry leaves the unresolved list for the
// resolved one with the choice, who and when, and the log persists sealed (it holds personal data).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { closeDatabase, openDatabase, type OpenDatabase } from '../src/db/current';
import { saveDoc } from '../src/db/write';
import {
  attachConflictLog,
  ConflictResolveError,
  keepMine,
  keptResolved,
  recordConflict,
  RESOLVED_KEEP_COUNT,
  savedConflictLog,
  takeTheirs,
  useConflictLog,
  type ResolvedConflict,
} from '../src/sync/conflictLog';
import type { ConflictEntry } from '../src/sync/conflicts';
import { conflictHandlers } from '../src/sync/conflicts';

let open: OpenDatabase;
const me = { userId: 'u1', name: '王芳' };
const compound = { id: 'c1', streetId: 's', communityId: 'k', name: '幸福花园', propertyManaged: false, residentCount: 300, pilot: true };
let counter = 0;

function entry(fields: ConflictEntry['fields'], reason: ConflictEntry['reason'] = 'bothChanged'): ConflictEntry {
  counter += 1;
  return { key: `k${counter}`, collection: 'compounds', docId: 'c1', at: '2026-11-20T08:00:00.000Z', reason, label: '幸福花园', fields };
}

beforeAll(async () => {
  open = await openDatabase({
    name: 'conflict-resolve-test',
    storage: getRxStorageMemory(),
    multiInstance: false,
    encryptionKey: 'ab'.repeat(32),
    conflictHandlerFor: conflictHandlers({ record: recordConflict, isRemovedFromScope: () => false }),
  });
});
afterAll(() => closeDatabase());

beforeEach(async () => {
  await open.kv.set('conflict-log', undefined);
  await attachConflictLog(open.kv);
  // The server's value stands locally, as after a merge.
  await saveDoc('compounds', { ...compound, residentCount: 350 });
});

describe('resolving conflicts', () => {
  it('keep mine writes the local value over the current document and keeps the other fields', async () => {
    const conflict = entry([{ field: 'residentCount', server: 350, local: 420 }]);
    await recordConflict(conflict);
    // A change that arrived after the merge must survive the re-apply.
    await saveDoc('compounds', { ...compound, residentCount: 350, address: '东门路1号' });

    await keepMine(conflict.key, me, new Date('2026-11-21T09:00:00.000Z'));

    const stored = await open.db.collections.compounds.findOne('c1').exec();
    expect(stored?.toJSON()).toMatchObject({ residentCount: 420, address: '东门路1号', name: '幸福花园' });
    expect(open.pending.idsOf('compounds')).toContain('c1');
    const { entries, resolved } = useConflictLog.getState();
    expect(entries).toEqual([]);
    expect(resolved).toEqual([{ ...conflict, resolution: { choice: 'keepMine', by: me, at: '2026-11-21T09:00:00.000Z' } }]);
  });

  it('keep mine removes a field the device had cleared', async () => {
    await saveDoc('compounds', { ...compound, address: '服务器的地址' });
    const conflict = entry([{ field: 'address', server: '服务器的地址', local: undefined }]);
    await recordConflict(conflict);
    await keepMine(conflict.key, me);
    const stored = await open.db.collections.compounds.findOne('c1').exec();
    expect(stored?.toJSON()).not.toHaveProperty('address');
  });

  it('take theirs writes nothing and leaves a trace', async () => {
    const conflict = entry([{ field: 'residentCount', server: 350, local: 420 }]);
    await recordConflict(conflict);
    await open.pending.remove('compounds', ['c1']);
    await takeTheirs(conflict.key, me, new Date('2026-11-21T10:00:00.000Z'));

    const stored = await open.db.collections.compounds.findOne('c1').exec();
    expect(stored?.toJSON()).toMatchObject({ residentCount: 350 });
    expect(open.pending.count()).toBe(0);
    expect(useConflictLog.getState().entries).toEqual([]);
    expect(useConflictLog.getState().resolved[0]?.resolution).toEqual({ choice: 'takeTheirs', by: me, at: '2026-11-21T10:00:00.000Z' });
  });

  it('refuses keep mine for a record deleted on the server, and leaves the entry unresolved', async () => {
    const conflict = entry([{ field: 'residentCount', server: 350, local: 420 }], 'deletedOnServer');
    await recordConflict(conflict);
    await expect(keepMine(conflict.key, me)).rejects.toBeInstanceOf(ConflictResolveError);
    expect(useConflictLog.getState().entries.map((known) => known.key)).toEqual([conflict.key]);
    expect(useConflictLog.getState().resolved).toEqual([]);
  });

  it('leaves the entry unresolved when the value can no longer be written', async () => {
    const conflict = entry([{ field: 'residentCount', server: 350, local: -5 }]);
    await recordConflict(conflict);
    await expect(keepMine(conflict.key, me)).rejects.toThrow();
    expect(useConflictLog.getState().entries).toHaveLength(1);
    expect((await open.db.collections.compounds.findOne('c1').exec())?.toJSON().residentCount).toBe(350);
  });

  it('persists both lists sealed: reopening the log restores them, the stored text holds no value', async () => {
    const kept = entry([{ field: 'name', server: '幸福花园', local: '幸福花园二期' }]);
    const resolvedOne = entry([{ field: 'name', server: '幸福花园', local: '阳光花园' }]);
    await recordConflict(kept);
    await recordConflict(resolvedOne);
    await takeTheirs(resolvedOne.key, me);

    const raw = await open.kv.get('conflict-log');
    expect(typeof raw).toBe('string');
    expect(String(raw)).not.toContain('阳光花园');
    expect(String(raw)).not.toContain('幸福花园二期');
    expect((await savedConflictLog(open.kv)).entries.map((known) => known.key)).toEqual([kept.key]);

    await attachConflictLog(undefined);
    expect(useConflictLog.getState().entries).toEqual([]);
    await attachConflictLog(open.kv);
    expect(useConflictLog.getState().entries.map((known) => known.key)).toEqual([kept.key]);
    expect(useConflictLog.getState().resolved.map((known) => known.key)).toEqual([resolvedOne.key]);
  });
});

describe('keeping resolved entries', () => {
  const resolvedAt = (at: string, i: number): ResolvedConflict => ({ ...entry([]), key: `r${i}`, resolution: { choice: 'takeTheirs', by: me, at } });

  it('keeps every entry of the last 90 days and at least the newest 200', () => {
    const now = new Date('2026-11-27T00:00:00.000Z');
    const recent = Array.from({ length: RESOLVED_KEEP_COUNT + 10 }, (_, i) => resolvedAt('2026-11-01T00:00:00.000Z', i));
    expect(keptResolved(recent, now)).toHaveLength(RESOLVED_KEEP_COUNT + 10);
    const old = Array.from({ length: RESOLVED_KEEP_COUNT + 10 }, (_, i) => resolvedAt('2026-01-01T00:00:00.000Z', i));
    expect(keptResolved(old, now).map((kept) => kept.key)).toEqual(old.slice(0, RESOLVED_KEEP_COUNT).map((kept) => kept.key));
  });
});
