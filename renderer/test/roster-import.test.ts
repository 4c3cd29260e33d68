// Roster import on real .xlsx files written by ExcelJS, as an office's sheet would arrive.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { idCheckDigit } from '@domain/identity';
import { suggestMapping, unmappedRequired } from '../src/lib/roster/fields';
import type { RosterContext } from '../src/lib/roster/places';
import { handleRosterRequest, type RosterResponse } from '../src/lib/roster/protocol';
import { readRoster } from '../src/lib/roster/sheet';
import { templateBytes, templateWorkbook } from '../src/lib/roster/template';
import { validateRoster, type RosterResult } from '../src/lib/roster/validate';
import type { Building, Compound, Member } from '@domain/collections';

const id = (first17: string) => first17 + idCheckDigit(first17);
const anyId = expect.any(String) as unknown as string;
const badCheck = (first17: string) => first17 + (idCheckDigit(first17) === '0' ? '1' : '0');

const context: RosterContext = {
  streetId: 'street-1',
  today: '2026-01-01',
  communities: [
    { id: 'c1', name: '东塔社区' },
    { id: 'c2', name: '西湖社区' },
  ],
  compounds: [
    { id: 'p1', name: '幸福里小区', communityId: 'c1' },
    { id: 'p2', name: '朔方小区', communityId: 'c2' },
    { id: 'p3', name: '同名小区', communityId: 'c1' },
    { id: 'p4', name: '同名小区', communityId: 'c2' },
  ],
  buildings: [{ id: 'b1', name: '3号楼', compoundId: 'p1' }],
  grids: [{ id: 'g1', name: '第一网格', communityId: 'c1' }],
  members: [{ idNumber: id('64038119800101123'), name: '王五' }],
};

async function xlsx(rows: (string | number | Date | null)[][], options: { title?: string; sheetName?: string } = {}): Promise<ArrayBuffer> {
  const workbook = new ExcelJS.Workbook();
  if (options.sheetName !== '说明') workbook.addWorksheet('说明').addRow(['请按模板填写']);
  const sheet = workbook.addWorksheet(options.sheetName ?? '花名册');
  if (options.title) sheet.addRow([options.title]);
  for (const row of rows) sheet.addRow(row);
  // The instructions sheet first: the reader must skip it.
  return workbook.xlsx.writeBuffer();
}

async function importMembers(rows: (string | number | Date | null)[][], ctx = context): Promise<RosterResult> {
  const sheet = await readRoster(await xlsx(rows), 'members');
  return validateRoster('members', sheet, suggestMapping('members', sheet.headers), ctx);
}

const codesOf = (result: RosterResult, row: number) => result.rows.find((r) => r.rowNumber === row)?.problems.map((p) => `${p.field}:${p.code}`) ?? ['no such row'];

describe('reading a roster', () => {
  it('finds the header row under a title, skips the instructions sheet, and reads dates and numbers as text', async () => {
    const bytes = await xlsx(
      [
        ['姓名', '公民身份号码', '联系电话', '出生日期', '单元', '房号'],
        ['张三', id('64038119800101001'), 13812345678, new Date(Date.UTC(1980, 0, 1)), 2, 301],
      ],
      { title: '东塔社区党员花名册' },
    );
    const sheet = await readRoster(bytes, 'members');
    expect(sheet.sheetName).toBe('花名册');
    expect(sheet.headers).toEqual(['姓名', '公民身份号码', '联系电话', '出生日期', '单元', '房号']);
    expect(sheet.rows).toHaveLength(1);
    expect(sheet.rows[0]?.rowNumber).toBe(3);
    expect(sheet.rows[0]?.cells.map((cell) => cell.text)).toEqual(['张三', id('64038119800101001'), '13812345678', '1980-01-01', '2', '301']);
  });

  it('recognises header variants and leaves unknown columns for the person to map', () => {
    const headers = ['序号', '姓 名', '身份证号码', '手机号码*', '政治面貌', '党员类别', '所在小区', '楼号', '门牌号', '爱好'];
    const mapping = suggestMapping('members', headers);
    expect(mapping).toEqual({ name: 1, idNumber: 2, mobile: 3, isPartyMember: 4, category: 5, compound: 6, building: 7, room: 8 });
    expect(unmappedRequired('members', mapping)).toEqual([]);
    expect(unmappedRequired('members', { mobile: 0 })).toEqual(['name']);
    expect(suggestMapping('compounds', ['小区名称', '社区', '常住人数'])).toEqual({ name: 0, community: 1, residentCount: 2 });
    expect(suggestMapping('buildings', ['小区', '楼栋名称', '户数'])).toEqual({ compound: 0, name: 1, households: 2 });
  });
});

