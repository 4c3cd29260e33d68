// GET /api/history/:collection/:id: the audit trail of one document, oldest first, for callers who
// may read its current state; to anyone else the document does not exist.
import type { FastifyInstance } from 'fastify';
import type { AnyDoc } from '@domain/collections';
import type { HistoryEntry } from '@domain/contract';
import { canRead } from '@domain/scope';
import type { ServerContext } from '../../context';
import { toIso, toNumber } from '../../db/adapter';
import { errorMessages } from '../../messages';
import { callerOf } from '../caller';
import { ApiError } from '../errors';
import { collectionOf } from './sync';

interface AuditRow {
  seq: unknown;
  at: unknown;
  user_id: string;
  username: string;
  device_id: string | null;
  before: AnyDoc | null;
  after: AnyDoc;
  [column: string]: unknown;
}

/** Writes made by the server itself (first start, demo data) have no account. */
const SYSTEM_USERNAME = 'system';

export function historyRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get<{ Params: { collection: string; id: string } }>('/api/history/:collection/:id', async (request): Promise<HistoryEntry[]> => {
    const caller = await callerOf(ctx, request);
    const collection = collectionOf(request.params.collection);
    const docs = await ctx.db.query<{ data: AnyDoc }>('SELECT data FROM docs WHERE collection = $1 AND id = $2', [collection, request.params.id]);
    const current = docs[0]?.data;
    if (!current || !canRead(collection, caller.scope, current)) throw new ApiError('not_found', errorMessages.docNotFound);
    const rows = await ctx.db.query<AuditRow>(
      `SELECT a.seq, a.at, a.user_id, coalesce(u.username, $3) AS username, a.device_id, a.before, a.after
       FROM audit a LEFT JOIN users u ON u.id = a.user_id
       WHERE a.collection = $1 AND a.id = $2 ORDER BY a.seq`,
      [collection, request.params.id, SYSTEM_USERNAME],
    );
    return rows.map((row) => ({
      seq: toNumber(row.seq),
      at: toIso(row.at),
      userId: row.user_id,
      username: row.username,
      deviceId: row.device_id,
      before: row.before,
      after: row.after,
    }));
  });
}
