// Who is calling: the bearer session, a client version the server accepts, and the caller's scope.
import type { FastifyRequest } from 'fastify';
import { CLIENT_VERSION_HEADER } from '@domain/contract';
import type { Scope } from '@domain/scope';
import { compareVersions, isVersion } from '@domain/version';
import { sessionCacheOf } from '../auth/session-cache';
import { bearerToken } from '../auth/sessions';
import type { UserRow } from '../auth/users';
import type { ServerContext } from '../context';
import { errorMessages } from '../messages';
import { scopeOf } from '../sync/scope-of';
import { ApiError } from './errors';

export interface Caller {
  user: UserRow;
  deviceId: string;
  tokenHash: string;
  scope: Scope;
}

const TOUCH_INTERVAL_MS = 60_000;

export async function callerOf(ctx: ServerContext, request: FastifyRequest): Promise<Caller> {
  // From memory when the token was used in the last few seconds (auth/session-cache.ts says when not).
  const session = await sessionCacheOf(ctx).sessionOf(ctx.db, bearerToken(request.headers.authorization));
  const version = clientVersion(ctx, request);
  await touchDevice(ctx, session.deviceId, version);
  return { ...session, scope: await scopeOf(ctx.db, session.user) };
}

export function clientVersion(ctx: ServerContext, request: FastifyRequest): string {
  const header = request.headers[CLIENT_VERSION_HEADER];
  const version = Array.isArray(header) ? header[0] : header;
  if (version === undefined || version === '') throw new ApiError('bad_request', errorMessages.missingVersion);
  if (!isVersion(version)) throw new ApiError('bad_request', errorMessages.badVersion);
  if (compareVersions(version, ctx.minClientVersion) < 0) {
    throw new ApiError('client_outdated', errorMessages.clientOutdated(ctx.minClientVersion), undefined, ctx.minClientVersion);
  }
  return version;
}

/** Records when a device was last seen and with which version; at most once a minute per device. */
async function touchDevice(ctx: ServerContext, deviceId: string, version: string): Promise<void> {
  const last = ctx.deviceTouches.get(deviceId);
  const now = Date.now();
  if (last && last.version === version && now - last.at < TOUCH_INTERVAL_MS) return;
  ctx.deviceTouches.set(deviceId, { at: now, version });
  await ctx.db.query('UPDATE devices SET last_seen_at = now(), app_version = $2 WHERE id = $1', [deviceId, version]);
}

export function requireAdmin(caller: Caller): void {
  if (caller.user.role !== 'street_admin') throw new ApiError('forbidden', errorMessages.adminOnly);
}
