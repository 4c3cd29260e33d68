// Push: one transaction, validated as a whole before anything is written (design.md). Rows whose
// assumed master state differs from the stored one come back as conflicts and are not written.
import type { AnyDoc, CollectionName } from '@domain/collections';
import type { ErrorDetail } from '@domain/errors';
import { deepEqual } from '@domain/merge';
import { canWriteCollection, writeDenial } from '@domain/scope';
import type { Queryable } from '../db/adapter';
import type { ServerContext } from '../context';
import type { Caller } from '../http/caller';
import { ApiError } from '../http/errors';
import { errorMessages } from '../messages';
import { openChangeLog, type DocWrite } from './changelog';
import { checkReferences, type RowToWrite } from './references';
import { checkTransitions } from './transitions';
import { parsePushBody, todayInChina, validateDocuments, type PushRowIn } from './validate';

export async function pushChanges(ctx: ServerContext, caller: Caller, collection: CollectionName, body: unknown): Promise<AnyDoc[]> {
  if (!canWriteCollection(collection, caller.scope.role)) throw new ApiError('forbidden', errorMessages.forbidden);
  const rows = parsePushBody(body);
  validateDocuments(collection, rows, todayInChina());
  return ctx.db.transaction(async (tx) => {
    // First statement: in the safe order this takes the writers' lock before anything is read.
    const log = await openChangeLog(tx, ctx.changeOrder);
    const stored = await loadStored(tx, collection, rows);
    checkScope(collection, caller, rows, stored);
    const conflicts: AnyDoc[] = [];
    const toWrite: RowToWrite[] = [];
    const writes: DocWrite[] = [];
    rows.forEach(({ assumedMasterState, newDocumentState }, row) => {
      const current = stored.get(newDocumentState.id) ?? null;
      if (current && deepEqual(current, newDocumentState)) return; // a retried push is harmless
      if (current && (assumedMasterState === null || !deepEqual(current, assumedMasterState))) {
        conflicts.push(current);
        return;
      }
      toWrite.push({ row, doc: newDocumentState });
      writes.push({ before: current, after: newDocumentState });
    });
    checkTransitions(collection, caller, toWrite, stored);
    await checkReferences(tx, collection, toWrite);
    await log.write(collection, writes, { userId: caller.user.id, deviceId: caller.deviceId });
    await log.finish();
    await ctx.beforeCommit?.();
    return conflicts;
  });
}

async function loadStored(tx: Queryable, collection: CollectionName, rows: readonly PushRowIn[]): Promise<Map<string, AnyDoc>> {
  const ids = rows.map((row) => row.newDocumentState.id);
  const found = await tx.query<{ id: string; data: AnyDoc }>(
    `SELECT id, data FROM docs WHERE collection = $1 AND id IN (SELECT jsonb_array_elements_text($2::jsonb)) FOR UPDATE`,
    [collection, JSON.stringify(ids)],
  );
  return new Map(found.map((row) => [row.id, row.data]));
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
