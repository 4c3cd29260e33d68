// Rosters round-trip through Excel: the members list exported as the person sees it (its real
// columns, in Chinese) reads back through the import as the same people — in full when a street
// admin disclosed it, and refused cell by cell where the export masked the numbers.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { idCheckDigit } from '@domain/identity';
import type { Member } from '@domain/collections';
import { exportColumnsOf } from '../src/components/export/tableExport';
import { memberColumns } from '../src/features/members/memberColumns';
import type { MemberRow } from '../src/features/members/memberRows';
import { i18n } from '../src/i18n';
import type { Disclosure } from '../src/lib/export/values';
import { buildWorkbook, workbookBytes } from '../src/lib/export/workbook';
import { suggestMapping } from '../src/lib/roster/fields';
import type { RosterContext } from '../src/lib/roster/places';
import { readRoster } from '../src/lib/roster/sheet';
import { validateRoster } from '../src/lib/roster/validate';
import { readAddress } from '../src/lib/roster/values';

const id = (first17: string) => first17 + idCheckDigit(first17);

const context: RosterContext = {
  streetId: 'street-1',
  today: '2026-11-27',
  communities: [{ id: 'c1', name: '东塔社区' }],
  compounds: [
    { id: 'p1', name: '幸福里小区', communityId: 'c1' },
    { id: 'p2', name: '朔方小区', communityId: 'c1' },
  ],
  buildings: [
    { id: 'b1', name: '3号楼', compoundId: 'p1' },
    { id: 'b2', name: '1栋', compoundId: 'p2' },
  ],
  grids: [],
  members: [],
};

const names = { communityName: '东塔社区' };
const people: MemberRow[] = [
  {
    ...names,
    id: 'm1',
    streetId: 'street-1',
    communityId: 'c1',
    name: '张三',
    idNumber: id('64038119800101001'),
    gender: 'male',
    birthDate: '1980-01-01',
    mobile: '13812345678',
    isPartyMember: true,
    category: 'inServiceReported',
    workUnit: '灵武市民政局',
    compoundId: 'p1',
    buildingId: 'b1',
    unitNo: '2',
    room: '301',
    compoundName: '幸福里小区',
    buildingName: '3号楼',
  },
  {
    ...names,
    id: 'm2',
    streetId: 'street-1',
    communityId: 'c1',
    name: '李四',
    idNumber: id('64038119650712002'),
    gender: 'female',
    birthDate: '1965-07-12',
    isPartyMember: true,
    category: 'retired',
    compoundId: 'p2',
    buildingId: 'b2',
    room: '102',
    compoundName: '朔方小区',
    buildingName: '1栋',
  },
  {
    ...names,
    id: 'm3',
    streetId: 'street-1',
    communityId: 'c1',
    name: '王小梅',
    mobile: '13998765432',
    isPartyMember: false,
    compoundId: 'p2',
    compoundName: '朔方小区',
    buildingName: '',
  },
];

/** What a record says about the person, without the device's id and the list's display names. */
function person(member: object): Partial<Member> {
  const { id: _id, communityName: _c, compoundName: _p, buildingName: _b, ...rest } = member as MemberRow;
  void [_id, _c, _p, _b];
  return rest;
}

async function exportAndImport(disclosure: Disclosure, existing: RosterContext['members'] = []) {
  const t = i18n.getFixedT('zh-CN', 'members');
  const columns = exportColumnsOf(memberColumns(t, () => true));
  const bytes = await workbookBytes(buildWorkbook({ listName: '小区治理队伍成员', columns, rows: people, disclosure }));
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const sheet = await readRoster(buffer, 'members');
  return validateRoster('members', sheet, suggestMapping('members', sheet.headers), { ...context, members: existing });
}

describe('the members list, exported and imported again', () => {
  it('gives back the same people when a street admin exported it in full', async () => {
    const result = await exportAndImport('full');
    expect(result.rows.flatMap((row) => row.problems)).toEqual([]);
    expect(result.docs.map(person)).toEqual(people.map(person));
  });

  it('finds every person with an ID number again as already recorded when imported where they exist', async () => {
    const result = await exportAndImport('full', people);
    // Without an ID number, a person is known by nothing but a name: they are imported again.
    expect(result.docs.map((doc) => doc.name)).toEqual(['王小梅']);
    expect(result.rows.map((row) => row.problems.map((problem) => problem.code))).toEqual([['duplicateExisting'], ['duplicateExisting'], []]);
  });

  it('refuses masked ID numbers and mobiles cell by cell, saying they were masked on export', async () => {
    const result = await exportAndImport('masked');
    expect(result.rows.map((row) => row.problems.map((problem) => `${problem.field}:${problem.code}`))).toEqual([
      ['idNumber:masked', 'mobile:masked'],
      ['idNumber:masked'],
      ['mobile:masked'],
    ]);
  });
});

describe('the compounds list, exported and imported into another street', () => {
  it('reads the 物业 column as the company, or as 无物业, and 试点 as the pilot flag', async () => {
    // The compounds page's columns as its export writes them (tests/e2e/export.spec.ts checks those).
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('居民小区');
    sheet.addRow(['小区名称', '所属社区', '物业', '居民人数', '楼栋数', '试点', '小区党支部']);
    sheet.addRow(['新城小区', '东塔社区', '宁夏安居物业服务有限公司', 860, 3, '试点', '已建立']);
    sheet.addRow(['老街小区', '东塔社区', '无物业', 300, 2, null, '无支部']);
    sheet.addRow(['花园小区', '东塔社区', '有物业（未填写公司）', 500, 0, null, '无支部']);
    const roster = await readRoster(await workbook.xlsx.writeBuffer(), 'compounds');
    const result = validateRoster('compounds', roster, suggestMapping('compounds', roster.headers), context);
    expect(result.rows.flatMap((row) => row.problems)).toEqual([]);
    expect(result.docs.map(({ id: _id, ...compound }) => compound)).toEqual([
      { streetId: 'street-1', communityId: 'c1', name: '新城小区', propertyManaged: true, propertyCompany: '宁夏安居物业服务有限公司', residentCount: 860, pilot: true },
      { streetId: 'street-1', communityId: 'c1', name: '老街小区', propertyManaged: false, residentCount: 300, pilot: false },
      { streetId: 'street-1', communityId: 'c1', name: '花园小区', propertyManaged: true, residentCount: 500, pilot: false },
    ]);
  });
});

describe('reading the members list’s address column', () => {
  it.each([
    ['幸福里小区 3号楼 2单元 301', { compound: '幸福里小区', building: '3号楼', unitNo: '2', room: '301' }],
    ['幸福里小区 3号楼 301', { compound: '幸福里小区', building: '3号楼', room: '301' }],
    ['幸福里小区 3号楼', { compound: '幸福里小区', building: '3号楼' }],
    ['幸福里小区 301', { compound: '幸福里小区', room: '301' }],
    ['幸福里小区 2单元 301', { compound: '幸福里小区', unitNo: '2', room: '301' }],
    ['', {}],
  ])('%s', (text, parts) => {
    expect(readAddress(text)).toEqual(parts);
  });
});
