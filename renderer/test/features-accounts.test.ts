// The street admin's account and device pages: what a row says (state, scope by name), how they are
// searched and filtered, the passwords handed out, the requests sent and the server's refusals shown.
import { describe, expect, it } from 'vitest';
import type { AdminAccount, DeviceInfo } from '@domain/contract';
import {
  GENERATED_PASSWORD_LENGTH,
  accountRows,
  accountSearchSource,
  accountState,
  deviceOwners,
  deviceRows,
  formFieldsOf,
  generatePassword,
  scopeOfForm,
} from '../src/features/accounts/accountRows';
import { createAdminApi } from '../src/features/accounts/adminApi';
import { buildSearchIndex, searchIndex } from '../src/lib/search';
import { ApiError } from '../src/sync/api';

const NOW = new Date('2026-11-27T10:00:00Z');
const account = (fields: Partial<AdminAccount> & Pick<AdminAccount, 'id' | 'username' | 'displayName' | 'role'>): AdminAccount => ({
  streetId: 's1',
  communityIds: [],
  disabled: false,
  createdAt: '2026-01-01T00:00:00Z',
  lockedUntil: null,
  lastLoginAt: null,
  ...fields,
});
const names = {
  communities: new Map([
    ['c1', { name: '城区社区' }],
    ['c2', { name: '东塔社区' }],
  ]),
  units: new Map([['u1', { name: '市民政局' }]]),
};

describe('an account’s state', () => {
  it('is disabled before anything else, locked only while the lock lasts', () => {
    expect(accountState({ disabled: true, lockedUntil: '2026-11-27T11:00:00Z' }, NOW)).toBe('disabled');
    expect(accountState({ disabled: false, lockedUntil: '2026-11-27T10:15:00Z' }, NOW)).toBe('locked');
    expect(accountState({ disabled: false, lockedUntil: '2026-11-27T09:59:00Z' }, NOW)).toBe('active');
    expect(accountState({ disabled: false, lockedUntil: null }, NOW)).toBe('active');
  });
});

describe('account rows', () => {
  const accounts = [
    account({ id: 'a', username: 'staff01', displayName: '张秀英', role: 'community_staff', communityIds: ['c1', 'c9'] }),
    account({ id: 'b', username: 'liaison01', displayName: '李建国', role: 'department_liaison', unitId: 'u1' }),
    account({ id: 'c', username: 'admin', displayName: '街道管理员', role: 'street_admin' }),
    account({ id: 'd', username: 'liaison02', displayName: '王强', role: 'department_liaison', unitId: 'u7', unitName: '市住建局' }),
  ];
  const rows = accountRows(accounts, names, NOW);

  it('name the communities or the department an account covers, keeping unknown ids visible', () => {
    expect(rows.map((row) => [row.username, row.scopeNames])).toEqual([
      ['admin', []],
      ['staff01', ['城区社区', 'c9']],
      ['liaison01', ['市民政局']],
      ['liaison02', ['市住建局']],
    ]);
  });

  it('are found by name, pinyin initials, username and community', () => {
    const index = buildSearchIndex(rows, accountSearchSource);
    const find = (query: string) => searchIndex(index, query).map((row) => row.username);
    expect(find('张秀英')).toEqual(['staff01']);
    expect(find('ljg')).toEqual(['liaison01']);
    expect(find('liaison02')).toEqual(['liaison02']);
    expect(find('城区')).toEqual(['staff01']);
  });
});

describe('the scope a form sends', () => {
  it('carries only the role’s own field, without repeated communities', () => {
    expect(scopeOfForm('community_staff', { communityIds: ['c1', 'c1', 'c2'], unitId: 'u1' })).toEqual({ communityIds: ['c1', 'c2'] });
    expect(scopeOfForm('department_liaison', { communityIds: ['c1'], unitId: 'u1' })).toEqual({ communityIds: [], unitId: 'u1' });
    expect(scopeOfForm('street_admin', { communityIds: ['c1'], unitId: 'u1' })).toEqual({ communityIds: [] });
  });
});

