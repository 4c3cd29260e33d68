// A street office server with a small street of its own instead of the demo data set: one admin,
// one community with a few compounds, one community staff account. The admin's browser then
// syncs in seconds, so the account and device pages answer at once on a loaded machine.
import { fileURLToPath } from 'node:url';
import { startServer, type RunningServer } from '../../../server/src/server';

const webRoot = process.env.E2E_WEB_ROOT ?? fileURLToPath(new URL('../../../dist/renderer', import.meta.url));

export const ADMIN = { username: 'admin', password: 'admin-pass-1' };
export const STAFF = { username: 'staff01', password: 'staff-pass-1', displayName: '城区社区网格员' };
export const COMMUNITY = '城区社区';
export const COMPOUNDS = ['幸福花园', '朔方小区', '西关新村'];

export async function startSmallStreet(): Promise<RunningServer> {
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir: 'memory://',
    webRoot,
    quiet: true,
    adminUsername: ADMIN.username,
    adminPassword: ADMIN.password,
  });
  const login = await call<{ token: string; user: { streetId: string } }>(server.url, null, 'POST', '/api/auth/login', { ...ADMIN, deviceName: 'e2e setup' });
  const { streetId } = login.user;
  const communityId = 'community-chengqu';
  await call(server.url, login.token, 'POST', '/api/sync/communities/push', [
    { newDocumentState: { id: communityId, streetId, name: COMMUNITY, _deleted: false } },
  ]);
  await call(
    server.url,
    login.token,
    'POST',
    '/api/sync/compounds/push',
    COMPOUNDS.map((name, i) => ({
      newDocumentState: { id: `compound-${i}`, streetId, communityId, name, propertyManaged: false, residentCount: 300 + i, pilot: false, _deleted: false },
    })),
  );
  await call(server.url, login.token, 'POST', '/api/admin/users', { ...STAFF, role: 'community_staff', communityIds: [communityId] });
  return server;
}

async function call<T>(url: string, token: string | null, method: string, path: string, body: unknown): Promise<T> {
  const headers: Record<string, string> = { 'x-client-version': '0.1.0', 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(url + path, { method, headers, body: JSON.stringify(body) });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return JSON.parse(text) as T;
}
