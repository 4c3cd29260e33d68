// Encryption at rest (issue 6): personal fields are encrypted in the local database with the
// device's data key (session/vault), so a stolen laptop's profile does not reveal them. The fields
// are marked `encrypted` in the RxDB schema, the key is the database's `password`, and the storage
// below keeps them as AES-256-GCM ciphertext (WebCrypto); everything else stays plain, because
// queries, indexes and sorting run on the stored values. No page queries these fields: lists
// filter by ids and communities, and search runs in memory over decrypted documents (lib/search).
// The domain schemas are shared with the server, so the list lives here, not in domain/.
//
// RxDB's own encryption plugin (encryption-crypto-js) does the same per field with crypto-js,
// which measured ~1 ms per field here: seconds for a community's members at every read. This one
// seals all encrypted fields of a document together, once, natively: the first listed field (the
// carrier) holds `v1.<iv>.<ciphertext>` of a JSON object of their values; the others are not
// stored. RxDB also marks the replication state's `docData` encrypted, which this covers too
// (sealed as its collection seals documents: see metaCodec).
import { getPrimaryFieldOfPrimaryKey, META_INSTANCE_SCHEMA_TITLE, wrapRxStorageInstance, type RxDocumentData, type RxJsonSchema } from 'rxdb';
import type { CollectionName } from '@domain/collections';
import { fromHex } from './bytes';
import { createFieldSealing, type FieldSealing } from './fieldSealing';
import type { AppStorage } from './storage';
import { yieldToMain } from './yieldToMain';

/**
 * The personal fields of each collection, encrypted in the local database.
 * - members: the ID number and the birth date read from it, the mobile, where the person lives
 *   (unit and room; the compound and building are references lists filter by) and the note.
 * - needs: the resident who raised it (name and phone), the description, and the steps (their
 *   notes describe the resident's situation).
 * - units: the contact phone (often a person's mobile).
 * Names of team members, ids, references, dates of events and states stay plain: lists filter and
 * sort by them.
 */
export const encryptedFields = {
  members: ['idNumber', 'birthDate', 'mobile', 'unitNo', 'room', 'note'],
  needs: ['raisedBy', 'raisedByPhone', 'description', 'steps'],
  units: ['contactPhone'],
} as const satisfies Partial<Record<CollectionName, readonly string[]>>;

type WithEncryption = Partial<Record<CollectionName, readonly string[]>>;

/** The fields of `collection` stored as ciphertext (none for most collections). */
export function encryptedFieldsOf(collection: CollectionName): readonly string[] {
  return (encryptedFields as WithEncryption)[collection] ?? [];
}

/** The collection's RxDB schema with its personal fields marked `encrypted`. */
export function withEncryptedFields<T>(collection: CollectionName, schema: RxJsonSchema<T>): RxJsonSchema<T> {
  const fields = encryptedFieldsOf(collection);
  if (fields.length === 0) return schema;
  const indexed = new Set((schema.indexes ?? []).flatMap((index): string[] => (typeof index === 'string' ? [index] : [...index])));
  for (const field of fields) {
    // An encrypted value cannot be indexed or queried; a schema that indexes one is a programming error.
    if (indexed.has(field) || field === schema.primaryKey) throw new Error(`${collection}.${field} is indexed and cannot be encrypted`);
  }
  return { ...schema, encrypted: [...fields] };
}

/** Documents of a query's answer decrypted together before the thread is given back. */
const OPEN_SLICE = 1000;

const FIELD_KEY_INFO = new TextEncoder().encode('cg/fields/v1');

/** The AES-GCM key of the fields, derived from the data key (HKDF-SHA-256, its own label). */
let fieldKeyCache: { dataKey: string; key: Promise<CryptoKey> } | undefined;
export function fieldKeyOf(dataKey: string): Promise<CryptoKey> {
  if (fieldKeyCache?.dataKey !== dataKey) {
    const key = crypto.subtle
      .importKey('raw', fromHex(dataKey), 'HKDF', false, ['deriveKey'])
      .then((base) =>
        crypto.subtle.deriveKey({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: FIELD_KEY_INFO }, base, { name: 'AES-GCM', length: 256 }, false, [
          'encrypt',
          'decrypt',
        ]),
      );
    fieldKeyCache = { dataKey, key };
  }
  return fieldKeyCache.key;
}

type Doc = Record<string, unknown>;

/**
 * The sealing of a collection's personal fields in a database, as its stored documents carry them
 * (`fields`: the carrier first). Additional data binds a ciphertext to its database and collection:
 * it does not open as another one's.
 */
