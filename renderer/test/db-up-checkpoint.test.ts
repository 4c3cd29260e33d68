// The upstream's checkpoint is written at most once a second (db/upCheckpoint): RxDB is told each
// write succeeded, reads answer with the latest, and only the latest is stored — after the
// interval, or when the instance closes. Everything else in the meta instance is written as it
// comes. The instances are driven as RxDB's replication drives them (replication-protocol/checkpoint.js).
import { describe, expect, it, vi } from 'vitest';
import { getComposedPrimaryKeyOfDocumentData, getRxReplicationMetaInstanceSchema, now, type RxStorageInstance } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import type { AppStorage } from '../src/db/storage';
import { heldUpCheckpointStorage } from '../src/db/upCheckpoint';
import { schema } from './support/thingsInstance';

type Row = Record<string, unknown> & { id: string };
type MetaInstance = RxStorageInstance<Row, unknown, unknown>;

const metaSchema = getRxReplicationMetaInstanceSchema(schema as never, false);
const EVERY_MS = 40;
let databaseCount = 0;

function setUp() {
  const inner = getRxStorageMemory() as unknown as AppStorage;
  /** The checkpoint writes that reached the storage under the layer. */
  const stored: string[] = [];
  const counting: AppStorage = {
    ...inner,
    async createStorageInstance(params) {
      const instance = (await inner.createStorageInstance(params)) as unknown as MetaInstance;
      const bulkWrite = instance.bulkWrite.bind(instance);
      instance.bulkWrite = (rows, context) => {
        for (const row of rows) if (row.document.isCheckpoint === '1') stored.push(String(row.document.itemId));
        return bulkWrite(rows, context);
      };
      return instance as never;
    },
  };
  const databaseName = `up-checkpoint-${++databaseCount}`;
  const open = async (storage: AppStorage) =>
    (await storage.createStorageInstance({
      databaseName,
      collectionName: 'rx-replication-meta-test',
      databaseInstanceToken: 'tab-1',
      schema: metaSchema as never,
      options: {},
      multiInstance: false,
      devMode: false,
    })) as unknown as MetaInstance;
  return {
    stored,
    meta: () => open(heldUpCheckpointStorage(counting, EVERY_MS)),
    /** The same meta instance past the layer. */
    past: () => open(inner),
    /** The checkpoint of `direction` as stored, read past the layer. */
    async storedCheckpoint(direction: 'up' | 'down'): Promise<unknown> {
      const raw = await open(inner);
      const [found] = await raw.findDocumentsById([checkpointId(direction)], false);
      await raw.close();
      return found?.checkpointData;
    },
  };
}

const checkpointId = (direction: 'up' | 'down') => getComposedPrimaryKeyOfDocumentData(metaSchema as never, { isCheckpoint: '1', itemId: direction });

/** RxDB's setCheckpoint: the new checkpoint over the one it last wrote (or read), which it must be told succeeded. */
async function setCheckpoint(meta: MetaInstance, direction: 'up' | 'down', lwt: number): Promise<void> {
  const [previous] = await meta.findDocumentsById([checkpointId(direction)], false);
  const document = {
    id: checkpointId(direction),
    isCheckpoint: '1',
    itemId: direction,
    checkpointData: { id: `doc-${lwt}`, lwt },
    _deleted: false,
    _attachments: {},
    _meta: { lwt: now() },
    _rev: `${lwt}-checkpoint`,
  };
  const { error } = await meta.bulkWrite([{ previous, document }], 'replication-set-checkpoint');
  expect(error).toEqual([]);
}

describe('heldUpCheckpointStorage', () => {
  it('stores only the latest of the upstream’s checkpoints, once, after the interval; reads answer with it meanwhile', async () => {
    const setup = setUp();
    const meta = await setup.meta();
    for (const lwt of [1, 2, 3, 4, 5]) await setCheckpoint(meta, 'up', lwt);
    expect(setup.stored).toEqual([]);
    const [read] = await meta.findDocumentsById([checkpointId('up')], false);
    expect(read?.checkpointData).toEqual({ id: 'doc-5', lwt: 5 });

    await vi.waitFor(() => expect(setup.stored).toEqual(['up']));
    expect(await setup.storedCheckpoint('up')).toEqual({ id: 'doc-5', lwt: 5 });
    // Held again after it was written: stored over the stored one, again once.
    for (const lwt of [6, 7]) await setCheckpoint(meta, 'up', lwt);
    await vi.waitFor(() => expect(setup.stored).toEqual(['up', 'up']));
    expect(await setup.storedCheckpoint('up')).toEqual({ id: 'doc-7', lwt: 7 });
    await meta.close();
  });

  it('stores the held checkpoint when the instance closes (the replication stops), and a new instance reads it', async () => {
    const setup = setUp();
    const meta = await setup.meta();
    for (const lwt of [1, 2, 3]) await setCheckpoint(meta, 'up', lwt);
    await meta.close();
    expect(setup.stored).toEqual(['up']);
    expect(await setup.storedCheckpoint('up')).toEqual({ id: 'doc-3', lwt: 3 });

    const reopened = await setup.meta();
    const [read] = await reopened.findDocumentsById([checkpointId('up')], false);
    expect(read?.checkpointData).toEqual({ id: 'doc-3', lwt: 3 });
    await reopened.close();
    expect(setup.stored).toEqual(['up']);
  });

  it('writes the downstream’s checkpoint and the replication’s rows as they come', async () => {
    const setup = setUp();
    const meta = await setup.meta();
    await setCheckpoint(meta, 'down', 1);
    await setCheckpoint(meta, 'down', 2);
    expect(setup.stored).toEqual(['down', 'down']);
    expect(await setup.storedCheckpoint('down')).toEqual({ id: 'doc-2', lwt: 2 });
    const row = { id: 'a|0', isCheckpoint: '0', itemId: 'a', docData: { id: 'a', name: '甲', _deleted: false }, _deleted: false, _attachments: {}, _meta: { lwt: now() }, _rev: '1-meta' };
    expect((await meta.bulkWrite([{ document: row }], 'replication-up-write-meta')).error).toEqual([]);
    expect((await meta.findDocumentsById(['a|0'], false)).map((found) => found.itemId)).toEqual(['a']);
    await meta.close();
  });

  it('stores the held checkpoint over one written meanwhile past the layer, rather than failing on it', async () => {
    const setup = setUp();
    const meta = await setup.meta();
    await setCheckpoint(meta, 'up', 1);
    // Stored meanwhile past the layer: RxDB's `previous` for the held one is no longer what is stored.
    await setCheckpoint(await setup.past(), 'up', 9);
    expect(await setup.storedCheckpoint('up')).toEqual({ id: 'doc-9', lwt: 9 });
    await meta.close();
    expect(await setup.storedCheckpoint('up')).toEqual({ id: 'doc-1', lwt: 1 });
  });
});
