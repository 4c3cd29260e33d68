// Money in integer fen, branch funds and their totals, and star ratings (issue 5): exact
// arithmetic, totals equal to the sum of their parts, stars that never fall as a score rises.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Compound, LedgerEntry, Org } from '@domain/collections';
import {
  allowancesOf,
  branchFunds,
  copyAllowances,
  fundRate,
  fundsByCommunity,
  fundsTotal,
  parseFundRate,
  payrollTotals,
  previousMonth,
  removeFundRate,
  setFundRate,
} from '@domain/funds';
import { formatYuan, MAX_ENTRY_FEN, parseYuan, sumFen } from '@domain/money';
import { starsFor, thresholdProblem, weightedScore } from '@domain/stars';

describe('parseYuan / formatYuan', () => {
  it('reads what staff type as exact fen', () => {
    expect(parseYuan('12')).toEqual({ ok: true, fen: 1200 });
    expect(parseYuan('12.5')).toEqual({ ok: true, fen: 1250 });
    expect(parseYuan(' ¥1,234.05 ')).toEqual({ ok: true, fen: 123405 });
    expect(parseYuan('0.1')).toEqual({ ok: true, fen: 10 });
    expect(parseYuan('-3.2')).toEqual({ ok: true, fen: -320 });
  });

  it('refuses rather than rounds', () => {
    expect(parseYuan('1.234')).toEqual({ ok: false, reason: 'tooManyDecimals' });
    expect(parseYuan('')).toEqual({ ok: false, reason: 'empty' });
    expect(parseYuan('12元')).toEqual({ ok: false, reason: 'format' });
    expect(parseYuan('1e3')).toEqual({ ok: false, reason: 'format' });
    expect(parseYuan('1000000.01')).toEqual({ ok: false, reason: 'tooLarge' });
  });

  it('round-trips every amount an entry may carry', () => {
    fc.assert(
      fc.property(fc.integer({ min: -MAX_ENTRY_FEN, max: MAX_ENTRY_FEN }), (fen) => {
        expect(parseYuan(formatYuan(fen))).toEqual({ ok: true, fen });
      }),
    );
  });

  it('sums without losing a fen, and refuses to go past exact integers', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -MAX_ENTRY_FEN, max: MAX_ENTRY_FEN })), (amounts) => {
        expect(sumFen(amounts)).toBe(amounts.reduce((a, b) => a + b, 0));
      }),
    );
    expect(() => sumFen([0.5])).toThrow(RangeError);
    expect(() => sumFen([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
  });
});

const compound = (id: string, residentCount: number, communityId: string): Compound => ({
  id,
  streetId: 's',
  communityId,
  name: id,
  propertyManaged: false,
  residentCount,
  pilot: true,
});
const branch = (id: string, compoundId: string, communityId: string, extra: Partial<Org> = {}): Org => ({
  id,
  streetId: 's',
  communityId,
  level: 'compoundBranch',
  name: id,
  compoundId,
  ...extra,
});
const paid = (orgId: string, date: string, amountFen: number): LedgerEntry => ({
  id: `${orgId}-${date}-${amountFen}`,
  streetId: 's',
  communityId: 'k1',
  kind: 'disbursement',
  orgId,
  date,
  amountFen,
});