describe('device rows', () => {
  const device = (fields: Partial<DeviceInfo> & Pick<DeviceInfo, 'id' | 'userId'>): DeviceInfo => ({
    username: fields.userId,
    displayName: `用户${fields.userId}`,
    name: 'Chrome',
    appVersion: '0.1.0',
    lastSeenAt: null,
    createdAt: '2026-01-01T00:00:00Z',
    revokedAt: null,
    ...fields,
  });
  const devices = [
    device({ id: 'old', userId: 'u1', lastSeenAt: '2026-11-01T00:00:00Z' }),
    device({ id: 'gone', userId: 'u1', lastSeenAt: '2026-11-26T00:00:00Z', revokedAt: '2026-11-26T01:00:00Z' }),
    device({ id: 'new', userId: 'u1', lastSeenAt: '2026-11-27T00:00:00Z' }),
    device({ id: 'other', userId: 'u2', lastSeenAt: '2026-11-20T00:00:00Z' }),
  ];

  it('list devices in use first, most recently seen first, and filter by user', () => {
    expect(deviceRows(devices, undefined).map((d) => d.id)).toEqual(['new', 'other', 'old', 'gone']);
    expect(deviceRows(devices, 'u2').map((d) => d.id)).toEqual(['other']);
  });

  it('offer each device owner once in the filter', () => {
    expect(deviceOwners(devices)).toEqual([
      { userId: 'u1', label: '用户u1（u1）' },
      { userId: 'u2', label: '用户u2（u2）' },
    ]);
  });
});

describe('a generated password', () => {
  it('meets the server’s rule and has no look-alike characters', () => {
    for (let i = 0; i < 50; i++) {
      const password = generatePassword();
      expect(password).toHaveLength(GENERATED_PASSWORD_LENGTH);
      expect(password.length).toBeGreaterThanOrEqual(8);
      expect(password).not.toMatch(/[01OIl]/);
    }
  });

  it('skips random bytes that would favour some characters', () => {
    // 255 lies above the last whole round of the alphabet and must be drawn again, not wrapped.
    let call = 0;
    const password = generatePassword((bytes) => bytes.fill(call++ === 0 ? 255 : 0));
    expect(password).toBe('A'.repeat(GENERATED_PASSWORD_LENGTH));
  });
});

describe('the server’s problems on form fields', () => {
  it('keeps the fields the form has and their Chinese messages', () => {
    const details = [
      { field: 'password', message: '密码至少 8 个字符' },
      { field: 'username', message: '该用户名已被使用，请换一个' },
      { field: 'street', message: '不属于表单' },
      { message: '没有字段' },
    ];
    expect(formFieldsOf(details, ['username', 'password'])).toEqual([
      { name: 'password', errors: ['密码至少 8 个字符'] },
      { name: 'username', errors: ['该用户名已被使用，请换一个'] },
    ]);
  });
});

describe('admin requests', () => {
  const requests: { method: string; url: string; body: unknown; auth: unknown }[] = [];
  const api = createAdminApi({
    serverUrl: 'http://server',
    token: 'secret',
    clientVersion: '1.2.3',
    fetch: (input, init) => {
      const url = input instanceof Request ? input.url : input.toString();
      requests.push({
        method: init?.method ?? 'GET',
        url,
        body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
        auth: (init?.headers as Record<string, string>).authorization,
      });
      if (url.endsWith('/password')) {
        const refusal = { error: { code: 'bad_request', message: '请求格式不正确，请检查后重试', details: [{ field: 'password', message: '密码至少 8 个字符' }] } };
        return Promise.resolve(new Response(JSON.stringify(refusal), { status: 400 }));
      }
      return Promise.resolve(new Response('{}', { status: 200 }));
    },
  });

  it('change a scope with PUT and the rest with GET or POST, with the session token', async () => {
    await api.changeScope('u/1', { communityIds: ['c2'] });
    await api.disable('u1');
    await api.revokeDevice('d1');
    await api.devices();
    expect(requests.map(({ method, url, body }) => [method, url, body])).toEqual([
      ['PUT', 'http://server/api/admin/users/u%2F1/scope', { communityIds: ['c2'] }],
      ['POST', 'http://server/api/admin/users/u1/disable', {}],
      ['POST', 'http://server/api/admin/devices/d1/revoke', {}],
      ['GET', 'http://server/api/admin/devices', undefined],
    ]);
    expect(requests.every((request) => request.auth === 'Bearer secret')).toBe(true);
  });

  it('carry the server’s refusal with its per-field details', async () => {
    const error = await api.resetPassword('u1', 'short').catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toBe('请求格式不正确，请检查后重试');
    expect(formFieldsOf((error as ApiError).detail?.details, ['password'])).toEqual([{ name: 'password', errors: ['密码至少 8 个字符'] }]);
  });
});
