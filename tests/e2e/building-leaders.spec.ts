// Red building leaders (issue 3): two devices claim the same building, one of them offline. After
// sync one claim stands on both devices and on the server, the person whose claim lost is told in
// words naming the building and both people, and both claims stay in the history.
import { expect, test } from '@playwright/test';
import type { WireDoc } from '@domain/collections';
import { Device } from './support/device';
import { claimBuilding, claimHistoryRows, expectLeader, openCompoundPage } from './support/leaders';
import { startTestServer, type TestServer } from './support/server';

const PASSWORD = 'demo1234';

let server: TestServer;
test.beforeEach(async () => {
  server = await startTestServer();
});
test.afterEach(async () => {
  await server.close();
});

/** Party members of the community whose names no other Party member there shares (so typing the name finds one person). */
function distinctPartyMembers(members: WireDoc<'members'>[], communityId: string, exclude: ReadonlySet<string>): WireDoc<'members'>[] {
  const party = members.filter((member) => !member._deleted && member.isPartyMember && member.communityId === communityId);
  const named = new Map<string, number>();
  for (const member of party) named.set(member.name, (named.get(member.name) ?? 0) + 1);
  return party.filter((member) => named.get(member.name) === 1 && !exclude.has(member.id));
}

test('two claims of one building, one offline: one stands, the other person is told, nothing is lost', async ({ browser }) => {
  // Two devices each make a first sync of the demo street and then several more: longer than the default.
  test.setTimeout(360_000);
  const admin = await server.signIn('admin', PASSWORD);
  const staff = await server.signIn('staff01', PASSWORD);
  const [community] = (await staff.all('communities')).filter((doc) => !doc._deleted);
  if (!community) throw new Error('staff01 has no community');
  await admin.createUser({ username: 'staff01b', password: 'second-worker-1', displayName: '第二位社工', role: 'community_staff', communityIds: [community.id] });
  // A building, and another of its compound whose leader will step down.
  const buildings = (await staff.all('buildings')).filter((doc) => !doc._deleted && doc.communityId === community.id);
  const ledNeighbour = (of: WireDoc<'buildings'>) => buildings.find((doc) => doc.compoundId === of.compoundId && doc.id !== of.id && doc.leaderMemberId !== undefined);
  const building = buildings.find((doc) => ledNeighbour(doc) !== undefined);
  const neighbour = building && ledNeighbour(building);
  if (!building || !neighbour) throw new Error(`no compound in ${community.id} with two buildings, one of them led`);
  const candidates = distinctPartyMembers(await staff.all('members'), community.id, new Set(building.leaderMemberId ? [building.leaderMemberId] : []));
  const [first, second] = candidates;
  if (!first || !second) throw new Error(`too few Party members in ${community.id}`);
  const claimsBefore = building.leaderClaims?.length ?? 0;
  const compound = (await staff.all('compounds')).find((doc) => doc.id === building.compoundId);
  if (!compound) throw new Error(`no compound ${building.compoundId}`);

  const a = await Device.open(browser, server.url);
  const b = await Device.open(browser, server.url);
  await a.signIn('staff01', PASSWORD);
  await b.signIn('staff01b', 'second-worker-1');
  await openCompoundPage(b, building.compoundId);

  // B is in a compound with no network; A, in the office, claims the building for the first member.
  await b.goOffline();
  await openCompoundPage(a, building.compoundId);
  await claimBuilding(a, building.id, first);
  await a.expectSynced();

  // B, still offline and not knowing, claims it for the second member.
  await claimBuilding(b, building.id, second);
  await b.expectPending(1);

  // B comes back: A's claim reached the server first, so it stands on both devices.
  await b.goOnline();
  await b.expectSynced();
  await expectLeader(b, building.id, first.name);
  await expectLeader(a, building.id, first.name);

  // B is told, in words naming the compound, the building and both people.
  const notice = b.page.getByTestId('leader-conflict-notice');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText(`${compound.name}${building.name}的楼栋长已由 ${first.name} 认领，您对 ${second.name} 的认领未生效`);
  await expect(b.page.getByTestId('conflicts-badge')).toHaveAttribute('data-count', '1');
  await b.page.getByTestId('conflicts-badge').getByRole('button').click();
  const entry = b.page.getByTestId('conflict-entry');
  await expect(entry.getByTestId('leader-conflict-text')).toContainText(`您对 ${second.name} 的认领未生效`);
  // The conflict log names the people rather than showing their ids.
  await expect(entry.locator('tbody')).toContainText(first.name);
  await expect(entry.locator('tbody')).toContainText(second.name);
  await expect(entry.locator('tbody')).not.toContainText(first.id);
  await b.page.keyboard.press('Escape');
  // A's device had nothing set aside.
  await expect(a.page.getByTestId('conflicts-badge')).toHaveAttribute('data-count', '0');

  // Nothing silently lost: both devices' histories hold both claims, B's marked as not in effect.
  for (const device of [a, b]) {
    await openCompoundPage(device, building.compoundId);
    await expectLeader(device, building.id, first.name);
    const rows = await claimHistoryRows(device, building.id);
    expect(rows).toHaveLength(claimsBefore + 2);
    expect(rows.find((row) => row.includes(second.name))).toMatch(/staff01b.*未生效/);
    expect(rows.find((row) => row.includes(first.name))).toMatch(/staff01\b.*当前有效/);
  }

  // The filter "only buildings without a leader" leaves the claimed building out.
  await a.page.getByTestId('buildings-without-leader').check();
  await expect(a.page.getByTestId(`building-leader-${building.id}`)).toBeHidden();
  for (const cell of await a.page.locator('[data-testid^="building-leader-"]').all()) await expect(cell).toHaveText('无楼栋长');
  await a.page.getByTestId('buildings-without-leader').uncheck();
  await expectLeader(a, building.id, first.name);

  // A leader steps down (卸任) on A: the building has no leader on both devices, and it is in the history.
  await a.page.getByTestId(`leader-release-${neighbour.id}`).click();
  await a.page.getByTestId('leader-release-ok').click();
  await expect(a.page.getByTestId(`building-leader-${neighbour.id}`)).toHaveText('无楼栋长');
  await a.expectSynced();
  await expect(b.page.getByTestId(`building-leader-${neighbour.id}`)).toHaveText('无楼栋长');
  expect((await claimHistoryRows(b, neighbour.id))[0]).toMatch(/卸任.*staff01.*当前有效/);

  // The server holds the first member as the leader, and both claims in the log.
  const stored = (await staff.all('buildings')).find((doc) => doc.id === building.id);
  expect(stored?.leaderMemberId).toBe(first.id);
  expect(stored?.leaderClaims?.filter((claim) => claim.action === 'claim').map((claim) => claim.memberId)).toEqual(
    expect.arrayContaining([first.id, second.id]),
  );
  expect(stored?.leaderClaims).toHaveLength(claimsBefore + 2);
  const stepped = (await staff.all('buildings')).find((doc) => doc.id === neighbour.id);
  expect(stepped?.leaderMemberId).toBeUndefined();
  expect(stepped?.leaderClaims?.at(-1)).toMatchObject({ action: 'release', memberId: neighbour.leaderMemberId, by: 'staff01' });

  await a.close();
  await b.close();
});
