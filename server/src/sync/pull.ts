// Pull: the documents of one collection in the caller's scope, in change order, read from one
// snapshot together with the counter, plus the ids of documents that left the scope.
import type { AnyDoc, CollectionName } from '@domain/collections';
import type { PullResponse } from '@domain/contract';
import { readFilter, type Scope } from '@domain/scope';
import { toNumber, type Db, type Queryable } from '../db/adapter';
import type { ChangeOrder } from './changelog';
import { checkpointScope, makeCheckpoint, sameScope, type SyncCheckpoint } from './checkpoint';
import { filterSql } from './filter-sql';

export interface PullRequest {
  collection: CollectionName;
  scope: Scope;
  checkpoint: SyncCheckpoint | null;
  limit: number;
  order: ChangeOrder;
}

export function pullChanges(db: Db, request: PullRequest): Promise<PullResponse> {
  const { collection, scope, limit } = request;
  return db.transaction(async (tx) => {
    const highWater = await readHighWater(tx, request.order);
    // A checkpoint from beyond the counter comes from another database (a reset server): start over.
    const previous = request.checkpoint !== null && request.checkpoint.seq <= highWater ? request.checkpoint : null;
    const sameAsBefore = previous !== null && sameScope(previous.scope, checkpointScope(scope));
    const since = sameAsBefore ? previous.seq : 0;
    const filter = readFilter(collection, scope);

    const params: unknown[] = [collection, scope.streetId, since, limit];
    const rows = await tx.query<{ seq: unknown; data: AnyDoc }>(
      `SELECT d.seq, d.data FROM docs d
       WHERE d.collection = $1 AND d.street_id = $2 AND d.seq > $3 AND ${filterSql(filter, 'd', params)}
       ORDER BY d.seq LIMIT $4`,
      params,
    );
    const last = rows.at(-1);
    const until = rows.length === limit && last ? toNumber(last.seq) : highWater;

    let removed: string[] = [];
    if (sameAsBefore) removed = await exitedIds(tx, collection, scope, since, until);
    else if (previous !== null) removed = await leftWithScopeChange(tx, collection, scope, previous);
    return { documents: rows.map((row) => row.data), removed, checkpoint: makeCheckpoint(until, scope) };
  }, 'repeatable read');
}

/** The highest seq every committed write is at or below; the naive order's value is not (on purpose). */
async function readHighWater(tx: Queryable, order: ChangeOrder): Promise<number> {
  const sql =
    order === 'safe'
      ? 'SELECT value FROM change_counter WHERE id = 1'
      : 'SELECT CASE WHEN is_called THEN last_value ELSE 0 END AS value FROM naive_change_seq';
  const rows = await tx.query(sql);
  return toNumber(rows[0]?.value ?? 0);
}

/** Documents moved out of the scope by writes in (since, until]: old keys in scope, current ones not. */
async function exitedIds(tx: Queryable, collection: CollectionName, scope: Scope, since: number, until: number): Promise<string[]> {
  const filter = readFilter(collection, scope);
  const params: unknown[] = [collection, scope.streetId, since, until];
  const rows = await tx.query<{ id: string }>(
    `SELECT DISTINCT e.id FROM scope_exits e JOIN docs d ON d.collection = e.collection AND d.id = e.id
     WHERE e.collection = $1 AND e.street_id = $2 AND e.seq > $3 AND e.seq <= $4
       AND ${filterSql(filter, 'e', params)} AND NOT ${filterSql(filter, 'd', params)}`,
    params,
  );
  return rows.map((row) => row.id);
}

/**
 * After a scope change: documents the old scope read and the new one does not (by current keys),
 * and documents that left the old scope after the old checkpoint and are not in the new one.
 */
async function leftWithScopeChange(tx: Queryable, collection: CollectionName, scope: Scope, previous: SyncCheckpoint): Promise<string[]> {
  const oldFilter = readFilter(collection, { ...previous.scope, streetId: scope.streetId });
  const newFilter = readFilter(collection, scope);
  const params: unknown[] = [collection, scope.streetId, previous.seq];
  const rows = await tx.query<{ id: string }>(
    `SELECT d.id FROM docs d
     WHERE d.collection = $1 AND d.street_id = $2
       AND ${filterSql(oldFilter, 'd', params)} AND NOT ${filterSql(newFilter, 'd', params)}
     UNION
     SELECT e.id FROM scope_exits e JOIN docs d ON d.collection = e.collection AND d.id = e.id
     WHERE e.collection = $1 AND e.street_id = $2 AND e.seq > $3
       AND ${filterSql(oldFilter, 'e', params)} AND NOT ${filterSql(newFilter, 'd', params)}`,
    params,
  );
  return rows.map((row) => row.id);
}
