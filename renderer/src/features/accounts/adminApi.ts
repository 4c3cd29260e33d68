// The street admin's account and device calls. They go straight to the server with the session's
// token: accounts and devices are not synced collections, so these pages work only online.
import { useMemo } from 'react';
import type { AdminAccount, CreateUserRequest, DeviceInfo } from '@domain/contract';
import { APP_VERSION } from '../../desktop/version';
import { useSessionStore } from '../../session/store';
import { createApiClient, type ApiClientOptions } from '../../sync/api';
import { isOnline, useSyncStatus } from '../../sync/status';

export interface AccountScopeChange {
  communityIds: string[];
  unitId?: string;
}

export interface AdminApi {
  accounts(signal?: AbortSignal): Promise<AdminAccount[]>;
  createAccount(request: CreateUserRequest): Promise<AdminAccount>;
  disable(userId: string): Promise<AdminAccount>;
  enable(userId: string): Promise<AdminAccount>;
  resetPassword(userId: string, password: string): Promise<AdminAccount>;
  changeScope(userId: string, scope: AccountScopeChange): Promise<AdminAccount>;
  devices(signal?: AbortSignal): Promise<DeviceInfo[]>;
  revokeDevice(deviceId: string): Promise<DeviceInfo>;
}

const user = (id: string) => `/api/admin/users/${encodeURIComponent(id)}`;

/** The calls over the shared client; it speaks GET and POST only, so the scope change (a PUT) goes
 * through a second client whose requests are sent as PUT, with the same headers and error handling. */
export function createAdminApi(options: ApiClientOptions): AdminApi {
  const send = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const client = createApiClient(options);
  const putClient = createApiClient({ ...options, fetch: (input, init) => send(input, { ...init, method: 'PUT' }) });
  return {
    accounts: (signal) => client.get('/api/admin/users', { signal }),
    createAccount: (request) => client.post('/api/admin/users', request),
    disable: (id) => client.post(`${user(id)}/disable`, {}),
    enable: (id) => client.post(`${user(id)}/enable`, {}),
    resetPassword: (id, password) => client.post(`${user(id)}/password`, { password }),
    changeScope: (id, scope) => putClient.post(`${user(id)}/scope`, scope),
    devices: (signal) => client.get('/api/admin/devices', { signal }),
    revokeDevice: (id) => client.post(`/api/admin/devices/${encodeURIComponent(id)}/revoke`, {}),
  };
}

/** The admin API of the signed-in session, or null while the server cannot be reached. */
export function useAdminApi(): AdminApi | null {
  const session = useSessionStore((state) => state.session);
  const online = useSyncStatus(isOnline);
  return useMemo(
    () => (session && online ? createAdminApi({ serverUrl: session.serverUrl, token: session.token, clientVersion: APP_VERSION }) : null),
    [session, online],
  );
}
