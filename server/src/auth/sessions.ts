// Bearer sessions: the token is 32 random bytes shown to the client once; only its SHA-256 is kept.
import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../db/adapter';
import { ApiError } from '../http/errors';
import { errorMessages } from '../messages';
import type { UserRow } from './users';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(db: Queryable, userId: string, deviceId: string, days: number): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + days * 86_400_000);
  await db.query('INSERT INTO sessions (token_hash, user_id, device_id, expires_at) VALUES ($1, $2, $3, $4)', [
    hashToken(token),
    userId,
    deviceId,
    expiresAt,
  ]);
  return { token, expiresAt };
}

export interface Session {
  tokenHash: string;
  deviceId: string;
  user: UserRow;
}

interface SessionRow extends UserRow {
  session_device_id: string;
  session_revoked: boolean;
  session_expired: boolean;
  session_ms_left: unknown;
  device_revoked: boolean;
}

/** The session of a bearer token, or the error to answer: a revoked device wins, so its client wipes. */
export async function sessionOf(db: Queryable, token: string | undefined): Promise<Session> {
  return (await sessionOfHash(db, tokenHashOf(token))).session;
}

/** The token's hash; a missing token is refused before any lookup. */
export function tokenHashOf(token: string | undefined): string {
  if (token === undefined || token === '') throw new ApiError('unauthorized', errorMessages.unauthorized);
  return hashToken(token);
}

/**
 * `sessionOf` by token hash, with how long the session has left by the database's clock (so that
 * a copy kept in memory never outlives it, whatever this machine's clock says).
 */
export async function sessionOfHash(db: Queryable, tokenHash: string): Promise<SessionFound> {
  const answer = (await sessionsOfHashes(db, [tokenHash])).get(tokenHash);
  if (answer === undefined || answer instanceof ApiError) throw answer ?? new ApiError('unauthorized', errorMessages.unauthorized);
  return answer;
}

export interface SessionFound {
  session: Session;
  msLeft: number;
}

/**
 * `sessionOfHash` for several tokens in one statement (session-cache.ts groups the lookups that
 * arrive together): each hash's session, or the error to answer for it.
 */
export async function sessionsOfHashes(db: Queryable, tokenHashes: readonly string[]): Promise<Map<string, SessionFound | ApiError>> {
  const rows = await db.query<SessionRow & { session_token_hash: string }>(
    `SELECT u.*, s.token_hash AS session_token_hash, s.device_id AS session_device_id, s.revoked_at IS NOT NULL AS session_revoked,
            s.expires_at <= now() AS session_expired, d.revoked_at IS NOT NULL AS device_revoked,
            extract(epoch FROM s.expires_at - now()) * 1000 AS session_ms_left
     FROM sessions s JOIN users u ON u.id = s.user_id JOIN devices d ON d.id = s.device_id
     WHERE s.token_hash = ANY($1::text[])`,
    [tokenHashes],
  );
  const byHash = new Map(rows.map((row) => [row.session_token_hash, row]));
  return new Map(tokenHashes.map((tokenHash) => [tokenHash, judged(tokenHash, byHash.get(tokenHash))]));
}

/** A revoked device wins, so its client wipes. */
function judged(tokenHash: string, row: SessionRow | undefined): SessionFound | ApiError {
  if (!row) return new ApiError('unauthorized', errorMessages.unauthorized);
  if (row.device_revoked) return new ApiError('device_revoked', errorMessages.deviceRevoked);
  if (row.session_revoked || row.session_expired || row.disabled) return new ApiError('unauthorized', errorMessages.unauthorized);
  return { session: { tokenHash, deviceId: row.session_device_id, user: row }, msLeft: Number(row.session_ms_left) };
}

/** The bearer token of an Authorization header value. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}
