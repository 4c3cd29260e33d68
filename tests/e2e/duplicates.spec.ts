// The same person entered on two devices while both were offline (issue 3, "Duplicates"): after
// sync the duplicate is found, one device merges it, and both end with one record that keeps
// everything either device typed.
import { expect, test } from '@playwright/test';
import { idCheckDigit } from '@domain/identity';
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

test('a person entered on two offline devices is merged into one record, nothing lost', async ({ browser }) => {
  // Two browsers, two offline rounds and a merge: slow on a loaded machine, not a timing assertion.
  test.setTimeout(360_000);
  const admin = await server.signIn('admin', PASSWORD);
  const staff = await server.signIn('staff01', PASSWORD);
  const [community] = (await staff.all('communities')).filter((doc) => !doc._deleted);
  if (!community) throw new Error('staff01 has no community');
  const compound = (await staff.all('compounds')).find((doc) => !doc._deleted && doc.communityId === community.id);
  if (!compound) throw new Error(`no compound in ${community.id}`);
  await admin.createUser({ username: 'staff01b', password: 'second-worker-1', displayName: '第二位社工', role: 'community_staff', communityIds: [community.id] });

  const a = await Device.open(browser, server.url);
  const b = await Device.open(browser, server.url);
  await a.signIn('staff01', PASSWORD);
  await b.signIn('staff01b', 'second-worker-1');

  // Both in the compound with no network; each enters the same resident, with a different mobile.
  const first17 = '64018119780615332';
  const idNumber = first17 + idCheckDigit(first17);
  for (const [device, mobile] of [
    [a, '13995000001'],
    [b, '13995000002'],
  ] as const) {
    await device.goOffline();
    await device.visit(`compounds/${encodeURIComponent(compound.id)}`);
    await expect(device.page.getByTestId('building-table')).toBeVisible();
    await device.addMember({ name: '禹婉清', idNumber, mobile });
    await device.expectPending(1);
  }

  // Back online, both records reach both devices: the members list points to the duplicates page.
  await b.goOnline();
  await b.expectSynced();
  await a.goOnline();
  await a.expectSynced();
  const twins = (await staff.all('members')).filter((doc) => !doc._deleted && doc.idNumber === idNumber);
  expect(twins).toHaveLength(2);
  const fromA = twins.find((doc) => doc.mobile === '13995000001');
  const fromB = twins.find((doc) => doc.mobile === '13995000002');
  if (!fromA || !fromB) throw new Error('the two records are not on the server');

  await a.visit('members');
  await expect(a.page.getByTestId('duplicates-notice')).toBeVisible();
  await a.visit('duplicates');
  await a.page.getByTestId(`duplicates-merge-${idNumber}`).click();

  // A keeps its own record but takes B's mobile; its own mobile goes into the note.
  await a.page.getByTestId(`duplicates-keep-${fromA.id}`).click();
  await a.page.getByTestId(`duplicates-choose-mobile-${fromB.id}`).click();
  await expect(a.page.getByTestId('duplicates-note')).toContainText('13995000001');
  await a.page.getByTestId('duplicates-merge-confirm').click();
  await expect(a.page.getByTestId(`duplicates-merge-${idNumber}`)).toBeHidden();
  await a.expectSynced();

  // The server and both devices hold one record of the person.
  const after = (await staff.all('members')).filter((doc) => doc.idNumber === idNumber);
  expect(after.filter((doc) => !doc._deleted)).toEqual([expect.objectContaining({ id: fromA.id, mobile: '13995000002', name: '禹婉清' })]);
  expect(after.find((doc) => doc.id === fromA.id)?.note).toContain('13995000001');
  expect(after.find((doc) => doc.id === fromB.id)?._deleted).toBe(true);

  await b.expectSynced();
  for (const device of [a, b]) {
    await device.visit('duplicates');
    await expect(device.page.getByTestId(`duplicates-merge-${idNumber}`)).toBeHidden();
    await device.visit('members');
    await device.page.getByTestId('member-search').locator('input').fill('禹婉清');
    await expect(device.page.getByTestId('member-total')).toHaveText('共 1 人');
    await device.visit(`members/${fromA.id}`);
    await expect(device.page.getByTestId('member-mobile')).toHaveValue('13995000002');
  }

  await a.close();
  await b.close();
});
