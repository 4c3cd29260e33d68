// Branch working funds and post allowances (issue 5): a community worker changes a compound's
// resident count on the compound's page, and on the funds page the branch's budget and the
// community's total follow it to the fen; a disbursement recorded there lowers the branch's
// balance and reaches the server. A month's payroll sheet is started from last month's, completed,
// paid and exported with its total.
import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';
import { formatYuan } from '@domain/money';
import { Device } from './support/device';
import { choose } from './support/select';
import { startTestServer, type TestServer } from './support/server';

const PASSWORD = 'demo1234';
// The demo street's rate: 8 yuan per resident in 2026.
const YEAR = 2026;
const RATE_FEN = 800;

let server: TestServer;
test.beforeEach(async () => {
  server = await startTestServer();
});
test.afterEach(async () => {
  await server.close();
});

async function openFunds(device: Device): Promise<void> {
  const { page } = device;
  await device.visit('funds');
  await page.getByTestId('funds-branches').click();
  await choose(page, 'funds-year', `${YEAR} 年`);
}

const amount = (page: Page, rowKey: string, column: 'budget' | 'spent' | 'balance') => page.getByTestId(`funds-${rowKey}-${column}`);

test('a compound’s resident count sets its branch’s funds, and spending lowers the balance', async ({ browser }) => {
  test.setTimeout(240_000);
  const admin = await server.signIn('admin', PASSWORD);
  const orgs = (await admin.all('orgs')).filter((doc) => !doc._deleted);
  const branch = orgs.find((doc) => doc.level === 'compoundBranch' && doc.communityId !== undefined);
  const communityId = branch?.communityId ?? '';
  const compounds = (await admin.all('compounds')).filter((doc) => !doc._deleted);
  const compound = compounds.find((doc) => doc.id === branch?.compoundId);
  if (!branch || !compound) throw new Error('the demo has no compound branch');
  const ledger = (await admin.all('ledger')).filter((doc) => !doc._deleted && doc.kind === 'disbursement' && doc.date?.startsWith(`${YEAR}-`));
  const spentFen = ledger.filter((doc) => doc.orgId === branch.id).reduce((sum, doc) => sum + doc.amountFen, 0);
  const communityBranches = orgs.filter((doc) => doc.level === 'compoundBranch' && doc.communityId === communityId);
  const residentsOf = (id: string | undefined) => compounds.find((doc) => doc.id === id)?.residentCount ?? 0;
  const communityBudget = communityBranches.reduce((sum, doc) => sum + residentsOf(doc.compoundId) * RATE_FEN, 0);
  const communitySpent = ledger.filter((doc) => communityBranches.some((org) => org.id === doc.orgId)).reduce((sum, doc) => sum + doc.amountFen, 0);
  expect(spentFen).toBeGreaterThan(0);

  const device = await Device.open(browser, server.url);
  await device.signIn(`staff${communityId.slice(-2)}`, PASSWORD);
  const { page } = device;

  await openFunds(device);
  const budgetBefore = compound.residentCount * RATE_FEN;
  await expect(amount(page, branch.id, 'budget')).toHaveText(formatYuan(budgetBefore));
  await expect(amount(page, branch.id, 'spent')).toHaveText(formatYuan(spentFen));
  await expect(amount(page, branch.id, 'balance')).toHaveText(formatYuan(budgetBefore - spentFen));
  await expect(amount(page, `community-${communityId}`, 'budget')).toHaveText(formatYuan(communityBudget));
  await expect(amount(page, 'total', 'budget')).toHaveText(formatYuan(communityBudget));

  // 137 more residents: 137 × 8 = 1,096 yuan more for the branch and its community.
  const residents = compound.residentCount + 137;
  await device.openCompound(compound.name);
  await page.getByTestId('compound-edit').click();
  await page.getByTestId('compound-residents').fill(String(residents));
  await page.getByTestId('compound-save').click();
  await expect(page.getByTestId('compound-form')).toBeHidden();

  await openFunds(device);
  const budgetAfter = residents * RATE_FEN;
  expect(budgetAfter - budgetBefore).toBe(109_600);
  await expect(amount(page, branch.id, 'budget')).toHaveText(formatYuan(budgetAfter));
  await expect(amount(page, `community-${communityId}`, 'budget')).toHaveText(formatYuan(communityBudget + 109_600));
  await expect(amount(page, 'total', 'budget')).toHaveText(formatYuan(communityBudget + 109_600));

  // Spending 1,234.56 yuan, recorded from the branch's own list of what it spent.
  await page.getByTestId(`funds-row-${branch.id}`).locator('.ant-table-row-expand-icon').click();
  await page.getByTestId(`disbursement-new-${branch.id}`).click();
  const form = page.getByTestId('disbursement-form');
  await expect(form).toBeVisible();
  const picker = form.locator('.ant-picker input');
  await picker.fill(`${YEAR}-01-15`);
  await picker.press('Enter');
  await page.getByTestId('disbursement-amount').fill('1,234.56');
  await page.getByTestId('disbursement-purpose').fill('添置小区议事厅折叠椅');
  await page.getByTestId('disbursement-save').click();
  await expect(form).toBeHidden();
  await expect(amount(page, branch.id, 'spent')).toHaveText(formatYuan(spentFen + 123_456));
  await expect(amount(page, branch.id, 'balance')).toHaveText(formatYuan(budgetAfter - spentFen - 123_456));
  await expect(amount(page, 'total', 'balance')).toHaveText(formatYuan(communityBudget + 109_600 - communitySpent - 123_456));
  await expect(page.getByTestId(`disbursements-${branch.id}`)).toContainText('添置小区议事厅折叠椅');

  // The same entry on the server once synced.
  await device.expectSynced();
  const stored = (await admin.all('ledger')).find((doc) => !doc._deleted && doc.purpose === '添置小区议事厅折叠椅');
  expect(stored).toMatchObject({ kind: 'disbursement', orgId: branch.id, communityId, compoundId: compound.id, date: `${YEAR}-01-15`, amountFen: 123_456 });
  await device.close();
});

