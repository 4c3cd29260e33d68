// Push: validated as a whole before anything is written, then written by one statement, so all of
// it or nothing (design.md). Rows whose assumed master state differs from the stored one come back
// as conflicts and are not written.
import type { AnyDoc, CollectionName } from '@domain/collections';
import type { ErrorDetail } from '@domain/errors';
import { deepEqual } from '@domain/merge';
import { canWriteCollection, writeDenial } from '@domain/scope';
import { toNumber, type Queryable } from '../db/adapter';
import type { ServerContext } from '../context';
import type { Caller } from '../http/caller';
import { ApiError } from '../http/errors';
import { errorMessages } from '../messages';
import { DUPLICATE_DOC, openChangeLog, type DocWrite, type ReadDoc, type StoredDoc } from './changelog';
import { groupWriterOf } from './group-commit';
import { groupReaderOf } from './group-read';
import { checkReferences, referenceTargets, targetKey, type ReferenceTarget, type RowToWrite } from './references';
import { checkTransitions } from './transitions';
import { parsePushBody, todayInChina, validateDocuments, type PushRowIn } from './validate';

/**
 * A push reads and checks without locks, and its write statement writes only if nothing it was
 * decided on changed meanwhile (see changelog.ts); when something did, it is decided again from a
 * fresh read. The later attempts read with locks, in a transaction, so a document edited over and
 * over cannot starve a push.
 */
const OPTIMISTIC_ATTEMPTS = 2;
const ATTEMPTS = 4;

export async function pushChanges(ctx: ServerContext, caller: Caller, collection: CollectionName, body: unknown): Promise<AnyDoc[]> {
  if (!canWriteCollection(collection, caller.scope.role)) throw new ApiError('forbidden', errorMessages.forbidden);
  const rows = parsePushBody(body);
  validateDocuments(collection, rows, todayInChina());
  const targets = referenceTargets(collection, rows.map((row) => row.newDocumentState));
  for (let attempt = 1; ; attempt++) {
    const last = attempt >= ATTEMPTS;
    try {
      // With a fault-injection hook every push is a transaction, so that there is a moment before its COMMIT.
      const outcome =
        attempt <= OPTIMISTIC_ATTEMPTS && ctx.beforeCommit === undefined
          ? await pushOnce(ctx, ctx.db, caller, collection, rows, targets, false)
          : await ctx.db.transaction(async (tx) => {
              const result = await pushOnce(ctx, tx, caller, collection, rows, targets, true);
              if (result !== CHANGED) await ctx.beforeCommit?.();
              return result;
            });
      if (outcome !== CHANGED) return outcome;
      if (last) throw new Error('push: the stored rows kept changing although locked');
    } catch (error) {
      // A new document another push created meanwhile, or a deadlock PostgreSQL broke: read again.
      if (last || !isRetryable(error)) throw error;
    }
  }
}

const CHANGED = Symbol('changed since read');

/**
 * Reads the stored rows and the reference targets in one statement (locked when `lock`: for
 * update and for share, until the commit; otherwise together with concurrent pushes' reads),
 * decides, and writes in one statement; CHANGED when something read had changed by the write
 * (nothing was written then).
 */
async function pushOnce(
  ctx: ServerContext,
  db: Queryable,
  caller: Caller,
  collection: CollectionName,
  rows: readonly PushRowIn[],
  targets: readonly ReferenceTarget[],
  lock: boolean,
): Promise<AnyDoc[] | typeof CHANGED> {
  const { stored, referenced } = await loadStored(ctx, db, collection, rows, targets, lock);
  const storedDocs = new Map([...stored].map(([id, { data }]) => [id, data]));
  checkScope(collection, caller, rows, storedDocs);
  const conflicts: AnyDoc[] = [];
  const toWrite: RowToWrite[] = [];
  const writes: DocWrite[] = [];
  rows.forEach(({ assumedMasterState, newDocumentState }, row) => {
    const current = stored.get(newDocumentState.id) ?? null;
    if (current && deepEqual(current.data, newDocumentState)) return; // a retried push is harmless
    if (current && (assumedMasterState === null || !deepEqual(current.data, assumedMasterState))) {
      conflicts.push(current.data);
      return;
    }
    toWrite.push({ row, doc: newDocumentState });
    writes.push({ before: current, after: newDocumentState });
  });
  checkTransitions(collection, caller, toWrite, storedDocs);
  const referencedDocs = new Map([...referenced].map(([key, { data }]) => [key, data]));
  checkReferences(collection, toWrite, referencedDocs);
  // The targets the checks looked at must still be as read when the rows are written.
  const unchanged: ReadDoc[] = targets.flatMap((t) => {
    const found = referenced.get(targetKey(t.collection, t.id));
    return found ? [{ collection: t.collection, id: t.id, seq: found.seq }] : [];
  });
  const actor = { userId: caller.user.id, deviceId: caller.deviceId };
  // Outside a transaction the write joins concurrent pushes' in one statement (group-commit.ts).
  const written = lock
    ? await openChangeLog(db, ctx.changeOrder).write(collection, writes, actor, unchanged)
    : await groupWriterOf(ctx).write({ collection, writes, actor, unchanged });
  return written ? conflicts : CHANGED;
}

