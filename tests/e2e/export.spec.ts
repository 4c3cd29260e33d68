// Exporting a list as .xlsx (issue 3): the columns and rows the person sees, ID numbers and mobiles
// masked; a street admin's full export needs a reason and a connection, and is recorded on the
// server before the file is made.
import { expect, test } from '@playwright/test';
import type { DisclosureRecord, LoginResponse } from '@domain/contract';
import { maskIdNumber, maskMobile } from '@domain/identity';
import { Device } from './support/device';
import { exportList, exportListInFull, expectFullExportBlocked } from './support/exports';
import { startTestServer, type TestServer } from './support/server';

const PASSWORD = 'demo1234';
const MEMBER_COLUMNS = ['姓名', '性别', '社区', '小区/楼栋/单元/房号', '手机号', '身份证号', '党员', '类别', '工作单位'];

let server: TestServer;
test.beforeEach(async () => {
  server = await startTestServer();
});
test.afterEach(async () => {
  await server.close();
});

/** Types into the members search and waits for the list to narrow down. */
async function search(device: Device, text: string): Promise<void> {
  const totalText = device.page.getByTestId('member-total');
  await expect(totalText).toHaveText(/[1-9]/);
  const before = await totalText.textContent();
  await device.page.getByTestId('member-search').locator('input').fill(text);
  await expect(totalText).not.toHaveText(before ?? '');
}

async function disclosures(): Promise<DisclosureRecord[]> {
  const headers = { 'x-client-version': '0.1.0', 'content-type': 'application/json' };
  const login = (await (
    await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers, body: JSON.stringify({ username: 'admin', password: PASSWORD, deviceName: 'e2e check' }) })
  ).json()) as LoginResponse;
  const response = await fetch(`${server.url}/api/disclosures`, { headers: { ...headers, authorization: `Bearer ${login.token}` } });
  expect(response.status).toBe(200);
  return (await response.json()) as DisclosureRecord[];
}

test('staff export the members they found, masked; an admin exports in full only online and logged', async ({ browser }) => {
  const staffApi = await server.signIn('staff01', PASSWORD);
  const member = (await staffApi.all('members')).find((doc) => !doc._deleted && doc.mobile && doc.idNumber);
  if (!member?.mobile || !member.idNumber) throw new Error('staff01 has no member with a mobile and an ID number');

  const staff = await Device.open(browser, server.url);
  await staff.signIn('staff01', PASSWORD);
  await staff.visit('members');
  await search(staff, member.mobile.slice(-4));
  const total = Number(/\d+/.exec((await staff.page.getByTestId('member-total').textContent()) ?? '')?.[0]);
  expect(total).toBeGreaterThan(0);
  // Community staff have no full export to choose.
  await expect(staff.page.getByTestId('export-more')).toHaveCount(0);

  const masked = await exportList(staff);
  expect(masked.fileName).toMatch(/^小区治理队伍成员-\d{8}\.xlsx$/);
  expect(masked.header).toEqual(MEMBER_COLUMNS);
  expect(masked.rows).toHaveLength(total);
  const row = masked.rows.find((cells) => cells[0] === member.name && cells[4] === maskMobile(member.mobile ?? ''));
  expect(row?.[5]).toBe(maskIdNumber(member.idNumber));
  expect(JSON.stringify(masked.rows)).not.toContain(member.mobile);
  expect(JSON.stringify(masked.rows)).not.toContain(member.idNumber);
  expect(await disclosures()).toEqual([]);

  const admin = await Device.open(browser, server.url);
  await admin.signIn('admin', PASSWORD);
  await admin.visit('members');
  await search(admin, member.mobile.slice(-4));

  // Offline, nothing can be recorded, so the full export cannot be chosen.
  await admin.goOffline();
  await expectFullExportBlocked(admin);
  await admin.goOnline();

  const full = await exportListInFull(admin, '报送上级党组织核对党员名册');
  expect(full.header).toEqual(MEMBER_COLUMNS);
  const fullRow = full.rows.find((cells) => cells[0] === member.name && cells[4] === member.mobile);
  expect(fullRow?.[5]).toBe(member.idNumber);

  const logged = await disclosures();
  expect(logged).toHaveLength(1);
  expect(logged[0]).toMatchObject({ listName: '小区治理队伍成员', rowCount: full.rows.length, reason: '报送上级党组织核对党员名册', username: 'admin' });
});

test('the compounds list exports what its cells show, without the actions column', async ({ browser }) => {
  const staffApi = await server.signIn('staff01', PASSWORD);
  const compounds = (await staffApi.all('compounds')).filter((doc) => !doc._deleted);
  const orgs = (await staffApi.all('orgs')).filter((doc) => !doc._deleted && !doc.dissolvedOn);
  const withBranch = new Set(orgs.filter((org) => org.level === 'compoundBranch').map((org) => org.compoundId));
  const staff = await Device.open(browser, server.url);
  await staff.signIn('staff01', PASSWORD);
  await staff.visit('compounds');
  await expect(staff.page.getByRole('link', { name: compounds[0]?.name ?? '', exact: true })).toBeVisible();

  const sheet = await exportList(staff);
  expect(sheet.fileName).toMatch(/^居民小区-\d{8}\.xlsx$/);
  expect(sheet.header).toEqual(['小区名称', '所属社区', '物业', '居民人数', '楼栋数', '试点', '小区党支部']);
  expect(sheet.rows).toHaveLength(compounds.length);
  for (const compound of compounds) {
    const row = sheet.rows.find((cells) => cells[0] === compound.name);
    const property = compound.propertyManaged ? (compound.propertyCompany ?? '有物业（未填写公司）') : '无物业';
    expect(row?.[2]).toBe(property);
    expect(row?.[3]).toBe(String(compound.residentCount));
    expect(row?.[5]).toBe(compound.pilot ? '试点' : '');
    expect(row?.[6]).toBe(withBranch.has(compound.id) ? '已建立' : '无支部');
  }
});
