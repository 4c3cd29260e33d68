// INTERFACE (agreed between the data layer and the feature pages): the only way pages change
// documents. Each call is one atomic local write with strict durability; sync picks it up.
import { fillObjectDataBeforeInsert, type RxCollection, type RxDocumentData } from 'rxdb';
import type { CollectionName, DocTypes } from '@domain/collections';
import { deepEqual, mergeThreeWay } from '@domain/merge';
import { i18n } from '../i18n';
import { requireDatabase } from './current';
import { duringLocalWrite } from './pending';
import { toWireDoc, withoutStorageFields } from './plain';
import { schemaProblems } from './validate';

export class InvalidDocumentError extends Error {
  constructor(
    readonly collection: CollectionName,
    readonly problems: { path: string; message: string }[],
  ) {
    super(i18n.t('common:errors.invalidDocument', { details: problems.map((p) => `${p.path} ${p.message}`).join('; ') }));
    this.name = 'InvalidDocumentError';
  }
}

function collectionOf(name: CollectionName): RxCollection<Record<string, unknown>> {
  return requireDatabase().db.collections[name] as unknown as RxCollection<Record<string, unknown>>;
}

/**
 * Inserts the document, or replaces the stored one with this id. `base` is the stored state the edit
 * started from (what the form showed): when the stored document changed meanwhile (a pull, another
 * window), only the fields this edit changed are written over it, so the other change is kept. Where
 * both changed a field, the value the person just saved stands.
 */
export async function saveDoc<C extends CollectionName>(collection: C, doc: DocTypes[C], base?: DocTypes[C]): Promise<void> {
  const edited = withoutStorageFields({ ...(doc as Record<string, unknown>) });
  delete edited._deleted;
  const problems = schemaProblems(collection, edited);
  if (problems.length > 0) throw new InvalidDocumentError(collection, problems);

  const { pending } = requireDatabase();
  const rx = collectionOf(collection);
  const id = String(edited.id);
  // Merged again over whatever state the write finds: a pull may land between any read and the write.
  const over = (stored: object | undefined) => (stored && base ? editedOver(collection, base, edited, stored) : edited);
  await duringLocalWrite(collection, id, async () => {
    const current = await rx.findOne(id).exec();
    // Saving an unchanged form is no change: it must not count as waiting for sync.
    if (current && deepEqual(current.toJSON(), over(current.toMutableJSON()))) return;
    await pending.add(collection, [id]);
    await replaceAll(rx, [edited], over);
  });
}

/**
 * Inserts or replaces many documents at once (an import). Every document is validated first: if any
 * is invalid nothing is written and the error lists the problems of the first bad one. Then all are
 * marked as waiting for sync in one go and written with one storage write (see replaceAll).
 */
export async function saveDocs<C extends CollectionName>(collection: C, docs: DocTypes[C][]): Promise<void> {
  const plain = docs.map((doc) => {
    const edited = withoutStorageFields({ ...(doc as Record<string, unknown>) });
    delete edited._deleted;
    return edited;
  });
  for (const edited of plain) {
    const problems = schemaProblems(collection, edited);
    if (problems.length > 0) throw new InvalidDocumentError(collection, problems);
  }
  if (plain.length === 0) return;
  const { pending } = requireDatabase();
  const rx = collectionOf(collection);
  const ids = plain.map((d) => String(d.id));
  // Every id counts as in flight until the bulk write lands (see duringLocalWrite).
  let release = () => {};
  const landed = new Promise<void>((resolve) => (release = resolve));
  const holds = ids.map((id) => duringLocalWrite(collection, id, () => landed));
  try {
    await pending.add(collection, ids);
    await replaceAll(rx, plain);
  } finally {
    release();
    await Promise.all(holds);
  }
}

/** Attempts of a bulk replace whose documents keep being changed underneath it (a pull writing them). */
const REPLACE_ATTEMPTS = 5;

/**
 * Inserts or replaces `docs` in one storage write: reads the stored states once and writes over
 * them. RxDB's `upsert` and `bulkUpsert` first try to insert every document (reading and
 * encrypting them for nothing when they exist), then replace the refused ones through the
 * collection's incremental write queue, which writes the first alone and the rest after it: more
 * writes, two change events, and so two pushes where one would do. A document changed between the read and the write
 * (a pull) is refused with a conflict and read and written again, as the queue would; `over` makes
 * each attempt's document from the live state that attempt read (a save merges its edit over it).
 */
async function replaceAll(
  rx: RxCollection<Record<string, unknown>>,
  docs: Record<string, unknown>[],
  over: (stored: object | undefined, doc: Record<string, unknown>) => Record<string, unknown> = (_stored, doc) => doc,
): Promise<void> {
  type Stored = RxDocumentData<Record<string, unknown>>;
  const instance = rx.storageInstance;
  const primary = rx.schema.primaryPath;
  let todo = docs;
  for (let attempt = 0; todo.length > 0; attempt++) {
    const stored = new Map((await instance.findDocumentsById(todo.map((doc) => String(doc[primary])), true)).map((doc) => [String(doc[primary]), doc]));
    const rows = todo.map((doc) => {
      const previous: Stored | undefined = stored.get(String(doc[primary]));
      const live = previous && !previous._deleted ? previous : undefined;
      const document = fillObjectDataBeforeInsert<Record<string, unknown>>(rx.schema, over(live, doc));
      if (previous) document._attachments = previous._attachments;
      return { previous, document };
    });
    const { error } = await instance.bulkWrite(rows, 'cg-save-docs');
    const conflicts = new Set(error.filter((e) => e.status === 409).map((e) => e.documentId));
    if (error.length > conflicts.size || (conflicts.size > 0 && attempt + 1 >= REPLACE_ATTEMPTS)) {
      throw new Error(i18n.t('common:errors.invalidDocument', { details: error.map((e) => e.documentId).join('; ') }));
    }
    todo = todo.filter((doc) => conflicts.has(String(doc[primary])));
  }
}

function editedOver(collection: CollectionName, base: object, edited: object, current: object): Record<string, unknown> {
  // The edit takes the server's part of the sync merge: its changes win, the stored changes it did
  // not touch stay, append-only logs keep the entries of both.
  const { merged } = mergeThreeWay(collection, toWireDoc(base), toWireDoc(edited), toWireDoc(current));
  const data: Record<string, unknown> = { ...merged };
  delete data._deleted;
  return data;
}

/** Deletes the document (a tombstone that replicates). */
export async function removeDoc(collection: CollectionName, id: string): Promise<void> {
  const { pending } = requireDatabase();
  await duringLocalWrite(collection, id, async () => {
    const current = await collectionOf(collection).findOne(id).exec();
    if (!current) return;
    await pending.add(collection, [id]);
    // Removed over whatever state the write finds, as saveDoc writes: a pull may land after the read.
    await current.incrementalRemove();
  });
}

/** A new random document id (works in insecure contexts too, where `crypto.randomUUID` is missing). */
export function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
