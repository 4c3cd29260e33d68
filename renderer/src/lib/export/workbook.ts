// A list as an .xlsx workbook: one sheet, a bold frozen header row, columns as wide as their text,
// personal data masked unless the export discloses it in full.
import ExcelJS from 'exceljs';
import { cellValue, displayWidth, type Disclosure, type ExportValue } from './values';

export interface ExportColumn<R> {
  title: string;
  value: (row: R, index: number) => ExportValue;
}

export interface ExportRequest<R> {
  /** The list's name, e.g. 队伍成员: the sheet's name and the start of the file's. */
  listName: string;
  columns: readonly ExportColumn<R>[];
  rows: readonly R[];
  disclosure: Disclosure;
  /** When the export is made (the workbook's creation time). */
  now?: Date;
}

const MIN_WIDTH = 6;
const MAX_WIDTH = 60;
const DATE_FORMAT = 'yyyy-mm-dd';
/** Excel refuses these in sheet names, and names longer than 31 characters. */
const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/g;
const FILE_NAME_FORBIDDEN = /[\\/:*?"<>|]/g;

export function sheetNameOf(listName: string): string {
  const cleaned = listName.replace(SHEET_NAME_FORBIDDEN, '_').replace(/^'+|'+$/g, '').trim();
  return [...(cleaned === '' ? 'Sheet1' : cleaned)].slice(0, 31).join('');
}

/** 《列表名-YYYYMMDD.xlsx》, the date in the device's own time zone. */
export function exportFileName(listName: string, now: Date = new Date()): string {
  const stamp = `${now.getFullYear()}${String(now.getMonth() + 1).padStart(2, '0')}${String(now.getDate()).padStart(2, '0')}`;
  const printable = [...listName].filter((char) => (char.codePointAt(0) ?? 0) >= 0x20).join('');
  const name = printable.replace(FILE_NAME_FORBIDDEN, '_').trim() || 'export';
  return `${name}-${stamp}.xlsx`;
}

export function buildWorkbook<R>(request: ExportRequest<R>): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.created = request.now ?? new Date();
  const sheet = workbook.addWorksheet(sheetNameOf(request.listName), { views: [{ state: 'frozen', ySplit: 1 }] });
  const widths = request.columns.map((column) => displayWidth(column.title));

  const header = sheet.addRow(request.columns.map((column) => column.title));
  header.font = { bold: true };
  request.rows.forEach((row, index) => {
    const values = request.columns.map((column) => cellValue(column.value(row, index), request.disclosure));
    const added = sheet.addRow(values);
    values.forEach((value, column) => {
      widths[column] = Math.max(widths[column] ?? 0, displayWidth(value));
      if (value instanceof Date) added.getCell(column + 1).numFmt = DATE_FORMAT;
    });
  });
  widths.forEach((width, column) => {
    sheet.getColumn(column + 1).width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width + 2));
  });
  return workbook;
}

/** The workbook as the bytes of an .xlsx file. */
export async function workbookBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}
