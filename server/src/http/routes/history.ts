// GET /api/history/:collection/:id: the audit trail of one document, oldest first, for callers who
// may read it; to anyone else the document does not exist. A deleted document keeps its trail: its
// tombstone (or, for an old bare one, the last state before the deletion) decides who may read it.
import type { FastifyInstance } from 'fastify';
import type { AnyDoc, CollectionName } from '@domain/collections';
import type { HistoryAction, HistoryEntry } from '@domain/contract';
import { canRead, type Scope } from '@domain/scope';
import type { ServerContext } from '../../context';
import { toIso, toNumber, type Queryable } from '../../db/adapter';
import { errorMessages } from '../../messages';
import { callerOf } from '../caller';
import { ApiError } from '../errors';
import { collectionOf } from './sync';

interface AuditRow {
  seq: unknown;
  at: unknown;
  user_id: string;
  username: string;
  display_name: string;
  device_id: string | null;
  device_name: string | null;
  before: AnyDoc | null;
  after: AnyDoc;
  [column: string]: unknown;
}

/** Writes made by the server itself (first start, demo data) have no account. */
const SYSTEM_USERNAME = 'system';

/** What a write did, read from its two states: no separate column can disagree with them. */
export function historyActionOf(before: AnyDoc | null, after: AnyDoc): HistoryAction {
  if (after._deleted) return 'deleted';
  if (before === null) return 'created';
  return before._deleted ? 'restored' : 'updated';
}

/** The last state of a deleted document before its deletion, from the audit trail. */
export async function lastLiveState(db: Queryable, collection: CollectionName, id: string): Promise<AnyDoc | undefined> {
  const rows = await db.query<{ before: AnyDoc | null }>(
    `SELECT before FROM audit WHERE collection = $1 AND id = $2 AND (after->>'_deleted')::boolean AND before IS NOT NULL
       AND NOT coalesce((before->>'_deleted')::boolean, false)
     ORDER BY seq DESC LIMIT 1`,
    [collection, id],
  );
  return rows[0]?.before ?? undefined;
}

async function mayReadHistory(db: Queryable, collection: CollectionName, scope: Scope, current: AnyDoc): Promise<boolean> {
  if (canRead(collection, scope, current)) return true;
  if (!current._deleted) return false;
  const last = await lastLiveState(db, collection, current.id);
  return last !== undefined && canRead(collection, scope, last);
}

export function historyRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get<{ Params: { collection: string; id: string } }>('/api/history/:collection/:id', async (request): Promise<HistoryEntry[]> => {
    const caller = await callerOf(ctx, request);
    const collection = collectionOf(request.params.collection);
    if (request.params.id.includes('\u0000')) throw new ApiError('not_found', errorMessages.docNotFound);
    const docs = await ctx.db.query<{ data: AnyDoc }>('SELECT data FROM docs WHERE collection = $1 AND id = $2', [collection, request.params.id]);
    const current = docs[0]?.data;
    if (!current || !(await mayReadHistory(ctx.db, collection, caller.scope, current))) throw new ApiError('not_found', errorMessages.docNotFound);
    const rows = await ctx.db.query<AuditRow>(
      `SELECT a.seq, a.at, a.user_id, coalesce(u.username, $3) AS username, coalesce(u.display_name, u.username, $3) AS display_name,
         a.device_id, d.name AS device_name, a.before, a.after
       FROM audit a LEFT JOIN users u ON u.id = a.user_id LEFT JOIN devices d ON d.id = a.device_id
       WHERE a.collection = $1 AND a.id = $2 ORDER BY a.seq`,
      [collection, request.params.id, SYSTEM_USERNAME],
    );
    return rows.map((row) => ({
      seq: toNumber(row.seq),
      at: toIso(row.at),
      userId: row.user_id,
      username: row.username,
      displayName: row.display_name,
      deviceId: row.device_id,
      deviceName: row.device_name,
      action: historyActionOf(row.before, row.after),
      before: row.before,
      after: row.after,
    }));
  });
}
