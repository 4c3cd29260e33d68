// The funds page's logic: the working-funds table grouped by community with exact subtotals, the
// forms turned into ledger documents in fen (or refused with the field and reason), the payroll
// sheet of a month with its totals, and who holds a post.
import { describe, expect, it } from 'vitest';
import type { Building, Community, Compound, Grid, LedgerEntry, Member, Org, Street } from '@domain/collections';
import { allowancesOf, copyAllowances, parseFundRate, previousMonth, setFundRate } from '@domain/funds';
import { fundsTable, disbursementsOf, yearOptions, type BranchRow, type SubtotalRow } from '../src/features/funds/fundRows';
import { allowanceFromForm, disbursementFromForm, ledgerProblemsError, type DisbursementContext } from '../src/features/funds/ledgerDocs';
import { payrollRows, postsByMember, secretaryBranch } from '../src/features/funds/payroll';
import { payrollSheetRows } from '../src/features/funds/exportPayroll';
import { serverProblems } from './serverRules';

const community = (id: string, name: string): Community => ({ id, streetId: 's1', name });
const compound = (id: string, communityId: string, name: string, residentCount: number): Compound => ({
  id,
  streetId: 's1',
  communityId,
  name,
  residentCount,
  propertyManaged: false,
  pilot: true,
});
const branch = (id: string, communityId: string, compoundId: string, name: string, extra: Partial<Org> = {}): Org => ({
  id,
  streetId: 's1',
  communityId,
  level: 'compoundBranch',
  name,
  compoundId,
  ...extra,
});
const spent = (id: string, orgId: string, communityId: string, date: string, amountFen: number): LedgerEntry => ({
  id,
  streetId: 's1',
  communityId,
  kind: 'disbursement',
  orgId,
  date,
  amountFen,
  purpose: '活动经费',
});

// 北 (bei) before 南 (nan) in pinyin order, whatever order the documents come in.
const communities = [community('k-nan', '南苑社区'), community('k-bei', '北塔社区')];
const compounds = [compound('c1', 'k-nan', '幸福花园', 1234), compound('c2', 'k-bei', '安居小区', 800), compound('c3', 'k-nan', '阳光小区', 501)];
const orgs = [
  branch('b1', 'k-nan', 'c1', '幸福花园党支部'),
  branch('b2', 'k-bei', 'c2', '安居小区党支部'),
  branch('b3', 'k-nan', 'c3', '阳光小区党支部'),
  { ...branch('g1', 'k-nan', 'c1', '医疗服务党小组'), level: 'functionalGroup' as const },
];
const ledger = [
  spent('e1', 'b1', 'k-nan', '2026-03-01', 50_000),
  spent('e2', 'b1', 'k-nan', '2026-07-01', 25_050),
  spent('e3', 'b3', 'k-nan', '2026-02-01', 500_000),
  spent('e4', 'b2', 'k-bei', '2025-12-31', 99_999),
];

describe("the street's fund rates", () => {
  it('typed in yuan, are stored in fen on a street the server accepts', () => {
    const parsed = parseFundRate('7.5');
    if (!parsed.ok) throw new Error('7.5 yuan refused');
    const result = setFundRate([{ year: 2026, fenPerResident: 800 }], 2027, parsed.fen);
    const street: Street = { id: 's1', streetId: 's1', name: '朔方路街道', fundRates: result.rates ?? [] };
    expect(street.fundRates).toEqual([
      { year: 2026, fenPerResident: 800 },
      { year: 2027, fenPerResident: 750 },
    ]);
    expect(serverProblems('streets', street)).toEqual([]);
  });
});

describe('working funds table', () => {
  const { rows, total } = fundsTable({ orgs, compounds, communities, ledger, year: 2026, rateFen: 750 });

  it('lists the branches by community in pinyin order, each community followed by its subtotal', () => {
    expect(rows.map((row) => row.key)).toEqual(['b2', 'community-k-bei', 'b1', 'b3', 'community-k-nan']);
    const b3 = rows.find((row): row is BranchRow => row.key === 'b3');
    // 501 × 7.50 = 3,757.50 yuan budgeted, 5,000 spent: overspent by 1,242.50.
    expect(b3).toMatchObject({ communityName: '南苑社区', compoundName: '阳光小区', branchName: '阳光小区党支部', residents: 501, rateFen: 750, budgetFen: 375_750, spentFen: 500_000, balanceFen: -124_250 });
  });

  it('subtotals each community and totals the street exactly, in fen', () => {
    const nan = rows.find((row): row is SubtotalRow => row.key === 'community-k-nan');
    expect(nan).toMatchObject({ residents: 1735, branches: 2, budgetFen: 925_500 + 375_750, spentFen: 75_050 + 500_000 });
    expect(nan?.balanceFen).toBe(nan!.budgetFen - nan!.spentFen);
    expect(total).toMatchObject({ residents: 2535, branches: 3, budgetFen: 925_500 + 375_750 + 600_000, spentFen: 575_050 });
    const subtotals = rows.filter((row): row is SubtotalRow => row.kind === 'community');
    expect(subtotals.reduce((sum, row) => sum + row.budgetFen, 0)).toBe(total.budgetFen);
    expect(subtotals.reduce((sum, row) => sum + row.balanceFen, 0)).toBe(total.balanceFen);
  });

  it("narrows to one community for an admin's filter", () => {
    const narrowed = fundsTable({ orgs, compounds, communities, ledger, year: 2026, rateFen: 750, communityId: 'k-bei' });
    expect(narrowed.rows.map((row) => row.key)).toEqual(['b2', 'community-k-bei']);
    expect(narrowed.total.budgetFen).toBe(600_000);
  });

  it('offers the years with a rate, this year and its neighbours, newest first', () => {
    expect(yearOptions([2024, 2026], 2026, 2026)).toEqual([2027, 2026, 2025, 2024]);
    expect(yearOptions([], 2026, 2020)).toEqual([2027, 2026, 2025, 2020]);
  });

  it("lists a branch's disbursements of the year, newest first", () => {
    expect(disbursementsOf(ledger, 'b1', 2026).map((entry) => entry.id)).toEqual(['e2', 'e1']);
    expect(disbursementsOf(ledger, 'b2', 2026)).toEqual([]);
  });
});