describe('branch funds', () => {
  it("are the compound's residents times the year's rate, less what the branch spent that year", () => {
    const rows = branchFunds(
      [branch('b1', 'c1', 'k1'), branch('b2', 'c2', 'k2'), { ...branch('g1', 'c1', 'k1'), level: 'functionalGroup' }],
      [compound('c1', 1234, 'k1'), compound('c2', 800, 'k2')],
      [paid('b1', '2026-03-01', 50_000), paid('b1', '2025-12-31', 99_999), paid('b1', '2026-07-01', 25_050)],
      2026,
      750,
    );
    expect(rows).toEqual([
      { orgId: 'b1', communityId: 'k1', compoundId: 'c1', residents: 1234, budgetFen: 925_500, spentFen: 75_050, balanceFen: 850_450 },
      { orgId: 'b2', communityId: 'k2', compoundId: 'c2', residents: 800, budgetFen: 600_000, spentFen: 0, balanceFen: 600_000 },
    ]);
  });

  it('count a branch only in the years it existed', () => {
    const orgs = [branch('old', 'c1', 'k1', { dissolvedOn: '2025-06-30' }), branch('new', 'c1', 'k1', { foundedOn: '2027-01-10' })];
    expect(branchFunds(orgs, [compound('c1', 100, 'k1')], [], 2026, 500)).toEqual([]);
    expect(branchFunds(orgs, [compound('c1', 100, 'k1')], [], 2025, 500).map((row) => row.orgId)).toEqual(['old']);
  });

  it("take the street's rate of that year", () => {
    const street = { fundRates: [{ year: 2025, fenPerResident: 500 }, { year: 2026, fenPerResident: 800 }] };
    expect(fundRate(street, 2026)).toBe(800);
    expect(fundRate(street, 2027)).toBeUndefined();
  });

  it("total exactly the sum of the branches, per community and for the street", () => {
    const arbitraryBranch = fc.record({
      community: fc.constantFrom('k1', 'k2', 'k3'),
      residents: fc.integer({ min: 0, max: 20_000 }),
      spent: fc.array(fc.integer({ min: -MAX_ENTRY_FEN, max: MAX_ENTRY_FEN }), { maxLength: 5 }),
    });
    fc.assert(
      fc.property(fc.array(arbitraryBranch, { maxLength: 30 }), fc.integer({ min: 500, max: 1000 }), (specs, rate) => {
        const orgs = specs.map((spec, i) => branch(`b${i}`, `c${i}`, spec.community));
        const compounds = specs.map((spec, i) => compound(`c${i}`, spec.residents, spec.community));
        const ledger = specs.flatMap((spec, i) => spec.spent.map((amount, j) => ({ ...paid(`b${i}`, '2026-05-01', amount), id: `e${i}-${j}` })));
        const rows = branchFunds(orgs, compounds, ledger, 2026, rate);
        const street = fundsTotal(rows);
        const communities = [...fundsByCommunity(rows).values()];
        expect(street.budgetFen).toBe(specs.reduce((sum, spec) => sum + spec.residents * rate, 0));
        expect(street.budgetFen).toBe(communities.reduce((sum, total) => sum + total.budgetFen, 0));
        expect(street.spentFen).toBe(communities.reduce((sum, total) => sum + total.spentFen, 0));
        expect(street.balanceFen).toBe(street.budgetFen - street.spentFen);
        for (const row of rows) expect(Number.isSafeInteger(row.balanceFen)).toBe(true);
      }),
    );
  });
});

describe('fund rates', () => {
  it('are read in yuan with up to two decimals and kept between 5 and 10 yuan', () => {
    expect(parseFundRate('7.5')).toEqual({ ok: true, fen: 750 });
    expect(parseFundRate('5')).toEqual({ ok: true, fen: 500 });
    expect(parseFundRate('10.00')).toEqual({ ok: true, fen: 1000 });
    expect(parseFundRate('4.99')).toEqual({ ok: false, problem: 'range' });
    expect(parseFundRate('10.01')).toEqual({ ok: false, problem: 'range' });
    expect(parseFundRate('7.555')).toEqual({ ok: false, problem: 'tooManyDecimals' });
    expect(parseFundRate('七元')).toEqual({ ok: false, problem: 'format' });
    expect(parseFundRate(' ')).toEqual({ ok: false, problem: 'empty' });
  });

  it('accept exactly the amounts from 5 to 10 yuan', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2000 }), (fen) => {
        const parsed = parseFundRate(formatYuan(fen));
        expect(parsed.ok).toBe(fen >= 500 && fen <= 1000);
        if (parsed.ok) expect(parsed.fen).toBe(fen);
      }),
    );
  });

  it('keep one row per year, in year order', () => {
    const rates = [{ year: 2026, fenPerResident: 800 }];
    expect(setFundRate(rates, 2025, 600).rates).toEqual([{ year: 2025, fenPerResident: 600 }, ...rates]);
    expect(setFundRate(rates, 2026, 600).problem).toBe('yearTaken');
    expect(setFundRate(rates, 2026, 900, 2026).rates).toEqual([{ year: 2026, fenPerResident: 900 }]);
    expect(setFundRate(rates, 2027, 900, 2026).rates).toEqual([{ year: 2027, fenPerResident: 900 }]);
    expect(setFundRate(rates, 2027, 900, 2024).problem).toBe('gone');
    expect(setFundRate(rates, 1999, 900).problem).toBe('year');
    expect(setFundRate(rates, 2027, 1001).problem).toBe('range');
    expect(removeFundRate(rates, 2026)).toEqual([]);
  });
});

const allowance = (id: string, memberId: string, month: string, amountFen: number, isPaid: boolean, extra: Partial<LedgerEntry> = {}): LedgerEntry => ({
  id,
  streetId: 's',
  communityId: 'k1',
  kind: 'allowance',
  memberId,
  month,
  amountFen,
  purpose: '小区党支部书记任职补贴',
  paid: isPaid,
  ...extra,
});

