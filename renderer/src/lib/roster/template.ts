// The roster template per kind: the headers the import recognises at once, an example row, and a
// 说明 sheet. Columns of ID numbers and mobiles are text, so Excel keeps every digit.
import ExcelJS from 'exceljs';
import { rosterFields, type RosterKind } from './fields';

export interface TemplateTexts {
  sheetName: string;
  instructionsSheetName: string;
  /** One line each on the instructions sheet. */
  instructions: string[];
}

const TEXT_COLUMNS = new Set(['idNumber', 'mobile', 'unitNo', 'room', 'name', 'building']);
const REQUIRED_COLOR = 'FFB71C1C';

/** `examples` fills the example row's place names with the person's own (a compound they have). */
export function templateWorkbook(kind: RosterKind, texts: TemplateTexts, examples: Partial<Record<string, string>> = {}): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(texts.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  const fields = rosterFields[kind].filter((field) => !field.exportOnly);
  sheet.columns = fields.map((field) => ({
    header: field.headers[0] ?? field.key,
    key: field.key,
    width: field.key === 'idNumber' ? 22 : Math.max(10, (field.headers[0]?.length ?? 4) * 2 + 4),
    style: TEXT_COLUMNS.has(field.key) ? { numFmt: '@' } : {},
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  fields.forEach((field, index) => {
    if (field.required) header.getCell(index + 1).font = { bold: true, color: { argb: REQUIRED_COLOR } };
  });
  sheet.addRow(Object.fromEntries(fields.map((field) => [field.key, examples[field.key] ?? field.example])));

  const help = workbook.addWorksheet(texts.instructionsSheetName);
  help.getColumn(1).width = 100;
  for (const line of texts.instructions) help.addRow([line]);
  return workbook;
}

export async function templateBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}