describe('disbursement form', () => {
  const context: DisbursementContext = { base: undefined, id: 'new-1', streetId: 's1', branches: orgs.slice(0, 3), year: 2026, today: '2026-11-27' };

  it("becomes a ledger entry of the branch's community and compound, in fen, that the server accepts", () => {
    const result = disbursementFromForm({ orgId: 'b1', date: '2026-11-02', amount: '1,234.5', purpose: '  购买桌椅 ' }, context);
    expect(result.doc).toEqual({
      id: 'new-1',
      streetId: 's1',
      communityId: 'k-nan',
      kind: 'disbursement',
      orgId: 'b1',
      compoundId: 'c1',
      date: '2026-11-02',
      amountFen: 123_450,
      purpose: '购买桌椅',
    });
    expect(serverProblems('ledger', result.doc!)).toEqual([]);
  });

  it('keeps the id of the entry it edits, and moves it with its branch', () => {
    const result = disbursementFromForm({ orgId: 'b2', date: '2026-01-05', amount: '10', purpose: '资料' }, { ...context, base: ledger[0] });
    expect(result.doc).toMatchObject({ id: 'e1', communityId: 'k-bei', orgId: 'b2', compoundId: 'c2', amountFen: 1000 });
  });

  it('refuses, field by field, what cannot be booked', () => {
    const codes = (values: Parameters<typeof disbursementFromForm>[0]) => disbursementFromForm(values, context).problems?.map((problem) => `${problem.field}:${problem.code}`);
    expect(codes({})).toEqual(['orgId:orgRequired', 'date:dateRequired', 'amount:amountEmpty', 'purpose:purposeRequired']);
    expect(codes({ orgId: 'g1', date: '2025-12-31', amount: '0', purpose: 'x' })).toEqual(['orgId:orgUnknown', 'date:dateOutsideYear', 'amount:amountNotPositive']);
    expect(codes({ orgId: 'b1', date: '2026-11-28', amount: '-5', purpose: 'x' })).toEqual(['date:dateFuture', 'amount:amountNotPositive']);
    expect(codes({ orgId: 'b1', date: '2026-01-01', amount: '1.005', purpose: 'x' })).toEqual(['amount:amountTooManyDecimals']);
    expect(codes({ orgId: 'b1', date: '2026-01-01', amount: '12元', purpose: 'x' })).toEqual(['amount:amountFormat']);
    // Shown on the form's fields of the same names.
    const { problems } = disbursementFromForm({ orgId: 'b1', date: '2026-11-28', amount: '-5', purpose: 'x' }, context);
    expect(ledgerProblemsError(problems ?? [], (problem) => `说明:${problem.code}`).fields).toEqual([
      { name: 'date', errors: ['说明:dateFuture'] },
      { name: 'amount', errors: ['说明:amountNotPositive'] },
    ]);
  });
});

const member = (id: string, name: string, communityId = 'k-nan'): Member => ({ id, streetId: 's1', communityId, name, isPartyMember: true });
const allowance = (id: string, memberId: string, month: string, amountFen: number, paid: boolean, purpose = '小区党支部书记任职补贴'): LedgerEntry => ({
  id,
  streetId: 's1',
  communityId: 'k-nan',
  kind: 'allowance',
  memberId,
  month,
  amountFen,
  purpose,
  paid,
});

