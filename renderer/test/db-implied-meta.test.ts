// The replication's copy of each pulled document (its meta row) is implied by the document while it
// is as pulled (db/impliedMeta): a first sync stores none, reads answer with the document, and an
// edit first stores the pulled state — also with no meta instance open, as in a tab that does not
// run the replication. The instances are driven the way RxDB's replication drives them, by context.
import { describe, expect, it } from 'vitest';
import { getChangedDocumentsSince, getRxReplicationMetaInstanceSchema, now, type RxStorageInstance } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { impliedMetaStorage } from '../src/db/impliedMeta';
import type { AppStorage } from '../src/db/storage';
import { schema, type Instance } from './support/thingsInstance';

type Row = Record<string, unknown>;
type MetaInstance = RxStorageInstance<Row, unknown, unknown>;

const META = 'rx-replication-meta-test';
const metaSchema = getRxReplicationMetaInstanceSchema(schema as never, false);
let databaseCount = 0;

function setUp() {
  const inner = getRxStorageMemory() as unknown as AppStorage;
  const storage = impliedMetaStorage(inner);
  const databaseName = `implied-${++databaseCount}`;
  const params = (collectionName: string, instanceSchema: unknown) => ({
    databaseName,
    collectionName,
    databaseInstanceToken: 'tab-1',
    schema: instanceSchema as never,
    options: {},
    multiInstance: false,
    devMode: false,
  });
  const open = async <T>(through: AppStorage, collectionName: string, instanceSchema: unknown) => (await through.createStorageInstance(params(collectionName, instanceSchema))) as unknown as T;
  return {
    things: () => open<Instance>(storage, 'things', schema),
    meta: () => open<MetaInstance>(storage, META, metaSchema),
    /** The meta rows as stored, read past the layer under test. */
    async storedRows(): Promise<Row[]> {
      const raw = await open<MetaInstance>(inner, META, metaSchema);
      const { documents } = await getChangedDocumentsSince(raw, 1000);
      await raw.close();
      return documents.filter((row) => row.isCheckpoint === '0').sort((x, y) => String(x.id).localeCompare(String(y.id)));
    },
  };
}

/** RxDB's downstream: the pulled documents, then their meta rows. */
async function pull(things: Instance, meta: MetaInstance, docs: { id: string; name: string }[]): Promise<void> {
  const written = await things.bulkWrite(
    docs.map((doc) => ({ document: { ...doc, _deleted: false, _attachments: {}, _meta: { lwt: now() }, _rev: '1-server' } })),
    'replication-downstream-test',
  );
  expect(written.error).toEqual([]);
  const rows = docs.map((doc) => ({
    document: { id: `${doc.id}|0`, isCheckpoint: '0', itemId: doc.id, docData: { ...doc, _deleted: false }, _deleted: false, _attachments: {}, _meta: { lwt: now() }, _rev: '1-meta' },
  }));
  expect((await meta.bulkWrite(rows, 'replication-down-write-meta')).error).toEqual([]);
}

/** A person's edit of the name, as RxDB writes it: the stored document as `previous`. */
async function edit(things: Instance, id: string, name: string): Promise<void> {
  const [current] = await things.findDocumentsById([id], false);
  if (!current) throw new Error(`no ${id}`);
  const height = Number(current._rev.split('-')[0]);
  const document = { ...current, name, _rev: `${height + 1}-local`, _meta: { ...current._meta, lwt: now() } };
  expect((await things.bulkWrite([{ previous: current, document }], 'rx-document-save-data')).error).toEqual([]);
}

const docDataOf = (rows: Row[]): Record<string, unknown> => Object.fromEntries(rows.map((row) => [String(row.itemId), row.docData]));

