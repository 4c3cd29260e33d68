// The pull and push handlers of one collection's replication, speaking the sync contract.
// Failures are reported, then retried with backoff (cut short by "sync now"); the server's
// conflicts go back to RxDB, which merges them with the conflict handler.
import { schemas, type AnyDoc, type CollectionName } from '@domain/collections';
import { PULL_BATCH, type Checkpoint, type PullResponse, type PushRow } from '@domain/contract';
import { deepEqual } from '@domain/merge';
import type { PersistedIdSets } from '../db/idSets';
import { isLocalWriteInFlight, localWritesBegun } from '../db/pending';
import { keepSchemaFields, toWireDoc } from '../db/plain';
import { yieldToMain } from '../db/yieldToMain';
import { i18n } from '../i18n';
import { ApiError, isSessionEnding, type ApiClient } from './api';
import { backoffDelay, type WakeableWait } from './backoff';
import { partitionPush, tombstonesForRemoved } from './scopeExits';

export type Direction = 'pull' | 'push';

export interface HandlerDeps {
  collection: CollectionName;
  api: ApiClient;
  pending: PersistedIdSets;
  removed: PersistedIdSets;
  /** Local states by id, tombstones included, without storage fields. */
  readLocal: (ids: string[]) => Promise<AnyDoc[]>;
  /** Resolves when earlier collections have pushed what they hold (or after a bounded wait). */
  waitForEarlier: () => Promise<void>;
  /** Woken by "sync now", closed when sync stops. */
  wait: WakeableWait;
  maxBackoffMs?: number;
  report: {
    received: (count: number) => void;
    succeeded: (direction: Direction) => void;
    failed: (direction: Direction, error: unknown) => void;
  };
}

export interface PullResult {
  documents: AnyDoc[];
  checkpoint: Checkpoint | undefined;
}

/** Rows as RxDB hands them to a push handler (storage fields may still be attached). */
export interface IncomingPushRow {
  assumedMasterState?: object | null;
  newDocumentState: object;
}

function isPullResponse(value: unknown): value is PullResponse {
  if (typeof value !== 'object' || value === null) return false;
  const page = value as Record<string, unknown>;
  return Array.isArray(page.documents) && Array.isArray(page.removed) && typeof page.checkpoint === 'object' && page.checkpoint !== null;
}

function badResponse(): ApiError {
  return new ApiError('bad_response', i18n.t('common:errors.badResponse'));
}

async function fetchPage(api: ApiClient, collection: CollectionName, checkpoint: Checkpoint | undefined, limit: number): Promise<PullResponse> {
  const params = new URLSearchParams({ limit: String(limit) });
  if (checkpoint) params.set('checkpoint', JSON.stringify(checkpoint));
  const page = await api.get<unknown>(`/api/sync/${collection}/pull?${params.toString()}`);
  if (!isPullResponse(page)) throw badResponse();
  return page;
}

