// Writes accepted documents in the server's change order. In the safe order a write takes its seqs
// from the counter row inside the one statement that writes the rows, which locks that row until
// the transaction commits: writers holding seqs commit in seq order (design.md pitfalls), so a pull
// that has read up to the counter can never later meet a smaller seq. What a push reads and checks
// before runs concurrently; the write statement then checks that none of it changed meanwhile.
// Concurrent pushes share one such statement (group-commit.ts), each decided on its own.
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

/** One push's write: its rows, who wrote them, and the other documents it was decided on. */
export interface PushWrite {
  collection: CollectionName;
  writes: readonly DocWrite[];
  actor: Actor;
  /** Documents the write was decided on without writing them (reference targets), as read. */
  unchanged: readonly ReadDoc[];
}

export interface ChangeLog {
  /**
   * Writes the documents unless one of them, or of `unchanged`, is no longer as it was read
   * (compared by seq; a new one is then refused by the primary key, `DUPLICATE_DOC`): resolves to
   * whether it wrote. Nothing is written when it did not.
   */
  write(collection: CollectionName, writes: readonly DocWrite[], actor: Actor, unchanged?: readonly ReadDoc[]): Promise<boolean>;
}

export function openChangeLog(tx: Queryable, order: ChangeOrder): ChangeLog {
  return {
    async write(collection, writes, actor, unchanged = []) {
      if (writes.length === 0) return true;
      const [ok] = await writeBatch(tx, order, [{ collection, writes, actor, unchanged }]);
      return ok === true;
    },
  };
}

/**
 * ONE statement for the writes of several pushes (group commit, see group-commit.ts), each
 * decided on its own: it locks the stored rows and share-locks the other documents each push was
 * decided on, checking that each is still at the seq it was read at. A push all of whose rows
 * and targets are is "ok"; only the rows of ok pushes then take seqs from the counter (locking it
 * until the commit: in the safe order writers commit in seq order) and are written, with their
 * audit entries (the stored state before, as locked, and the new one, by that push's actor), their
 * scope exits and one notice per push and street. Sent outside a transaction it commits at once,
 * so the writers' lock is held for the end of one statement and its commit. The pushes must not
 * write a document another of them writes or keeps: each would be checked against the state
 * before the statement. Resolves to whether each push was written.
 */