describe('impliedMetaStorage', () => {
  it('stores no row for a first sync, and reads each as the pulled document until it is edited', async () => {
    const setup = setUp();
    const things = await setup.things();
    const meta = await setup.meta();
    await pull(things, meta, [
      { id: 'a', name: '甲' },
      { id: 'b', name: '乙' },
    ]);
    expect(await setup.storedRows()).toEqual([]);
    expect(docDataOf(await meta.findDocumentsById(['a|0', 'b|0', 'c|0'], true))).toEqual({
      a: { id: 'a', name: '甲', _deleted: false },
      b: { id: 'b', name: '乙', _deleted: false },
    });

    // The edit keeps the pulled state first: the row is stored, and reads give it, not the edit.
    await edit(things, 'a', '甲改');
    expect(docDataOf(await setup.storedRows())).toEqual({ a: { id: 'a', name: '甲', _deleted: false } });
    expect(docDataOf(await meta.findDocumentsById(['a|0', 'b|0'], true))).toEqual({
      a: { id: 'a', name: '甲', _deleted: false },
      b: { id: 'b', name: '乙', _deleted: false },
    });
    // Edited again: the row stays the pulled state.
    await edit(things, 'a', '甲再改');
    expect(docDataOf(await setup.storedRows())).toEqual({ a: { id: 'a', name: '甲', _deleted: false } });
  });

  it('keeps the pulled state of an edit made while no replication has its state open', async () => {
    const setup = setUp();
    const things = await setup.things();
    const meta = await setup.meta();
    await pull(things, meta, [{ id: 'a', name: '甲' }]);
    await meta.close();
    await edit(things, 'a', '甲改');
    expect(docDataOf(await setup.storedRows())).toEqual({ a: { id: 'a', name: '甲', _deleted: false } });
  });

  it('updates a row kept for an edit when the downstream then writes the same id', async () => {
    const setup = setUp();
    const things = await setup.things();
    const meta = await setup.meta();
    const written = await things.bulkWrite([{ document: { id: 'a', name: '甲', _deleted: false, _attachments: {}, _meta: { lwt: now() }, _rev: '1-server' } }], 'replication-downstream-test');
    expect(written.error).toEqual([]);
    // The edit lands between the downstream's document and its meta row.
    await edit(things, 'a', '甲改');
    const row = { id: 'a|0', isCheckpoint: '0', itemId: 'a', docData: { id: 'a', name: '甲', _deleted: false }, _deleted: false, _attachments: {}, _meta: { lwt: now() }, _rev: '1-meta' };
    expect((await meta.bulkWrite([{ document: row }], 'replication-down-write-meta')).error).toEqual([]);
    expect(docDataOf(await setup.storedRows())).toEqual({ a: { id: 'a', name: '甲', _deleted: false } });
  });

  it('updates a kept row when a write follows that read the row as implied before the edit', async () => {
    const setup = setUp();
    const things = await setup.things();
    const meta = await setup.meta();
    await pull(things, meta, [{ id: 'a', name: '甲' }]);
    const [implied] = await meta.findDocumentsById(['a|0'], true);
    await edit(things, 'a', '甲改');
    // The replication writes what it learnt since, with the row it read before the edit as `previous`.
    const document = { ...implied!, docData: { id: 'a', name: '甲（服务器）', _deleted: false }, _rev: '1-meta', _meta: { lwt: now() } };
    expect((await meta.bulkWrite([{ previous: implied!, document }], 'replication-up-write-meta')).error).toEqual([]);
    expect(docDataOf(await setup.storedRows())).toEqual({ a: { id: 'a', name: '甲（服务器）', _deleted: false } });
  });

  it('stores every row when its meta instance held rows when opened', async () => {
    const setup = setUp();
    const things = await setup.things();
    const first = await setup.meta();
    await pull(things, first, [{ id: 'a', name: '甲' }]);
    await edit(things, 'a', '甲改');
    await first.close();
    const meta = await setup.meta();
    await pull(things, meta, [{ id: 'b', name: '乙' }]);
    expect(Object.keys(docDataOf(await setup.storedRows()))).toEqual(['a', 'b']);
  });
});
