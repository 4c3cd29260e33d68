// The three-way, field-level merge used when a push meets a newer server state (design.md,
// "Conflicts"). Pure and deterministic: the same three states always give the same result.
import { collectionInfo, type AnyDoc, type CollectionName } from './collections';

/** Storage bookkeeping that never takes part in comparing or merging documents. */
const LOCAL_ONLY_FIELDS = new Set(['_meta', '_rev', '_attachments']);

/** Structural equality of JSON values, ignoring key order and local storage bookkeeping. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  }
  const ka = ownKeys(a);
  const kb = ownKeys(b);
  if (ka.length !== kb.length) return false;
  const recordA = a as Record<string, unknown>;
  const recordB = b as Record<string, unknown>;
  return ka.every((key) => Object.hasOwn(recordB, key) && deepEqual(recordA[key], recordB[key]));
}

function ownKeys(value: object): string[] {
  return Object.keys(value).filter((key) => !LOCAL_ONLY_FIELDS.has(key) && (value as Record<string, unknown>)[key] !== undefined);
}

/** A field both sides changed to different values: the server's value stands, the local one is kept here. */
export interface FieldConflict {
  field: string;
  base: unknown;
  server: unknown;
  local: unknown;
}

export interface MergeResult {
  merged: AnyDoc;
  /** Empty when nothing the device changed was set aside. */
  conflicts: FieldConflict[];
}

/**
 * Merge a device's state with the server's, given the state both started from (`base`, absent when
 * the device never saw a server version). A field changed on one side keeps that change; a field
 * changed on both takes the server's value and reports the local one; append-only log fields take
 * the union of their entries by `id`. An edit against a server-side deletion is reported field by
 * field and the deletion stands.
 */
export function mergeThreeWay(collection: CollectionName, base: AnyDoc | undefined, server: AnyDoc, local: AnyDoc): MergeResult {
  const logFields = new Set(collectionInfo[collection].logFields);
  const fields = [...new Set([...ownKeys(server), ...ownKeys(local), ...(base ? ownKeys(base) : [])])].sort();
  const changedLocally = (field: string) => !deepEqual(base?.[field], local[field]);

  if (server._deleted && !local._deleted) {
    const conflicts = fields
      .filter((field) => field !== '_deleted' && changedLocally(field) && !deepEqual(server[field], local[field]))
      .map((field) => ({ field, base: base?.[field], server: server[field], local: local[field] }));
    return { merged: server, conflicts };
  }

  const merged: Record<string, unknown> = {};
  const conflicts: FieldConflict[] = [];
  for (const field of fields) {
    const value = logFields.has(field)
      ? unionById(server[field], local[field])
      : pick(field, base?.[field], server[field], local[field], conflicts);
    if (value !== undefined) merged[field] = value;
  }
  return { merged: merged as AnyDoc, conflicts };
}

function pick(field: string, base: unknown, server: unknown, local: unknown, conflicts: FieldConflict[]): unknown {
  const localChanged = !deepEqual(base, local);
  const serverChanged = !deepEqual(base, server);
  if (!localChanged) return server;
  if (!serverChanged) return local;
  if (!deepEqual(server, local)) conflicts.push({ field, base, server, local });
  return server;
}

/** Server entries in their order, then the device's entries the server does not have yet. */
function unionById(server: unknown, local: unknown): unknown[] | undefined {
  if (server === undefined && local === undefined) return undefined;
  const serverEntries = Array.isArray(server) ? (server as unknown[]) : [];
  const localEntries = Array.isArray(local) ? (local as unknown[]) : [];
  const known = new Set(serverEntries.map(entryId));
  return [...serverEntries, ...localEntries.filter((entry) => !known.has(entryId(entry)))];
}

function entryId(entry: unknown): unknown {
  return typeof entry === 'object' && entry !== null ? (entry as { id?: unknown }).id : entry;
}
