// Street admins manage accounts: create, refuse duplicates and bad input, disable.
import { beforeAll, expect, it } from 'vitest';
import { forEachBackend } from './support/backends';
import { CHINESE, USER_PASSWORD, createStaff, setUpStreet, uniqueUsername, type StreetFixture } from './support/street';

forEachBackend('admin users', (backend) => {
  let street: StreetFixture;
  beforeAll(async () => {
    street = await setUpStreet(backend.url);
  });

  const request = (fields: Record<string, unknown> = {}) => ({
    username: uniqueUsername('worker'),
    password: USER_PASSWORD,
    displayName: '社区网格员',
    role: 'community_staff',
    communityIds: [street.communityA.id],
    ...fields,
  });

  it('creates an account (201) that can sign in, and lists it', async () => {
    const body = request();
    const reply = await street.admin.api.createUser(body);
    expect(reply.status).toBe(201);
    const user = reply.ok();
    expect(user).toMatchObject({
      username: body.username,
      displayName: body.displayName,
      role: 'community_staff',
      communityIds: [street.communityA.id],
      streetId: street.streetId,
      disabled: false,
    });
    expect(JSON.stringify(user)).not.toContain(USER_PASSWORD);
    expect((await street.admin.api.listUsers()).ok().map((listed) => listed.id)).toContain(user.id);
    const login = (await backend.anonymous.login(body.username, USER_PASSWORD)).ok();
    expect(login.user).toMatchObject({ id: user.id, role: 'community_staff', communityIds: [street.communityA.id] });
  });

  it('refuses a duplicate username with 409 conflict', async () => {
    const body = request();
    expect((await street.admin.api.createUser(body)).status).toBe(201);
    const reply = await street.admin.api.createUser({ ...body, displayName: '另一人' });
    expect(reply.status).toBe(409);
    expect(reply.error().code).toBe('conflict');
    expect(reply.error().message).toMatch(CHINESE);
  });

  it.each([
    ['a weak password', { password: '123' }],
    ['an unknown role', { role: 'mayor' }],
    ['a missing display name', { displayName: undefined }],
  ])('refuses %s with 400 or 422 and a message', async (_, fields) => {
    const body = request(fields);
    const reply = await street.admin.api.createUser(body);
    expect([400, 422]).toContain(reply.status);
    expect(reply.error().message).toMatch(CHINESE);
    expect((await backend.anonymous.login(body.username, String(body.password))).status).toBe(401);
  });

  it("disables an account: its token gets 401 and its login fails", async () => {
    const worker = await createStaff(backend.url, street.admin.api, [street.communityA.id]);
    expect((await worker.api.pull('members')).status).toBe(200);
    expect((await street.admin.api.disableUser(worker.user.id)).status).toBeLessThan(300);

    const pull = await worker.api.pull('members');
    expect(pull.status).toBe(401);
    // The contract leaves the code open; either sends the person back to the login page.
    expect(['unauthorized', 'device_revoked']).toContain(pull.error().code);
    const login = await backend.anonymous.login(worker.user.username, USER_PASSWORD);
    expect([401, 403]).toContain(login.status);
    expect(login.error().message).toMatch(CHINESE);
    const listed = (await street.admin.api.listUsers()).ok().find((user) => user.id === worker.user.id);
    expect(listed?.disabled).toBe(true);
  });
});
