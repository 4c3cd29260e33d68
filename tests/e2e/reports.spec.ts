// Issue 5's dashboard and reports, end to end: the yearly street report prints to a PDF that holds
// its Chinese title and figures, the dashboard draws Chinese (not boxes), and the funds total on
// the dashboard follows a compound's residents.
import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { formatYuan } from '@domain/money';
import { Device } from './support/device';
import { compoundWithBranch, exportReport, fontDrawsChinese, streetFigures } from './support/reports';
import { startTestServer, type TestServer } from './support/server';

let server: TestServer;
test.beforeEach(async () => {
  server = await startTestServer();
});
test.afterEach(async () => {
  await server.close();
});

// The browser's year: the report and the dashboard default to it.
const year = new Date().getFullYear();

test('the yearly street report prints to an A4 PDF with its Chinese title and figures', async ({ browser }, testInfo) => {
  const expected = await streetFigures(await server.signIn('admin', 'demo1234'), year);
  const title = `${expected.streetName}${year}年工作报表`;
  const device = await Device.open(browser, server.url);
  await device.signIn('admin', 'demo1234');
  await device.visit(`reports?scope=street&period=${year}`);
  const { page } = device;

  await expect(page.getByTestId('report-title')).toHaveText(title);
  const figures = page.getByTestId('report-table-figures');
  const figure = (item: string) => figures.getByRole('row').filter({ has: page.getByRole('cell', { name: item, exact: true }) });
  await expect(figure('网格')).toContainText(String(expected.grids));
  await expect(figure('报到在职党员')).toContainText(expected.reportedMembers.toLocaleString('en-US'));
  await expect(figure(`${year}年工作经费预算（元）`)).toContainText(formatYuan(expected.budgetFen));
  // As on the dashboard's headline figures (dashboard.spec.ts).
  await expect(figure('升格为党总支的社区党支部')).toContainText('4 / 14');
  expect(expected.grids).toBe(129);
  expect(expected.reportedMembers).toBe(3654);

  // The same tables as an .xlsx workbook, one sheet each.
  const workbook = await exportReport(page);
  expect(workbook.fileName).toMatch(new RegExp(`^${title}-\\d{8}\\.xlsx$`));
  expect([...workbook.sheets.keys()]).toEqual(expect.arrayContaining(['概况', '工作经费（按社区）', '未办结的需求', '没有楼栋长的楼栋']));
  expect(workbook.sheets.get('概况')).toContainEqual(['网格', String(expected.grids)]);
  expect(workbook.sheets.get('工作经费（按社区）')?.at(-1)).toEqual(['合计', formatYuan(expected.budgetFen), expect.any(String), expect.any(String)]);

  const file = testInfo.outputPath('street-report.pdf');
  await page.pdf({ path: file, format: 'A4' });
  await testInfo.attach('street-report.pdf', { path: file, contentType: 'application/pdf' });
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  // pdftotext may break a table row onto separate lines, and a printed line where its font changes
  // (from Chromium 150, the title's digits come in a Latin font and pdftotext splits the title
  // there, though it is drawn on one line); the words themselves stay whole.
  expect(text.replace(/\s+/g, '')).toContain(title);
  for (const value of ['129', '3,654', formatYuan(expected.budgetFen), '网格', '报到在职党员', '未建党支部的小区']) expect(text).toContain(value);
  // Printing leaves out the app's buttons and the report's own controls.
  expect(text).not.toContain('另存为 PDF');
  expect(text).not.toContain('导出 Excel');
});

test('the dashboard draws Chinese and its charts lead to their lists', async ({ browser }, testInfo) => {
  const expected = await streetFigures(await server.signIn('admin', 'demo1234'), year);
  const device = await Device.open(browser, server.url);
  await device.signIn('admin', 'demo1234');
  await device.visit('');
  const { page } = device;
  await expect(page.getByTestId('home-headline-grids')).toHaveText(/\D129$/);
  await expect(page.getByTestId('home-funds-budget')).toContainText(formatYuan(expected.budgetFen));
  await expect(page.getByTestId('home-chart-needs').locator('canvas')).toBeVisible();

  const screenshot = testInfo.outputPath('dashboard.png');
  await page.screenshot({ path: screenshot, fullPage: true });
  await testInfo.attach('dashboard.png', { path: screenshot, contentType: 'image/png' });
  const font = await fontDrawsChinese(page);
  expect(font.differs, `the page's fonts (${font.fontFamily}) draw 工作台 as missing-glyph boxes`).toBe(true);

  await page.getByTestId('home-needs-overdue').click();
  await expect(page).toHaveURL(/#\/needs\?overdue=1$/);
});

test("changing a compound's residents changes the dashboard's funds budget by the rate times the difference", async ({ browser }) => {
  const api = await server.signIn('admin', 'demo1234');
  const before = await streetFigures(api, year);
  const compound = await compoundWithBranch(api);
  const added = 37;
  const device = await Device.open(browser, server.url);
  await device.signIn('admin', 'demo1234');
  await device.visit('');
  const budget = device.page.getByTestId('home-funds-budget');
  await expect(budget).toContainText(formatYuan(before.budgetFen));

  await device.visit(`compounds/${compound.id}`);
  const { page } = device;
  await page.getByTestId('compound-edit').click();
  const residents = page.getByTestId('compound-residents');
  await expect(residents).toHaveValue(String(compound.residentCount));
  await residents.fill(String(compound.residentCount + added));
  await page.getByTestId('compound-save').click();
  await expect(page.getByTestId('compound-form')).toBeHidden();

  await device.visit('');
  await expect(budget).toContainText(formatYuan(before.budgetFen + added * before.rateFen));
  await device.expectSynced();
  expect((await streetFigures(api, year)).budgetFen).toBe(before.budgetFen + added * before.rateFen);
});
