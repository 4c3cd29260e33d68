// Street admins manage the accounts of their own street.
import type { FastifyInstance } from 'fastify';
import { roles, type AdminAccount } from '@domain/contract';
import { readAccountScope } from '../../admin/scope-rules';
import { hashPassword } from '../../auth/passwords';
import { forgetSessionsOf } from '../../auth/session-cache';
import { adminUser, insertUser, revokeSessionsOf, userById, type UserRow } from '../../auth/users';
import type { ServerContext } from '../../context';
import { toIsoOrNull } from '../../db/adapter';
import { errorMessages, fieldErrors } from '../../messages';
import { CHANGES_CHANNEL, encodeNotice } from '../../sync/notice';
import { BodyReader } from '../body';
import { callerOf, requireAdmin, type Caller } from '../caller';
import { ApiError } from '../errors';

interface UserParams {
  id: string;
}

const USERNAME = /^[A-Za-z0-9_.-]{3,32}$/;

/** Accounts with their last online sign-in: every login opens a session. */
const SELECT_ACCOUNTS = `SELECT u.*, (SELECT max(s.created_at) FROM sessions s WHERE s.user_id = u.id) AS last_login_at FROM users u`;

function adminAccount(row: UserRow): AdminAccount {
  return { ...adminUser(row), lockedUntil: toIsoOrNull(row.locked_until), lastLoginAt: toIsoOrNull(row.last_login_at) };
}

export function adminUserRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const admin = async (request: Parameters<typeof callerOf>[1]): Promise<Caller> => {
    const caller = await callerOf(ctx, request);
    requireAdmin(caller);
    return caller;
  };
  /** A user of the admin's own street; others do not exist as far as this admin can tell. */
  const target = async (caller: Caller, id: string): Promise<UserRow> => {
    const user = await userById(ctx.db, id);
    if (!user || user.street_id !== caller.user.street_id) throw new ApiError('not_found', errorMessages.userNotFound);
    return user;
  };
  /**
   * After a write to the account: this process's sessions of it are read again from the next request
   * on; other processes and the open event streams of the account re-check it (and end when it was disabled).
   */
  const announce = (userId: string) => {
    forgetSessionsOf(ctx, userId);
    return ctx.db.notify(CHANGES_CHANNEL, encodeNotice({ type: 'account', userId }));
  };
  const update = async (id: string, sql: string, params: unknown[] = []): Promise<AdminAccount> => {
    const rows = await ctx.db.query<UserRow>(`UPDATE users SET ${sql} WHERE id = $1 RETURNING id`, [id, ...params]);
    if (!rows[0]) throw new ApiError('not_found', errorMessages.userNotFound);
    const updated = await ctx.db.query<UserRow>(`${SELECT_ACCOUNTS} WHERE u.id = $1`, [id]);
    const row = updated[0];
    if (!row) throw new ApiError('not_found', errorMessages.userNotFound);
    return adminAccount(row);
  };

  app.get('/api/admin/users', async (request): Promise<AdminAccount[]> => {
    const caller = await admin(request);
    const rows = await ctx.db.query<UserRow>(`${SELECT_ACCOUNTS} WHERE u.street_id = $1 ORDER BY u.created_at, u.username`, [caller.user.street_id]);
    return rows.map(adminAccount);
  });

  app.post('/api/admin/users', async (request, reply) => {
    const caller = await admin(request);
    const body = new BodyReader(request.body);
    const username = body.text('username', 3, 32, fieldErrors.username);
    if (username !== '' && !USERNAME.test(username)) body.problem('username', fieldErrors.username);
    const password = body.text('password', 8, 1024, fieldErrors.password);
    const displayName = body.text('displayName', 1, 50);
    const role = roles.find((r) => r === body.raw('role'));
    if (!role) body.problem('role', fieldErrors.role);
    const scope = await readAccountScope(ctx.db, body, caller.user.street_id, role);
    body.done();
    if (!role) throw new ApiError('bad_request', fieldErrors.role);
    const created = await insertUser(ctx.db, {
      username,
      passwordHash: await hashPassword(password),
      displayName,
      role,
      streetId: caller.user.street_id,
      ...scope,
    });
    if (!created) throw new ApiError('conflict', errorMessages.usernameTaken, [{ field: 'username', message: errorMessages.usernameTaken }]);
    return reply.code(201).send(adminAccount(created));
  });

  app.post<{ Params: UserParams }>('/api/admin/users/:id/disable', async (request) => {
    const caller = await admin(request);
    const user = await target(caller, request.params.id);
    if (user.id === caller.user.id) throw new ApiError('bad_request', errorMessages.cannotDisableSelf);
    const result = await update(user.id, 'disabled = true');
    await revokeSessionsOf(ctx.db, user.id);
    await announce(user.id);
    return result;
  });

  app.post<{ Params: UserParams }>('/api/admin/users/:id/enable', async (request) => {
    const user = await target(await admin(request), request.params.id);
    return update(user.id, 'disabled = false, failed_logins = 0, locked_until = NULL');
  });

  app.post<{ Params: UserParams }>('/api/admin/users/:id/password', async (request) => {
    const user = await target(await admin(request), request.params.id);
    const body = new BodyReader(request.body);
    const password = body.text('password', 8, 1024, fieldErrors.password);
    body.done();
    const result = await update(user.id, 'password_hash = $2, failed_logins = 0, locked_until = NULL', [await hashPassword(password)]);
    await revokeSessionsOf(ctx.db, user.id);
    await announce(user.id);
    return result;
  });

  app.put<{ Params: UserParams }>('/api/admin/users/:id/scope', async (request) => {
    const caller = await admin(request);
    const user = await target(caller, request.params.id);
    const body = new BodyReader(request.body);
    const scope = await readAccountScope(ctx.db, body, caller.user.street_id, user.role);
    body.done();
    const result = await update(user.id, 'community_ids = $2::jsonb, unit_id = $3', [JSON.stringify(scope.communityIds), scope.unitId ?? null]);
    await announce(user.id);
    return result;
  });
}
