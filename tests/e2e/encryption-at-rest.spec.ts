// Encryption at rest (issue 6): a stolen laptop's browser profile does not reveal ID numbers or
// mobiles. A staff member works in a persistent Chromium profile: one member arrives by sync from
// the server, another is typed into the app; once both are stored and synced the browser closes,
// and every file of the profile is searched, byte for byte, for their ID numbers, mobiles and note
// in UTF-8, UTF-16LE and Latin-1: none is there. Their names, which stay plain, are found — the
// search itself works.
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import type { LoginResponse } from '@domain/contract';
import { idCheckDigit } from '@domain/identity';
import { ProfileDevice, searchFiles } from './support/profile';
import { searchBox } from './support/roster';
import { startTestServer, type TestServer } from './support/server';

const PASSWORD = 'demo1234';

const idNumber = (first17: string) => first17 + idCheckDigit(first17);

// Distinctive values, unlike anything in the demo data.
const pulled = {
  name: '鄢琮璟',
  idNumber: idNumber('64018119570923813'),
  mobile: '13609517384',
  note: 'Lives-alone-visit-Tuesdays-4417',
};
const typed = {
  name: '亓珮琳',
  idNumber: idNumber('64018119880417526'),
  mobile: '18809526031',
};

async function api<T>(url: string, token: string | null, path: string, body: unknown): Promise<T> {
  const headers: Record<string, string> = { 'x-client-version': '0.1.0', 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(url + path, { method: 'POST', headers, body: JSON.stringify(body) });
  const text = await response.text();
  if (!response.ok) throw new Error(`${path}: ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

let server: TestServer;
let device: ProfileDevice | undefined;
test.beforeEach(async () => {
  server = await startTestServer();
});
test.afterEach(async () => {
  await device?.close().catch(() => undefined);
  await device?.remove();
  device = undefined;
  await server.close();
});

test('the profile on disk holds no ID number, mobile or note in any encoding', async () => {
  // A community's first sync on a loaded machine, then a full read of the profile.
  test.setTimeout(600_000);
  const staff = await server.signIn('staff01', PASSWORD);
  const compound = (await staff.all('compounds')).find((doc) => !doc._deleted);
  if (!compound) throw new Error('staff01 sees no compound');

  // A member written on the server (by another device of the office): it reaches this one by sync.
  const login = await api<LoginResponse>(server.url, null, '/api/auth/login', { username: 'staff01', password: PASSWORD, deviceName: 'office desk' });
  const pulledId = randomUUID();
  const conflicts = await api<unknown[]>(server.url, login.token, '/api/sync/members/push', [
    {
      newDocumentState: {
        id: pulledId,
        streetId: compound.streetId,
        communityId: compound.communityId,
        compoundId: compound.id,
        name: pulled.name,
        idNumber: pulled.idNumber,
        mobile: pulled.mobile,
        isPartyMember: true,
        note: pulled.note,
        _deleted: false,
      },
    },
  ]);
  expect(conflicts).toEqual([]);

  device = await ProfileDevice.open(test.info().project.use.launchOptions, server.url);
  const { page } = device;
  await device.signIn('staff01', PASSWORD);

  // The other member typed in here, and pushed.
  await device.addMember(compound.name, typed);
  await device.expectSynced();
  await expect.poll(async () => (await staff.all('members')).find((doc) => doc.name === typed.name)?.idNumber).toBe(typed.idNumber);

  // Both are in the app, readable and found by the last four digits of their mobiles.
  await device.visit('members');
  for (const member of [pulled, typed]) {
    await searchBox(page, 'member-search').fill(member.mobile.slice(-4));
    await expect(page.getByTestId('member-table')).toContainText(member.name);
    await expect(page.getByTestId('member-table')).toContainText(`${member.mobile.slice(0, 3)}****${member.mobile.slice(-4)}`);
  }
  await device.visit(`members/${pulledId}`);
  await expect(page.getByTestId('member-idnumber')).toHaveValue(pulled.idNumber);
  await expect(page.getByTestId('member-mobile')).toHaveValue(pulled.mobile);

  await device.close();

  const secrets = [pulled.idNumber, pulled.mobile, pulled.note, typed.idNumber, typed.mobile];
  const leaks = await searchFiles(device.dir, secrets);
  expect(leaks, `personal data in the profile: ${JSON.stringify(leaks, null, 1)}`).toEqual([]);

  // The same search finds what is stored in plain text: the names, beside the encrypted fields.
  const names = await searchFiles(device.dir, [pulled.name, typed.name]);
  expect(names.filter((found) => found.file.includes('IndexedDB')).map((found) => found.text).sort()).toEqual(
    expect.arrayContaining([pulled.name, typed.name].sort()),
  );
});
