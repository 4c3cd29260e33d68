// Two devices of one community, the street office server between them (issue 2, design.md "Sync
// contract"): one works offline, the other online on the same member; nothing is lost.
import { expect, test } from '@playwright/test';
import { idCheckDigit } from '@domain/identity';
import { Device } from './support/device';
import { startTestServer, type TestServer } from './support/server';

const PASSWORD = 'demo1234';

function idNumber(first17: string): string {
  return first17 + idCheckDigit(first17);
}

let server: TestServer;
test.beforeEach(async () => {
  server = await startTestServer();
});
test.afterEach(async () => {
  await server.close();
});

test('offline edits survive a reload and merge field by field with another device', async ({ browser }) => {
  // A second worker of the first staff member's community, on a machine of their own.
  const admin = await server.signIn('admin', PASSWORD);
  const staff = await server.signIn('staff01', PASSWORD);
  const [community] = (await staff.all('communities')).filter((doc) => !doc._deleted);
  if (!community) throw new Error('staff01 has no community');
  await admin.createUser({ username: 'staff01b', password: 'second-worker-1', displayName: '第二位社工', role: 'community_staff', communityIds: [community.id] });
  const member = (await staff.all('members')).find((doc) => !doc._deleted && doc.communityId === community.id);
  if (!member) throw new Error(`no member in ${community.id}`);

  const a = await Device.open(browser, server.url);
  const b = await Device.open(browser, server.url);
  await a.signIn('staff01', PASSWORD);
  await b.signIn('staff01b', 'second-worker-1');

  // A, in a compound with no network: a new compound, one of its buildings, a member living there,
  // and a new mobile number for an existing member.
  await a.goOffline();
  await a.createCompound('幸福里小区', 860);
  await a.addBuilding('3号楼');
  const newMember = { name: '周晓梅', idNumber: idNumber('61010219850312442'), mobile: '13991234567' };
  await a.addMember(newMember);
  await a.editMember(member.id, 'member-mobile', '13800138000');
  await a.expectPending(4);

  // B, online, changes another field of the same member; it reaches the server at once.
  await b.editMember(member.id, 'member-workunit', '朔方区民政局');
  await b.expectSynced();

  // A reloads while still offline: the app opens from its service worker with its edits.
  await a.page.reload();
  await a.expectPending(4);
  await a.expectMember(member.id, { 'member-mobile': '13800138000', 'member-workunit': member.workUnit ?? '' });
  await a.openCompound('幸福里小区');
  await expect(a.page.getByTestId('building-table')).toContainText('3号楼');

  // Back online: both devices converge on every change, the member carries both edits.
  await a.goOnline();
  await a.expectSynced();
  await b.expectSynced();
  for (const device of [a, b]) {
    await device.expectMember(member.id, { 'member-mobile': '13800138000', 'member-workunit': '朔方区民政局', 'member-name': member.name });
    await device.openCompound('幸福里小区');
    await expect(device.page.getByTestId('building-table')).toContainText('3号楼');
    await expect(device.page.getByText(newMember.name)).toBeVisible();
    await expect(device.page.getByTestId('conflicts-badge')).toHaveAttribute('data-count', '0');
  }

  // Both online: B, with the compound's page open, sees A's next change arrive by itself.
  await a.addBuilding('5号楼');
  await expect(b.page.getByTestId('building-table')).toContainText('5号楼');

  // The server holds the same, as any other client would read it.
  const compound = (await staff.all('compounds')).find((doc) => doc.name === '幸福里小区');
  expect(compound).toMatchObject({ communityId: community.id, residentCount: 860, _deleted: false });
  const buildings = (await staff.all('buildings')).filter((doc) => doc.compoundId === compound?.id);
  expect(buildings.map((doc) => doc.name).sort()).toEqual(['3号楼', '5号楼']);
  const members = await staff.all('members');
  expect(members.find((doc) => doc.id === member.id)).toMatchObject({ mobile: '13800138000', workUnit: '朔方区民政局', name: member.name });
  expect(members.find((doc) => doc.idNumber === newMember.idNumber)).toMatchObject({
    name: newMember.name,
    compoundId: compound?.id,
    gender: 'female',
    birthDate: '1985-03-12',
  });

  await a.close();
  await b.close();
});