export function collectionSealing(fieldKey: CryptoKey, databaseName: string, collection: string, fields: readonly [string, ...string[]]): FieldSealing {
  return createFieldSealing(fieldKey, new TextEncoder().encode(`${databaseName}/${collection}`), fields, collection);
}

/** The storage that encrypts the fields marked `encrypted` with the database's password (the data key). */
export function encryptingStorage(storage: AppStorage): AppStorage {
  // Each encrypted collection's sealing, by database and the collection's fields: the replication's
  // meta instance of that collection (its schema names the collection only by a hash) seals the
  // documents it keeps with it.
  const sealings = new Map<string, { sealing: FieldSealing; primaryPath: string }>();
  return {
    ...storage,
    async createStorageInstance(params) {
      const fields = params.schema.encrypted ?? [];
      if (fields.length === 0) return storage.createStorageInstance(params);
      const password: unknown = params.password;
      if (typeof password !== 'string' || !isDataKey(password)) throw new Error(`${params.collectionName}: encrypted fields need the data key`);
      const [carrier, ...others] = fields as [string, ...string[]];
      // Resolved once here: awaiting the cached promise again for every document showed up as a
      // few hundred milliseconds of a push of 2,000 edits in the profile.
      const fieldKey = await fieldKeyOf(password);
      const docDataOf = params.schema.title === META_INSTANCE_SCHEMA_TITLE ? (params.schema.properties as Doc).docData : undefined;
      const parent = docDataOf ? sealings.get(collectionPairKey(params.databaseName, docDataOf)) : undefined;
      // Stored: the carrier as a string, the others absent; nothing else of the schema changes.
      // The meta instance of a known collection keeps its `docData` as that collection stores
      // documents: an object, its personal fields sealed (see metaCodec).
      const storedSchema = structuredClone(params.schema) as RxJsonSchema<RxDocumentData<unknown>> & { properties: Doc };
      delete storedSchema.encrypted;
      storedSchema.properties[carrier] = { type: parent ? 'object' : 'string' };
      for (const field of others) delete storedSchema.properties[field];
      storedSchema.required = (storedSchema.required ?? []).filter((field) => !others.includes(field) && field !== carrier);
      const instance = await storage.createStorageInstance({ ...params, schema: storedSchema });
      const sealing = collectionSealing(fieldKey, params.databaseName, params.collectionName, [carrier, ...others]);
      const primaryPath = getPrimaryFieldOfPrimaryKey(params.schema.primaryKey) as string;
      if (!docDataOf) sealings.set(collectionPairKey(params.databaseName, params.schema), { sealing, primaryPath });

      // The two forms of every document this instance sealed or opened, each keyed by the other.
      // RxDB hands a document it read back as the `previous` of its next write (the storage only
      // compares its revision) and the storage returns it in the change event: without these, each
      // updated document cost an encryption of its old state and a decryption of it back.
      const storedOf = new WeakMap<Doc, Doc>();
      const plainOf = new WeakMap<Doc, Doc>();
      function remember(doc: Doc, stored: Doc): Doc {
        storedOf.set(doc, stored);
        plainOf.set(stored, doc);
        return stored;
      }
      const sameVersion = (a: Doc, b: Doc) =>
        a._rev === b._rev && a._deleted === b._deleted && (a._meta as { lwt?: unknown } | undefined)?.lwt === (b._meta as { lwt?: unknown } | undefined)?.lwt;

      // A document read again comes back from IndexedDB as a new object: a live query of a whole
      // collection re-run while a sync writes decrypted every document anew, most of them unchanged
      // (the profile of the app benchmark with the pages open: a third of each re-read). The plain
      // form of each version stays at hand while anything holds it — RxDB's document cache does
      // while a page shows it — and is used again.
      const openedByVersion = new Map<string, WeakRef<Doc>>();
      const dropped = new FinalizationRegistry<string>((key) => {
        if (openedByVersion.get(key)?.deref() === undefined) openedByVersion.delete(key);
      });
      const versionKey = (stored: Doc) => `${String(stored[primaryPath])}\0${String(stored._rev)}`;

      async function sealDoc(doc: Doc): Promise<Doc> {
        const { rest, json } = sealing.split(doc);
        rest[carrier] = await sealing.seal(String(doc[primaryPath]), json);
        return rest;
      }
      async function openDoc(stored: Doc): Promise<Doc> {
        const { [carrier]: sealed, ...rest } = stored;
        return sealing.join(rest, await sealing.open(sealed as string));
      }
      const codec = parent ? metaCodec(parent.sealing, parent.primaryPath, openDoc) : { toStored: sealDoc, fromStored: openDoc };

      async function toStorage(doc: Doc): Promise<Doc> {
        // RxDB treats documents as immutable; the check guards against one given a new revision in place.
        const known = storedOf.get(doc);
        if (known && sameVersion(known, doc)) return known;
        return remember(doc, await codec.toStored(doc));
      }

      async function fromStorage(stored: Doc): Promise<Doc> {
        const known = plainOf.get(stored);
        if (known && sameVersion(known, stored)) return known;
        const key = versionKey(stored);
        const opened = openedByVersion.get(key)?.deref();
        if (opened && sameVersion(opened, stored)) {
          remember(opened, stored);
          return opened;
        }
        const doc = await codec.fromStored(stored);
        remember(doc, stored);
        openedByVersion.set(key, new WeakRef(doc));
        dropped.register(doc, key);
        return doc;
      }

      // RxDB's generic document types do not survive the schema change; the shapes are checked above.
      const wrapped = wrapRxStorageInstance<Doc>(
        params.schema as never,
        instance as never,
        (doc) => toStorage(doc) as Promise<RxDocumentData<Doc>>,
        (doc: Doc) => fromStorage(doc) as Promise<RxDocumentData<Doc>>,
      );
      // A query's documents are opened a slice at a time: the answers to 50,000 decryptions
      // asked at once were handled in one task of half a second and more (the app benchmark's
      // profile with the pages open during a first sync).
      wrapped.query = async (prepared) => {
        const { documents } = await instance.query(prepared);
        const opened: Doc[] = [];
        for (let i = 0; i < documents.length; i += OPEN_SLICE) {
          if (i > 0) await yieldToMain();
          opened.push(...(await Promise.all((documents.slice(i, i + OPEN_SLICE) as unknown as Doc[]).map(fromStorage))));
        }
        return { documents: opened as RxDocumentData<Doc>[] };
      };
      return wrapped as never;
    },
  };
}

