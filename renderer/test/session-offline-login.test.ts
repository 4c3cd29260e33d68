// Offline login, the lock and several staff on one workstation (issue 6), through the real
// session lifecycle: the real vault (PBKDF2 + AES-GCM), RxDB on Dexie over fake-indexeddb, and a
// `fetch` that plays the server — answering, refusing, or unreachable.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LoginResponse, SessionUser } from '@domain/contract';
import { currentDatabase } from '../src/db/current';
import { databaseNameFor } from '../src/db/name';
import { saveDoc } from '../src/db/write';
import { accountOf, deviceAccounts, updateAccount } from '../src/session/accounts';
import { lockSession, resumeSession, signIn, signOut, unlockSession } from '../src/session/lifecycle';
import { useSessionStore } from '../src/session/store';
import { UnlockRefusedError } from '../src/session/unlock';
import { hasPasswordWrap } from '../src/session/vault';
import { ApiError } from '../src/sync/api';
import { stubBrowser, type MemoryStorage } from './support/browserGlobals';
import { FakeServer } from './support/fakeServer';

const SERVER = 'http://street.test';
const DAY_MS = 24 * 60 * 60 * 1000;
type ServerMode = 'up' | 'down' | 'revoked';

interface Account {
  user: SessionUser;
  password: string;
}

let storage: MemoryStorage;
let mode: ServerMode;
let accounts: Map<string, Account>;
let run = 0;
/** The street's data, when a test has the server serve it (pulls and the event stream). */
let data: FakeServer | undefined;

function account(username: string, password: string): Account {
  const user: SessionUser = { id: `u-${run}-${username}`, username, displayName: `社工${username}`, streetId: 's1', communityIds: ['k1'], role: 'community_staff' };
  const entry = { user, password };
  accounts.set(username, entry);
  return entry;
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** The street office server: only login answers; while `down`, nothing answers at all. */
async function fakeFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  if (mode === 'down') throw new TypeError('fetch failed');
  const url = String(input instanceof Request ? input.url : input);
  if (data && url.startsWith(`${SERVER}/api/sync/`)) return data.fetch(input, init);
  if (!url.endsWith('/api/auth/login')) throw new TypeError('fetch failed');
  const body = JSON.parse(typeof init?.body === 'string' ? init.body : '{}') as { username: string; password: string };
  if (mode === 'revoked') return json(401, { error: { code: 'device_revoked', message: '此设备已被停用' } });
  const known = accounts.get(body.username);
  if (!known || known.password !== body.password) return json(401, { error: { code: 'invalid_credentials', message: '用户名或密码错误' } });
  const answer: LoginResponse = {
    token: `token-${body.username}`,
    expiresAt: new Date(Date.now() + 7 * DAY_MS).toISOString(),
    deviceId: 'device-1',
    deviceKey: 'q0Yl2n6T9m8f1a3Xw4s5d6f7g8h9j0k1l2z3x4c5v6E',
    user: known.user,
  };
  return Promise.resolve(json(200, answer));
}

function everythingStored(): string {
  return Array.from({ length: storage.length }, (_, i) => `${storage.key(i)}=${storage.getItem(storage.key(i) ?? '')}`).join('\n');
}

