// The desktop app's files (issue 8): an Excel export and a report printed to PDF go through the
// native save dialog to the place the person picks. A test cannot click a native dialog, so the
// main process's `dialog.showSaveDialog` answers a path in a temp folder; what lands there is read
// back: a real workbook (ExcelJS) with the list's masked rows, a real PDF (pdftotext) with the
// report's Chinese title. Skips, saying why, where no Electron binary is installed.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import { maskIdNumber, maskMobile } from '@domain/identity';
import { DesktopApp } from './support/desktop';
import { electronBinary, noElectronReason } from './support/electron';
import { startTestServer, type TestServer } from './support/server';

const PASSWORD = 'demo1234';
const MEMBER_COLUMNS = ['姓名', '性别', '社区', '小区/楼栋/单元/房号', '手机号', '身份证号', '党员', '类别', '工作单位'];
const binary = electronBinary() ?? '';

test.skip(binary === '', noElectronReason);
// Each test starts the app and signs in (a whole community's first sync): slow on a loaded machine.
test.describe.configure({ timeout: 300_000 });

let server: TestServer;
let desktop: DesktopApp | undefined;
test.beforeEach(async () => {
  server = await startTestServer();
  desktop = await DesktopApp.launch(binary);
  await desktop.signIn(server.url, 'staff01', PASSWORD);
});
test.afterEach(async () => {
  await desktop?.close();
  desktop = undefined;
  await server.close();
});

function app(): DesktopApp {
  if (!desktop) throw new Error('the app did not start');
  return desktop;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return JSON.stringify(value);
}

test('a list exported to Excel is saved where the save dialog says, as a real workbook of masked rows', async () => {
  const desktop = app();
  const { page } = desktop;
  const file = test.info().outputPath('members.xlsx');
  await desktop.answerSaveDialog(file);

  await desktop.visit('members');
  const total = Number(/\d+/.exec((await page.getByTestId('member-total').textContent()) ?? '')?.[0]);
  expect(total).toBeGreaterThan(0);
  await page.getByTestId('export-xlsx').click();
  await expect(page.getByText(`已导出 ${total} 行`)).toBeVisible();

  // The dialog was offered the list's file name in the documents folder.
  const dialogs = await desktop.saveDialogs();
  expect(dialogs).toHaveLength(1);
  expect(dialogs[0]?.defaultPath).toMatch(/[\\/]小区治理队伍成员-\d{8}\.xlsx$/);

  expect(existsSync(file)).toBe(true);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('the saved workbook has no sheet');
  const row = (index: number) => Array.from({ length: sheet.columnCount }, (_, column) => cellText(sheet.getRow(index).getCell(column + 1).value));
  expect(row(1)).toEqual(MEMBER_COLUMNS);
  const rows = Array.from({ length: sheet.actualRowCount - 1 }, (_, index) => row(index + 2));
  expect(rows).toHaveLength(total);
  // Community staff export masked personal data only: never a member's number in full.
  const mobileColumn = MEMBER_COLUMNS.indexOf('手机号');
  const idColumn = MEMBER_COLUMNS.indexOf('身份证号');
  const members = (await server.signIn('staff01', PASSWORD).then((api) => api.all('members'))).filter((doc) => !doc._deleted);
  const saved = JSON.stringify(rows);
  for (const member of members) {
    if (member.mobile) expect(saved).not.toContain(member.mobile);
    if (member.idNumber) expect(saved).not.toContain(member.idNumber);
  }
  const masked = rows.filter((cells) =>
    members.some((member) => cells[0] === member.name && member.mobile && member.idNumber && cells[mobileColumn] === maskMobile(member.mobile) && cells[idColumn] === maskIdNumber(member.idNumber)),
  );
  expect(masked.length).toBeGreaterThan(0);
});

test('a report printed to PDF is saved where the save dialog says, with its Chinese title', async () => {
  const desktop = app();
  const { page } = desktop;
  const file = test.info().outputPath('report.pdf');
  await desktop.answerSaveDialog(file);

  await desktop.visit('reports');
  const title = page.getByTestId('report-title');
  await expect(title).toHaveText(/年/);
  const titleText = (await title.textContent()) ?? '';
  await page.getByTestId('report-print').click();
  await expect(page.getByText('已保存为 PDF')).toBeVisible();

  const dialogs = await desktop.saveDialogs();
  expect(dialogs).toHaveLength(1);
  expect(dialogs[0]?.defaultPath?.endsWith(`${titleText}.pdf`)).toBe(true);

  expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await test.info().attach('report.pdf', { path: file, contentType: 'application/pdf' });
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  expect(text).toContain(titleText);
  // Printing leaves out the app's buttons and the report's own controls.
  expect(text).not.toContain('导出 Excel');
});
