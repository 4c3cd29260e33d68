// Exports read back with ExcelJS, as an office receiving the file would open it.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildWorkbook, exportFileName, sheetNameOf, workbookBytes, type ExportColumn } from '../src/lib/export/workbook';
import { cellValue, dateFromIso, personal } from '../src/lib/export/values';

interface Person {
  name: string;
  idNumber?: string;
  mobile?: string;
  reportedOn?: string;
  households: number;
}

const people: Person[] = [
  { name: '张三', idNumber: '11010519491231002X', mobile: '13812345678', reportedOn: '2024-03-01', households: 3 },
  { name: '李四', households: 0 },
];

const columns: ExportColumn<Person>[] = [
  { title: '姓名', value: (row) => row.name },
  { title: '身份证号', value: (row) => row.idNumber && personal('idNumber', row.idNumber) },
  { title: '手机号', value: (row) => row.mobile && personal('mobile', row.mobile) },
  { title: '报到日期', value: (row) => row.reportedOn && dateFromIso(row.reportedOn) },
  { title: '户数', value: (row) => row.households },
  { title: '联系方式', value: (row) => [row.name, ' ', row.mobile && personal('mobile', row.mobile)] },
];

async function roundTrip(disclosure: 'masked' | 'full'): Promise<ExcelJS.Worksheet> {
  const bytes = await workbookBytes(buildWorkbook({ listName: '队伍成员', columns, rows: people, disclosure }));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('the workbook has no sheet');
  return sheet;
}

const rowValues = (sheet: ExcelJS.Worksheet, row: number) => columns.map((_, column) => sheet.getRow(row).getCell(column + 1).value);

describe('xlsx export', () => {
  it('writes a bold, frozen header row and one row per list row, personal data masked', async () => {
    const sheet = await roundTrip('masked');
    expect(sheet.name).toBe('队伍成员');
    expect(rowValues(sheet, 1)).toEqual(columns.map((column) => column.title));
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.actualRowCount).toBe(3);
    expect(rowValues(sheet, 2)).toEqual(['张三', '110105********002X', '138****5678', new Date(Date.UTC(2024, 2, 1)), 3, '张三 138****5678']);
    expect(sheet.getRow(2).getCell(4).numFmt).toBe('yyyy-mm-dd');
    // Empty cells stay empty; zero is a number, not a blank.
    expect(rowValues(sheet, 3)).toEqual(['李四', null, null, null, 0, '李四 ']);
  });

  it('writes ID numbers and mobiles in full, as text, when disclosed', async () => {
    const sheet = await roundTrip('full');
    expect(rowValues(sheet, 2)).toEqual(['张三', '11010519491231002X', '13812345678', new Date(Date.UTC(2024, 2, 1)), 3, '张三 13812345678']);
    expect(typeof sheet.getRow(2).getCell(2).value).toBe('string');
  });

  it('never lets a full ID number or mobile into a masked file', async () => {
    const sheet = await roundTrip('masked');
    const text = JSON.stringify(sheet.getSheetValues());
    expect(text).not.toContain('11010519491231002X');
    expect(text).not.toContain('13812345678');
  });

  it('makes columns wide enough for Chinese text', async () => {
    const sheet = await roundTrip('full');
    // 18 characters of ID number, plus a margin.
    expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual(18);
    // Two CJK characters are as wide as four Latin ones.
    expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual(4);
  });

  it('names the file after the list and the local date', () => {
    expect(exportFileName('队伍成员', new Date(2026, 0, 5, 23, 59))).toBe('队伍成员-20260105.xlsx');
    expect(exportFileName('小区/楼栋', new Date(2026, 10, 27))).toBe('小区_楼栋-20261127.xlsx');
  });

  it('keeps sheet names within what Excel accepts', () => {
    expect(sheetNameOf('网格[一]:名单')).toBe('网格_一__名单');
    expect([...sheetNameOf('很'.repeat(40))]).toHaveLength(31);
    expect(sheetNameOf('')).toBe('Sheet1');
  });

  it('joins several parts of one cell and drops empty ones', () => {
    expect(cellValue(['3号楼', null, '2单元'], 'masked')).toBe('3号楼2单元');
    expect(cellValue([null, ''], 'masked')).toBeNull();
    expect(cellValue([42], 'masked')).toBe(42);
    expect(cellValue(personal('mobile', '13812345678'), 'masked')).toBe('138****5678');
    expect(dateFromIso('2024-02-30')).toBeNull();
  });
});
