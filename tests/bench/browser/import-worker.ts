// A design probe, not the app (see import-client.ts): a first sync done by a worker. It pulls every
// collection's pages from the server (the next page fetched while the last is written), seals the
// personal fields as the app's storage does (one AES-GCM ciphertext per document, encryption.ts),
// and puts the documents in RxDB's Dexie form with the app's index set, a thousand per transaction.
import { collectionNames, schemas, type CollectionName } from '@domain/collections';
import { encryptedFieldsOf, fieldKeyOf } from '../../../renderer/src/db/encryption';
import { createFieldSealing } from '../../../renderer/src/db/fieldSealing';
import { keepSchemaFields } from '../../../renderer/src/db/plain';
import { fetchPage, inRxdbForm, openFresh, putBatch } from './raw-client';

type Doc = Record<string, unknown> & { id: string };

export interface ImportRequest {
  serverUrl: string;
  token: string;
  /** The data key (64 hex digits) the personal fields are sealed with. */
  dataKey: string;
}

/** The documents stored, counted after the writes; the database, for the page to delete. */
export type ImportAnswer = { ok: true; stored: number; database: string } | { ok: false; error: string };

const BATCH = 1000;

function count(db: IDBDatabase, collection: CollectionName): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = db.transaction(collection).objectStore(collection).count();
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('count failed'));
  });
}

async function importAll({ serverUrl, token, dataKey }: ImportRequest): Promise<ImportAnswer> {
  const db = await openFresh('app');
  const key = await fieldKeyOf(dataKey);
  let lwt = Date.now();
  // Every collection at once, as the app's twelve replications pull: over a slow link the round
  // trips overlap; each pulls its next page while the last is written.
  await Promise.all(
    collectionNames.map(async (collection) => {
      const [carrier, ...others] = encryptedFieldsOf(collection);
      const sealing = carrier === undefined ? undefined : createFieldSealing(key, new TextEncoder().encode(`${db.name}/${collection}`), [carrier, ...others], collection);
      const properties = schemas[collection].properties;
      const toStored = async (wire: Doc): Promise<Doc> => {
        const doc = keepSchemaFields(wire, properties);
        if (!sealing) return inRxdbForm(doc, lwt++);
        const { rest, json } = sealing.split(doc);
        return inRxdbForm({ ...rest, id: doc.id, [sealing.carrier]: await sealing.seal(doc.id, json) }, lwt++);
      };
      let next = fetchPage(serverUrl, token, collection, undefined);
      let writing = Promise.resolve();
      for (;;) {
        const page = await next;
        if (page.documents.length === 0) break;
        next = fetchPage(serverUrl, token, collection, page.checkpoint);
        const rows = await Promise.all(page.documents.map(toStored));
        await writing;
        writing = (async () => {
          for (let i = 0; i < rows.length; i += BATCH) await putBatch(db, collection, rows.slice(i, i + BATCH));
        })();
      }
      await writing;
    }),
  );
  let stored = 0;
  for (const collection of collectionNames) stored += await count(db, collection);
  db.close();
  return { ok: true, stored, database: db.name };
}

self.onmessage = (event: MessageEvent<ImportRequest>) => {
  importAll(event.data).then(
    (answer) => self.postMessage(answer),
    (error: unknown) => self.postMessage({ ok: false, error: String(error) } satisfies ImportAnswer),
  );
};