describe('post allowances', () => {
  it('step back a month across a year', () => {
    expect(previousMonth('2026-03')).toBe('2026-02');
    expect(previousMonth('2026-01')).toBe('2025-12');
    expect(previousMonth('2026-12')).toBe('2026-11');
  });

  it("pick one community's month", () => {
    const ledger = [
      allowance('a', 'm1', '2026-03', 30_000, true),
      allowance('b', 'm2', '2026-03', 20_000, false, { communityId: 'k2' }),
      allowance('c', 'm1', '2026-04', 30_000, false),
      paid('b1', '2026-03-01', 500),
    ];
    expect(allowancesOf(ledger, 'k1', '2026-03').map((entry) => entry.id)).toEqual(['a']);
  });

  it('copy last month as unpaid, without what the month already has, and adding nothing the second time', () => {
    const march = [allowance('a', 'm1', '2026-03', 30_000, true, { date: '2026-03-31' }), allowance('b', 'm2', '2026-03', 20_000, false)];
    const april = [allowance('c', 'm2', '2026-04', 25_000, false)];
    let n = 0;
    const copies = copyAllowances(march, april, '2026-04', () => `new-${++n}`);
    expect(copies).toEqual([{ ...allowance('new-1', 'm1', '2026-04', 30_000, false) }]);
    expect(copyAllowances(march, [...april, ...copies], '2026-04', () => 'x')).toEqual([]);
  });

  it('total paid and unpaid exactly, for any sheet', () => {
    const entry = fc.record({ amount: fc.integer({ min: 0, max: MAX_ENTRY_FEN }), paid: fc.boolean() });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 40 }), (specs) => {
        const sheet = specs.map((spec, i) => allowance(`e${i}`, `m${i}`, '2026-05', spec.amount, spec.paid));
        const totals = payrollTotals(sheet);
        expect(totals.totalFen).toBe(specs.reduce((sum, spec) => sum + spec.amount, 0));
        expect(totals.paidFen + totals.unpaidFen).toBe(totals.totalFen);
        expect(totals.paidFen).toBe(specs.filter((spec) => spec.paid).reduce((sum, spec) => sum + spec.amount, 0));
        expect(totals.count).toBe(specs.length);
        const copies = copyAllowances(sheet, [], '2026-06', () => 'id');
        expect(payrollTotals(copies)).toEqual({ count: specs.length, paidFen: 0, unpaidFen: totals.totalFen, totalFen: totals.totalFen });
      }),
    );
  });
});

describe('stars', () => {
  const criteria = [
    { id: 'a', name: '组织建设', weight: 25 },
    { id: 'b', name: '服务群众', weight: 75 },
    { id: 'c', name: '未评', weight: 0 },
  ];

  it('weigh the criteria scored, by their weights', () => {
    expect(weightedScore([{ criterionId: 'a', score: 80 }, { criterionId: 'b', score: 60 }], criteria)).toBe(65);
    expect(weightedScore([{ criterionId: 'a', score: 90 }], criteria)).toBe(90);
    expect(weightedScore([], criteria)).toBeUndefined();
  });

  it("follow the street's thresholds: one star below the first, five at or above the last", () => {
    const thresholds = [60, 70, 80, 90];
    expect([0, 59.9, 60, 75, 89.9, 90, 100].map((score) => starsFor(score, thresholds))).toEqual([1, 1, 2, 3, 4, 5, 5]);
  });

  it('never fall as a score rises, for any rising thresholds', () => {
    const rising = fc.array(fc.integer({ min: 0, max: 100 }), { maxLength: 4 }).map((values) => values.sort((a, b) => a - b));
    fc.assert(
      fc.property(rising, fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true }), (thresholds, x, y) => {
        const [low, high] = x <= y ? [x, y] : [y, x];
        const stars = starsFor(low, thresholds);
        expect(stars).toBeGreaterThanOrEqual(1);
        expect(starsFor(high, thresholds)).toBeGreaterThanOrEqual(stars);
        expect(starsFor(high, thresholds)).toBeLessThanOrEqual(5);
      }),
    );
  });

  it('refuse thresholds out of order', () => {
    expect(thresholdProblem([60, 80, 70])).toBe('notRising');
    expect(thresholdProblem([1, 2, 3, 4, 5])).toBe('tooMany');
    expect(() => starsFor(75, [80, 70])).toThrow(RangeError);
  });
});