/**
 * Pairs a collection's storage instance with its replication's meta instance, whose schema names the
 * collection only by a hash: the database and the collection's fields, as the meta instance's
 * `docData` lists them too (pass the collection's schema, or the meta schema's `docData`).
 */
export function collectionPairKey(databaseName: string, schema: unknown): string {
  const properties = (schema as { properties?: Doc }).properties ?? {};
  return `${databaseName}|${Object.keys(properties).sort().join(',')}`;
}

/**
 * The replication keeps, per document, the state it assumes the server holds (`docData` of its meta
 * rows, which RxDB marks encrypted whole). Sealing it whole cost a second encryption of every pulled
 * document, of all its fields. Instead `docData` is stored as its collection stores the document:
 * plain but for the personal fields, sealed under the collection's binding — with the ciphertext
 * just made for the document itself when the values are the same, so a pulled document is encrypted
 * once. Rows stored whole by earlier versions (`docData` a string) still open.
 */
function metaCodec(parent: FieldSealing, primaryPath: string, openWhole: (stored: Doc) => Promise<Doc>) {
  return {
    async toStored(row: Doc): Promise<Doc> {
      const docData = row.docData as Doc | undefined;
      if (docData === undefined) return row;
      const id = String(docData[primaryPath]);
      const { rest, json } = parent.split(docData);
      rest[parent.carrier] = parent.takeSealed(id, json) ?? (await parent.seal(id, json));
      return { ...row, docData: rest };
    },
    async fromStored(stored: Doc): Promise<Doc> {
      const docData = stored.docData;
      if (typeof docData === 'string') return openWhole(stored);
      if (docData === undefined) return stored;
      const { [parent.carrier]: sealed, ...rest } = docData as Doc;
      return { ...stored, docData: parent.join(rest, await parent.open(sealed as string)) };
    },
  };
}

/**
 * The storage a database is deleted through when its key is not at hand (a wiped device): removal
 * reads no field, so the instances are opened as plain ones — the `encrypted` marks are dropped,
 * which RxDB's plain storages refuse and its encrypting one answers with a demand for the key.
 */
export function removalStorage(storage: AppStorage): AppStorage {
  return {
    ...storage,
    createStorageInstance: (params) => {
      if (params.schema.encrypted === undefined) return storage.createStorageInstance(params);
      const schema = { ...params.schema };
      delete schema.encrypted;
      return storage.createStorageInstance({ ...params, schema });
    },
  };
}

/** A data key as the vault hands it out: 256 bits as 64 hex digits. */
export function isDataKey(key: string): boolean {
  return /^[0-9a-f]{64}$/.test(key);
}