async function refusal(attempt: Promise<unknown>): Promise<UnlockRefusedError> {
  const error = await attempt.then(
    () => undefined,
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(UnlockRefusedError);
  return error as UnlockRefusedError;
}

const compound = (id: string) => ({ id, streetId: 's1', communityId: 'k1', name: `小区${id}`, propertyManaged: false, residentCount: 10, pilot: false });

async function compoundNames(): Promise<string[]> {
  const docs = (await currentDatabase()?.db.compounds.find().exec()) ?? [];
  return docs.map((doc) => doc.name).sort();
}

beforeEach(() => {
  run += 1;
  const globals = stubBrowser();
  Object.assign(globals.navigator, { userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0' });
  storage = globals.localStorage;
  vi.stubGlobal('fetch', fakeFetch);
  mode = 'up';
  accounts = new Map();
  data = undefined;
  useSessionStore.setState({ session: null, phase: 'signedOut', notice: null, lockReason: null, offlineLogin: false });
});

afterEach(async () => {
  await signOut();
  vi.unstubAllGlobals();
});

describe('offline login', () => {
  it('opens the same local data with no network after one online login, and says it is offline', async () => {
    const { password } = account('zhang', 'pass-zhang-1');
    expect(await signIn(SERVER, 'zhang', password)).toBe('online');
    await saveDoc('compounds', compound('a'));
    await signOut();
    expect(currentDatabase()).toBeNull();

    mode = 'down';
    expect(await signIn(SERVER, 'zhang', password)).toBe('offline');
    expect(useSessionStore.getState()).toMatchObject({ phase: 'ready', offlineLogin: true });
    // The token of the last online login is what sync goes on with.
    expect(useSessionStore.getState().session?.token).toBe('token-zhang');
    expect(await compoundNames()).toEqual(['小区a']);
    // Neither the password, nor the server's device key, nor the token is on disk in plain text.
    expect(everythingStored()).not.toContain(password);
    expect(everythingStored()).not.toContain('token-zhang');
    expect(everythingStored()).not.toContain('q0Yl2n6T9m8f1a3Xw4s5d6f7g8h9j0k1l2z3x4c5v6E');
  });

  it('does not fall back to offline when the server answers "wrong password"', async () => {
    const { password } = account('li', 'pass-li-1');
    await signIn(SERVER, 'li', password);
    await signOut();
    const error = await signIn(SERVER, 'li', 'wrong').catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).kind).toBe('invalid_credentials');
    expect(useSessionStore.getState().phase).toBe('signedOut');
  });

  it('refuses an account that never signed in online on this device', async () => {
    account('wang', 'pass-wang-1');
    mode = 'down';
    const error = await refusal(signIn(SERVER, 'wang', 'pass-wang-1'));
    expect(error.refusal).toBe('neverOnline');
    expect(error.message).toContain('从未在本机联网登录');
    expect(currentDatabase()).toBeNull();
  });

  it('ends after the street\'s grace period, counted from the last online login', async () => {
    const { password } = account('zhao', 'pass-zhao-1');
    await signIn(SERVER, 'zhao', password);
    await signOut();
    const vaultId = databaseNameFor(SERVER, accounts.get('zhao')?.user.id ?? '');
    const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString();

    mode = 'down';
    updateAccount(vaultId, (current) => ({ ...current, lastOnlineLoginAt: daysAgo(31) }));
    const error = await refusal(signIn(SERVER, 'zhao', password));
    expect(error.refusal).toBe('graceOver');
    expect(error.message).toBe('距此账号上次在本机联网登录已超过 30 天，不能再离线登录。请连接街道办服务器后在线登录一次。');

    // A street that allows 60 days lets the same login through.
    updateAccount(vaultId, (current) => ({ ...current, offlineLoginDays: 60 }));
    expect(await signIn(SERVER, 'zhao', password)).toBe('offline');
    await signOut();

    // One online login starts the period again.
    mode = 'up';
    updateAccount(vaultId, (current) => ({ ...current, offlineLoginDays: 30, lastOnlineLoginAt: daysAgo(45) }));
    await signIn(SERVER, 'zhao', password);
    await signOut();
    mode = 'down';
    expect(await signIn(SERVER, 'zhao', password)).toBe('offline');
  });

  it('locks the local data after five wrong passwords in a row, until an online login', async () => {
    const { password } = account('sun', 'pass-sun-1');
    await signIn(SERVER, 'sun', password);
    await saveDoc('compounds', compound('b'));
    await signOut();
    const vaultId = databaseNameFor(SERVER, accounts.get('sun')?.user.id ?? '');

    mode = 'down';
    for (let left = 4; left >= 1; left -= 1) {
      const error = await refusal(signIn(SERVER, 'sun', `wrong-${left}`));
      expect(error.refusal).toBe('wrongPassword');
      expect(error.message).toContain(`还可再试 ${left} 次`);
    }
    const fifth = await refusal(signIn(SERVER, 'sun', 'wrong-0'));
    expect(fifth.refusal).toBe('lockedNow');
    expect(fifth.message).toContain('本机数据已锁定');
    expect(hasPasswordWrap(vaultId)).toBe(false);
    // The right password no longer opens it offline.
    expect((await refusal(signIn(SERVER, 'sun', password))).refusal).toBe('lockedOut');

    // Online, it opens again with its data, and offline login works once more.
    mode = 'up';
    expect(await signIn(SERVER, 'sun', password)).toBe('online');
    expect(await compoundNames()).toEqual(['小区b']);
    await signOut();
    mode = 'down';
    expect(await signIn(SERVER, 'sun', password)).toBe('offline');
  });

  it('counts only wrong passwords in a row: a right one starts the count again', async () => {
    const { password } = account('zhou', 'pass-zhou-1');
    await signIn(SERVER, 'zhou', password);
    await signOut();
    mode = 'down';
    for (let i = 0; i < 4; i += 1) await refusal(signIn(SERVER, 'zhou', `wrong-${i}`));
    await signIn(SERVER, 'zhou', password);
    await signOut();
    const error = await refusal(signIn(SERVER, 'zhou', 'wrong-again'));
    expect(error.refusal).toBe('wrongPassword');
    expect(error.message).toContain('还可再试 4 次');
  });
});

describe('the lock screen', () => {
  it('at start opens nothing until the password is typed, with no network', async () => {
    const { password } = account('qian', 'pass-qian-1');
    await signIn(SERVER, 'qian', password);
    await saveDoc('compounds', compound('c'));
    // A reload: the page's memory is gone, the stored session remains.
    await lockSession('manual');
    useSessionStore.setState({ phase: 'signedOut', lockReason: null });

    mode = 'down';
    await resumeSession();
    expect(useSessionStore.getState()).toMatchObject({ phase: 'locked', lockReason: 'start' });
    expect(currentDatabase()).toBeNull();
    expect((await refusal(unlockSession('not-it'))).refusal).toBe('wrongPassword');
    expect(currentDatabase()).toBeNull();
    await unlockSession(password);
    expect(useSessionStore.getState().phase).toBe('ready');
    expect(await compoundNames()).toEqual(['小区c']);
    expect(useSessionStore.getState().session?.token).toBe('token-qian');
  });

  it('closes the database on lock, and asks for an online login once offline unlock is locked out', async () => {
    const { password } = account('wu', 'pass-wu-1');
    await signIn(SERVER, 'wu', password);
    await lockSession('idle');
    expect(useSessionStore.getState()).toMatchObject({ phase: 'locked', lockReason: 'idle' });
    expect(currentDatabase()).toBeNull();

    mode = 'down';
    for (let i = 0; i < 4; i += 1) await refusal(unlockSession(`wrong-${i}`));
    expect((await refusal(unlockSession('wrong-4'))).refusal).toBe('lockedNow');
    // With no server, the right password cannot help any more.
    expect((await refusal(unlockSession(password))).refusal).toBe('lockedOut');
    mode = 'up';
    await unlockSession(password);
    expect(useSessionStore.getState().phase).toBe('ready');
    expect(accountOf(databaseNameFor(SERVER, accounts.get('wu')?.user.id ?? ''))?.failedUnlocks).toBe(0);
  });
});

describe('several staff on one workstation', () => {
  it('each opens their own database and session; signing out keeps each one\'s data', async () => {
    const a = account('staffa', 'pass-a-1');
    const b = account('staffb', 'pass-b-1');
    await signIn(SERVER, 'staffa', a.password);
    await saveDoc('compounds', compound('of-a'));
    await signOut();
    await signIn(SERVER, 'staffb', b.password);
    expect(await compoundNames()).toEqual([]);
    await saveDoc('compounds', compound('of-b'));
    expect(useSessionStore.getState().session?.user.username).toBe('staffb');
    await signOut();

    mode = 'down';
    // B's password does not open A's data.
    expect((await refusal(signIn(SERVER, 'staffa', b.password))).refusal).toBe('wrongPassword');
    await signIn(SERVER, 'staffa', a.password);
    expect(useSessionStore.getState().session?.token).toBe('token-staffa');
    expect(await compoundNames()).toEqual(['小区of-a']);
    await signOut();
    await signIn(SERVER, 'staffb', b.password);
    expect(await compoundNames()).toEqual(['小区of-b']);
  });
});

describe('a revoked device', () => {
  it('loses every account\'s data, key wraps and offline login on that server', async () => {
    const a = account('reva', 'pass-ra-1');
    const b = account('revb', 'pass-rb-1');
    await signIn(SERVER, 'reva', a.password);
    await signOut();
    await signIn(SERVER, 'revb', b.password);
    await signOut();
    expect(deviceAccounts()).toHaveLength(2);

    mode = 'revoked';
    const error = await signIn(SERVER, 'reva', a.password).catch((failure: unknown) => failure);
    expect((error as ApiError).kind).toBe('device_revoked');
    expect(deviceAccounts()).toEqual([]);
    expect(everythingStored()).not.toContain('cg.vault.');
    expect(everythingStored()).not.toContain('cg.import.');

    mode = 'down';
    expect((await refusal(signIn(SERVER, 'revb', b.password))).refusal).toBe('neverOnline');
  });
});

describe('a first sign-in on this device', () => {
  it('imports the data before the pages open, showing its progress, and only the first time', async () => {
    data = new FakeServer(SERVER);
    for (let i = 0; i < 1200; i++) data.put('compounds', compound(`c${i}`));
    const { password } = account('qian', 'pass-qian-1');
    const phases: string[] = [];
    const unsubscribe = useSessionStore.subscribe((state) => phases.push(state.phase));
    await signIn(SERVER, 'qian', password);
    expect(phases).toContain('importing');
    expect(useSessionStore.getState().phase).toBe('ready');
    // There as the database opens, before sync has started.
    expect(await compoundNames()).toHaveLength(1200);

    await signOut();
    phases.length = 0;
    await signIn(SERVER, 'qian', password);
    unsubscribe();
    expect(phases).not.toContain('importing');
    expect(await compoundNames()).toHaveLength(1200);
  });
});