describe('checking members', () => {
  const header = ['姓名', '身份证号', '手机号', '性别', '是否党员', '类别', '社区', '小区', '楼栋', '单元', '房号', '网格'];

  it('makes documents of good rows, with gender and birth date from the ID number', async () => {
    const result = await importMembers([
      header,
      ['张三', id('64038119800101001'), '138 1234 5678', '', '是', '离退休党员', '', '幸福里小区', '3栋', 2, 301, '第一网格'],
      ['李四', '', '', '女', '群众', '', '西湖社区', '', '', '', '', ''],
    ]);
    expect(result.invalid).toBe(0);
    expect(result.valid).toBe(2);
    const [zhang, li] = result.docs as Member[];
    expect(zhang).toMatchObject({
      streetId: 'street-1',
      communityId: 'c1',
      name: '张三',
      idNumber: id('64038119800101001'),
      gender: 'male',
      birthDate: '1980-01-01',
      mobile: '13812345678',
      isPartyMember: true,
      category: 'retired',
      compoundId: 'p1',
      buildingId: 'b1',
      unitNo: '2',
      room: '301',
      gridId: 'g1',
    });
    expect(li).toEqual({ id: li?.id, streetId: 'street-1', communityId: 'c2', name: '李四', isPartyMember: false, gender: 'female' });
    expect(zhang?.id).not.toBe(li?.id);
  });

  it('marks every bad cell in Chinese terms: check digit, mobile, unknown compound and building, mismatched gender', async () => {
    const result = await importMembers([
      header,
      ['赵一', badCheck('64038119800101002'), '13812345678', '', '', '', '', '', '', '', '', ''],
      ['钱二', id('64038119800101003'), '1381234567', '', '', '', '', '幸福里小区', '', '', '', ''],
      ['孙三', '', '', '', '', '', '', '不存在小区', '', '', '', ''],
      ['周四', id('64038119800101005'), '', '男', '', '', '东塔社区', '幸福里小区', '9号楼', '', '', ''],
      ['吴五', id('64038119800101014'), '', '男', '', '', '东塔社区', '', '', '', '', ''],
      ['', '', '', '', '', '', '', '同名小区', '', '', '', ''],
      ['郑六', '', '', '', '群众', '离退休党员', '东塔社区', '', '', '', '', ''],
    ]);
    expect(codesOf(result, 2)).toEqual(['idNumber:idNumber.checkDigit', 'community:communityRequired']);
    expect(codesOf(result, 3)).toEqual(['mobile:mobile']);
    expect(codesOf(result, 4)).toEqual(['compound:compoundUnknown']);
    expect(codesOf(result, 5)).toEqual(['building:buildingUnknown']);
    expect(codesOf(result, 6)).toEqual(['gender:genderMismatch']);
    expect(codesOf(result, 7)).toEqual(['name:required', 'compound:compoundAmbiguous']);
    expect(codesOf(result, 8)).toEqual(['category:categoryNotParty']);
    expect(result.valid).toBe(0);
    expect(result.docs).toEqual([]);
  });

  it('finds an ID number twice in the file and one already recorded, and an ID stored as a number', async () => {
    const twice = id('64038119800101005');
    const result = await importMembers([
      ['姓名', '身份证号', '社区'],
      ['甲', twice, '东塔社区'],
      ['乙', twice.toLowerCase(), '东塔社区'],
      ['丙', id('64038119800101123'), '东塔社区'],
      ['丁', 640381198001011000, '东塔社区'],
    ]);
    expect(codesOf(result, 2)).toEqual([]);
    expect(result.rows[1]?.problems).toEqual([{ field: 'idNumber', code: 'duplicateInFile', params: { row: 2 } }]);
    expect(result.rows[2]?.problems).toEqual([{ field: 'idNumber', code: 'duplicateExisting', params: { name: '王五' } }]);
    expect(codesOf(result, 5)).toEqual(['idNumber:idNumberAsNumber']);
    expect(result.valid).toBe(1);
    expect(result.invalid).toBe(3);
  });

  it('reads a sheet whose columns the person mapped by hand', async () => {
    const sheet = await readRoster(await xlsx([['人员', '证件', '住址小区'], ['张三', id('64038119800101007'), '幸福里小区']]), 'members');
    expect(suggestMapping('members', sheet.headers)).toEqual({});
    const result = validateRoster('members', sheet, { name: 0, idNumber: 1, compound: 2 }, context);
    expect(result.fields).toEqual(['name', 'idNumber', 'compound']);
    expect(result.docs).toEqual([expect.objectContaining({ name: '张三', compoundId: 'p1', communityId: 'c1', gender: 'male' })]);
  });

  it('flags the template example row left in the file', async () => {
    const bytes = await templateBytes(templateWorkbook('members', { sheetName: '队伍成员', instructionsSheetName: '说明', instructions: ['第2行是示例'] }));
    const sheet = await readRoster(bytes.buffer as ArrayBuffer, 'members');
    const mapping = suggestMapping('members', sheet.headers);
    expect(Object.keys(mapping)).toHaveLength(15);
    const result = validateRoster('members', sheet, mapping, { ...context, communities: [{ id: 'c1', name: '东塔社区' }] });
    expect(codesOf(result, 2)).toContain('name:exampleRow');
    // A real person of the example's name is no example row.
    const zhang = await readRoster(await xlsx([['姓名', '社区'], ['张三', '东塔社区']]), 'members');
    expect(validateRoster('members', zhang, { name: 0, community: 1 }, context).valid).toBe(1);
  });
});

