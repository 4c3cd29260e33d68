// The replication endpoints: schema, pull and push of one collection.
import type { FastifyInstance } from 'fastify';
import { collectionNames, isCollectionName, wireSchemaOf, type AnyDoc, type CollectionName } from '@domain/collections';
import { MAX_PULL_LIMIT, PROTOCOL_VERSION, type SchemaResponse } from '@domain/contract';
import type { ServerContext } from '../../context';
import { errorMessages } from '../../messages';
import { parseCheckpoint } from '../../sync/checkpoint';
import { pullChangesJson } from '../../sync/pull';
import { pushChanges } from '../../sync/push';
import { callerOf } from '../caller';
import { ApiError } from '../errors';

const DEFAULT_PULL_LIMIT = 500;

interface CollectionParams {
  collection: string;
}

export function syncRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/api/schema', async (request): Promise<SchemaResponse> => {
    await callerOf(ctx, request);
    const collections = Object.fromEntries(collectionNames.map((name) => [name, wireSchemaOf(name)]));
    return { version: PROTOCOL_VERSION, collections: collections as Record<CollectionName, unknown> };
  });

  app.get<{ Params: CollectionParams; Querystring: Record<string, string | string[] | undefined> }>(
    '/api/sync/:collection/pull',
    async (request, reply): Promise<string> => {
      const caller = await callerOf(ctx, request);
      const collection = collectionOf(request.params.collection);
      const limit = pullLimit(single(request.query.limit));
      const checkpoint = parseCheckpoint(single(request.query.checkpoint));
      if (checkpoint === 'invalid') throw badParameter('checkpoint', errorMessages.invalidCheckpoint);
      // A `PullResponse`, serialised by the pull itself (the documents as stored, not re-encoded).
      reply.type('application/json; charset=utf-8');
      return pullChangesJson(ctx.db, { collection, scope: caller.scope, checkpoint, limit, order: ctx.changeOrder });
    },
  );

  app.post<{ Params: CollectionParams }>('/api/sync/:collection/push', async (request): Promise<AnyDoc[]> => {
    const caller = await callerOf(ctx, request);
    const collection = collectionOf(request.params.collection);
    return pushChanges(ctx, caller, collection, request.body);
  });
}

export function collectionOf(name: string): CollectionName {
  if (!isCollectionName(name)) throw new ApiError('unknown_collection', errorMessages.unknownCollection(name));
  return name;
}

function pullLimit(raw: string | undefined): number {
  if (raw === undefined || raw === '') return DEFAULT_PULL_LIMIT;
  const limit = /^\d{1,5}$/.test(raw) ? Number(raw) : NaN;
  if (!(limit >= 1 && limit <= MAX_PULL_LIMIT)) {
    throw badParameter('limit', errorMessages.invalidLimit(MAX_PULL_LIMIT));
  }
  return limit;
}

/** A query parameter given twice counts as malformed rather than silently picking one. */
function single(value: string | string[] | undefined): string | undefined {
  if (Array.isArray(value)) throw new ApiError('bad_request', errorMessages.badRequest);
  return value;
}

function badParameter(field: string, message: string): ApiError {
  return new ApiError('bad_request', message, [{ field, message }]);
}
