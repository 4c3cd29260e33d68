// The fault suite's checker: pure, and no part of the code under test. Every write a scenario makes
// is logged (device, collection, id, the fields written and their values, whether the device
// acknowledged it). After quiescence the checker compares that log with the server's final state,
// the server's audit trail, every device's database and every device's conflict log:
// - a write is lost when one of its acknowledged field values is nowhere it belongs: not in the
//   server's final state, not in that device's conflict log (set aside, visible to the person),
//   and not superseded by a later write of the same field — a later acknowledged write on the same
//   device, or, once the value reached the server, a later change in the server's order;
// - a document diverged when its state on a device differs from the server's (domain fields only).
import type { AnyDoc, CollectionName } from '@domain/collections';
import { deepEqual } from '@domain/merge';

export interface LoggedWrite {
  device: string;
  collection: CollectionName;
  id: string;
  /** The fields written and their values; a delete writes `_deleted: true`, a create every field. */
  fields: Record<string, unknown>;
  acked: boolean;
  /** The device's order of acknowledged writes (0 until acknowledged). */
  ackOrder: number;
}

/** The log every device of a scenario appends to. */
export class WriteLog {
  readonly writes: LoggedWrite[] = [];
  private acks = 0;

  begin(write: Omit<LoggedWrite, 'acked' | 'ackOrder'>): LoggedWrite {
    const entry: LoggedWrite = { ...structuredClone(write), acked: false, ackOrder: 0 };
    this.writes.push(entry);
    return entry;
  }

  acknowledge(entry: LoggedWrite): void {
    entry.acked = true;
    entry.ackOrder = ++this.acks;
  }

  /** The write did not happen (the device did not hold the document): nothing to account for. */
  drop(entry: LoggedWrite): void {
    const at = this.writes.indexOf(entry);
    if (at >= 0) this.writes.splice(at, 1);
  }

  get acknowledged(): number {
    return this.writes.filter((write) => write.acked).length;
  }
}

export interface ConflictLogEntry {
  collection: CollectionName;
  docId: string;
  fields: Array<{ field: string; local: unknown }>;
}

/** One accepted write in the server's audit trail, oldest first. */
export interface ServerHistoryEntry {
  /** The device id the server recorded, mapped to the device's name by the scenario; null for others. */
  device: string | null;
  before: AnyDoc | null;
  after: AnyDoc;
}

export interface CheckInput {
  writes: readonly LoggedWrite[];
  /** The server's final state of the checked collections, tombstones included. */
  server: Partial<Record<CollectionName, readonly AnyDoc[]>>;
  /** The audit trail of every written document, keyed `collection/id`. */
  history: ReadonlyMap<string, readonly ServerHistoryEntry[]>;
  devices: Record<string, { docs: Partial<Record<CollectionName, readonly AnyDoc[]>>; conflicts: readonly ConflictLogEntry[] }>;
  /** Which live server documents a device should hold (default: all of the checked collections). */
  holds?: (device: string, collection: CollectionName, doc: AnyDoc) => boolean;
}

export interface LostWrite {
  write: LoggedWrite;
  /** The fields whose written value is nowhere it belongs. */
  fields: string[];
}

export interface Divergence {
  device: string;
  collection: CollectionName;
  id: string;
  /** What differs: `missing on device`, `not on server`, or the fields. */
  what: string;
}

export interface CheckResult {
  lost: number;
  diverged: number;
  lostWrites: LostWrite[];
  divergences: Divergence[];
  /** Acknowledged writes checked. */
  checked: number;
}

export const historyKey = (collection: CollectionName, id: string): string => `${collection}/${id}`;

function valueOf(doc: AnyDoc | null | undefined, field: string): unknown {
  if (!doc) return undefined;
  if (field === '_deleted') return doc._deleted === true;
  return doc[field];
}

