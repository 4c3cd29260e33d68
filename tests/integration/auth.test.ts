// Who may talk to the server at all: health, tokens, client versions, login, lockout, devices.
import { expect, it } from 'vitest';
import { ADMIN, forEachBackend } from './support/backends';
import { ApiClient } from './support/client';
import type { WireDoc } from '@domain/collections';
import { CHINESE, USER_PASSWORD, createUser, newId, pushNew, signIn, stored, uniqueUsername } from './support/street';

/** Every route but health and login, with a body where it takes one. */
const protectedRoutes: ReadonlyArray<[method: string, path: string, json?: unknown]> = [
  ['GET', '/api/schema'],
  ['GET', '/api/sync/members/pull'],
  ['POST', '/api/sync/members/push', []],
  ['GET', '/api/sync/stream'],
  ['GET', '/api/admin/users'],
  ['POST', '/api/admin/users', { username: 'nobody', password: USER_PASSWORD, displayName: '无', role: 'street_admin', communityIds: [] }],
  ['PUT', '/api/admin/users/some-user/scope', { communityIds: [] }],
  ['POST', '/api/admin/users/some-user/disable'],
  ['GET', '/api/admin/devices'],
  ['POST', '/api/admin/devices/some-device/revoke'],
  ['GET', '/api/history/members/some-member'],
];

