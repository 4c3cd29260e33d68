// A one-collection RxDB storage instance of small documents ({ id, name }), for the tests of our
// storage wrappers over Dexie (fake-indexeddb).
import { fillWithDefaultSettings, type RxStorageInstance } from 'rxdb';
import type { AppStorage } from '../../src/db/storage';

export type Doc = { id: string; name: string };
export type Instance = RxStorageInstance<Doc, unknown, unknown>;

export const schema = fillWithDefaultSettings({
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: { id: { type: 'string', maxLength: 40 }, name: { type: 'string' } },
  required: ['id', 'name'],
});

export async function openThings(storage: AppStorage, databaseName: string, token = 'tab-1', multiInstance = false): Promise<Instance> {
  return (await storage.createStorageInstance({
    databaseName,
    collectionName: 'things',
    databaseInstanceToken: token,
    schema: schema as never,
    options: {},
    multiInstance,
    devMode: false,
  })) as unknown as Instance;
}
