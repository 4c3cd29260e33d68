// The device's database: the twelve synced collections of the domain model and nothing else
// (RxDB's open-source limit is 13 open collections per realm). The device's own bookkeeping
// lives in local documents (`localDocuments: true`), never in a collection.
import { addRxPlugin, createRxDatabase, type RxCollection, type RxConflictHandler, type RxDatabase, type RxJsonSchema } from 'rxdb';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
import { collectionNames, schemas, type CollectionName, type DocTypes } from '@domain/collections';
import { i18n } from '../i18n';
import { encryptingStorage, isDataKey, withEncryptedFields } from './encryption';
import { freshReadsStorage } from './freshReads';
import { impliedMetaStorage } from './impliedMeta';
import { rxHash } from './hash';
import { pacedStorage, type AppStorage } from './storage';
import { heldUpCheckpointStorage } from './upCheckpoint';

addRxPlugin(RxDBLocalDocumentsPlugin);

export type AppCollections = { [C in CollectionName]: RxCollection<DocTypes[C]> };
export type AppDatabase = RxDatabase<AppCollections>;

export type ConflictHandlerFor = <C extends CollectionName>(collection: C) => RxConflictHandler<DocTypes[C]>;

export interface CreateDatabaseOptions {
  name: string;
  storage: AppStorage;
  conflictHandlerFor: ConflictHandlerFor;
  /** The device's data key of this database (session/vault): encrypts personal fields at rest. */
  encryptionKey: string;
  /** Tabs of the same user share one database; RxDB keeps them consistent across tabs. */
  multiInstance?: boolean;
}

/** The key does not open this database: it was created with another data key. */
export class DataKeyMismatchError extends Error {
  constructor() {
    super(i18n.t('common:errors.dataKeyMismatch'));
    this.name = 'DataKeyMismatchError';
  }
}

/** RxDB's error for a database opened with another password than it was created with. */
function isPasswordMismatch(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'DB1';
}

/**
 * The domain schemas are deeply readonly literals; RxDB's schema type wants mutable arrays.
 * Personal fields are marked `encrypted` (see ./encryption).
 */
function rxSchemaOf<C extends CollectionName>(collection: C): RxJsonSchema<DocTypes[C]> {
  return withEncryptedFields(collection, structuredClone(schemas[collection]) as unknown as RxJsonSchema<DocTypes[C]>);
}

export async function createAppDatabase(options: CreateDatabaseOptions): Promise<AppDatabase> {
  // Never fall back to plain storage: a missing or malformed key is a programming error.
  if (!isDataKey(options.encryptionKey)) throw new Error('encryptionKey must be 64 hex digits');
  const db = await createRxDatabase<AppCollections>({
    name: options.name,
    // Innermost, next to IndexedDB: a new database's first sync asks it for nothing it cannot hold.
    // Outermost: the replication's copy of each pulled document, implied by the document itself;
    // next to it, the upstream's checkpoint written once a second rather than after every batch.
    storage: impliedMetaStorage(heldUpCheckpointStorage(pacedStorage(encryptingStorage(freshReadsStorage(options.storage))))),
    password: options.encryptionKey,
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
    throw isPasswordMismatch(error) ? new DataKeyMismatchError() : error;
  }
  return db;
}
