// The street's recycle bin (回收站), for street admins: the deleted documents of the street, and
// restoring one. A restore writes the last state before the deletion as a new version through the
// push path (validation, scope, references, transitions, audit, change feed), so devices pull it
// like any edit and its history shows it as 恢复.
import type { FastifyInstance } from 'fastify';
import { collectionInfo, type AnyDoc, type CollectionName } from '@domain/collections';
import type { DeletedDocument, RestoreResponse } from '@domain/contract';
import type { ServerContext } from '../../context';
import { toIsoOrNull, type Queryable } from '../../db/adapter';
import { errorMessages } from '../../messages';
import { pushChanges } from '../../sync/push';
import { callerOf, requireAdmin } from '../caller';
import { ApiError } from '../errors';
import { lastLiveState } from './history';
import { collectionOf } from './sync';

/** The bin's own messages (Chinese a street admin can act on). */
export const restoreMessages = {
  notDeleted: '该记录没有被删除，无需恢复',
  changedMeanwhile: '该记录刚被其他人修改，请刷新回收站后重试',
  parentDeleted: (kind: string, label: string) => `所属的${kind}“${label}”也已被删除，请先恢复${kind}，再恢复此记录`,
  badQuery: '搜索内容最多 100 个字符，且不能含控制字符',
} as const;

const kindNames: Partial<Record<CollectionName, string>> = {
  communities: '社区',
  compounds: '小区',
  buildings: '楼栋',
  grids: '网格',
  units: '单位',
  members: '成员',
  orgs: '党组织',
  needs: '需求',
};

const LIST_LIMIT = 500;
const QUERY_MAX = 100;

interface DeletedRow {
  collection: CollectionName;
  id: string;
  community_id: string | null;
  data: AnyDoc;
  deleted_at: unknown;
  deleted_by: string | null;
  deleted_by_name: string | null;
  [column: string]: unknown;
}

function labelOf(doc: AnyDoc | undefined): string | null {
  const name = doc?.name ?? doc?.title;
  return typeof name === 'string' && name !== '' ? name : null;
}

function single(value: string | string[] | undefined): string | undefined {
  if (Array.isArray(value)) throw new ApiError('bad_request', errorMessages.badRequest);
  return value === '' ? undefined : value;
}

/** `%` and `_` typed in the search box are matched as themselves. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** A single-valued reference (the parent: a building's compound, a member's community) that is deleted. */
async function deletedParent(db: Queryable, collection: CollectionName, doc: AnyDoc): Promise<{ kind: string; label: string } | undefined> {
  const refs: { collection: CollectionName; id: string }[] = [];
  if (typeof doc.communityId === 'string' && collection !== 'communities') refs.push({ collection: 'communities', id: doc.communityId });
  for (const ref of collectionInfo[collection].references) {
    const value = doc[ref.field];
    if (typeof value === 'string' && value !== '') refs.push({ collection: ref.collection, id: value });
  }
  for (const ref of refs) {
    const rows = await db.query<{ data: AnyDoc }>('SELECT data FROM docs WHERE collection = $1 AND id = $2 AND deleted', [ref.collection, ref.id]);
    const parent = rows[0]?.data;
    if (parent) return { kind: kindNames[ref.collection] ?? ref.collection, label: labelOf(parent) ?? parent.id };
  }
  return undefined;
}

export function restoreRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get<{ Querystring: Record<string, string | string[] | undefined> }>('/api/admin/deleted', async (request): Promise<DeletedDocument[]> => {
    const caller = await callerOf(ctx, request);
    requireAdmin(caller);
    const rawCollection = single(request.query.collection);
    const collection = rawCollection === undefined ? null : collectionOf(rawCollection);
    const q = single(request.query.q)?.trim();
    // PostgreSQL text cannot hold NUL: such a search is malformed, not a server error.
    if (q !== undefined && (q.length > QUERY_MAX || q.includes('\u0000'))) throw new ApiError('bad_request', restoreMessages.badQuery, [{ field: 'q', message: restoreMessages.badQuery }]);
    const rows = await ctx.db.query<DeletedRow>(
      `SELECT d.collection, d.id, d.community_id, d.data, del.at AS deleted_at, del.username AS deleted_by, del.display_name AS deleted_by_name
       FROM docs d
       LEFT JOIN LATERAL (
         SELECT a.at, u.username, u.display_name FROM audit a LEFT JOIN users u ON u.id = a.user_id
         WHERE a.collection = d.collection AND a.id = d.id AND (a.after->>'_deleted')::boolean
         ORDER BY a.seq DESC LIMIT 1) del ON true
       WHERE d.street_id = $1 AND d.deleted AND ($2::text IS NULL OR d.collection = $2)
         AND ($3::text IS NULL OR coalesce(d.data->>'name', d.data->>'title', '') ILIKE $3 OR d.id = $4)
       ORDER BY del.at DESC NULLS LAST, d.seq DESC
       LIMIT ${LIST_LIMIT}`,
      [caller.user.street_id, collection, q ? likePattern(q) : null, q ?? null],
    );
    return rows.map((row) => ({
      collection: row.collection,
      id: row.id,
      label: labelOf(row.data),
      communityId: row.community_id,
      deletedAt: toIsoOrNull(row.deleted_at),
      deletedBy: row.deleted_by,
      deletedByName: row.deleted_by_name,
    }));
  });

  app.post<{ Params: { collection: string; id: string } }>('/api/admin/restore/:collection/:id', async (request): Promise<RestoreResponse> => {
    const caller = await callerOf(ctx, request);
    requireAdmin(caller);
    const collection = collectionOf(request.params.collection);
    if (request.params.id.includes('\u0000')) throw new ApiError('not_found', errorMessages.docNotFound);
    const found = await ctx.db.query<{ data: AnyDoc }>('SELECT data FROM docs WHERE collection = $1 AND id = $2 AND street_id = $3', [
      collection,
      request.params.id,
      caller.user.street_id,
    ]);
    const tombstone = found[0]?.data;
    if (!tombstone) throw new ApiError('not_found', errorMessages.docNotFound);
    if (!tombstone._deleted) throw new ApiError('conflict', restoreMessages.notDeleted);
    const last = (await lastLiveState(ctx.db, collection, tombstone.id)) ?? tombstone;
    const restored: AnyDoc = { ...last, _deleted: false };
    const parent = await deletedParent(ctx.db, collection, restored);
    if (parent) throw new ApiError('conflict', restoreMessages.parentDeleted(parent.kind, parent.label));
    const conflicts = await pushChanges(ctx, caller, collection, [{ assumedMasterState: tombstone, newDocumentState: restored }]);
    if (conflicts.length > 0) throw new ApiError('conflict', restoreMessages.changedMeanwhile);
    return { document: restored };
  });
}