export async function writeBatch(db: Queryable, order: ChangeOrder, pushes: readonly PushWrite[]): Promise<boolean[]> {
  const rows: unknown[] = [];
  const notices: string[] = [];
  let ord = 0;
  pushes.forEach(({ collection, writes, actor }, p) => {
    const touched = writes.map(({ before, after }) => {
      const keys = scopeKeys(collection, after);
      const old = before && scopeKeys(collection, before.data);
      rows.push({
        p,
        ord: ++ord,
        c: collection,
        user_id: actor.userId,
        device_id: actor.deviceId,
        id: after.id,
        ...columns(keys),
        deleted: after._deleted,
        data: after,
        read_seq: before?.seq ?? null,
        moved: old !== null && (old.communityId !== keys.communityId || old.compoundId !== keys.compoundId),
        old_community_id: old?.communityId ?? null,
        old_compound_id: old?.compoundId ?? null,
      });
      return { keys, old };
    });
    for (const streetId of new Set(touched.map((r) => r.keys.streetId))) notices.push(`{"p":${p},"m":${noticeOf(collection, streetId, touched)}}`);
  });
  const params: unknown[] = [
    JSON.stringify(rows),
    JSON.stringify(pushes.map(({ writes, unchanged }, p) => ({ p, expected: writes.filter((w) => w.before !== null).length + unchanged.length }))),
    JSON.stringify(pushes.flatMap(({ unchanged }, p) => unchanged.map((u) => ({ p, c: u.collection, i: u.id, s: u.seq })))),
    CHANGES_CHANNEL,
    `[${notices.join(',')}]`,
  ];
  // Safe: seqs numbered from the counter, raised (and so locked until commit) here. Naive: a sequence, no lock.
  const numbered =
    order === 'safe'
      ? `total AS (SELECT count(*) AS n FROM okx),
     counted AS (UPDATE change_counter SET value = value + t.n FROM total t WHERE id = 1 AND t.n > 0 RETURNING value - t.n AS base),
     numbered AS (SELECT okx.*, c.base + row_number() OVER (ORDER BY okx.ord) AS seq FROM okx CROSS JOIN counted c)`
      : `numbered AS MATERIALIZED (SELECT okx.*, nextval('naive_change_seq') AS seq FROM okx)`;
  const result = await db.query<{ ok: unknown }>(
    `WITH x AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(p int, ord bigint, c text, user_id text, device_id text, id text, street_id text, community_id text,
         compound_id text, deleted boolean, data jsonb, read_seq bigint, moved boolean, old_community_id text, old_compound_id text)),
     pushes AS (SELECT * FROM jsonb_to_recordset($2::jsonb) AS p(p int, expected bigint)),
     -- The stored rows as they were read (a row changed since then is not locked, and not counted).
     -- Only the push's number goes along: rows carried whole through the sort and the CTEs after
     -- cost more than the writes themselves.
     locked AS (
       SELECT x.p FROM docs d JOIN x ON d.collection = x.c AND d.id = x.id AND d.seq = x.read_seq
       ORDER BY d.collection, d.id FOR UPDATE OF d),
     kept AS (
       SELECT u.p FROM docs d JOIN jsonb_to_recordset($3::jsonb) AS u(p int, c text, i text, s bigint)
         ON d.collection = u.c AND d.id = u.i AND d.seq = u.s
       ORDER BY d.collection, d.id FOR SHARE OF d),
     counts AS (SELECT p, count(*) AS n FROM (SELECT p FROM locked UNION ALL SELECT p FROM kept) AS found GROUP BY p),
     -- Whether each push is still as read, by position (p + 1): a join on these CTEs would be
     -- planned from row estimates far too low, as a nested loop over every pair of rows.
     ok AS (SELECT array_agg(pu.expected = coalesce(n.n, 0) ORDER BY pu.p) AS pushes FROM pushes pu LEFT JOIN counts n ON n.p = pu.p),
     -- The rows of the pushes still as read: every stored row of such a push is locked as read.
     okx AS MATERIALIZED (SELECT x.* FROM x WHERE (SELECT pushes FROM ok)[x.p + 1]),
     ${numbered},
     updated AS (
       UPDATE docs d SET street_id = n.street_id, community_id = n.community_id, compound_id = n.compound_id,
         seq = n.seq, deleted = n.deleted, data = n.data
       FROM numbered n WHERE n.read_seq IS NOT NULL AND d.collection = n.c AND d.id = n.id),
     -- New documents: one another push created meanwhile fails the statement on the primary key.
     inserted AS (
       INSERT INTO docs (collection, id, street_id, community_id, compound_id, seq, deleted, data)
       SELECT n.c, n.id, n.street_id, n.community_id, n.compound_id, n.seq, n.deleted, n.data FROM numbered n WHERE n.read_seq IS NULL),
     audited AS (
       -- The stored state before, as locked: every part of the statement reads the rows as they were
       -- before it (its own writes unseen), and a locked row is still the version read.
       INSERT INTO audit (seq, collection, id, user_id, device_id, before, after)
       SELECT n.seq, n.c, n.id, n.user_id, n.device_id, d.data, n.data
       FROM numbered n LEFT JOIN docs d ON n.read_seq IS NOT NULL AND d.collection = n.c AND d.id = n.id),
     exited AS (
       INSERT INTO scope_exits (seq, collection, id, street_id, community_id, compound_id)
       SELECT n.seq, n.c, n.id, n.street_id, n.old_community_id, n.old_compound_id FROM numbered n WHERE n.moved),
     -- Each written push's notices carry its highest seq in the street; delivered by PostgreSQL only when (and if) the transaction commits.
     notified AS (
       SELECT pg_notify($4, jsonb_set(e->'m', '{seq}', to_jsonb(s.seq))::text)
       FROM jsonb_array_elements($5::jsonb) AS e
       JOIN (SELECT n.p, n.street_id, max(n.seq) AS seq FROM numbered n GROUP BY n.p, n.street_id) AS s
         ON s.p = (e->>'p')::int AND s.street_id = e->'m'->>'streetId')
     SELECT (SELECT count(*) FROM notified) AS notices, (SELECT to_jsonb(pushes) FROM ok) AS ok`,
    params,
  );
  const ok = parseOk(result[0]?.ok);
  return pushes.map((_, p) => ok[p] === true);
}

/** The `ok` column: a JSON array of each push's outcome (parsed by the drivers, or a string). */
function parseOk(value: unknown): unknown[] {
  const list: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  return Array.isArray(list) ? list : [];
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
