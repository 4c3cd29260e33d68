import ExcelJS from 'exceljs';
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { Building, Community, Compound, LedgerEntry, Need, Org, Street } from '@domain/collections';
import { assembleReport, inPeriod, parsePeriod, periodEnd, type ReportData } from '../src/features/reports/report';
import { reportTables } from '../src/features/reports/reportTables';
import { reportWorkbook } from '../src/features/reports/reportWorkbook';
import { locales } from '../src/features/reports/locales';
import { workbookBytes } from '../src/lib/export/workbook';

const street = {
  id: 's1',
  name: '城区街道',
  fundRates: [{ year: 2026, fenPerResident: 800 }],
  starThresholds: [60, 70, 80, 90],
  assessmentCriteria: [{ id: 'a', name: '甲', weight: 1 }],
  needCategories: [{ id: 'cat', name: '环境', deadlineDays: 30 }],
} as Street;
const community = (id: string, name: string): Community => ({ id, streetId: 's1', name });
const compound = (id: string, communityId: string, residentCount: number, extra: Partial<Compound> = {}): Compound => ({
  id,
  streetId: 's1',
  communityId,
  name: `${id}小区`,
  propertyManaged: true,
  residentCount,
  pilot: false,
  ...extra,
});
const branch = (id: string, communityId: string, compoundId: string, extra: Partial<Org> = {}): Org => ({ id, streetId: 's1', communityId, compoundId, level: 'compoundBranch', name: `${id}支部`, ...extra });
const need = (id: string, communityId: string, state: Need['state'], raisedOn: string): Need => ({ id, streetId: 's1', communityId, compoundId: 'k1', description: `需求${id}`, state, raisedOn, categoryId: 'cat' });
const building = (id: string, communityId: string, compoundId: string, leaderMemberId?: string): Building => ({
  id,
  streetId: 's1',
  communityId,
  compoundId,
  name: `${id}号楼`,
  ...(leaderMemberId ? { leaderMemberId } : {}),
});

const c1 = community('c1', '东关社区');
const c2 = community('c2', '西门社区');
const data: ReportData = {
  street,
  communities: [c1, c2],
  compounds: [compound('k1', 'c1', 1000, { venues: [{ id: 'v1', name: '议事厅' }] } as Partial<Compound>), compound('k2', 'c1', 500), compound('k3', 'c2', 250)],
  buildings: [building('b1', 'c1', 'k1', 'm1'), building('b2', 'c1', 'k2'), building('b3', 'c2', 'k3')],
  members: [
    { id: 'm1', streetId: 's1', communityId: 'c1', name: '张三', isPartyMember: true, category: 'inServiceReported', report: { date: '2026-03-02' } },
    { id: 'm2', streetId: 's1', communityId: 'c1', name: '李四', isPartyMember: true, category: 'inServiceReported', report: { date: '2025-05-02' } },
    { id: 'm3', streetId: 's1', communityId: 'c2', name: '王五', isPartyMember: true, category: 'inServiceReported', report: { date: '2026-03-09' } },
  ],
  grids: [],
  orgs: [
    branch('o1', 'c1', 'k1'),
    branch('o2', 'c1', 'k2', { dissolvedOn: '2025-06-30' }),
    branch('o3', 'c2', 'k3'),
    { id: 'g1', streetId: 's1', communityId: 'c1', level: 'communityGeneralBranch', name: '东关社区党总支', history: [{ id: 'h1', at: '2024-01-01T00:00:00Z', by: 'u1', kind: 'upgraded' }] },
    { id: 'g2', streetId: 's1', communityId: 'c2', level: 'communityBranch', name: '西门社区党支部' },
  ],
  needs: [need('n1', 'c1', 'closed', '2026-03-03'), need('n2', 'c1', 'claimed', '2026-03-20'), need('n3', 'c1', 'listed', '2026-05-01'), need('n4', 'c2', 'claimed', '2026-03-01')],
  activities: [
    { id: 'a1', streetId: 's1', communityId: 'c1', date: '2026-03-08', kind: 'service', title: '义诊', hours: 2, participantIds: ['m1', 'm2'] },
    { id: 'a2', streetId: 's1', communityId: 'c1', date: '2026-04-08', kind: 'service', title: '清扫', hours: 3, participantIds: ['m1'] },
  ],
  ledger: [
    { id: 'l1', streetId: 's1', communityId: 'c1', orgId: 'o1', kind: 'disbursement', date: '2026-03-15', amountFen: 100000 },
    { id: 'l2', streetId: 's1', communityId: 'c1', orgId: 'o1', kind: 'disbursement', date: '2026-06-15', amountFen: 50000 },
  ] as LedgerEntry[],
  assessments: [],
  units: [],
};
const now = new Date('2026-11-27T00:00:00Z');

