// Rosters from Excel (issue 3): a sheet with good and bad rows is previewed row by row, its good
// rows imported on a device with no network, and they reach a second device after sync.
import { expect, test } from '@playwright/test';
import { idCheckDigit } from '@domain/identity';
import { Device } from './support/device';
import { RosterImport, searchBox, xlsxFile } from './support/roster';
import { startTestServer, type TestServer } from './support/server';

const PASSWORD = 'demo1234';

function idNumber(first17: string): string {
  return first17 + idCheckDigit(first17);
}

function withWrongCheckDigit(first17: string): string {
  return first17 + (idCheckDigit(first17) === '1' ? '2' : '1');
}

let server: TestServer;
test.beforeEach(async () => {
  server = await startTestServer();
});
test.afterEach(async () => {
  await server.close();
});

test('a roster with good and bad rows: preview, import the good rows offline, sync to another device', async ({ browser }) => {
  // Two devices' first syncs of the demo data, on a machine shared with other work.
  test.setTimeout(300_000);
  const admin = await server.signIn('admin', PASSWORD);
  const staff = await server.signIn('staff01', PASSWORD);
  const [community] = (await staff.all('communities')).filter((doc) => !doc._deleted);
  if (!community) throw new Error('staff01 has no community');
  await admin.createUser({ username: 'staff01b', password: 'second-worker-1', displayName: '第二位社工', role: 'community_staff', communityIds: [community.id] });
  const compounds = (await staff.all('compounds')).filter((doc) => !doc._deleted && doc.communityId === community.id);
  const buildings = (await staff.all('buildings')).filter((doc) => !doc._deleted);
  const compound = compounds.find((doc) => buildings.some((b) => b.compoundId === doc.id));
  const otherCompound = compounds.find((doc) => doc.id !== compound?.id);
  const building = buildings.find((doc) => doc.compoundId === compound?.id);
  const existing = (await staff.all('members')).find((doc) => !doc._deleted && doc.communityId === community.id && doc.idNumber !== undefined);
  if (!compound || !otherCompound || !building || !existing?.idNumber) throw new Error(`demo data of ${community.name} lacks compounds, buildings or members`);

  const good1 = { name: '马晓东', idNumber: idNumber('64038119010203001'), mobile: '13995001001' };
  const good2 = { name: '杨丽娟', idNumber: idNumber('64038119010203012'), mobile: '13995001002' };
  const file = await xlsxFile('东塔社区党员花名册.xlsx', [
    ['姓名', '公民身份号码', '联系电话', '所在小区', '楼号', '是否党员'],
    [good1.name, good1.idNumber, good1.mobile, compound.name, building.name, '是'], // row 2
    [good2.name, good2.idNumber, good2.mobile, otherCompound.name, '', '是'], // row 3
    ['刘强', withWrongCheckDigit('64038119010203021'), '13995001003', compound.name, '', '是'], // row 4
    ['陈静', idNumber('64038119010203032'), '1399500', compound.name, '', '是'], // row 5
    ['何伟', idNumber('64038119010203041'), '13995001005', '不存在的小区', '', '是'], // row 6
    ['马晓东二', good1.idNumber, '13995001006', compound.name, '', '是'], // row 7
    ['重复者', existing.idNumber, '13995001007', compound.name, '', '是'], // row 8
  ]);

  const a = await Device.open(browser, server.url);
  const b = await Device.open(browser, server.url);
  await a.signIn('staff01', PASSWORD);
  await b.signIn('staff01b', 'second-worker-1');

  // A, in a compound with no network, imports the office's own sheet from the members list.
  await a.goOffline();
  await a.visit('members');
  const roster = new RosterImport(a.page);
  await roster.openFromMembers(file);

  // Every bad row is marked, with what is wrong in Chinese.
  await roster.expectCounts(2, 5);
  await expect(roster.problemsOf(2)).toHaveText('');
  await expect(roster.problemsOf(3)).toHaveText('');
  await expect(roster.problemsOf(4)).toContainText('身份证号校验位不正确');
  await expect(roster.cell(4, 'idNumber')).toHaveAttribute('data-bad', 'true');
  await expect(roster.problemsOf(5)).toContainText('手机号应为以1开头的11位数字');
  await expect(roster.cell(5, 'mobile')).toBeVisible();
  await expect(roster.problemsOf(6)).toContainText('没有名为“不存在的小区”的小区');
  await expect(roster.problemsOf(7)).toContainText('与第 2 行的身份证号重复');
  await expect(roster.problemsOf(8)).toContainText(`该身份证号已登记（${existing.name}）`);

  // 全部正确才导入 refuses while any row is bad; 只导入有效行 writes the two good ones.
  await roster.chooseMode('all');
  await expect(roster.importButton()).toBeDisabled();
  await roster.chooseMode('valid');
  await expect(roster.importButton()).toBeEnabled();
  await roster.importAndWait();
  await a.expectPending(2);

  await a.visit('members');
  for (const person of [good1, good2]) {
    await searchBox(a.page, 'member-search').fill(person.name);
    await expect(a.page.getByTestId('member-table')).toContainText(person.name);
  }
  await searchBox(a.page, 'member-search').fill('刘强');
  await expect(a.page.getByTestId('member-table')).not.toContainText('刘强');

  // Back online: the import reaches the server, and B sees the new members.
  await a.goOnline();
  await a.expectSynced();
  await b.expectSynced();
  await b.visit('members');
  for (const person of [good1, good2]) {
    await searchBox(b.page, 'member-search').fill(person.name);
    await expect(b.page.getByTestId('member-table')).toContainText(person.name);
  }

  const members = await staff.all('members');
  expect(members.find((doc) => doc.idNumber === good1.idNumber)).toMatchObject({
    name: good1.name,
    communityId: community.id,
    compoundId: compound.id,
    buildingId: building.id,
    mobile: good1.mobile,
    gender: 'male',
    birthDate: '1901-02-03',
    isPartyMember: true,
    _deleted: false,
  });
  expect(members.find((doc) => doc.idNumber === good2.idNumber)).toMatchObject({ name: good2.name, compoundId: otherCompound.id, gender: 'female' });
  expect(members.filter((doc) => ['刘强', '陈静', '何伟', '马晓东二', '重复者'].includes(doc.name))).toEqual([]);

  await a.close();
  await b.close();
});