export function createHandlers(deps: HandlerDeps) {
  const { collection, api } = deps;
  const properties = schemas[collection].properties;
  const failures: Record<Direction, number> = { pull: 0, push: 0 };
  /** The checkpoint of the latest pull RxDB asked for: where a scope probe starts. */
  let pulledFrom: Checkpoint | undefined;

  async function failed(direction: Direction, error: unknown, retryAtOnce = false): Promise<never> {
    deps.report.failed(direction, error);
    failures[direction] += 1;
    if (!isSessionEnding(error) && !retryAtOnce) {
      const maxMs = deps.maxBackoffMs ?? 60_000;
      // With the browser offline there is no point knocking: wait long, coming back online wakes us.
      const offline = typeof navigator !== 'undefined' && !navigator.onLine;
      await deps.wait.wait(offline ? maxMs : backoffDelay(failures[direction], 1000, maxMs));
    }
    throw error;
  }

  function succeeded(direction: Direction): void {
    failures[direction] = 0;
    deps.report.succeeded(direction);
  }

  async function pull(checkpoint: Checkpoint | undefined | null, batchSize: number): Promise<PullResult> {
    pulledFrom = checkpoint ?? undefined;
    try {
      const page = await fetchPage(api, collection, pulledFrom, batchSize);
      const documents = page.documents.map((doc) => keepSchemaFields(doc, properties));
      const tombstones = await tombstonesForRemoved(collection, { documents, removed: page.removed }, deps.readLocal, deps.removed);
      succeeded('pull');
      deps.report.received(documents.length);
      // The page was parsed and filtered in this task; RxDB's checks of it start in the next one.
      await yieldToMain();
      return { documents: [...documents, ...tombstones], checkpoint: page.checkpoint };
    } catch (error) {
      return failed('pull', error);
    }
  }

  /**
   * After a push was refused as out of scope: read the pull from where it stands to learn which
   * documents left the scope, so the next attempt keeps them away from the server. Returns how many
   * the device holds.
   */
  async function probeRemoved(): Promise<number> {
    let checkpoint = pulledFrom;
    let found = 0;
    for (let page = 0; page < 100; page++) {
      const result = await fetchPage(api, collection, checkpoint, PULL_BATCH);
      const held = (await deps.readLocal(result.removed)).filter((doc) => !doc._deleted).map((doc) => doc.id);
      await deps.removed.add(collection, held);
      found += held.length;
      if (result.documents.length < PULL_BATCH) break;
      checkpoint = result.checkpoint;
    }
    return found;
  }

  /**
   * The server holds these states now: they no longer count as waiting, if they are still the local
   * ones. The push does not wait for the smaller set to reach the disk: an id that stays saved as
   * waiting after a crash is dropped by the next start's reconciliation, as its local state equals
   * what the server is known to hold.
   */
  async function acknowledge(rows: PushRow[]): Promise<void> {
    const candidates = rows.filter((row) => deps.pending.has(collection, row.newDocumentState.id) && !isLocalWriteInFlight(collection, row.newDocumentState.id));
    if (candidates.length === 0) return;
    const writesBefore = localWritesBegun(collection);
    const local = new Map((await deps.readLocal(candidates.map((row) => row.newDocumentState.id))).map((doc) => [doc.id, doc]));
    // A local write begun meanwhile may not be in what was read: leave the ids to the reconciliation
    // that runs when the replication goes idle, which compares with the state the server holds.
    if (localWritesBegun(collection) !== writesBefore) return;
    const done = candidates
      .filter((row) => {
        const current = local.get(row.newDocumentState.id);
        return current === undefined || deepEqual(current, row.newDocumentState);
      })
      .map((row) => row.newDocumentState.id);
    // Not awaited (see above), but a failed save is a storage error worth seeing: the ids stay
    // saved as waiting until the next start's reconciliation drops them.
    deps.pending.remove(collection, done).catch((error: unknown) => console.error('waiting set', collection, error));
  }

  async function push(rows: IncomingPushRow[]): Promise<AnyDoc[]> {
    await deps.waitForEarlier();
    const wireRows: PushRow[] = rows.map((row) => ({
      assumedMasterState: row.assumedMasterState ? toWireDoc(row.assumedMasterState) : null,
      newDocumentState: toWireDoc(row.newDocumentState),
    }));
    const parts = partitionPush(collection, wireRows, deps.removed);
    let serverConflicts: AnyDoc[] = [];
    if (parts.send.length > 0) {
      try {
        const answer = await api.post<unknown>(`/api/sync/${collection}/push`, parts.send);
        if (!Array.isArray(answer)) throw badResponse();
        serverConflicts = (answer as AnyDoc[]).map((doc) => keepSchemaFields(doc, properties));
        succeeded('push');
      } catch (error) {
        let learned = 0;
        if (error instanceof ApiError && error.kind === 'out_of_scope') learned = await probeRemoved().catch(() => 0);
        return failed('push', error, learned > 0);
      }
    }
    // Nothing refused (possibly nothing sent): the push side of this collection is healthy.
    if (parts.send.length === 0) succeeded('push');
    const conflicting = new Set(serverConflicts.map((doc) => doc.id));
    await acknowledge([...parts.send.filter((row) => !conflicting.has(row.newDocumentState.id)), ...parts.settled]);
    return [...serverConflicts, ...parts.conflicts];
  }

  return { pull, push };
}
