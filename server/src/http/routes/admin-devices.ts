// Street admins see the devices of their street's accounts and revoke lost or stolen ones: the
// device's sessions then answer `device_revoked`, on which its client wipes the local data.
import type { FastifyInstance } from 'fastify';
import type { DeviceInfo } from '@domain/contract';
import { forgetSessionsOf } from '../../auth/session-cache';
import type { ServerContext } from '../../context';
import { toIso, toIsoOrNull } from '../../db/adapter';
import { errorMessages } from '../../messages';
import { CHANGES_CHANNEL, encodeNotice } from '../../sync/notice';
import { callerOf, requireAdmin } from '../caller';
import { ApiError } from '../errors';

interface DeviceRow {
  id: string;
  user_id: string;
  username: string;
  display_name: string;
  name: string;
  app_version: string | null;
  last_seen_at: unknown;
  revoked_at: unknown;
  created_at: unknown;
  [column: string]: unknown;
}

const SELECT_DEVICES = `SELECT d.id, d.user_id, u.username, u.display_name, d.name, d.app_version, d.last_seen_at,
    d.revoked_at, d.created_at
  FROM devices d JOIN users u ON u.id = d.user_id WHERE u.street_id = $1`;

function deviceInfo(row: DeviceRow): DeviceInfo {
  return {
    id: row.id,
    userId: row.user_id,
    username: row.username,
    displayName: row.display_name,
    name: row.name,
    appVersion: row.app_version,
    lastSeenAt: toIsoOrNull(row.last_seen_at),
    createdAt: toIso(row.created_at),
    revokedAt: toIsoOrNull(row.revoked_at),
  };
}

export function adminDeviceRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/api/admin/devices', async (request): Promise<DeviceInfo[]> => {
    const caller = await callerOf(ctx, request);
    requireAdmin(caller);
    const rows = await ctx.db.query<DeviceRow>(`${SELECT_DEVICES} ORDER BY d.last_seen_at DESC NULLS LAST, d.created_at`, [caller.user.street_id]);
    return rows.map(deviceInfo);
  });

  app.post<{ Params: { id: string } }>('/api/admin/devices/:id/revoke', async (request): Promise<DeviceInfo> => {
    const caller = await callerOf(ctx, request);
    requireAdmin(caller);
    const found = await ctx.db.query<DeviceRow>(`${SELECT_DEVICES} AND d.id = $2`, [caller.user.street_id, request.params.id]);
    const device = found[0];
    if (!device) throw new ApiError('not_found', errorMessages.deviceNotFound);
    await ctx.db.query('UPDATE devices SET revoked_at = coalesce(revoked_at, now()), secret = NULL WHERE id = $1', [device.id]);
    // This process answers the device's next request from the database; other processes and open
    // streams of the account re-check their session (and close if it was this device).
    forgetSessionsOf(ctx, device.user_id);
    await ctx.db.notify(CHANGES_CHANNEL, encodeNotice({ type: 'account', userId: device.user_id }));
    const updated = await ctx.db.query<DeviceRow>(`${SELECT_DEVICES} AND d.id = $2`, [caller.user.street_id, device.id]);
    return deviceInfo(updated[0] ?? device);
  });
}
