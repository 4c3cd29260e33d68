// Exports of ID numbers and mobiles in full are logged: only street admins may record (and read)
// disclosures, each one names the account, the device, the list, the row count and the reason.
import { beforeAll, expect, it } from 'vitest';
import type { DisclosureRecord } from '@domain/contract';
import { forEachBackend } from './support/backends';
import { CHINESE, newId, pushNew, setUpStreet, signIn, uniqueUsername, USER_PASSWORD, type StreetFixture } from './support/street';

forEachBackend('disclosures', (backend) => {
  let street: StreetFixture;
  beforeAll(async () => {
    street = await setUpStreet(backend.url);
  });

  const record = (api = street.admin.api, json: unknown = { listName: '队伍成员', rowCount: 3654, reason: '报送区委组织部核对党员名册' }) =>
    api.send<DisclosureRecord>('POST', '/api/disclosures', { json });
  const list = (api = street.admin.api) => api.send<DisclosureRecord[]>('GET', '/api/disclosures');

  it('records a street admin’s disclosure with account, device and time, and lists it first', async () => {
    const before = Date.now();
    const reply = await record();
    expect(reply.status, reply.text).toBe(201);
    const created = reply.ok();
    expect(created).toMatchObject({
      listName: '队伍成员',
      rowCount: 3654,
      reason: '报送区委组织部核对党员名册',
      userId: street.admin.login.user.id,
      username: street.admin.login.user.username,
      deviceId: street.admin.login.deviceId,
      deviceName: '测试电脑',
    });
    expect(Date.parse(created.at)).toBeGreaterThanOrEqual(before - 60_000);

    const second = (await record(street.admin.api, { listName: '小区', rowCount: 0, reason: '  年终检查  ' })).ok();
    expect(second.reason).toBe('年终检查');
    const listed = (await list()).ok();
    expect(listed.map((entry) => entry.id).slice(0, 2)).toEqual([second.id, created.id]);
  });

  it('refuses community staff and liaisons with 403 forbidden, in Chinese, and records nothing', async () => {
    const countBefore = (await list()).ok().length;
    const department = { id: newId(), streetId: street.streetId, kind: 'department' as const, name: '市住建局', _deleted: false };
    await pushNew(street.admin.api, 'units', [department]);
    const created = await street.admin.api.createUser({
      username: uniqueUsername('liaison'),
      password: USER_PASSWORD,
      displayName: '联络员',
      role: 'department_liaison',
      communityIds: [],
      unitId: department.id,
    });
    const liaison = await signIn(backend.url, created.ok().username, USER_PASSWORD);
    for (const api of [street.staffA.api, liaison.api]) {
      const reply = await record(api);
      expect(reply.status).toBe(403);
      expect(reply.error().code).toBe('forbidden');
      expect(reply.error().message).toMatch(CHINESE);
      expect(reply.error().message).toContain('街道管理员');
      const read = await list(api);
      expect(read.status).toBe(403);
      expect(read.error().code).toBe('forbidden');
    }
    expect((await list()).ok()).toHaveLength(countBefore);
  });

  it('refuses a request without a session with 401', async () => {
    const reply = await backend.anonymous.send('POST', '/api/disclosures', { json: { listName: '队伍成员', rowCount: 1, reason: '核对' } });
    expect(reply.status).toBe(401);
  });

  it.each([
    ['no reason', { listName: '队伍成员', rowCount: 1 }, 'reason'],
    ['a blank reason', { listName: '队伍成员', rowCount: 1, reason: '   ' }, 'reason'],
    ['a reason too long', { listName: '队伍成员', rowCount: 1, reason: '理'.repeat(201) }, 'reason'],
    ['no list name', { rowCount: 1, reason: '核对名册' }, 'listName'],
    ['a negative row count', { listName: '队伍成员', rowCount: -1, reason: '核对名册' }, 'rowCount'],
    ['a fractional row count', { listName: '队伍成员', rowCount: 1.5, reason: '核对名册' }, 'rowCount'],
    ['a row count as text', { listName: '队伍成员', rowCount: '12', reason: '核对名册' }, 'rowCount'],
  ])('refuses %s with 400, naming the field in Chinese, and records nothing', async (_, json, field) => {
    const countBefore = (await list()).ok().length;
    const reply = await record(street.admin.api, json);
    expect(reply.status).toBe(400);
    expect(reply.error().code).toBe('bad_request');
    const detail = reply.error().details?.find((entry) => entry.field === field);
    expect(detail?.message).toMatch(CHINESE);
    expect((await list()).ok()).toHaveLength(countBefore);
  });
});
