// Exports through the screen: the list's 导出 Excel button, the street admin's full export with a
// reason, and the downloaded workbook read back. Functions over a Device, so the shared page
// object stays as it is.
import ExcelJS from 'exceljs';
import { expect } from '@playwright/test';
import type { Device } from './device';

export interface ExportedSheet {
  fileName: string;
  header: string[];
  rows: string[][];
}

async function readDownload(device: Device, start: () => Promise<void>): Promise<ExportedSheet> {
  const downloading = device.page.waitForEvent('download');
  await start();
  const download = await downloading;
  const path = await download.path();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('the exported workbook has no sheet');
  const text = (row: number) =>
    Array.from({ length: sheet.columnCount }, (_, column) => {
      const value = sheet.getRow(row).getCell(column + 1).value;
      if (value instanceof Date) return value.toISOString().slice(0, 10);
      if (typeof value === 'string' || typeof value === 'number') return String(value);
      return value === null ? '' : JSON.stringify(value);
    });
  const rows = Array.from({ length: sheet.actualRowCount - 1 }, (_, index) => text(index + 2));
  return { fileName: download.suggestedFilename(), header: text(1), rows };
}

/** The list as shown, masked. */
export function exportList(device: Device): Promise<ExportedSheet> {
  return readDownload(device, () => device.page.getByTestId('export-xlsx').click());
}

async function openFullExport(device: Device): Promise<void> {
  await device.page.getByTestId('export-more').click();
  await device.page.getByTestId('export-full').click();
  await expect(device.page.getByTestId('export-full-form')).toBeVisible();
}

/** A street admin's export with ID numbers and mobiles in full, for the reason given. */
export function exportListInFull(device: Device, reason: string): Promise<ExportedSheet> {
  return readDownload(device, async () => {
    await openFullExport(device);
    await device.page.getByTestId('export-full-reason').fill(reason);
    await device.page.getByTestId('export-full-confirm').click();
  });
}

/** Whether the full export can be chosen (it cannot offline). */
export async function expectFullExportBlocked(device: Device): Promise<void> {
  await device.page.getByTestId('export-more').click();
  await expect(device.page.getByRole('menuitem').filter({ has: device.page.getByTestId('export-full') })).toHaveAttribute('aria-disabled', 'true');
  await device.page.keyboard.press('Escape');
}
