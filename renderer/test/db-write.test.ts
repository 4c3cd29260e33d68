// The pages' write path against a real RxDB (memory storage): whole-state replace, tombstones,
// edits over changes that arrived while a form was open, the changes-waiting set, and validation before anything is written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { closeDatabase, openDatabase, type OpenDatabase } from '../src/db/current';
import { InvalidDocumentError, removeDoc, saveDoc, saveDocs } from '../src/db/write';
import { conflictHandlers } from '../src/sync/conflicts';

let open: OpenDatabase;
const base = { id: 'c1', streetId: 's', communityId: 'k', name: '幸福花园', propertyManaged: true, propertyCompany: '某物业', residentCount: 300, pilot: true };

beforeAll(async () => {
  open = await openDatabase({
    name: 'write-test',
    storage: getRxStorageMemory(),
    multiInstance: false,
    encryptionKey: 'e'.repeat(64),
    conflictHandlerFor: conflictHandlers({ record: () => Promise.resolve(), isRemovedFromScope: () => false }),
  });
});
afterAll(() => closeDatabase());

/** Runs `write` when a write next marks its id waiting: after that write read the stored state, before it writes. */
function onNextWaitingMark(write: () => Promise<unknown>): void {
  const add = open.pending.add.bind(open.pending);
  open.pending.add = async (collection, ids) => {
    open.pending.add = add;
    await write();
    return add(collection, ids);
  };
}

describe('saveDoc / removeDoc', () => {
  it('replaces the whole state: a field left out is gone', async () => {
    await saveDoc('compounds', base);
    const { propertyCompany: _dropped, ...withoutCompany } = base;
    await saveDoc('compounds', { ...withoutCompany, propertyManaged: false });
    const stored = await open.db.collections.compounds.findOne('c1').exec();
    expect(stored?.toJSON()).toEqual({ ...withoutCompany, propertyManaged: false });
    expect(open.pending.idsOf('compounds')).toEqual(['c1']);
  });

  it('does not count an unchanged save as a change waiting for sync', async () => {
    await open.pending.remove('compounds', ['c1']);
    const current = await open.db.collections.compounds.findOne('c1').exec();
    await saveDoc('compounds', { ...current!.toMutableJSON() });
    expect(open.pending.count()).toBe(0);
  });

  it('refuses a document its schema forbids, writing nothing', async () => {
    const bad = { ...base, id: 'c2', residentCount: -1, extra: 'x' } as unknown as typeof base;
    await expect(saveDoc('compounds', bad)).rejects.toBeInstanceOf(InvalidDocumentError);
    expect(await open.db.collections.compounds.findOne('c2').exec()).toBeNull();
    expect(open.pending.has('compounds', 'c2')).toBe(false);
  });

  it('deletes with a tombstone that counts as waiting', async () => {
    await removeDoc('compounds', 'c1');
    expect(await open.db.collections.compounds.findOne('c1').exec()).toBeNull();
    const [tombstone] = await open.db.collections.compounds.storageInstance.findDocumentsById(['c1'], true);
    expect(tombstone?._deleted).toBe(true);
    expect(open.pending.idsOf('compounds')).toEqual(['c1']);
  });

  it('keeps a change that arrived while a form was open: the edit writes only what it changed', async () => {
    const opened = { ...base, id: 'c3' };
    await saveDoc('compounds', opened);
    // A pull (or another window) changes the resident count after the form opened ...
    await open.db.collections.compounds.upsert({ ...opened, residentCount: 420 });
    // ... and the person saves the form, which still shows 300, with a new name.
    await saveDoc('compounds', { ...opened, name: '幸福花园一期' }, opened);
    const stored = await open.db.collections.compounds.findOne('c3').exec();
    expect(stored?.toJSON()).toMatchObject({ name: '幸福花园一期', residentCount: 420, pilot: true });
  });

  it('lets the value a person saves stand over one that arrived meanwhile in the same field', async () => {
    const opened = { ...base, id: 'c4' };
    await saveDoc('compounds', opened);
    await open.db.collections.compounds.upsert({ ...opened, residentCount: 420, pilot: false });
    await saveDoc('compounds', { ...opened, residentCount: 500 }, opened);
    const stored = await open.db.collections.compounds.findOne('c4').exec();
    expect(stored?.toJSON()).toMatchObject({ residentCount: 500, pilot: false });
  });

  it('keeps a change a pull writes while the save is under way, between its read and its write', async () => {
    const opened = { ...base, id: 'c5' };
    await saveDoc('compounds', opened);
    const compounds = open.db.collections.compounds;
    // The pull lands after the save read the stored state (as it marks the id waiting) ...
    onNextWaitingMark(() => compounds.upsert({ ...opened, residentCount: 420 }));
    // ... and at the storage write itself, refused once with a conflict and written again.
    const instance = compounds.storageInstance;
    const bulkWrite = instance.bulkWrite.bind(instance);
    instance.bulkWrite = async (rows, context) => {
      if (context !== 'cg-save-docs') return bulkWrite(rows, context);
      instance.bulkWrite = bulkWrite;
      await compounds.upsert({ ...opened, residentCount: 420, pilot: false });
      return bulkWrite(rows, context);
    };
    await saveDoc('compounds', { ...opened, name: '幸福花园二期' }, opened);
    const stored = await compounds.findOne('c5').exec();
    expect(stored?.toJSON()).toMatchObject({ name: '幸福花园二期', residentCount: 420, pilot: false });
  });

  it('deletes a record a pull changed while the deletion was under way, between its read and its write', async () => {
    const opened = { ...base, id: 'c6' };
    await saveDoc('compounds', opened);
    const compounds = open.db.collections.compounds;
    onNextWaitingMark(() => compounds.upsert({ ...opened, residentCount: 420 }));
    await removeDoc('compounds', 'c6');
    expect(await compounds.findOne('c6').exec()).toBeNull();
    const [tombstone] = await compounds.storageInstance.findDocumentsById(['c6'], true);
    expect(tombstone?._deleted).toBe(true);
    expect(open.pending.has('compounds', 'c6')).toBe(true);
  });
});