test('a month’s allowances are copied from last month, paid, and exported with their total', async ({ browser }) => {
  test.setTimeout(240_000);
  const admin = await server.signIn('admin', PASSWORD);
  const orgs = (await admin.all('orgs')).filter((doc) => !doc._deleted);
  const branch = orgs.find((doc) => doc.level === 'compoundBranch' && doc.secretaryMemberId !== undefined);
  const heads = new Set(orgs.map((doc) => doc.secretaryMemberId));
  const communityId = branch?.communityId ?? '';
  const community = (await admin.all('communities')).find((doc) => doc.id === communityId);
  const members = (await admin.all('members')).filter((doc) => !doc._deleted && doc.communityId === communityId);
  const secretary = members.find((doc) => doc.id === branch?.secretaryMemberId);
  const unique = (id: string) => {
    const name = members.find((doc) => doc.id === id)?.name;
    return name !== undefined && members.filter((doc) => doc.name === name).length === 1;
  };
  const workerId = (await admin.all('grids'))
    .filter((doc) => !doc._deleted && doc.communityId === communityId)
    .flatMap((doc) => doc.gridWorkerIds ?? [])
    .find((id) => !heads.has(id) && unique(id));
  const worker = members.find((doc) => doc.id === workerId);
  if (!branch || !community || !secretary || !worker) throw new Error('the demo has no branch secretary and grid worker (heading no org) in one community');

  const device = await Device.open(browser, server.url);
  await device.signIn(`staff${communityId.slice(-2)}`, PASSWORD);
  const { page } = device;
  await device.visit('funds');
  await page.getByTestId('funds-allowances').click();
  // November 2026: the demo's allowances run to October.
  const month = page.locator('.ant-picker input').first();
  await month.fill(`${YEAR}-11`);
  await month.press('Enter');
  await expect(page.getByText(`${community.name}${YEAR}年11月任职补贴发放表`)).toBeVisible();
  const total = (which: '' | '-paid' | '-unpaid') => page.getByTestId(`allowance-total${which}`);
  await expect(total('')).toHaveText('0.00');

  // October's secretary allowance comes over unpaid; copying again adds nothing.
  await page.getByTestId('allowance-copy').click();
  await expect(total('')).toHaveText('300.00');
  await expect(total('-unpaid')).toHaveText('300.00');
  await page.getByTestId('allowance-copy').click();
  await expect(page.getByText('没有本月尚未登记的补贴可复制')).toBeVisible();
  await expect(total('')).toHaveText('300.00');

  // The grid worker, found by name; what the allowance is for follows from the post.
  await page.getByTestId('allowance-new').click();
  const form = page.getByTestId('allowance-form');
  await expect(form).toBeVisible();
  const workerOption = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: worker.name }).first();
  await choose(page, 'allowance-member', worker.name, { type: worker.name, option: workerOption });
  await expect(page.getByTestId('allowance-purpose')).toHaveValue(/网格员任职补贴$/);
  await page.getByTestId('allowance-amount').fill('200.5');
  await page.getByTestId('allowance-paid').click();
  await page.getByTestId('allowance-save').click();
  await expect(form).toBeHidden();
  await expect(total('')).toHaveText('500.50');
  await expect(total('-paid')).toHaveText('200.50');
  await expect(total('-unpaid')).toHaveText('300.00');

  // The secretary is paid too.
  await page.getByRole('row').filter({ hasText: secretary.name }).getByRole('switch').click();
  await expect(total('-paid')).toHaveText('500.50');
  await expect(total('-unpaid')).toHaveText('0.00');

  const downloading = page.waitForEvent('download');
  await page.getByTestId('allowance-export').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${community.name}${YEAR}年11月任职补贴发放表.xlsx`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const sheet = workbook.worksheets[0];
  const row = (n: number) =>
    Array.from({ length: 5 }, (_, column) => {
      const value = sheet?.getRow(n).getCell(column + 1).value;
      return typeof value === 'string' ? value : value === null || value === undefined ? '' : JSON.stringify(value);
    });
  expect(row(1)).toEqual(['序号', '姓名', '职务 / 事由', '金额（元）', '是否发放']);
  expect(sheet?.actualRowCount).toBe(4);
  expect(row(4)).toEqual(['合计', '', '', '500.50', '已发放 500.50，未发放 0.00']);

  await device.expectSynced();
  const stored = (await admin.all('ledger')).filter((doc) => !doc._deleted && doc.kind === 'allowance' && doc.month === `${YEAR}-11`);
  expect(stored.map((doc) => [doc.memberId, doc.amountFen, doc.paid]).sort()).toEqual(
    [
      [secretary.id, 30_000, true],
      [worker.id, 20_050, true],
    ].sort(),
  );
  await device.close();
});
