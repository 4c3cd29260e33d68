// Pull: the documents of one collection in the caller's scope, in change order, read in one
// statement (one snapshot) together with the counter, plus the ids of documents that left the scope.
import type { AnyDoc, CollectionName } from '@domain/collections';
import type { PullResponse } from '@domain/contract';
import { missingCase, readFilter, type ReadFilter, type Scope } from '@domain/scope';
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

/**
 * The pull as the JSON text of a `PullResponse`: the documents go out as PostgreSQL renders their
 * jsonb, never parsed and re-serialised here (most of a pull's cost on a busy server).
 */
export async function pullChangesJson(db: Db, request: PullRequest): Promise<string> {
  const { documents, removed, checkpoint } = await pullPage(db, request);
  return `{"documents":[${documents.join(',')}],"removed":${JSON.stringify(removed)},"checkpoint":${JSON.stringify(checkpoint)}}`;
}

export async function pullChanges(db: Db, request: PullRequest): Promise<PullResponse> {
  const { documents, removed, checkpoint } = await pullPage(db, request);
  return { documents: documents.map((text) => JSON.parse(text) as AnyDoc), removed, checkpoint };
}

/**
 * The page, the counter and (for a checkpoint of the same scope) the page's exits come from ONE
 * statement, so from one snapshot without a transaction: in the safe order every row visible there
 * has a seq at or below the counter read with it, and a write committed later gets a seq above it.
 * So the exits after the checkpoint are all there, judged against the documents' keys of that
 * moment; those up to the page's end are this page's `removed`, a document moved again later comes
 * in a later page. One round trip for every incremental pull; the page is not read twice.
 */
async function pullPage(db: Db, request: PullRequest): Promise<{ documents: string[]; removed: string[]; checkpoint: SyncCheckpoint }> {
  const { collection, scope, limit, checkpoint } = request;
  const sameScopeAsBefore = checkpoint !== null && sameScope(checkpoint.scope, checkpointScope(scope));
  const filter = readFilter(collection, scope);
  // A checkpoint from beyond the counter comes from another database (a reset server): start over.
  const params: unknown[] = [collection, scope.streetId, sameScopeAsBefore ? checkpoint.seq : 0, limit, sameScopeAsBefore];
  // The filter in a form the index (collection, street_id, community_id, seq) serves, in seq order.
  const pageFilter = positiveFilterSql(filter, params);
  const rows = await db.query<{ high_water: unknown; seq: unknown; data: string | null; exited: string | null }>(
    `WITH hw AS (${highWaterSql(request.order)}),
     page AS (
       SELECT d.seq, d.data FROM docs d
       WHERE d.collection = $1 AND d.street_id = $2 AND d.seq > (CASE WHEN $3 <= (SELECT value FROM hw) THEN $3 ELSE 0 END)
         AND ${pageFilter}
       ORDER BY d.seq LIMIT $4),
     exits AS (
       SELECT e.id, min(e.seq) AS seq FROM scope_exits e JOIN docs d ON d.collection = e.collection AND d.id = e.id
       WHERE $5 AND $3 <= (SELECT value FROM hw)
         AND e.collection = $1 AND e.street_id = $2 AND e.seq > $3 AND e.seq <= (SELECT value FROM hw)
         AND ${filterSql(filter, 'e', params)} AND NOT ${filterSql(filter, 'd', params)}
       GROUP BY e.id)
     SELECT hw.value AS high_water, p.seq, p.data::text AS data, NULL::text AS exited
     FROM hw LEFT JOIN page p ON true
     UNION ALL
     SELECT NULL, x.seq, NULL, x.id FROM exits x
     ORDER BY 2`,
    params,
  );
  let highWater = 0;
  const documents: string[] = [];
  /** Documents that left the scope after the checkpoint, with the seq of their first exit. */
  const exits: { id: string; seq: number }[] = [];
  let lastSeq = 0;
  for (const row of rows) {
    if (row.exited !== null) {
      exits.push({ id: row.exited, seq: toNumber(row.seq) });
      continue;
    }
    highWater = toNumber(row.high_water ?? 0);
    if (row.data === null) continue;
    documents.push(row.data);
    lastSeq = toNumber(row.seq);
  }
  const previous = checkpoint !== null && checkpoint.seq <= highWater ? checkpoint : null;
  const until = documents.length === limit ? lastSeq : highWater;

  let removed: string[] = [];
  // Exits after a full page's last document belong to a later page, as the documents do.
  if (previous !== null && sameScopeAsBefore) removed = exits.filter((exit) => exit.seq <= until).map((exit) => exit.id);
  else if (previous !== null) removed = await leftWithScopeChange(db, collection, scope, previous);
  return { documents, removed, checkpoint: makeCheckpoint(until, scope) };
}

/** The highest seq every committed write is at or below; the naive order's value is not (on purpose). */
function highWaterSql(order: ChangeOrder): string {
  return order === 'safe'
    ? 'SELECT value FROM change_counter WHERE id = 1'
    : 'SELECT CASE WHEN is_called THEN last_value ELSE 0 END AS value FROM naive_change_seq';
}

/**
 * `filterSql` for rows to include: the same rows (a NULL key matches nothing), written as plain
 * comparisons the planner can drive an index scan with, rather than NULL-safe for negation.
 */
function positiveFilterSql(filter: ReadFilter, params: unknown[]): string {
  const memberOf = (column: string, ids: readonly string[]) => {
    if (ids.length === 0) return 'false';
    params.push(ids.length === 1 ? ids[0] : [...ids]);
    return ids.length === 1 ? `${column} = $${params.length}` : `${column} = ANY($${params.length}::text[])`;
  };
  switch (filter.kind) {
    case 'communities': {
      const inList = memberOf('d.community_id', filter.communityIds);
      return filter.includeStreetLevel ? `(${inList} OR d.community_id IS NULL)` : inList;
    }
    case 'compounds':
      return memberOf('d.compound_id', filter.compoundIds);
    case 'none':
    case 'street':
    case 'parties':
      return filterSql(filter, 'd', params);
    default:
      return missingCase(filter);
  }
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
