// A resident's need from the compound to its confirmed resolution, across three devices (issue 4):
// a community worker records it offline in the compound; after sync the paired department's
// liaison sees it as new, claims it and resolves it; the worker sees the resolution and confirms
// it; the street office sees the whole way in the need's history, with who and when.
import { expect, test } from '@playwright/test';
import { Device } from './support/device';
import { expectState, historySteps, openNeed, recordNeed, takeStep } from './support/needs';
import { startTestServer, type TestServer } from './support/server';

const PASSWORD = 'demo1234';

let server: TestServer;
test.beforeEach(async () => {
  server = await startTestServer();
});
test.afterEach(async () => {
  await server.close();
});

test('a need recorded offline is claimed and resolved by the department and confirmed by the worker; its history keeps every step', async ({ browser }) => {
  // Three devices each make a first sync of the demo street: longer than the default.
  test.setTimeout(360_000);
  const staffApi = await server.signIn('staff01', PASSWORD);
  const liaisonApi = await server.signIn('liaison01', PASSWORD);
  const adminApi = await server.signIn('admin', PASSWORD);
  // A compound of the worker's community that the liaison's department is paired with.
  const paired = new Set((await liaisonApi.all('compounds')).filter((doc) => !doc._deleted).map((doc) => doc.id));
  const compound = (await staffApi.all('compounds')).find((doc) => !doc._deleted && paired.has(doc.id));
  if (!compound) throw new Error('no compound of staff01 is paired with liaison01');
  const description = `楼道声控灯损坏，夜间无照明（${Date.now()}）`;

  const worker = await Device.open(browser, server.url);
  const liaison = await Device.open(browser, server.url);
  const office = await Device.open(browser, server.url);
  await worker.signIn('staff01', PASSWORD);
  await liaison.signIn('liaison01', PASSWORD);
  await office.signIn('admin', PASSWORD);

  // The liaison has looked at the list: nothing is new to them.
  await liaison.visit('needs');
  await expect(liaison.page.getByTestId('needs-view')).toBeVisible();
  await expect(liaison.page.locator('[data-testid="needs-new-count"]:not([data-count="0"])')).toHaveCount(0);

  // In the compound, without a network, the worker records a resident's need.
  await worker.goOffline();
  await recordNeed(worker, { compoundId: compound.id, category: '设施维修', description, raisedBy: '王桂兰' });
  await worker.expectPending(1);
  expect((await adminApi.all('needs')).some((doc) => doc.description === description)).toBe(false);

  // Back in the office, the device syncs; the liaison's header counts one new item.
  await worker.goOnline();
  await worker.expectSynced();
  const need = (await adminApi.all('needs')).find((doc) => doc.description === description);
  if (!need) throw new Error('the recorded need did not reach the server');
  expect(need).toMatchObject({ compoundId: compound.id, communityId: compound.communityId, state: 'listed', raisedBy: '王桂兰' });
  await expect(liaison.page.getByTestId('needs-new-count')).toHaveAttribute('data-count', '1');

  // The liaison opens the list from the header: the need stands out as new; they claim and resolve it.
  await liaison.page.getByTestId('needs-new-count').click();
  const row = liaison.page.locator(`tr[data-row-key="${need.id}"]`);
  await expect(row.getByTestId('need-new')).toBeVisible();
  await row.getByTestId('need-link').click();
  await expect(liaison.page.getByTestId('need-detail')).toBeVisible();
  await expectState(liaison, '已列入清单');
  await takeStep(liaison, 'claim');
  await expectState(liaison, '已认领');
  await takeStep(liaison, 'resolve', '已更换声控灯并检修线路');
  await expectState(liaison, '已办结');
  await liaison.expectSynced();

  // The worker sees the resolution and records the resident's confirmation.
  await openNeed(worker, need.id);
  await expectState(worker, '已办结');
  await expect(worker.page.getByTestId('need-action-return')).toBeVisible();
  await takeStep(worker, 'confirm', '居民王桂兰电话确认已修好');
  await expectState(worker, '已确认关闭');
  await worker.expectSynced();

  // The street office reads the whole way, each step with who and when.
  const staffName = staffApi.user.displayName;
  const liaisonName = liaisonApi.user.displayName;
  await openNeed(office, need.id);
  await expectState(office, '已确认关闭');
  const steps = historySteps(office);
  await expect(steps).toHaveCount(5);
  const expected = [
    ['record', '登记', staffName],
    ['list', '列入清单', staffName],
    ['claim', '认领', liaisonName],
    ['resolve', '办结', liaisonName],
    ['confirm', '确认办结', staffName],
  ] as const;
  for (const [index, [action, name, who]] of expected.entries()) {
    const step = steps.nth(index);
    await expect(step).toHaveAttribute('data-action', action);
    await expect(step).toContainText(name);
    await expect(step).toContainText(who);
    await expect(step).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  }
  await expect(steps.nth(3)).toContainText('已更换声控灯并检修线路');

  // The server holds the same: closed, claimed by the liaison's department, five steps.
  const stored = (await adminApi.all('needs')).find((doc) => doc.id === need.id);
  expect(stored).toMatchObject({ state: 'closed', claimedByUnitId: liaisonApi.user.unitId });
  expect(stored?.steps?.map((step) => step.action)).toEqual(['record', 'list', 'claim', 'resolve', 'confirm']);

  await Promise.all([worker.close(), liaison.close(), office.close()]);
});
