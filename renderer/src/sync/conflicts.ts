// The conflict handler of every collection (design.md "Conflicts"). RxDB's default lets the
// server win and drops the offline edit; here a three-way, field-level merge keeps every change
// made on one side only, and a local value that loses goes to the conflict log before the merged
// state is written, so nothing a person typed disappears silently.
import type { RxConflictHandler } from 'rxdb';
import type { AnyDoc, CollectionName, DocTypes } from '@domain/collections';
import { deepEqual, mergeThreeWay, type FieldConflict } from '@domain/merge';
import type { ConflictHandlerFor } from '../db/database';

export type ConflictReason = 'bothChanged' | 'deletedOnServer' | 'removedFromScope';

export interface ConflictEntry {
  /** Unique per entry. */
  key: string;
  collection: CollectionName;
  docId: string;
  /** ISO 8601 instant of the merge. */
  at: string;
  reason: ConflictReason;
  /** A name to show, when the document has one. */
  label?: string;
  fields: Array<Pick<FieldConflict, 'field' | 'server' | 'local'>>;
}

export interface ConflictSink {
  /** Persist the entry; the merge waits for it. */
  record(entry: ConflictEntry): Promise<void>;
  /** Whether the server reported this document as having left the user's scope. */
  isRemovedFromScope(collection: CollectionName, id: string): boolean;
  now?: () => Date;
}

function labelOf(doc: AnyDoc): string | undefined {
  const name = doc.name ?? doc.title;
  return typeof name === 'string' ? name : undefined;
}

function reasonOf(collection: CollectionName, server: AnyDoc, local: AnyDoc, sink: ConflictSink): ConflictReason {
  if (!server._deleted || local._deleted) return 'bothChanged';
  return sink.isRemovedFromScope(collection, server.id) ? 'removedFromScope' : 'deletedOnServer';
}

/** Merges the three states and records what the local side loses. */
export async function resolveConflict(
  collection: CollectionName,
  input: { assumedMasterState?: AnyDoc; realMasterState: AnyDoc; newDocumentState: AnyDoc },
  sink: ConflictSink,
): Promise<AnyDoc> {
  const { assumedMasterState: base, realMasterState: server, newDocumentState: local } = input;
  const { merged, conflicts } = mergeThreeWay(collection, base, server, local);
  if (conflicts.length > 0) {
    const at = (sink.now?.() ?? new Date()).toISOString();
    await sink.record({
      key: `${at}|${collection}|${server.id}|${Math.random().toString(36).slice(2, 8)}`,
      collection,
      docId: server.id,
      at,
      reason: reasonOf(collection, server, local, sink),
      // What the record is called now, so the person can find it.
      label: labelOf(server) ?? labelOf(local),
      fields: conflicts.map(({ field, server: serverValue, local: localValue }) => ({ field, server: serverValue, local: localValue })),
    });
  }
  return merged;
}

export function createConflictHandler<C extends CollectionName>(collection: C, sink: ConflictSink): RxConflictHandler<DocTypes[C]> {
  return {
    // Also decides what is pushed: storage bookkeeping and key order never count as a change.
    isEqual: (a, b) => deepEqual(a, b),
    resolve: async (input) => {
      const merged = await resolveConflict(
        collection,
        input as unknown as { assumedMasterState?: AnyDoc; realMasterState: AnyDoc; newDocumentState: AnyDoc },
        sink,
      );
      return merged as unknown as typeof input.realMasterState;
    },
  };
}

/** The conflict handlers of all collections, recording into one sink. */
export function conflictHandlers(sink: ConflictSink): ConflictHandlerFor {
  return (collection) => createConflictHandler(collection, sink);
}
