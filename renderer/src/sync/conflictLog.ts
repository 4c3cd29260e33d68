// The device's conflict log: every local value a merge set aside, persisted with the database,
// listed in the header's drawer until a person marks it done.
import { create } from 'zustand';
import type { KeyValueStore } from '../db/localStore';
import type { ConflictEntry } from './conflicts';

const KEY = 'conflict-log';

interface ConflictLogState {
  entries: ConflictEntry[];
}

export const useConflictLog = create<ConflictLogState>(() => ({ entries: [] }));

let store: KeyValueStore | undefined;
let saving: Promise<void> = Promise.resolve();

function isEntry(value: unknown): value is ConflictEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return typeof entry.key === 'string' && typeof entry.docId === 'string' && Array.isArray(entry.fields);
}

/** Loads the log of the database just opened (or empties it when there is none). */
export async function attachConflictLog(next: KeyValueStore | undefined): Promise<void> {
  store = next;
  const saved = next ? await next.get(KEY) : undefined;
  useConflictLog.setState({ entries: Array.isArray(saved) ? saved.filter(isEntry) : [] });
}

function persist(entries: ConflictEntry[]): Promise<void> {
  useConflictLog.setState({ entries });
  const target = store;
  const run = saving.then(() => target?.set(KEY, entries));
  saving = run.catch(() => undefined);
  return run;
}

function sameConflict(a: ConflictEntry, b: ConflictEntry): boolean {
  return a.collection === b.collection && a.docId === b.docId && a.reason === b.reason && JSON.stringify(a.fields) === JSON.stringify(b.fields);
}

export function recordConflict(entry: ConflictEntry): Promise<void> {
  const { entries } = useConflictLog.getState();
  // A retried push can meet the same conflict twice: one entry is enough.
  if (entries.some((known) => sameConflict(known, entry))) return saving;
  return persist([entry, ...entries]);
}

export function dismissConflict(key: string): Promise<void> {
  return persist(useConflictLog.getState().entries.filter((entry) => entry.key !== key));
}
