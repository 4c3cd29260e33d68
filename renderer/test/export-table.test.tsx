// An export holds the columns the person sees, each cell's text as the table shows it, personal
// data masked as MaskedText masks it (or in full when disclosed). Checked on the members page's
// real columns and on the kinds of cells other pages render.
import ExcelJS from 'exceljs';
import { Tag, Typography, type TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { Link } from 'react-router';
import { describe, expect, it } from 'vitest';
import { MaskedText } from '../src/components/MaskedText';
import { showsPersonalData } from '../src/components/export/personalColumns';
import { exportColumnsOf, exportValueOf } from '../src/components/export/tableExport';
import { memberColumns } from '../src/features/members/memberColumns';
import type { MemberRow } from '../src/features/members/memberRows';
import { cellValue, type Disclosure } from '../src/lib/export/values';
import { buildWorkbook, workbookBytes, type ExportColumn } from '../src/lib/export/workbook';

const member: MemberRow = {
  id: 'm1',
  streetId: 's1',
  communityId: 'c1',
  name: '王五',
  gender: 'male',
  idNumber: '11010519491231002X',
  mobile: '13912345678',
  isPartyMember: true,
  category: 'retired',
  compoundId: 'p1',
  buildingId: 'b1',
  unitNo: '2',
  room: '301',
  workUnit: '灵武市第一中学',
  communityName: '东门社区',
  compoundName: '幸福小区',
  buildingName: '3号楼',
};

/** Keys as texts: enough to see which column is which. */
const t = ((key: string, options?: Record<string, unknown>) => (typeof options?.unitNo === 'string' ? `${options.unitNo}单元` : key)) as unknown as TFunction<'members'>;

const cells = <R,>(columns: ExportColumn<R>[], row: R, disclosure: Disclosure) => columns.map((column) => cellValue(column.value(row, 0), disclosure));

function Computed({ count }: { count: number }) {
  const [suffix] = useState(' 户');
  return <Typography.Text type="secondary">{`${count}${suffix}`}</Typography.Text>;
}

interface Place {
  name: string;
  pilot: boolean;
  households: number;
  since: string;
  phone?: string;
}

describe('export columns from a table', () => {
  it('takes the members page’s columns without the actions column, masking ID numbers and mobiles', () => {
    const columns = exportColumnsOf(memberColumns(t, () => true));
    expect(columns.map((column) => column.title)).toEqual([
      'columns.name',
      'columns.gender',
      'columns.community',
      'columns.address',
      'columns.mobile',
      'columns.idNumber',
      'columns.party',
      'columns.category',
      'columns.workUnit',
    ]);
    expect(cells(columns, member, 'masked')).toEqual([
      '王五',
      'genders.male',
      '东门社区',
      '幸福小区 3号楼 2单元 301',
      '139****5678',
      '110105********002X',
      'yes',
      'categories.retired',
      '灵武市第一中学',
    ]);
    const full = cells(columns, member, 'full');
    expect(full[4]).toBe('13912345678');
    expect(full[5]).toBe('11010519491231002X');
  });

  it('reads links, tags, typography, computed components and dates, and leaves out hidden columns', () => {
    const columns: TableColumnsType<Place> = [
      { title: '名称', dataIndex: 'name', render: (name: string) => <Link to="/x">{name}</Link> },
      { title: '试点', dataIndex: 'pilot', render: (pilot: boolean) => pilot && <Tag color="red">试点</Tag> },
      { title: '户数', key: 'households', render: (_, place) => <Computed count={place.households} /> },
      { title: '人数', dataIndex: 'households', key: 'n' },
      { title: '成立', dataIndex: 'since' },
      { title: '电话', dataIndex: 'phone', render: (phone?: string) => <Typography.Text>{<MaskedText kind="mobile" value={phone} />}</Typography.Text> },
      { title: '内部', dataIndex: 'name', hidden: true },
      { title: '操作', key: 'actions', render: () => <button type="button">编辑</button> },
    ];
    const exported = exportColumnsOf(columns);
    expect(exported.map((column) => column.title)).toEqual(['名称', '试点', '户数', '人数', '成立', '电话']);
    const place: Place = { name: 'A&B <小区>', pilot: true, households: 12, since: '2021-06-30', phone: '13700001111' };
    expect(cells(exported, place, 'masked')).toEqual(['A&B <小区>', '试点', '12 户', 12, new Date(Date.UTC(2021, 5, 30)), '137****1111']);
    expect(cells(exported, { ...place, pilot: false, phone: undefined }, 'masked')).toEqual(['A&B <小区>', null, '12 户', 12, new Date(Date.UTC(2021, 5, 30)), null]);
  });

  it('uses a page’s own value for a column it names', () => {
    const columns: TableColumnsType<Place> = [{ title: '名称', key: 'name', render: () => <span>ignored</span> }];
    const exported = exportColumnsOf(columns, { name: (place) => `${place.name}!` });
    expect(cells(exported, { name: '甲', pilot: false, households: 0, since: '' }, 'masked')).toEqual(['甲!']);
  });

  it('offers a full export only for tables that show ID numbers or mobiles', () => {
    expect(showsPersonalData(memberColumns(t, () => true), [member])).toBe(true);
    expect(showsPersonalData(memberColumns(t, () => true), [])).toBe(false);
    const columns: TableColumnsType<Place> = [
      { title: '名称', dataIndex: 'name', render: (name: string) => <Link to="/x">{name}</Link> },
      { title: '电话', dataIndex: 'phone', hidden: true, render: (phone?: string) => <MaskedText kind="mobile" value={phone} /> },
    ];
    const place: Place = { name: '甲', pilot: false, households: 0, since: '', phone: '13700001111' };
    expect(showsPersonalData(columns, [place])).toBe(false);
    expect(showsPersonalData([...columns, { title: '电话', key: 'tel', render: (_, row) => <span>{<MaskedText kind="mobile" value={row.phone} />}</span> }], [place])).toBe(true);
  });

  it('keeps text that merely looks like a date but is not one as text', () => {
    expect(exportValueOf('2024-02-30')).toBe('2024-02-30');
  });

  it('writes the members page’s rows into a workbook with masked personal data', async () => {
    const columns = exportColumnsOf(memberColumns(t, () => true));
    const bytes = await workbookBytes(buildWorkbook({ listName: '队伍成员', columns, rows: [member], disclosure: 'masked' }));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const row = workbook.worksheets[0]?.getRow(2);
    expect(row?.getCell(5).value).toBe('139****5678');
    expect(row?.getCell(6).value).toBe('110105********002X');
  });
});