describe('report periods', () => {
  it('reads a year or a month from the address and refuses anything else', () => {
    expect(parsePeriod('2026')).toEqual({ year: 2026 });
    expect(parsePeriod('2026-03')).toEqual({ year: 2026, month: 3 });
    for (const text of ['2026-13', '2026-3', '26', '', null, '1999']) expect(parsePeriod(text)).toBeUndefined();
    expect(periodEnd({ year: 2024, month: 2 })).toBe('2024-02-29');
    expect(periodEnd({ year: 2026 })).toBe('2026-12-31');
    expect(inPeriod('2026-03-31T23:00:00Z', { year: 2026, month: 3 })).toBe(true);
    expect(inPeriod('2026-04-01', { year: 2026, month: 3 })).toBe(false);
  });
});

describe('a community report for a month', () => {
  const report = assembleReport(data, [c1], { year: 2026, month: 3 }, now);

  it('counts only the community and what happened in the month', () => {
    expect(report.figures).toMatchObject({ communities: 1, compounds: 2, buildings: 2, members: 2, reportedMembers: 2, reportedInPeriod: 1, compoundBranches: 1 });
    expect(report.figures).toMatchObject({ upgradedBranches: 1, communityBranches: 1, pilotCompoundBranches: 0 });
    expect(report.needs).toEqual({ recorded: 2, closed: 1, closureRate: 0.5, open: 1, overdue: 1 });
    expect(report.service).toEqual({ activities: 1, hours: 4, participants: 2 });
    expect(report.stars).toBeUndefined();
  });

  it('gives the year budget and what was spent up to the end of the month, per branch and in total', () => {
    expect(report.funds.branches.map((row) => [row.branchName, row.budgetFen, row.spentFen])).toEqual([['o1支部', 800000, 100000]]);
    expect(report.funds.total).toEqual({ budgetFen: 800000, spentFen: 100000, balanceFen: 700000 });
    expect(report.funds.communities).toEqual([{ communityName: '东关社区', budgetFen: 800000, spentFen: 100000, balanceFen: 700000 }]);
  });

  it('lists compounds without a live branch or a venue and buildings without a leader', () => {
    expect(report.compoundsWithoutBranch.map((row) => row.compoundName)).toEqual(['k2小区']);
    expect(report.compoundsWithoutVenue.map((row) => row.compoundName)).toEqual(['k2小区']);
    expect(report.buildingsWithoutLeader.map((row) => row.buildingName)).toEqual(['b2号楼']);
    expect(report.openNeeds.map((row) => [row.description, row.overdue])).toEqual([['需求n2', true]]);
  });
});

describe('the street report', () => {
  const report = assembleReport(data, [c1, c2], { year: 2026 }, now);
  // A t that returns the Chinese text, enough for the tables' heads.
  const zh = locales['zh-CN'] as unknown as Record<string, unknown>;
  const t = ((key: string, options?: Record<string, string | number>) => {
    const text = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], zh);
    return String(text).replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(options?.[name] ?? ''));
  }) as unknown as TFunction<'reports'>;

  it('sums the communities: the total budget is the sum of the branches', () => {
    expect(report.funds.total.budgetFen).toBe((1000 + 250) * 800);
    expect(report.funds.total.budgetFen).toBe(report.funds.communities.reduce((sum, row) => sum + row.budgetFen, 0));
    expect(report.stars).toEqual([]);
    expect(report.figures).toMatchObject({ upgradedBranches: 1, communityBranches: 2 });
  });

  it('exports the tables it shows, one sheet each, with the same cells', async () => {
    const tables = reportTables(report, t);
    expect(tables.map((table) => table.title)).toEqual([
      '概况',
      '工作经费（按社区）',
      '工作经费（按小区党支部）',
      '2026年包抓部门星级评定',
      '未办结的需求',
      '未建党支部的小区',
      '没有阵地的小区',
      '没有楼栋长的楼栋',
    ]);
    const figures = tables[0]?.cells ?? [];
    expect(figures).toContainEqual(['2026年工作经费预算（元）', '10,000.00']);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await workbookBytes(reportWorkbook(tables, now))).buffer as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(tables.map((table) => table.title));
    const sheet = workbook.getWorksheet('工作经费（按社区）');
    expect(sheet?.getRow(1).values).toEqual([undefined, '社区', '预算（元）', '已支出（元）', '结余（元）']);
    expect(sheet?.getRow(4).values).toEqual([undefined, '合计', '10,000.00', '1,500.00', '8,500.00']);
  });
});
