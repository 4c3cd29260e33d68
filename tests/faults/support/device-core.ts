// The client of one fault-suite device, loaded inside its worker through Vite's module runner (so
// the renderer's modules load exactly as the app bundles them): our real local database on RxDB's
// memory storage, the real sync engine and the real conflict handlers with the conflict log — or,
// for the deliberately broken client, RxDB's default server-wins handler.
import type { RxConflictHandler } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import type { AnyDoc, CollectionName } from '@domain/collections';
import { closeDatabase, currentDatabase, openDatabase, type OpenDatabase } from '../../../renderer/src/db/current';
import type { ConflictHandlerFor } from '../../../renderer/src/db/database';
import { toWireDoc } from '../../../renderer/src/db/plain';
import { removeDoc, saveDoc } from '../../../renderer/src/db/write';
import { attachConflictLog, recordConflict, useConflictLog } from '../../../renderer/src/sync/conflictLog';
import { conflictHandlers } from '../../../renderer/src/sync/conflicts';
import { startSync, type SyncEngine } from '../../../renderer/src/sync/engine';
import { useSyncStatus } from '../../../renderer/src/sync/status';

export interface DeviceConfig {
  name: string;
  serverUrl: string;
  token: string;
  /** 64 hex digits: the data key the local database is encrypted with. */
  encryptionKey: string;
  /** The deliberately broken client: the server's state wins and the local edit is dropped. */
  serverWins?: boolean;
}

export interface DeviceStatus {
  pending: number;
  syncing: boolean;
  lastError: string | null;
  stopped: boolean;
  lastSyncedAt: string | null;
}

export interface LoggedConflict {
  collection: CollectionName;
  docId: string;
  reason: string;
  fields: Array<{ field: string; server: unknown; local: unknown }>;
}

const ourHandlers = conflictHandlers({
  record: recordConflict,
  isRemovedFromScope: (collection, id) => currentDatabase()?.removed.has(collection, id) ?? false,
});

const serverWinsHandler: RxConflictHandler<unknown> = {
  isEqual: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  resolve: (input) => Promise.resolve(input.realMasterState),
};
const serverWins = (() => serverWinsHandler) as unknown as ConflictHandlerFor;

let open: OpenDatabase | undefined;
let engine: SyncEngine | undefined;
let sessionEnded: string | null = null;

function requireOpen(): OpenDatabase {
  if (!open) throw new Error('the device is not started');
  return open;
}

export async function start(config: DeviceConfig): Promise<void> {
  open = await openDatabase({
    name: `faults-${config.name}`,
    storage: getRxStorageMemory(),
    conflictHandlerFor: config.serverWins ? serverWins : ourHandlers,
    encryptionKey: config.encryptionKey,
    multiInstance: false,
  });
  await attachConflictLog(open.kv);
  engine = startSync(open, { serverUrl: config.serverUrl, token: config.token }, (error) => {
    sessionEnded = `${error.kind}: ${error.message}`;
  });
}

async function current(collection: CollectionName, id: string): Promise<Record<string, unknown> | undefined> {
  const doc = await requireOpen().db.collections[collection].findOne(id).exec();
  return doc ? doc.toMutableJSON() : undefined;
}

/** Changes some fields of a document as an edit form would (its state at open as `base`); false when the device does not hold it. */
export async function edit(collection: CollectionName, id: string, fields: Record<string, unknown>): Promise<boolean> {
  const base = await current(collection, id);
  if (!base) return false;
  const next: Record<string, unknown> = { ...base };
  for (const [field, value] of Object.entries(fields)) {
    if (value === undefined) delete next[field];
    else next[field] = value;
  }
  await saveDoc(collection, next as never, base as never);
  return true;
}

export async function create(collection: CollectionName, doc: Record<string, unknown>): Promise<void> {
  await saveDoc(collection, doc as never);
}

/** Deletes a document; false when the device does not hold it. */
export async function remove(collection: CollectionName, id: string): Promise<boolean> {
  if (!(await current(collection, id))) return false;
  await removeDoc(collection, id);
  return true;
}

export function syncNow(): void {
  engine?.syncNow();
}

export function status(): DeviceStatus {
  const state = useSyncStatus.getState();
  return {
    pending: requireOpen().pending.count(),
    syncing: state.syncing,
    lastError: sessionEnded ?? state.lastError,
    stopped: state.stopped,
    lastSyncedAt: state.lastSyncedAt,
  };
}

/** Every live document of these collections, as the wire sees it (no storage fields). */
export async function dump(collections: readonly CollectionName[]): Promise<Record<string, AnyDoc[]>> {
  const out: Record<string, AnyDoc[]> = {};
  for (const collection of collections) {
    const docs = await requireOpen().db.collections[collection].find().exec();
    out[collection] = docs.map((doc) => toWireDoc(doc.toMutableJSON()));
  }
  return out;
}

export function conflicts(): LoggedConflict[] {
  return useConflictLog.getState().entries.map(({ collection, docId, reason, fields }) => ({ collection, docId, reason, fields }));
}

export async function stop(): Promise<void> {
  await engine?.stop();
  engine = undefined;
  await closeDatabase();
  open = undefined;
}
