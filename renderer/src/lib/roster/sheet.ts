// An .xlsx roster as text: its header row and the rows below it, every cell as the text a person
// sees (dates as YYYY-MM-DD). Runs in a Web Worker and in Node tests: no DOM.
import ExcelJS from 'exceljs';
import { recognisedCount, type RosterKind } from './fields';

export interface RosterSheet {
  sheetName: string;
  headers: string[];
  rows: SheetRow[];
}

export interface SheetRow {
  /** The row's number in Excel (1-based), as the person finds it in the file. */
  rowNumber: number;
  cells: SheetCell[];
}

export interface SheetCell {
  text: string;
  /** A long number (an ID number typed without a leading ' is stored as one, losing its last digits). */
  longNumber?: true;
}

/** Sheets the template adds for people, never data. */
const INSTRUCTION_SHEETS = new Set(['说明', '填写说明']);
/** A title row or two may stand above the headers ("某某社区党员花名册"). */
const HEADER_SEARCH_ROWS = 10;

export class RosterReadError extends Error {
  constructor(readonly code: 'unreadable' | 'noSheet' | 'noHeader') {
    super(code);
    this.name = 'RosterReadError';
  }
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Excel dates arrive as UTC midnights. */
function dateText(date: Date): string {
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

export function cellOf(value: ExcelJS.CellValue): SheetCell {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'string') return { text: value.trim() };
  if (typeof value === 'number') {
    const long = Math.abs(value) >= 1e15;
    return long ? { text: String(value), longNumber: true } : { text: String(value) };
  }
  if (typeof value === 'boolean') return { text: value ? '是' : '否' };
  if (value instanceof Date) return { text: dateText(value) };
  if ('richText' in value) return { text: value.richText.map((part) => part.text).join('').trim() };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    return result === undefined || typeof result === 'object' && !(result instanceof Date) ? { text: '' } : cellOf(result as ExcelJS.CellValue);
  }
  if ('hyperlink' in value) return { text: String(value.text).trim() };
  if ('error' in value) return { text: '' };
  return { text: '' };
}

/** A, B, …, Z, AA: how Excel names a column (a header left blank is shown by it). */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function rowCells(row: ExcelJS.Row, width: number): SheetCell[] {
  const cells: SheetCell[] = [];
  for (let column = 1; column <= width; column++) cells.push(cellOf(row.getCell(column).value));
  return cells;
}

function isEmpty(cells: readonly SheetCell[]): boolean {
  return cells.every((cell) => cell.text === '');
}

/** Reads the first data sheet of a workbook; the header row is the one naming the most known columns. */
export async function readRoster(bytes: ArrayBuffer, kind: RosterKind): Promise<RosterSheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes);
  } catch {
    throw new RosterReadError('unreadable');
  }
  const sheet = workbook.worksheets.find((candidate) => !INSTRUCTION_SHEETS.has(candidate.name.trim()) && candidate.actualRowCount > 0);
  if (!sheet) throw new RosterReadError('noSheet');
  const width = sheet.columnCount;

  let headerRow = 0;
  let best = -1;
  for (let number = 1; number <= Math.min(sheet.rowCount, HEADER_SEARCH_ROWS); number++) {
    const cells = rowCells(sheet.getRow(number), width);
    if (isEmpty(cells)) continue;
    const score = recognisedCount(kind, cells.map((cell) => cell.text));
    if (score > best) {
      best = score;
      headerRow = number;
    }
  }
  if (headerRow === 0) throw new RosterReadError('noHeader');

  const headerCells = rowCells(sheet.getRow(headerRow), width);
  // Trailing columns without a header and without data are formatting only.
  const headers = headerCells.map((cell, index) => cell.text || columnLetter(index));
  const rows: SheetRow[] = [];
  for (let number = headerRow + 1; number <= sheet.rowCount; number++) {
    const cells = rowCells(sheet.getRow(number), width);
    if (!isEmpty(cells)) rows.push({ rowNumber: number, cells });
  }
  const used = headerCells.map((cell, index) => cell.text !== '' || rows.some((row) => row.cells[index]?.text !== ''));
  const keep = used.map((_, index) => index).filter((index) => used[index]);
  return {
    sheetName: sheet.name,
    headers: keep.map((index) => headers[index] ?? ''),
    rows: rows.map((row) => ({ rowNumber: row.rowNumber, cells: keep.map((index) => row.cells[index] ?? { text: '' }) })),
  };
}