/** PostgreSQL's deadlock and serialization failures, and a new document that exists by now: run again. */
function isRetryable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '40P01' || code === '40001' || code === DUPLICATE_DOC;
}

/**
 * The pushed documents as stored and the documents they refer to, with their seqs, in one
 * statement: locked, a statement of this push's own; unlocked, one shared with the pushes
 * arriving meanwhile (group-read.ts), as the write checks every seq read anyway.
 */
async function loadStored(
  ctx: ServerContext,
  db: Queryable,
  collection: CollectionName,
  rows: readonly PushRowIn[],
  targets: readonly ReferenceTarget[],
  lock: boolean,
): Promise<{ stored: Map<string, StoredDoc>; referenced: Map<string, StoredDoc> }> {
  const ids = rows.map((row) => row.newDocumentState.id);
  if (!lock) {
    const found = await groupReaderOf(ctx).read([...ids.map((id) => ({ collection, id })), ...targets]);
    const stored = new Map<string, StoredDoc>();
    for (const id of ids) {
      const doc = found.get(targetKey(collection, id));
      if (doc !== undefined) stored.set(id, doc);
    }
    const referenced = new Map<string, StoredDoc>();
    for (const t of targets) {
      const key = targetKey(t.collection, t.id);
      const doc = found.get(key);
      if (doc !== undefined) referenced.set(key, doc);
    }
    return { stored, referenced };
  }
  const found = await db.query<{ own: boolean; collection: string; id: string; seq: unknown; data: AnyDoc }>(
    `WITH own AS (
       SELECT d.id, d.seq, d.data FROM docs d WHERE d.collection = $1 AND d.id = ANY($2::text[]) ORDER BY d.id FOR UPDATE),
     targets AS (
       SELECT d.collection, d.id, d.seq, d.data FROM docs d
       JOIN jsonb_to_recordset($3::jsonb) AS x(c text, i text) ON d.collection = x.c AND d.id = x.i
       ORDER BY d.collection, d.id FOR SHARE OF d)
     SELECT true AS own, $1 AS collection, id, seq, data FROM own
     UNION ALL SELECT false, collection, id, seq, data FROM targets`,
    [collection, ids, JSON.stringify(targets.map((t) => ({ c: t.collection, i: t.id })))],
  );
  const stored = new Map<string, StoredDoc>();
  const referenced = new Map<string, StoredDoc>();
  for (const row of found) {
    const doc = { seq: toNumber(row.seq), data: row.data };
    if (row.own) stored.set(row.id, doc);
    else referenced.set(targetKey(row.collection, row.id), doc);
  }
  return { stored, referenced };
}

/** Both the stored and the new state must be the caller's to write: nobody moves a document across scopes. */
function checkScope(collection: CollectionName, caller: Caller, rows: readonly PushRowIn[], stored: Map<string, AnyDoc>): void {
  let code: 'forbidden' | 'out_of_scope' | null = null;
  const details: ErrorDetail[] = [];
  for (const [row, { newDocumentState: doc }] of rows.entries()) {
    const current = stored.get(doc.id);
    const denial = (current && writeDenial(collection, caller.scope, current)) || writeDenial(collection, caller.scope, doc);
    if (!denial) continue;
    code ??= denial;
    details.push({ row, id: doc.id, message: denial === 'forbidden' ? errorMessages.forbidden : errorMessages.outOfScope });
  }
  if (code !== null) throw new ApiError(code, code === 'forbidden' ? errorMessages.forbidden : errorMessages.outOfScope, details);
}
