// Documents as pages and the wire see them: no storage bookkeeping.
import { clone } from 'rxdb';
import type { AnyDoc } from '@domain/collections';

const LOCAL_ONLY = ['_meta', '_rev', '_attachments'] as const;

/** A copy of a stored or replicated document without RxDB's `_meta`, `_rev` and `_attachments`. */
export function withoutStorageFields<T extends object>(doc: T): T {
  const copy: Record<string, unknown> = { ...(doc as Record<string, unknown>) };
  for (const key of LOCAL_ONLY) delete copy[key];
  return copy as T;
}

/** A wire document: storage fields removed and `_deleted` always present. */
export function toWireDoc(doc: object): AnyDoc {
  const copy = withoutStorageFields(doc) as Partial<AnyDoc>;
  return { ...copy, _deleted: copy._deleted === true } as AnyDoc;
}

/** Keeps only the fields a schema declares (plus `_deleted`): pulled data never carries extras into the store. */
export function keepSchemaFields<T extends object>(doc: T, properties: Readonly<Record<string, unknown>>): T {
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) {
    if (key === '_deleted' || Object.hasOwn(properties, key)) kept[key] = value;
  }
  return kept as T;
}

/** What a page's copy leaves out: the storage's fields, and `_deleted` (pages never see tombstones). */
const NOT_FOR_PAGES = new Set<string>([...LOCAL_ONLY, '_deleted']);

/**
 * A page's own deep copy of a stored document's fields, storage fields and `_deleted` left out:
 * what RxDB's `toMutableJSON()` gives, which copies twice and deletes in between — about six
 * times the time (185 ms of opening a list of 20,000 members, the app benchmark's cold start).
 */
export function pageCopy<T>(data: object): T {
  const copy: Record<string, unknown> = {};
  // Stored documents are plain objects: for…in sees their own fields only (a third of the time of Object.entries).
  for (const key in data) {
    if (NOT_FOR_PAGES.has(key)) continue;
    const value = (data as Record<string, unknown>)[key];
    copy[key] = typeof value === 'object' && value !== null ? clone(value) : value;
  }
  return copy as T;
}
