// The device's database: the twelve synced collections of the domain model and nothing else
// (RxDB's open-source limit is 13 open collections per realm). The device's own bookkeeping
// lives in local documents (`localDocuments: true`), never in a collection.
import { addRxPlugin, createRxDatabase, type RxCollection, type RxConflictHandler, type RxDatabase, type RxJsonSchema } from 'rxdb';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
import { collectionNames, schemas, type CollectionName, type DocTypes } from '@domain/collections';
import { rxHash } from './hash';
import type { AppStorage } from './storage';

addRxPlugin(RxDBLocalDocumentsPlugin);

export type AppCollections = { [C in CollectionName]: RxCollection<DocTypes[C]> };
export type AppDatabase = RxDatabase<AppCollections>;

export type ConflictHandlerFor = <C extends CollectionName>(collection: C) => RxConflictHandler<DocTypes[C]>;

export interface CreateDatabaseOptions {
  name: string;
  storage: AppStorage;
  conflictHandlerFor: ConflictHandlerFor;
  /** Tabs of the same user share one database; RxDB keeps them consistent across tabs. */
  multiInstance?: boolean;
}

/** The domain schemas are deeply readonly literals; RxDB's schema type wants mutable arrays. */
function rxSchemaOf<C extends CollectionName>(collection: C): RxJsonSchema<DocTypes[C]> {
  return structuredClone(schemas[collection]) as unknown as RxJsonSchema<DocTypes[C]>;
}

export async function createAppDatabase(options: CreateDatabaseOptions): Promise<AppDatabase> {
  const db = await createRxDatabase<AppCollections>({
    name: options.name,
    storage: options.storage,
    multiInstance: options.multiInstance ?? true,
    localDocuments: true,
    hashFunction: rxHash,
    // Reopening after sign-out/sign-in in the same tab must not fail on the old instance.
    closeDuplicates: true,
  });
  const creators = Object.fromEntries(
    collectionNames.map((name) => [name, { schema: rxSchemaOf(name), conflictHandler: options.conflictHandlerFor(name) }]),
  );
  try {
    await db.addCollections(creators);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