describe('saveDocs', () => {
  it('writes nothing when any document is invalid', async () => {
    await open.pending.remove('compounds', open.pending.idsOf('compounds'));
    const good = { ...base, id: 'b1' };
    const bad = { ...base, id: 'b2', residentCount: -1 };
    await expect(saveDocs('compounds', [good, bad])).rejects.toBeInstanceOf(InvalidDocumentError);
    expect(await open.db.collections.compounds.findByIds(['b1', 'b2']).exec()).toHaveProperty('size', 0);
    expect(open.pending.count()).toBe(0);
  });

  it('writes every document and marks all of them as waiting for sync', async () => {
    const docs = Array.from({ length: 5000 }, (_, i) => ({ ...base, id: `m${i}`, name: `小区${i}` }));
    await saveDocs('compounds', docs);
    const stored = await open.db.collections.compounds.findByIds(['m0', 'm4999']).exec();
    expect(stored.get('m4999')?.toJSON()).toMatchObject({ name: '小区4999' });
    expect(open.pending.idsOf('compounds')).toHaveLength(5000);
    expect(open.pending.has('compounds', 'm0')).toBe(true);
  });

  it('replaces stored documents, deleted ones included, in one write (one change event, so one push)', async () => {
    const docs = Array.from({ length: 50 }, (_, i) => ({ ...base, id: `r${i}`, name: `旧${i}` }));
    await saveDocs('compounds', docs);
    await removeDoc('compounds', 'r7');
    const bulks: number[] = [];
    const subscription = open.db.collections.compounds.storageInstance.changeStream().subscribe((bulk) => bulks.push(bulk.events.length));
    try {
      await saveDocs('compounds', [...docs.map((doc) => ({ ...doc, name: `新${doc.id}` })), { ...base, id: 'r-new', name: '新建' }]);
    } finally {
      subscription.unsubscribe();
    }
    expect(bulks).toEqual([51]);
    const stored = await open.db.collections.compounds.findByIds(['r0', 'r7', 'r49', 'r-new']).exec();
    expect(['r0', 'r7', 'r49', 'r-new'].map((id) => stored.get(id)?.name)).toEqual(['新r0', '新r7', '新r49', '新建']);
    expect(await open.db.collections.compounds.count({ selector: { id: { $regex: '^r' } } }).exec()).toBe(51);
  });
});
