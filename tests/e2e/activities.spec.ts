// Service activities (issue 4): a worker in a compound with no network records an activity at the
// compound's venue with two participants; after sync another worker of the community sees it, the
// participants' service hours for the year went up, and a reported member who had done nothing this
// year is no longer listed as idle.
import { expect, test, type Page } from '@playwright/test';
import { Device } from './support/device';
import { choose } from './support/select';
import { startTestServer, type TestServer } from './support/server';

const PASSWORD = 'demo1234';

let server: TestServer;
test.beforeEach(async () => {
  server = await startTestServer();
});
test.afterEach(async () => {
  await server.close();
});

/** Opens the hours or idle tab, narrowed to one person by name. */
async function openTab(device: Device, tab: 'activities-hours' | 'activities-idle', name: string): Promise<void> {
  await device.visit('activities');
  await device.page.getByTestId(tab).click();
  await search(device.page, `${tab}-search`, name);
}

async function search(page: Page, testId: string, text: string): Promise<void> {
  await page.locator(`[data-testid=${testId}] input, input[data-testid=${testId}]`).fill(text);
}

const hoursRow = (page: Page, memberId: string) => page.getByTestId('activities-hours-table').locator(`tr[data-row-key="${memberId}"]`);

test('an activity recorded offline counts toward its participants’ hours on another device', async ({ browser }) => {
  // Two browsers syncing a whole community: slow on a loaded machine, not a timing assertion.
  test.setTimeout(360_000);
  const year = new Date().getFullYear();
  const admin = await server.signIn('admin', PASSWORD);
  const staff = await server.signIn('staff01', PASSWORD);
  const [community] = (await staff.all('communities')).filter((doc) => !doc._deleted);
  if (!community) throw new Error('staff01 has no community');
  await admin.createUser({ username: 'staff01b', password: 'second-worker-1', displayName: '第二位社工', role: 'community_staff', communityIds: [community.id] });

  const compound = (await staff.all('compounds')).find((doc) => !doc._deleted && doc.communityId === community.id && (doc.venues ?? []).length > 0);
  const venue = compound?.venues?.[0];
  if (!compound || !venue) throw new Error(`no compound with a venue in ${community.id}`);
  const activities = (await staff.all('activities')).filter((doc) => !doc._deleted && doc.date.startsWith(String(year)));
  const hoursOf = (memberId: string) =>
    activities.filter((doc) => (doc.participantIds ?? []).includes(memberId)).reduce((sum, doc) => sum + (doc.hours ?? 0), 0);
  const members = (await staff.all('members')).filter((doc) => !doc._deleted && doc.communityId === community.id);
  // A reported member with nothing this year, and a Party member who may already have hours.
  const idle = members.find((doc) => doc.category === 'inServiceReported' && hoursOf(doc.id) === 0 && !activities.some((a) => (a.participantIds ?? []).includes(doc.id)));
  const busy = members.find((doc) => doc.isPartyMember && doc.id !== idle?.id && doc.name !== idle?.name);
  if (!idle || !busy) throw new Error(`no idle reported member and Party member in ${community.id}`);
  const busyBefore = hoursOf(busy.id);

  const a = await Device.open(browser, server.url);
  const b = await Device.open(browser, server.url);
  await a.signIn('staff01', PASSWORD);
  await b.signIn('staff01b', 'second-worker-1');

  // B sees the reported member among those who did nothing this year.
  await openTab(b, 'activities-idle', idle.name);
  await expect(b.page.getByTestId('activities-idle-table').getByTestId(`activities-member-${idle.id}`)).toBeVisible();

  // A, in the compound with no network, records the activity held there today.
  await a.goOffline();
  await a.visit('activities');
  await a.page.getByTestId('activities-new').click();
  const form = a.page.getByTestId('activity-form');
  await expect(form).toBeVisible();
  await choose(a.page, 'activity-compound', compound.name, { type: compound.name });
  await choose(a.page, 'activity-venue', venue.name ?? '（未命名阵地）');
  await choose(a.page, 'activity-kind', '议事');
  await form.getByTestId('activity-title').fill('小区议事会：电动车充电');
  for (const person of [idle, busy]) {
    await choose(a.page, 'activity-participants', person.name, { type: person.name, option: a.page.getByTestId(`activity-participant-${person.id}`) });
  }
  // With participants the hours are required: the form says so in Chinese and saves nothing.
  await a.page.getByTestId('activity-save').click();
  await expect(form).toContainText('有参加人员时请填写活动时长');
  await a.expectPending(0);
  await a.page.locator('[data-testid=activity-hours] input, input[data-testid=activity-hours]').fill('2.5');
  await a.page.getByTestId('activity-save').click();
  await expect(form).toBeHidden();
  await a.expectPending(1);
  await expect(a.page.getByTestId('activities-table')).toContainText('小区议事会：电动车充电');

  // Back online: B, with the hours open, sees both participants' hours go up by themselves.
  await openTab(b, 'activities-hours', busy.name);
  if (busyBefore > 0) await expect(hoursRow(b.page, busy.id).locator('td').last()).toHaveText(String(busyBefore));
  await a.goOnline();
  await a.expectSynced();
  await expect(hoursRow(b.page, busy.id).locator('td').last()).toHaveText(String(busyBefore + 2.5));
  await search(b.page, 'activities-hours-search', idle.name);
  await expect(hoursRow(b.page, idle.id).locator('td').last()).toHaveText('2.5');
  await b.expectSynced();

  // The reported member is no longer idle; their page counts the activity in this year.
  await openTab(b, 'activities-idle', idle.name);
  await expect(b.page.getByTestId('activities-idle-table')).toBeVisible();
  await expect(b.page.getByTestId(`activities-member-${idle.id}`)).toHaveCount(0);
  await b.visit(`members/${idle.id}`);
  await expect(b.page.getByTestId('member-activities')).toContainText('小区议事会：电动车充电');
  await expect(b.page.getByTestId(`member-hours-${year}`)).toContainText('2.5');

  // The server holds it as recorded, in the compound's community, at its venue.
  const stored = (await staff.all('activities')).find((doc) => doc.title === '小区议事会：电动车充电');
  expect(stored).toMatchObject({ communityId: community.id, compoundId: compound.id, venueId: venue.id, kind: 'deliberation', hours: 2.5, _deleted: false });
  expect([...(stored?.participantIds ?? [])].sort()).toEqual([idle.id, busy.id].sort());

  await a.close();
  await b.close();
});
