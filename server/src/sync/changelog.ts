// Writes accepted documents in the server's change order. The safe order locks the counter row
// first, so writers are serialised and commit in seq order (design.md pitfalls): a pull that has
// read up to the counter can never later meet a smaller seq. Seq and audit stay out of `data`.
import type { AnyDoc, CollectionName } from '@domain/collections';
import { toNumber, type Queryable } from '../db/adapter';
import { CHANGES_CHANNEL, encodeNotice } from './notice';

export type ChangeOrder = 'safe' | 'naive';

export interface Actor {
  userId: string;
  deviceId: string | null;
}

export interface DocWrite {
  before: AnyDoc | null;
  after: AnyDoc;
}

export interface ScopeKeys {
  streetId: string;
  communityId: string | null;
  compoundId: string | null;
}

/** The keys pulls filter on: a compound is its own compound, other documents name theirs. */
export function scopeKeys(collection: CollectionName, doc: AnyDoc): ScopeKeys {
  const compoundId = collection === 'compounds' ? doc.id : doc.compoundId;
  return { streetId: doc.streetId, communityId: doc.communityId ?? null, compoundId: compoundId ?? null };
}

export interface ChangeLog {
  write(collection: CollectionName, writes: readonly DocWrite[], actor: Actor): Promise<void>;
  /** Persists the counter; call once, after the last write and before commit. */
  finish(): Promise<void>;
}

/** Must be the transaction's first statement in the safe order: it takes the writers' lock. */
export async function openChangeLog(tx: Queryable, order: ChangeOrder): Promise<ChangeLog> {
  let counter = 0;
  let dirty = false;
  if (order === 'safe') {
    const rows = await tx.query('SELECT value FROM change_counter WHERE id = 1 FOR UPDATE');
    counter = toNumber(rows[0]?.value ?? 0);
  }
  const allocate = async (n: number): Promise<number[]> => {
    if (order === 'naive') {
      const rows = await tx.query("SELECT nextval('naive_change_seq') AS seq FROM generate_series(1, $1)", [n]);
      return rows.map((row) => toNumber(row.seq));
    }
    const seqs = Array.from({ length: n }, (_, i) => counter + i + 1);
    counter += n;
    dirty = true;
    return seqs;
  };
  return {
    async write(collection, writes, actor) {
      if (writes.length === 0) return;
      const seqs = await allocate(writes.length);
      // The counter goes up in the same statement as the rows (finish then has nothing left to do).
      await insertChanges(tx, collection, writes, seqs, actor, order === 'safe' ? counter : null);
      dirty = false;
    },
    async finish() {
      if (dirty) await tx.query('UPDATE change_counter SET value = $1 WHERE id = 1', [counter]);
    },
  };
}

interface ChangeRow {
  seq: number;
  doc: AnyDoc;
  before: AnyDoc | null;
  keys: ScopeKeys;
  /** The keys before the write, for documents that existed. */
  old: ScopeKeys | null;
}

/**
 * The rows, their audit entries (the stored state before, read in the same statement, and the new
 * one), the counter and the notices in ONE statement: a push holds the writers' lock meanwhile, so
 * every round trip saved there is saved for every writer waiting behind it.
 */
async function insertChanges(tx: Queryable, collection: CollectionName, writes: readonly DocWrite[], seqs: number[], actor: Actor, counter: number | null) {
  const rows = writes.map(
    ({ before, after }, i): ChangeRow => ({
      seq: seqs[i] ?? 0,
      doc: after,
      before,
      keys: scopeKeys(collection, after),
      old: before && scopeKeys(collection, before),
    }),
  );
  const notices = [...new Set(rows.map((r) => r.keys.streetId))].map((streetId) => noticeOf(collection, streetId, rows));
  const params: unknown[] = [
    collection,
    JSON.stringify(rows.map((r) => ({ id: r.doc.id, ...columns(r.keys), seq: r.seq, deleted: r.doc._deleted, data: r.doc }))),
    actor.userId,
    actor.deviceId,
    CHANGES_CHANNEL,
    JSON.stringify(notices),
  ];
  if (counter !== null) params.push(counter);
  await tx.query(
    `WITH x AS (
       SELECT * FROM jsonb_to_recordset($2::jsonb)
         AS x(id text, street_id text, community_id text, compound_id text, seq bigint, deleted boolean, data jsonb)),
     written AS (
       INSERT INTO docs (collection, id, street_id, community_id, compound_id, seq, deleted, data)
       SELECT $1, x.id, x.street_id, x.community_id, x.compound_id, x.seq, x.deleted, x.data FROM x
       ON CONFLICT (collection, id) DO UPDATE SET street_id = excluded.street_id, community_id = excluded.community_id,
         compound_id = excluded.compound_id, seq = excluded.seq, deleted = excluded.deleted, data = excluded.data),
     audited AS (
       INSERT INTO audit (seq, collection, id, user_id, device_id, before, after)
       SELECT x.seq, $1, x.id, $3, $4, d.data, x.data FROM x LEFT JOIN docs d ON d.collection = $1 AND d.id = x.id)
     ${counter !== null ? ', counted AS (UPDATE change_counter SET value = $7 WHERE id = 1)' : ''}
     -- Delivered by PostgreSQL only when (and if) the transaction commits.
     SELECT pg_notify($5, n) FROM jsonb_array_elements_text($6::jsonb) AS n`,
    params,
  );
  const moved = rows.filter(({ keys, old }) => old && (old.communityId !== keys.communityId || old.compoundId !== keys.compoundId));
  if (moved.length > 0) {
    await tx.query(
      `INSERT INTO scope_exits (seq, collection, id, street_id, community_id, compound_id)
       SELECT x.seq, $1, x.id, x.street_id, x.community_id, x.compound_id
       FROM jsonb_to_recordset($2::jsonb) AS x(seq bigint, id text, street_id text, community_id text, compound_id text)`,
      [collection, JSON.stringify(moved.map((r) => ({ seq: r.seq, id: r.doc.id, ...(r.old && columns(r.old)) })))],
    );
  }
}

/** The keys one write touched in a street, before and after, for the live streams. */
function noticeOf(collection: CollectionName, streetId: string, rows: readonly ChangeRow[]): string {
  const inStreet = rows.filter((r) => r.keys.streetId === streetId);
  const touched = inStreet.flatMap((r) => (r.old ? [r.keys, r.old] : [r.keys]));
  return encodeNotice({
    type: 'docs',
    streetId,
    collection,
    seq: Math.max(...inStreet.map((r) => r.seq)),
    communityIds: distinct(touched.map((k) => k.communityId)),
    compoundIds: distinct(touched.map((k) => k.compoundId)),
    streetLevel: touched.some((k) => k.communityId === null),
  });
}

function columns(keys: ScopeKeys) {
  return { street_id: keys.streetId, community_id: keys.communityId, compound_id: keys.compoundId };
}

function distinct(values: (string | null)[]): string[] {
  return [...new Set(values.filter((v): v is string => v !== null))];
}
