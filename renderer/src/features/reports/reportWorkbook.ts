// The report as an .xlsx workbook, one sheet per table, in the style of the lists' exports (bold
// frozen header, columns as wide as their text). Loaded only when someone exports: ExcelJS is large.
import ExcelJS from 'exceljs';
import { getDesktopApi } from '../../desktop';
import { cellValue, displayWidth } from '../../lib/export/values';
import { exportFileName, sheetNameOf, workbookBytes } from '../../lib/export/workbook';
import type { ReportTable } from './reportTables';

const MIN_WIDTH = 6;
const MAX_WIDTH = 60;

export function reportWorkbook(tables: readonly ReportTable[], now: Date): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.created = now;
  const used = new Set<string>();
  for (const table of tables) {
    // Sheet names must differ; a cut-off title could repeat another.
    let name = sheetNameOf(table.title);
    for (let n = 2; used.has(name); n += 1) name = sheetNameOf(`${[...table.title].slice(0, 27).join('')}(${n})`);
    used.add(name);
    const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    const widths = table.columns.map((column) => displayWidth(column.title));
    sheet.addRow(table.columns.map((column) => column.title)).font = { bold: true };
    for (const row of table.cells) {
      const values = row.map((value) => cellValue(value, 'masked'));
      sheet.addRow(values);
      values.forEach((value, column) => {
        widths[column] = Math.max(widths[column] ?? 0, displayWidth(value));
      });
    }
    widths.forEach((width, column) => {
      sheet.getColumn(column + 1).width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width + 2));
    });
  }
  return workbook;
}

/** Offers the report's workbook to save; `saved: false` when the person closed the dialog. */
export async function saveReportWorkbook(fileTitle: string, tables: readonly ReportTable[]): Promise<{ saved: boolean }> {
  const now = new Date();
  const result = await getDesktopApi().saveFile(exportFileName(fileTitle, now), await workbookBytes(reportWorkbook(tables, now)));
  if (!result.ok) throw new Error(result.error);
  return result.value;
}
