// Two devices change the same field of a compound offline: the second to sync sees the conflict,
// compares both values in Chinese and keeps its own, which reaches the server and the first device;
// the compound's history names both changes; a street admin restores a deleted building from the
// recycle bin and the device that deleted it sees it again.
import { expect, test, type Page } from '@playwright/test';
import { signInWithoutFirstSync } from './support/conflicts';
import { Device } from './support/device';
import { startTestServer, type TestServer } from './support/server';

const PASSWORD = 'demo1234';

let server: TestServer;
test.beforeEach(async () => {
  server = await startTestServer();
});
test.afterEach(async () => {
  await server.close();
});

/** On the compound's page: change its resident count through the edit form. */
async function setResidents(page: Page, count: number): Promise<void> {
  await page.getByTestId('compound-edit').click();
  await page.getByTestId('compound-residents').fill(String(count));
  await page.getByTestId('compound-save').click();
  await expect(page.getByTestId('compound-form')).toBeHidden();
}

test('a conflict is resolved by a person, the history shows both changes, a deleted building comes back from the recycle bin', async ({ browser }) => {
  test.setTimeout(600_000);
  const admin = await server.signIn('admin', PASSWORD);
  const staff = await server.signIn('staff01', PASSWORD);
  const [community] = (await staff.all('communities')).filter((doc) => !doc._deleted);
  if (!community) throw new Error('staff01 has no community');
  await admin.createUser({ username: 'staff01b', password: 'second-worker-1', displayName: '第二位社工', role: 'community_staff', communityIds: [community.id] });
  const compound = (await staff.all('compounds')).find((doc) => !doc._deleted && doc.communityId === community.id);
  if (!compound) throw new Error(`no compound in ${community.id}`);

  const a = await Device.open(browser, server.url);
  const b = await Device.open(browser, server.url);
  await a.signIn('staff01', PASSWORD);
  await b.signIn('staff01b', 'second-worker-1');

  // Both offline, both change the compound's resident count.
  for (const device of [a, b]) {
    await device.openCompound(compound.name);
    await device.goOffline();
  }
  await setResidents(a.page, 500);
  await setResidents(b.page, 600);
  await a.goOnline();
  await a.expectSynced();
  await b.goOnline();
  await b.expectSynced();

  // B synced second: the server's value stands, B's is set aside and counted.
  await expect(b.page.getByTestId('conflicts-badge')).toHaveAttribute('data-count', '1');
  await expect(a.page.getByTestId('conflicts-badge')).toHaveAttribute('data-count', '0');
  await b.page.getByTestId('conflicts-badge').getByRole('button').click();
  const entry = b.page.getByTestId('conflict-entry');
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText(compound.name);
  await expect(entry).toContainText('居民人数');
  await expect(entry.getByTestId('conflict-server-value')).toHaveText('500');
  await expect(entry.getByTestId('conflict-local-value')).toHaveText('600');

  // B keeps its own value: it is written again and syncs; the entry moves to the resolved list.
  await entry.getByTestId('conflict-keep-mine').click();
  await expect(b.page.getByTestId('conflict-entry')).toHaveCount(0);
  await expect(b.page.getByTestId('conflicts-badge')).toHaveAttribute('data-count', '0');
  await b.page.getByTestId('conflicts-resolved-tab').click();
  const resolved = b.page.getByTestId('conflict-resolved-entry');
  await expect(resolved).toHaveCount(1);
  await expect(resolved).toContainText('第二位社工');
  await expect(resolved).toContainText('保留了本机的值');
  await b.page.keyboard.press('Escape');
  await b.expectSynced();
  await expect.poll(async () => (await staff.all('compounds')).find((doc) => doc.id === compound.id)?.residentCount).toBe(600);
  await a.openCompound(compound.name);
  await expect(a.page.getByText('600', { exact: true })).toBeVisible();

  // The compound's history, newest first: B's change, then A's, with who, device and fields.
  await a.page.getByTestId('record-history-button').click();
  const rows = a.page.getByTestId('record-history-drawer').getByTestId('record-history-entry');
  await expect(rows.first()).toContainText('第二位社工');
  await expect(rows.first()).toContainText('修改');
  await expect(rows.first()).toContainText('居民人数');
  await expect(rows.first()).toContainText('500');
  await expect(rows.first()).toContainText('600');
  await expect(rows.nth(1)).toContainText(staff.user.displayName);
  await expect(rows.nth(1)).toContainText('500');
  await expect(rows.first()).toContainText('设备');
  await a.page.keyboard.press('Escape');

  // A deletes a building of the compound; the street admin restores it from the recycle bin.
  await a.addBuilding('回收测试楼');
  await a.expectSynced();
  const building = (await staff.all('buildings')).find((doc) => doc.name === '回收测试楼' && doc.compoundId === compound.id);
  if (!building) throw new Error('the building did not reach the server');
  await a.page.getByTestId(`building-delete-${building.id}`).click();
  await a.page.getByTestId('confirm-delete-ok').click();
  await expect(a.page.getByTestId('building-table')).not.toContainText('回收测试楼');
  await a.expectSynced();

  const office = await Device.open(browser, server.url);
  await signInWithoutFirstSync(office, server.url, 'admin', PASSWORD);
  await office.visit('trash');
  await office.page.getByTestId('trash-search').locator('input').fill('回收测试');
  const table = office.page.getByTestId('trash-table');
  await expect(table).toContainText('回收测试楼');
  await expect(table).toContainText('楼栋');
  await office.page.getByTestId(`trash-restore-${building.id}`).click();
  await office.page.getByTestId('trash-restore-ok').click();
  await expect(table).not.toContainText('回收测试楼');

  // A, with the compound's page open, sees the building come back by itself.
  await expect(a.page.getByTestId('building-table')).toContainText('回收测试楼');
  expect((await staff.all('buildings')).find((doc) => doc.id === building.id)?._deleted).toBe(false);

  await office.close();
  await a.close();
  await b.close();
});
