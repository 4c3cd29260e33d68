// POST /api/auth/login: password check with lockout per account and a limit per client address,
// device registration, a new bearer session.
import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { LoginResponse } from '@domain/contract';
import { verifyDecoy, verifyPassword } from '../../auth/passwords';
import { createSession } from '../../auth/sessions';
import { sessionUserWithUnit, userByUsername, type UserRow } from '../../auth/users';
import type { ServerContext } from '../../context';
import type { Queryable } from '../../db/adapter';
import { errorMessages } from '../../messages';
import { BodyReader } from '../body';
import { ApiError } from '../errors';
import { FailedAttempts, securityMessages } from '../security';

const MAX_FAILURES = 5;
const LOCK_MINUTES = 15;
/** Wrong passwords from one address before it must wait; successful logins do not count. */
const MAX_FAILURES_PER_ADDRESS = 20;
const ADDRESS_WINDOW_MS = 60_000;

export function loginRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const failures = new FailedAttempts(MAX_FAILURES_PER_ADDRESS, ADDRESS_WINDOW_MS);
  app.post('/api/auth/login', async (request, reply): Promise<LoginResponse> => {
    // Refused before the (slow) password check, the right password included: a guesser learns nothing.
    const wait = failures.retryAfter(request.ip);
    if (wait > 0) {
      reply.header('retry-after', String(wait));
      throw new ApiError('rate_limited', securityMessages.tooManyAttempts(wait));
    }
    const body = new BodyReader(request.body);
    const username = body.text('username', 1, 64);
    const password = body.text('password', 1, 1024);
    const deviceName = body.text('deviceName', 1, 100);
    const deviceId = body.optionalText('deviceId', 64);
    body.done();

    const user = await userByUsername(ctx.db, username);
    // Unknown names cost a full verification too, so timing does not tell which accounts exist.
    const passwordOk = user ? await verifyPassword(password, user.password_hash) : await verifyDecoy(password);
    if (!user) {
      failures.fail(request.ip);
      throw new ApiError('invalid_credentials', errorMessages.invalidCredentials);
    }
    const lockedFor = user.locked_until === null ? 0 : new Date(user.locked_until).getTime() - Date.now();
    if (lockedFor > 0) {
      failures.fail(request.ip);
      reply.header('retry-after', String(Math.ceil(lockedFor / 1000)));
      throw new ApiError('rate_limited', errorMessages.rateLimited);
    }
    if (!passwordOk) {
      failures.fail(request.ip);
      await recordFailure(ctx.db, user.id);
      throw new ApiError('invalid_credentials', errorMessages.invalidCredentials);
    }
    if (user.disabled) throw new ApiError('invalid_credentials', errorMessages.accountDisabled);
    if (user.failed_logins > 0) await ctx.db.query('UPDATE users SET failed_logins = 0 WHERE id = $1', [user.id]);

    const device = await deviceFor(ctx.db, user, deviceId, deviceName);
    const session = await createSession(ctx.db, user.id, device.id, ctx.sessionDays);
    return {
      token: session.token,
      expiresAt: session.expiresAt.toISOString(),
      deviceId: device.id,
      deviceKey: device.secret,
      user: await sessionUserWithUnit(ctx.db, user),
    };
  });
}

/** Counts a failure; the fifth in a row locks the account and starts the count again. */
async function recordFailure(db: Queryable, userId: string): Promise<void> {
  await db.query(
    `UPDATE users SET
       locked_until = CASE WHEN failed_logins + 1 >= $2 THEN now() + make_interval(mins => $3) ELSE locked_until END,
       failed_logins = CASE WHEN failed_logins + 1 >= $2 THEN 0 ELSE failed_logins + 1 END
     WHERE id = $1`,
    [userId, MAX_FAILURES, LOCK_MINUTES],
  );
}

const newSecret = () => randomBytes(32).toString('base64url');

/** The caller's known device is reused; a revoked one is refused; anything else becomes a new device. */
async function deviceFor(db: Queryable, user: UserRow, deviceId: string | undefined, name: string): Promise<{ id: string; secret: string }> {
  if (deviceId !== undefined) {
    const rows = await db.query<{ revoked: boolean; secret: string | null }>(
      'SELECT revoked_at IS NOT NULL AS revoked, secret FROM devices WHERE id = $1 AND user_id = $2',
      [deviceId, user.id],
    );
    const known = rows[0];
    if (known?.revoked) throw new ApiError('device_revoked', errorMessages.deviceRevoked);
    if (known) {
      // Devices registered before secrets existed get one now, once.
      const secret = known.secret ?? newSecret();
      await db.query('UPDATE devices SET name = $2, last_seen_at = now(), secret = $3 WHERE id = $1', [deviceId, name, secret]);
      return { id: deviceId, secret };
    }
  }
  const device = { id: randomUUID(), secret: newSecret() };
  await db.query('INSERT INTO devices (id, user_id, name, last_seen_at, secret) VALUES ($1, $2, $3, now(), $4)', [device.id, user.id, name, device.secret]);
  return device;
}