describe('checking compounds and buildings', () => {
  it('imports compounds, refusing names already taken and a company where there is no property management', async () => {
    const sheet = await readRoster(
      await xlsx([
        ['小区名称', '社区', '是否有物业', '物业公司', '居民人数', '是否试点'],
        ['新华小区', '东塔社区', '有', '安居物业', 1200, '是'],
        ['新华小区', '东塔社区', '', '', '', ''],
        ['幸福里小区', '东塔社区', '', '', '', ''],
        ['老街小区', '西湖社区', '无', '安居物业', '很多', '也许'],
      ]),
      'compounds',
    );
    const result = validateRoster('compounds', sheet, suggestMapping('compounds', sheet.headers), context);
    expect(result.docs as Compound[]).toEqual([
      { id: anyId, streetId: 'street-1', communityId: 'c1', name: '新华小区', propertyManaged: true, propertyCompany: '安居物业', residentCount: 1200, pilot: true },
    ]);
    expect(codesOf(result, 3)).toEqual(['name:nameInFile']);
    expect(codesOf(result, 4)).toEqual(['name:nameExists']);
    expect(codesOf(result, 5)).toEqual(['propertyCompany:propertyCompanyWithoutManagement', 'pilot:yesNoInvalid', 'residentCount:countInvalid']);
  });

  it('imports buildings into known compounds only', async () => {
    const sheet = await readRoster(
      await xlsx([
        ['小区', '楼栋', '单元数', '户数'],
        ['幸福里小区', '5号楼', 3, 36],
        ['幸福里小区', '3号楼', '', ''],
        ['无名小区', '1号楼', '', ''],
        ['幸福里小区', '6号楼', 300, ''],
      ]),
      'buildings',
    );
    const result = validateRoster('buildings', sheet, suggestMapping('buildings', sheet.headers), context);
    expect(result.docs as Building[]).toEqual([
      { id: anyId, streetId: 'street-1', communityId: 'c1', compoundId: 'p1', name: '5号楼', units: 3, households: 36 },
    ]);
    expect(codesOf(result, 3)).toEqual(['name:nameExists']);
    expect(codesOf(result, 4)).toEqual(['compound:compoundUnknown']);
    expect(codesOf(result, 5)).toEqual(['units:countInvalid']);
  });
});

describe('the worker protocol on a large file', () => {
  it('reads and checks 5,000 rows, reporting progress up to the end', async () => {
    const rows: (string | number)[][] = [['姓名', '身份证号', '手机号', '小区']];
    for (let n = 0; n < 5000; n++) {
      const serial = String(n).padStart(3, '0').slice(-3);
      const day = String(1 + (Math.floor(n / 1000) % 28)).padStart(2, '0');
      rows.push([`成员${n}`, id(`640381198002${day}${serial}`), `138${String(n).padStart(8, '0')}`, '幸福里小区']);
    }
    const responses: RosterResponse[] = [];
    const state = {};
    await handleRosterRequest(state, { type: 'read', kind: 'members', bytes: await xlsx(rows) }, (r) => responses.push(r));
    expect(responses[0]).toMatchObject({ type: 'read', rowCount: 5000, suggested: { name: 0, idNumber: 1, mobile: 2, compound: 3 } });
    const mapping = responses[0]?.type === 'read' ? responses[0].suggested : {};
    await handleRosterRequest(state, { type: 'validate', mapping, context }, (r) => responses.push(r));
    const progress = responses.filter((r) => r.type === 'progress');
    expect(progress.length).toBeGreaterThan(10);
    expect(progress.at(-1)).toEqual({ type: 'progress', done: 5000, total: 5000 });
    const last = responses.at(-1);
    expect(last?.type === 'validated' && [last.result.valid, last.result.invalid]).toEqual([5000, 0]);
  }, 120_000);

  it('says so when the file is not a workbook or has no rows', async () => {
    const responses: RosterResponse[] = [];
    await handleRosterRequest({}, { type: 'read', kind: 'members', bytes: new TextEncoder().encode('not a workbook').buffer }, (r) => responses.push(r));
    await handleRosterRequest({}, { type: 'read', kind: 'members', bytes: await xlsx([['姓名', '身份证号']]) }, (r) => responses.push(r));
    await handleRosterRequest({}, { type: 'validate', mapping: {}, context }, (r) => responses.push(r));
    expect(responses).toEqual([
      { type: 'error', code: 'unreadable' },
      { type: 'error', code: 'noRows' },
      { type: 'error', code: 'notRead' },
    ]);
  });
});
