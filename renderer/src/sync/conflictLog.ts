// The device's conflict log: every local value a merge set aside, persisted with the database
// (sealed: the values are personal data), listed in the header's drawer until a person resolves it
// — re-applying their own values or accepting the other side's. A resolved entry is not dropped: it
// moves to the resolved list with the choice, who made it and when, kept for RESOLVED_KEEP_DAYS
// (and always the newest RESOLVED_KEEP_COUNT).
import { create } from 'zustand';
import type { RxCollection } from 'rxdb';
import type { CollectionName, DocTypes } from '@domain/collections';
import { requireDatabase } from '../db/current';
import type { KeyValueStore } from '../db/localStore';
import { withoutStorageFields } from '../db/plain';
import { openSealedJson, sealJson } from '../db/sealed';
import { saveDoc } from '../db/write';
import type { ConflictEntry } from './conflicts';

const KEY = 'conflict-log';
export const RESOLVED_KEEP_DAYS = 90;
export const RESOLVED_KEEP_COUNT = 200;

export type ConflictChoice = 'keepMine' | 'takeTheirs';

export interface ConflictResolver {
  userId: string;
  name: string;
}

export interface ResolvedConflict extends ConflictEntry {
  resolution: { choice: ConflictChoice; by: ConflictResolver; at: string };
}

export interface ConflictLogState {
  /** Unresolved, newest first. */
  entries: ConflictEntry[];
  /** Resolved, most recently resolved first. */
  resolved: ResolvedConflict[];
}

export const useConflictLog = create<ConflictLogState>(() => ({ entries: [], resolved: [] }));

/** Why "keep mine" cannot be done; the drawer shows it as is. */
export class ConflictResolveError extends Error {
  constructor(readonly reason: 'notFound' | 'docGone' | 'notBothChanged') {
    super(reason);
    this.name = 'ConflictResolveError';
  }
}

let store: KeyValueStore | undefined;
let saving: Promise<void> = Promise.resolve();

function isEntry(value: unknown): value is ConflictEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return typeof entry.key === 'string' && typeof entry.docId === 'string' && Array.isArray(entry.fields);
}

function isResolved(value: unknown): value is ResolvedConflict {
  if (!isEntry(value)) return false;
  const resolution = (value as { resolution?: unknown }).resolution;
  return typeof resolution === 'object' && resolution !== null && typeof (resolution as { at?: unknown }).at === 'string';
}

async function readSaved(saved: unknown): Promise<ConflictLogState> {
  // Before sealing the log was a plain array of entries.
  if (Array.isArray(saved)) return { entries: saved.filter(isEntry), resolved: [] };
  if (typeof saved !== 'string') return { entries: [], resolved: [] };
  const opened = (await openSealedJson(saved)) as Partial<Record<keyof ConflictLogState, unknown>> | null;
  return {
    entries: Array.isArray(opened?.entries) ? opened.entries.filter(isEntry) : [],
    resolved: Array.isArray(opened?.resolved) ? opened.resolved.filter(isResolved) : [],
  };
}

/** The log as persisted in a store (opened from its sealed form): for checks from outside. */
export async function savedConflictLog(from: KeyValueStore): Promise<ConflictLogState> {
  return readSaved(await from.get(KEY));
}

/** Loads the log of the database just opened (or empties it when there is none). */
export async function attachConflictLog(next: KeyValueStore | undefined): Promise<void> {
  store = next;
  const saved = next ? await next.get(KEY) : undefined;
  useConflictLog.setState(await readSaved(saved));
}

function persist(state: ConflictLogState): Promise<void> {
  useConflictLog.setState(state);
  const target = store;
  const run = saving.then(async () => {
    if (target) await target.set(KEY, await sealJson(state));
  });
  saving = run.catch(() => undefined);
  return run;
}

function sameConflict(a: ConflictEntry, b: ConflictEntry): boolean {
  return a.collection === b.collection && a.docId === b.docId && a.reason === b.reason && JSON.stringify(a.fields) === JSON.stringify(b.fields);
}

export function recordConflict(entry: ConflictEntry): Promise<void> {
  const { entries, resolved } = useConflictLog.getState();
  // A retried push can meet the same conflict twice: one entry is enough.
  if (entries.some((known) => sameConflict(known, entry))) return saving;
  return persist({ entries: [entry, ...entries], resolved });
}

/** Resolved entries kept: everything of the last RESOLVED_KEEP_DAYS, and at least the newest RESOLVED_KEEP_COUNT. */
export function keptResolved(resolved: readonly ResolvedConflict[], now: Date): ResolvedConflict[] {
  const cutoff = now.getTime() - RESOLVED_KEEP_DAYS * 86_400_000;
  return resolved.filter((entry, index) => index < RESOLVED_KEEP_COUNT || Date.parse(entry.resolution.at) >= cutoff);
}

function markResolved(entry: ConflictEntry, choice: ConflictChoice, by: ConflictResolver, now: Date): Promise<void> {
  const { entries, resolved } = useConflictLog.getState();
  const done: ResolvedConflict = { ...entry, resolution: { choice, by, at: now.toISOString() } };
  return persist({ entries: entries.filter((known) => known.key !== entry.key), resolved: keptResolved([done, ...resolved], now) });
}

function findEntry(key: string): ConflictEntry {
  const entry = useConflictLog.getState().entries.find((known) => known.key === key);
  if (!entry) throw new ConflictResolveError('notFound');
  return entry;
}

/** Whether the device's values can be written again: only over a document that still exists here. */
export function canKeepMine(entry: ConflictEntry): boolean {
  return entry.reason === 'bothChanged';
}

/**
 * "保留我的": writes the device's set-aside values over the current document (the fields of the
 * entry only; every other change stays), then marks the entry resolved. Nothing is marked when the
 * write fails.
 */
export async function keepMine(key: string, by: ConflictResolver, now = new Date()): Promise<void> {
  const entry = findEntry(key);
  if (!canKeepMine(entry)) throw new ConflictResolveError('notBothChanged');
  const collection = requireDatabase().db.collections[entry.collection] as unknown as RxCollection<Record<string, unknown>>;
  const current = await collection.findOne(entry.docId).exec();
  if (!current) throw new ConflictResolveError('docGone');
  const base = withoutStorageFields(current.toMutableJSON());
  const next: Record<string, unknown> = { ...base };
  for (const { field, local } of entry.fields) {
    if (local === undefined) delete next[field];
    else next[field] = structuredClone(local);
  }
  await saveDoc<CollectionName>(entry.collection, next as DocTypes[CollectionName], base as DocTypes[CollectionName]);
  await markResolved(entry, 'keepMine', by, now);
}

/** "采用对方的": the value that stands is already stored; only the decision is recorded. */
export async function takeTheirs(key: string, by: ConflictResolver, now = new Date()): Promise<void> {
  await markResolved(findEntry(key), 'takeTheirs', by, now);
}
