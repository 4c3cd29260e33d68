// Writes accepted documents in the server's change order. In the safe order a write takes its seqs
// from the counter row inside the one statement that writes the rows, which locks that row until
// the transaction commits: writers holding seqs commit in seq order (design.md pitfalls), so a pull
// that has read up to the counter can never later meet a smaller seq. What a push reads and checks
// before runs concurrently; the write statement then checks that none of it changed meanwhile.
// Seq and audit stay out of `data`.
import type { AnyDoc, CollectionName } from '@domain/collections';
import type { Queryable } from '../db/adapter';
import { CHANGES_CHANNEL, encodeNotice } from './notice';

export type ChangeOrder = 'safe' | 'naive';

export interface Actor {
  userId: string;
  deviceId: string | null;
}

export interface DocWrite {
  /** The stored state the write was decided on, with its seq; null: the document must not exist yet. */
  before: StoredDoc | null;
  after: AnyDoc;
}

export interface StoredDoc {
  seq: number;
  data: AnyDoc;
}

/** A document a write was decided on without writing it (a reference target), as it was read. */
export interface ReadDoc {
  collection: CollectionName;
  id: string;
  seq: number;
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

/** PostgreSQL's unique violation: a document written as new exists (another push created it meanwhile). */
export const DUPLICATE_DOC = '23505';

export interface ChangeLog {
  /**
   * Writes the documents unless one of them, or of `unchanged`, is no longer as it was read
   * (compared by seq; a new one is then refused by the primary key, `DUPLICATE_DOC`): resolves to
   * whether it wrote. Nothing is written when it did not.
   */
  write(collection: CollectionName, writes: readonly DocWrite[], actor: Actor, unchanged?: readonly ReadDoc[]): Promise<boolean>;
  /** Kept for callers of the earlier two-step log: the counter is written with the rows. */
  finish(): Promise<void>;
}

export function openChangeLog(tx: Queryable, order: ChangeOrder): Promise<ChangeLog> {
  return Promise.resolve({
    async write(collection, writes, actor, unchanged = []) {
      if (writes.length === 0) return true;
      return insertChanges(tx, collection, writes, actor, unchanged, order);
    },
    async finish() {},
  });
}

/**
 * ONE statement: it locks the stored rows and share-locks the other documents the write was
 * decided on, checking that each is still at the seq it was read at; only then takes the seqs from
 * the counter (locking it until the commit: in the safe order writers commit in seq order) and
 * writes the rows, their audit entries (the stored state before, as locked, and the new one), their
 * scope exits and the notices. Sent outside a transaction it commits at once, so the writers'
 * lock is held for the end of one statement and its commit, with no round trip to the server.
 */
async function insertChanges(
  tx: Queryable,
  collection: CollectionName,
  writes: readonly DocWrite[],
  actor: Actor,
  unchanged: readonly ReadDoc[],
  order: ChangeOrder,
): Promise<boolean> {
  const rows = writes.map(({ before, after }, i) => {
    const keys = scopeKeys(collection, after);
    const old = before && scopeKeys(collection, before.data);
    return {
      row: {
        ord: i + 1,
        id: after.id,
        ...columns(keys),
        deleted: after._deleted,
        data: after,
        read_seq: before?.seq ?? null,
        moved: old !== null && (old.communityId !== keys.communityId || old.compoundId !== keys.compoundId),
        old_community_id: old?.communityId ?? null,
        old_compound_id: old?.compoundId ?? null,
      },
      keys,
      old,
    };
  });
  const existing = writes.filter((w) => w.before !== null).length;
  const notices = [...new Set(rows.map((r) => r.keys.streetId))].map((streetId) => noticeOf(collection, streetId, rows));
  const params: unknown[] = [
    collection,
    JSON.stringify(rows.map((r) => r.row)),
    actor.userId,
    actor.deviceId,
    CHANGES_CHANNEL,
    `[${notices.join(',')}]`,
    JSON.stringify(unchanged.map((u) => ({ c: u.collection, i: u.id, s: u.seq }))),
    existing + unchanged.length,
  ];
  // Safe: seqs numbered from the counter, raised (and so locked until commit) here. Naive: a sequence, no lock.
  let numbered = `numbered AS MATERIALIZED (SELECT x.*, nextval('naive_change_seq') AS seq FROM x WHERE (SELECT ok FROM ok))`;
  if (order === 'safe') {
    params.push(rows.length);
    numbered = `counted AS (UPDATE change_counter SET value = value + $9 WHERE id = 1 AND (SELECT ok FROM ok) RETURNING value - $9 AS base),
     numbered AS (SELECT x.*, c.base + x.ord AS seq FROM x CROSS JOIN counted c)`;
  }
  const result = await tx.query<{ ok: boolean }>(
    `WITH x AS (
       SELECT * FROM jsonb_to_recordset($2::jsonb) AS x(ord bigint, id text, street_id text, community_id text,
         compound_id text, deleted boolean, data jsonb, read_seq bigint, moved boolean, old_community_id text, old_compound_id text)),
     -- The stored rows as they were read (a row changed since then is not locked, and not counted).
     locked AS (
       SELECT d.id, d.data FROM docs d JOIN x ON d.collection = $1 AND d.id = x.id AND d.seq = x.read_seq
       ORDER BY d.id FOR UPDATE OF d),
     kept AS (
       SELECT d.id FROM docs d JOIN jsonb_to_recordset($7::jsonb) AS u(c text, i text, s bigint)
         ON d.collection = u.c AND d.id = u.i AND d.seq = u.s
       ORDER BY d.collection, d.id FOR SHARE OF d),
     ok AS (SELECT (SELECT count(*) FROM locked) + (SELECT count(*) FROM kept) = $8 AS ok),
     ${numbered},
     updated AS (
       UPDATE docs d SET street_id = n.street_id, community_id = n.community_id, compound_id = n.compound_id,
         seq = n.seq, deleted = n.deleted, data = n.data
       FROM numbered n WHERE n.read_seq IS NOT NULL AND d.collection = $1 AND d.id = n.id),
     -- New documents: one another push created meanwhile fails the statement on the primary key.
     inserted AS (
       INSERT INTO docs (collection, id, street_id, community_id, compound_id, seq, deleted, data)
       SELECT $1, n.id, n.street_id, n.community_id, n.compound_id, n.seq, n.deleted, n.data FROM numbered n WHERE n.read_seq IS NULL),
     audited AS (
       INSERT INTO audit (seq, collection, id, user_id, device_id, before, after)
       SELECT n.seq, $1, n.id, $3, $4, l.data, n.data FROM numbered n LEFT JOIN locked l ON l.id = n.id),
     exited AS (
       INSERT INTO scope_exits (seq, collection, id, street_id, community_id, compound_id)
       SELECT n.seq, $1, n.id, n.street_id, n.old_community_id, n.old_compound_id FROM numbered n WHERE n.moved),
     -- Delivered by PostgreSQL only when (and if) the transaction commits.
     notified AS (
       SELECT pg_notify($5, jsonb_set(m, '{seq}', to_jsonb((SELECT max(n.seq) FROM numbered n WHERE n.street_id = m->>'streetId')))::text)
       FROM jsonb_array_elements($6::jsonb) AS m WHERE (SELECT ok FROM ok))
     SELECT ok.ok, (SELECT count(*) FROM notified) AS notices FROM ok`,
    params,
  );
  return result[0]?.ok === true;
}

interface NoticeRow {
  keys: ScopeKeys;
  /** The keys before the write, for documents that existed. */
  old: ScopeKeys | null;
}

/** The keys one write touched in a street, before and after, for the live streams (its seq is set in SQL). */
function noticeOf(collection: CollectionName, streetId: string, rows: readonly NoticeRow[]): string {
  const inStreet = rows.filter((r) => r.keys.streetId === streetId);
  const touched = inStreet.flatMap((r) => (r.old ? [r.keys, r.old] : [r.keys]));
  return encodeNotice({
    type: 'docs',
    streetId,
    collection,
    seq: 0,
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
