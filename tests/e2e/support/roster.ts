// The roster import page (导入花名册) driven through the screen, and .xlsx files written the way an
// office's sheet arrives.
import ExcelJS from 'exceljs';
import { expect, type Page } from '@playwright/test';

export async function xlsxFile(name: string, rows: (string | number)[][]): Promise<{ name: string; mimeType: string; buffer: Buffer }> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('花名册');
  for (const row of rows) sheet.addRow(row);
  const bytes = await workbook.xlsx.writeBuffer();
  return { name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(bytes) };
}

/** antd puts a search box's test id on the input or on its wrapper, depending on the version. */
export function searchBox(page: Page, testId: string) {
  return page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
}

export class RosterImport {
  constructor(private readonly page: Page) {}

  /** From the members list's 导入 button, with a file chosen and its columns accepted as matched. */
  async openFromMembers(file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    const { page } = this;
    await page.getByTestId('member-import').click();
    // The list's button presets the kind.
    await expect(page.getByTestId('roster-kind-members')).toBeChecked();
    await page.locator('input[type=file]').setInputFiles(file);
    await expect(page.getByTestId('roster-mapping')).toBeVisible();
    await page.getByTestId('roster-mapping-next').click();
    await expect(page.getByTestId('roster-preview')).toBeVisible({ timeout: 60_000 });
  }

  async expectCounts(valid: number, invalid: number): Promise<void> {
    await expect(this.page.getByTestId('roster-valid')).toHaveAttribute('data-count', String(valid));
    await expect(this.page.getByTestId('roster-invalid')).toHaveAttribute('data-count', String(invalid));
  }

  /** The preview's problem column for the file's row `rowNumber` (as Excel numbers it). */
  problemsOf(rowNumber: number) {
    return this.page.getByTestId(`roster-problems-${rowNumber}`);
  }

  cell(rowNumber: number, field: string) {
    return this.page.getByTestId(`roster-cell-${rowNumber}-${field}`);
  }

  async chooseMode(mode: 'valid' | 'all'): Promise<void> {
    await this.page.getByTestId(`roster-mode-${mode}`).click();
  }

  importButton() {
    return this.page.getByTestId('roster-import');
  }

  async importAndWait(): Promise<void> {
    await this.importButton().click();
    await expect(this.page.getByTestId('roster-done')).toBeVisible({ timeout: 60_000 });
  }
}