forEachBackend('requests and login', (backend) => {
  it('answers health without a token', async () => {
    const reply = await backend.anonymous.withVersion(null).health();
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ ok: true, version: expect.any(String) as string });
  });

  it('answers every other route without a token, or with a forged one, with 401 unauthorized', async () => {
    for (const token of [null, 'forged-token']) {
      const api = backend.anonymous.withToken(token);
      for (const [method, path, json] of protectedRoutes) {
        const reply = await api.send(method, path, { json });
        expect(reply.status, `${method} ${path}`).toBe(401);
        expect(reply.error().code, `${method} ${path}`).toBe('unauthorized');
        expect(reply.error().message).toMatch(CHINESE);
      }
    }
  });

  it('refuses a request without X-Client-Version with 400', async () => {
    const { api } = await signIn(backend.url, ADMIN.username, ADMIN.password);
    const reply = await api.withVersion(null).schema();
    expect(reply.status).toBe(400);
    expect(reply.error().code).toBe('bad_request');
  });

  it('refuses a client below the minimum version with 426 client_outdated and the minimum', async () => {
    const server = await backend.startServer({ minClientVersion: '9.0.0' });
    // Login carries no client version (design.md), so an outdated client can still sign in and be told.
    const login = (await new ApiClient(server.url, null, null).login(ADMIN.username, ADMIN.password)).ok();
    const reply = await new ApiClient(server.url, login.token).pull('members');
    expect(reply.status).toBe(426);
    expect(reply.error()).toMatchObject({ code: 'client_outdated', minVersion: '9.0.0' });
    expect(reply.error().message).toMatch(CHINESE);
    expect((await new ApiClient(server.url, login.token, '9.0.0').pull('members')).status).toBe(200);
  });

  it('lists the twelve collections in GET /api/schema', async () => {
    const { api } = await signIn(backend.url, ADMIN.username, ADMIN.password);
    const schema = (await api.schema()).ok();
    expect(Object.keys(schema.collections).sort()).toEqual(
      ['activities', 'assessments', 'buildings', 'communities', 'compounds', 'grids', 'ledger', 'members', 'needs', 'orgs', 'streets', 'units'],
    );
    expect(schema.collections.members).toMatchObject({ type: 'object', additionalProperties: false });
  });

  it('answers the right password with a token, its expiry, a device id and the user', async () => {
    const login = (await backend.anonymous.login(ADMIN.username, ADMIN.password)).ok();
    expect(login.token).toEqual(expect.any(String));
    expect(login.token.length).toBeGreaterThan(16);
    expect(Date.parse(login.expiresAt)).toBeGreaterThan(Date.now());
    expect(login.deviceId).toEqual(expect.any(String));
    expect(login.user).toMatchObject({ username: ADMIN.username, role: 'street_admin', streetId: expect.any(String) as string });
    expect(login.user.communityIds).toEqual(expect.any(Array));
    expect((await new ApiClient(backend.url, login.token).schema()).status).toBe(200);
  });

  it('answers a wrong password with 401 invalid_credentials', async () => {
    const reply = await backend.anonymous.login(ADMIN.username, 'wrong-password');
    expect(reply.status).toBe(401);
    expect(reply.error().code).toBe('invalid_credentials');
    expect(reply.error().message).toMatch(CHINESE);
  });

  it('locks an account after 5 wrong passwords in a row: 429 even with the right one', async () => {
    const admin = await signIn(backend.url, ADMIN.username, ADMIN.password);
    const user = await createUser(admin.api, 'street_admin', [], 'locked');
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect((await backend.anonymous.login(user.username, 'wrong-password')).status).toBe(401);
    }
    expect([401, 429]).toContain((await backend.anonymous.login(user.username, 'wrong-password')).status);
    const reply = await backend.anonymous.login(user.username, USER_PASSWORD);
    expect(reply.status).toBe(429);
    expect(reply.error().code).toBe('rate_limited');
    expect(reply.error().message).toMatch(CHINESE);
    // The lock is the account's: the admin, on the same address, still signs in.
    expect((await backend.anonymous.login(ADMIN.username, ADMIN.password)).status).toBe(200);
  });

  it('revokes a device: its token and its id at login get 401 device_revoked, other devices go on', async () => {
    const admin = await signIn(backend.url, ADMIN.username, ADMIN.password);
    const user = await createUser(admin.api, 'street_admin', [], 'laptop');
    const laptop = await signIn(backend.url, user.username, USER_PASSWORD);
    const desktop = await signIn(backend.url, user.username, USER_PASSWORD);
    expect(desktop.login.deviceId).not.toBe(laptop.login.deviceId);

    const devices = (await admin.api.devices()).ok();
    expect(devices.map((device) => device.id)).toEqual(expect.arrayContaining([laptop.login.deviceId, desktop.login.deviceId]));
    expect((await admin.api.revokeDevice(laptop.login.deviceId)).status).toBeLessThan(300);

    const revoked = await laptop.api.pull('members');
    expect(revoked.status).toBe(401);
    expect(revoked.error().code).toBe('device_revoked');
    const again = await backend.anonymous.login(user.username, USER_PASSWORD, { deviceId: laptop.login.deviceId });
    expect(again.status).toBe(401);
    expect(again.error().code).toBe('device_revoked');

    expect((await desktop.api.pull('members')).status).toBe(200);
    const reused = (await backend.anonymous.login(user.username, USER_PASSWORD, { deviceId: desktop.login.deviceId })).ok();
    expect(reused.deviceId).toBe(desktop.login.deviceId);
  });

  it("names a liaison's department at login, by the unit's current name; other roles carry no unit name", async () => {
    const admin = await signIn(backend.url, ADMIN.username, ADMIN.password);
    const streetId = admin.login.user.streetId;
    const department: WireDoc<'units'> = { id: newId(), streetId, kind: 'department', name: '市卫健局', pairedCompoundIds: [], _deleted: false };
    await pushNew(admin.api, 'units', [department]);
    const username = uniqueUsername('liaison');
    const created = await admin.api.createUser({ username, password: USER_PASSWORD, displayName: '赵联络', role: 'department_liaison', communityIds: [], unitId: department.id });
    expect(created.status, created.text).toBe(201);

    const login = (await backend.anonymous.login(username, USER_PASSWORD)).ok();
    expect(login.user).toMatchObject({ role: 'department_liaison', unitId: department.id, unitName: '市卫健局' });

    // Renamed by the admin, the department is named anew at the next login.
    const renamed = { ...department, name: '市卫生健康委员会' };
    const reply = await admin.api.push('units', [{ assumedMasterState: department, newDocumentState: renamed }]);
    expect(reply.ok()).toEqual([]);
    expect(await stored(admin.api, 'units', department.id)).toEqual(renamed);
    expect((await backend.anonymous.login(username, USER_PASSWORD)).ok().user.unitName).toBe('市卫生健康委员会');

    expect(admin.login.user.unitName).toBeUndefined();
  });
});
