// The month's payroll sheet as an .xlsx file with a total row. Loaded only when someone exports:
// ExcelJS is large. Amounts are written as the yuan text the page shows, so no fen is rounded.
import { formatYuan } from '@domain/money';
import { payrollTotals } from '@domain/funds';
import { getDesktopApi } from '../../desktop';
import { buildWorkbook, workbookBytes, type ExportColumn } from '../../lib/export/workbook';
import type { PayrollRow } from './payroll';

export interface PayrollSheetTexts {
  number: string;
  name: string;
  purpose: string;
  amount: string;
  paid: string;
  yes: string;
  no: string;
  total: string;
  /** e.g. 已发 ¥600.00，未发 ¥300.00 */
  totalNote: (paid: string, unpaid: string) => string;
}

interface SheetRow {
  number: string;
  name: string;
  purpose: string;
  amount: string;
  paid: string;
}

/** The sheet's rows, the last one the total. Pure, for the test. */
export function payrollSheetRows(rows: readonly PayrollRow[], texts: PayrollSheetTexts): SheetRow[] {
  const totals = payrollTotals(rows.map((row) => row.entry));
  return [
    ...rows.map((row, index) => ({
      number: String(index + 1),
      name: row.memberName,
      purpose: row.entry.purpose ?? '',
      amount: formatYuan(row.entry.amountFen),
      paid: row.entry.paid === true ? texts.yes : texts.no,
    })),
    { number: texts.total, name: '', purpose: '', amount: formatYuan(totals.totalFen), paid: texts.totalNote(formatYuan(totals.paidFen), formatYuan(totals.unpaidFen)) },
  ];
}

const FILE_NAME_FORBIDDEN = /[\\/:*?"<>|]/g;

/** `saved: false` when the person closed the save dialog. */
export async function exportPayroll(title: string, rows: readonly PayrollRow[], texts: PayrollSheetTexts): Promise<{ saved: boolean }> {
  const columns: ExportColumn<SheetRow>[] = [
    { title: texts.number, value: (row) => row.number },
    { title: texts.name, value: (row) => row.name },
    { title: texts.purpose, value: (row) => row.purpose },
    { title: texts.amount, value: (row) => row.amount },
    { title: texts.paid, value: (row) => row.paid },
  ];
  const sheetRows = payrollSheetRows(rows, texts);
  const workbook = buildWorkbook({ listName: title, columns, rows: sheetRows, disclosure: 'masked' });
  const sheet = workbook.worksheets[0];
  if (sheet) {
    sheet.getColumn(4).alignment = { horizontal: 'right' };
    sheet.getRow(sheetRows.length + 1).font = { bold: true };
  }
  const fileName = `${title.replace(FILE_NAME_FORBIDDEN, '_')}.xlsx`;
  const result = await getDesktopApi().saveFile(fileName, await workbookBytes(workbook));
  if (!result.ok) throw new Error(result.error);
  return result.value;
}
