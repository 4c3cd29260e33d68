// One collection's live replication against the sync contract (design.md "Sync contract").
import { getAssumedMasterState, type RxCollection } from 'rxdb';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import type { Observable } from 'rxjs';
import { schemas, type AnyDoc, type CollectionName } from '@domain/collections';
import { PULL_BATCH, type Checkpoint } from '@domain/contract';
import { deepEqual } from '@domain/merge';
import type { AppDatabase } from '../db/database';
import type { PersistedIdSets } from '../db/idSets';
import { isLocalWriteInFlight } from '../db/pending';
import { keepSchemaFields, toWireDoc } from '../db/plain';
import type { createHandlers } from './handlers';
import type { InitialCheckpoints } from './importPages';
import { PullAhead } from './pullAhead';

/**
 * Rows per push. RxDB prepares, sends and records one batch after another (reading the documents and
 * their replication state before, writing that state after), so fewer, larger batches cut the
 * rounds an offline backlog takes. Half the server's MAX_PUSH_ROWS, which keeps a body of needs with
 * long histories well under its size limit.
 */
export const PUSH_BATCH = 1000;

type Doc = Record<string, unknown>;

export interface CollectionReplication {
  collection: CollectionName;
  state: RxReplicationState<Doc, Checkpoint>;
  /** Drops waiting ids whose local state is what the server is known to hold. */
  reconcilePending(): Promise<void>;
}

export function localReader(db: AppDatabase, collection: CollectionName): (ids: string[]) => Promise<AnyDoc[]> {
  const rx = db.collections[collection] as unknown as RxCollection<Doc>;
  return async (ids) => (ids.length === 0 ? [] : (await rx.storageInstance.findDocumentsById(ids, true)).map(toWireDoc));
}

export interface ReplicateOptions {
  db: AppDatabase;
  collection: CollectionName;
  serverUrl: string;
  handlers: ReturnType<typeof createHandlers>;
  stream$: Observable<'RESYNC'>;
  /** Waited for before every pull: the event stream's first connection (stream.ts). */
  beforePull: () => Promise<void>;
  pending: PersistedIdSets;
  removed: PersistedIdSets;
  /** Where a replication without stored checkpoints starts (after an import): RxDB's own options. */
  initial?: InitialCheckpoints;
}

export function replicateCollection(options: ReplicateOptions): CollectionReplication {
  const { db, collection, handlers, pending, removed } = options;
  const properties = schemas[collection].properties;
  const readLocal = localReader(db, collection);
  // Bound once the replication exists; its handlers run only after it has started.
  let replication = (): RxReplicationState<Doc, Checkpoint> | undefined => undefined;
  const ahead = new PullAhead({
    stored: () => replication()?.internalReplicationState?.lastCheckpointDoc.down?.checkpointData as Checkpoint | undefined,
    stopped: () => replication()?.isStopped() ?? false,
  });
  const state = replicateRxCollection<Doc, Checkpoint>({
    // Stable across restarts, so the replication resumes from its stored checkpoint.
    replicationIdentifier: `${options.serverUrl}|${collection}`,
    collection: db.collections[collection],
    live: true,
    // Backoff happens inside the handlers, where "sync now" can cut it short.
    retryTime: 100,
    waitForLeadership: true,
    autoStart: true,
    pull: {
      initialCheckpoint: options.initial?.pull,
      batchSize: PULL_BATCH,
      handler: async (checkpoint, batchSize) => {
        await options.beforePull();
        await ahead.before(checkpoint ?? undefined);
        const { documents, checkpoint: next } = await handlers.pull(checkpoint, batchSize);
        if (next) ahead.returned(next);
        return { documents, checkpoint: next };
      },
      stream$: options.stream$,
      // Server bookkeeping never reaches the local store.
      modifier: (doc: Doc) => keepSchemaFields(doc, properties) as AnyDoc,
    },
    push: {
      initialCheckpoint: options.initial?.push,
      batchSize: PUSH_BATCH,
      handler: (rows) => handlers.push(rows),
    },
  });

  replication = () => state;

  async function reconcilePending(): Promise<void> {
    const internal = state.internalReplicationState;
    const ids = pending.idsOf(collection).filter((id) => !isLocalWriteInFlight(collection, id));
    if (!internal || ids.length === 0) return;
    const [local, assumed] = await Promise.all([readLocal(ids), getAssumedMasterState(internal, ids)]);
    const localById = new Map(local.map((doc) => [doc.id, doc]));
    const done = ids.filter((id) => {
      const current = localById.get(id);
      const known = assumed[id];
      if (!current) return true;
      if (current._deleted && removed.has(collection, id)) return true;
      return known !== undefined && deepEqual(current, toWireDoc(known.docData));
    });
    await pending.remove(collection, done);
  }

  return { collection, state, reconcilePending };
}