/** Whether the written value of `field` is accounted for. */
function accounted(input: CheckInput, write: LoggedWrite, field: string, serverDocs: Map<string, AnyDoc>): boolean {
  const value = write.fields[field];
  const stored = serverDocs.get(historyKey(write.collection, write.id));
  // 1. In the server's final state.
  if (stored && deepEqual(valueOf(stored, field), value)) return true;
  // 2. Set aside in that device's conflict log, where the person sees it.
  const log = input.devices[write.device]?.conflicts ?? [];
  const setAside = log.some(
    (entry) =>
      entry.collection === write.collection &&
      entry.docId === write.id &&
      entry.fields.some((logged) => logged.field === field && deepEqual(logged.local, value)),
  );
  if (setAside) return true;
  // 3. Superseded on the device itself: a later acknowledged write of the field, or a deletion.
  const laterHere = input.writes.some(
    (other) =>
      other.acked &&
      other.device === write.device &&
      other.collection === write.collection &&
      other.id === write.id &&
      other.ackOrder > write.ackOrder &&
      (Object.hasOwn(other.fields, field) || other.fields._deleted === true),
  );
  if (laterHere) return true;
  // 4. Superseded in the server's order: a write that had the value set it on the server, and a
  //    later accepted write changed it.
  const trail = input.history.get(historyKey(write.collection, write.id)) ?? [];
  const writers = new Set(
    input.writes
      .filter((other) => other.acked && other.collection === write.collection && other.id === write.id && deepEqual(other.fields[field], value))
      .map((other) => other.device),
  );
  const reached = trail.findIndex(
    (entry) =>
      entry.device !== null &&
      writers.has(entry.device) &&
      deepEqual(valueOf(entry.after, field), value) &&
      (entry.before === null || !deepEqual(valueOf(entry.before, field), value)),
  );
  if (reached < 0) return false;
  return trail.slice(reached + 1).some((entry) => !deepEqual(valueOf(entry.after, field), value) || entry.after._deleted);
}

export function check(input: CheckInput): CheckResult {
  const serverDocs = new Map<string, AnyDoc>();
  for (const [collection, docs] of Object.entries(input.server) as Array<[CollectionName, readonly AnyDoc[]]>) {
    for (const doc of docs) serverDocs.set(historyKey(collection, doc.id), doc);
  }

  const lostWrites: LostWrite[] = [];
  const acked = input.writes.filter((write) => write.acked);
  for (const write of acked) {
    const fields = Object.keys(write.fields).filter((field) => !accounted(input, write, field, serverDocs));
    if (fields.length > 0) lostWrites.push({ write, fields });
  }

  const divergences: Divergence[] = [];
  for (const [device, { docs }] of Object.entries(input.devices)) {
    for (const [collection, serverList] of Object.entries(input.server) as Array<[CollectionName, readonly AnyDoc[]]>) {
      const expected = new Map(
        serverList.filter((doc) => !doc._deleted && (input.holds?.(device, collection, doc) ?? true)).map((doc) => [doc.id, doc]),
      );
      const held = new Map((docs[collection] ?? []).map((doc) => [doc.id, doc]));
      for (const [id, doc] of expected) {
        const mine = held.get(id);
        if (!mine) divergences.push({ device, collection, id, what: 'missing on device' });
        else if (!deepEqual({ ...mine, _deleted: false }, { ...doc, _deleted: false })) {
          const fields = [...new Set([...Object.keys(mine), ...Object.keys(doc)])].filter((field) => !deepEqual(mine[field], doc[field]));
          divergences.push({ device, collection, id, what: fields.join(', ') });
        }
      }
      for (const id of held.keys()) if (!expected.has(id)) divergences.push({ device, collection, id, what: 'not on server (or deleted there)' });
    }
  }
  const diverged = new Set(divergences.map((entry) => historyKey(entry.collection, entry.id))).size;
  return { lost: lostWrites.length, diverged, lostWrites, divergences, checked: acked.length };
}

/** Short lines for a report: what was lost, what diverged (at most `limit` of each). */
export function summarize(result: CheckResult, limit = 5): string[] {
  const lines = [`${result.checked} acknowledged writes checked`];
  for (const { write, fields } of result.lostWrites.slice(0, limit)) {
    lines.push(`lost: ${write.device} ${write.collection}/${write.id} ${fields.map((field) => `${field}=${JSON.stringify(write.fields[field])}`).join(' ')}`);
  }
  for (const entry of result.divergences.slice(0, limit)) lines.push(`diverged: ${entry.device} ${entry.collection}/${entry.id}: ${entry.what}`);
  return lines;
}