describe('post allowances', () => {
  const members = [member('m1', '张三'), member('m2', '李四'), member('m3', '王五', 'k-bei')];
  const secretaryOrgs: Org[] = [
    { ...branch('fg', 'k-nan', 'c1', '医疗服务党小组', { secretaryMemberId: 'm2' }), level: 'functionalGroup' },
    { ...branch('cb', 'k-nan', 'c1', '南苑社区党总支', { secretaryMemberId: 'm1' }), level: 'communityGeneralBranch' },
    branch('b1', 'k-nan', 'c1', '幸福花园党支部', { secretaryMemberId: 'm1' }),
    branch('old', 'k-nan', 'c1', '旧党支部', { secretaryMemberId: 'm2', dissolvedOn: '2024-01-01' }),
  ];
  const grids: Grid[] = [{ id: 'grid1', streetId: 's1', communityId: 'k-nan', name: '第一网格', gridWorkerIds: ['m2'] }];
  const buildings: Building[] = [{ id: 'bd1', streetId: 's1', communityId: 'k-nan', compoundId: 'c1', name: '3号楼', leaderMemberId: 'm2' }];
  const posts = postsByMember(secretaryOrgs, grids, buildings, compounds);

  it('knows who holds which post now, the compound branch first for its secretary', () => {
    expect(posts.get('m1')?.map((post) => `${post.kind}:${post.name}`)).toEqual(['secretary:幸福花园党支部', 'secretary:南苑社区党总支']);
    expect(posts.get('m2')?.map((post) => `${post.kind}:${post.name}`)).toEqual(['groupLeader:医疗服务党小组', 'gridWorker:第一网格', 'buildingLeader:幸福花园3号楼']);
    expect(secretaryBranch(posts.get('m1'))?.id).toBe('b1');
    expect(secretaryBranch(posts.get('m2'))).toBeUndefined();
  });

  const context = {
    base: undefined,
    id: 'a-new',
    streetId: 's1',
    communityId: 'k-nan',
    month: '2026-04',
    members,
    monthEntries: [allowance('a1', 'm2', '2026-04', 20_000, false, '网格员任职补贴')],
    branchOf: (memberId: string) => secretaryBranch(posts.get(memberId)),
  };

  it("becomes an allowance of the month in fen, booked on the secretary's branch", () => {
    const result = allowanceFromForm({ memberId: 'm1', purpose: '小区党支部书记任职补贴', amount: '300', paid: true }, context);
    expect(result.doc).toEqual({ ...allowance('a-new', 'm1', '2026-04', 30_000, true), orgId: 'b1', compoundId: 'c1' });
    expect(serverProblems('ledger', result.doc!)).toEqual([]);
  });

  it('refuses someone of another community, a missing amount, and the same person for the same post twice', () => {
    const codes = (values: Parameters<typeof allowanceFromForm>[0], base?: LedgerEntry) =>
      allowanceFromForm(values, { ...context, base }).problems?.map((problem) => `${problem.field}:${problem.code}`);
    expect(codes({ memberId: 'm3', purpose: 'x', amount: '' })).toEqual(['memberId:memberUnknown', 'amount:amountEmpty']);
    expect(codes({ memberId: 'm2', purpose: ' 网格员任职补贴 ', amount: '200' })).toEqual(['purpose:duplicate']);
    expect(codes({ memberId: 'm2', purpose: '网格员任职补贴', amount: '250' }, context.monthEntries[0])).toBeUndefined();
    expect(codes({ memberId: 'm2', purpose: '红色楼栋长任职补贴', amount: '100' })).toBeUndefined();
  });

  it("sheets one community's month by name, totals what was paid and not, and copies last month as unpaid", () => {
    const ledgerOf = [
      allowance('a1', 'm1', '2026-03', 30_000, true),
      allowance('a2', 'm2', '2026-03', 20_050, true, '网格员任职补贴'),
      allowance('a3', 'm2', '2026-04', 20_050, false, '网格员任职补贴'),
      { ...allowance('a4', 'm3', '2026-03', 10_000, false), communityId: 'k-bei' },
    ];
    const name = (id: string | undefined) => members.find((candidate) => candidate.id === id)?.name ?? '?';
    const march = payrollRows(ledgerOf, 'k-nan', '2026-03', name);
    expect(march.map((row) => row.memberName)).toEqual(['李四', '张三']);

    const texts = { number: '序号', name: '姓名', purpose: '事由', amount: '金额', paid: '是否发放', yes: '已发放', no: '未发放', total: '合计', totalNote: (paid: string, unpaid: string) => `已发放 ${paid}，未发放 ${unpaid}` };
    expect(payrollSheetRows(march, texts)).toEqual([
      { number: '1', name: '李四', purpose: '网格员任职补贴', amount: '200.50', paid: '已发放' },
      { number: '2', name: '张三', purpose: '小区党支部书记任职补贴', amount: '300.00', paid: '已发放' },
      { number: '合计', name: '', purpose: '', amount: '500.50', paid: '已发放 500.50，未发放 0.00' },
    ]);

    let n = 0;
    const copies = copyAllowances(allowancesOf(ledgerOf, 'k-nan', previousMonth('2026-04')), allowancesOf(ledgerOf, 'k-nan', '2026-04'), '2026-04', () => `copy-${++n}`);
    expect(copies).toEqual([allowance('copy-1', 'm1', '2026-04', 30_000, false)]);
    const april = payrollRows([...ledgerOf, ...copies], 'k-nan', '2026-04', name);
    expect(payrollSheetRows(april, texts).at(-1)).toEqual({ number: '合计', name: '', purpose: '', amount: '500.50', paid: '已发放 0.00，未发放 500.50' });
  });
});
