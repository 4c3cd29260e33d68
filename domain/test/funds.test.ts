// Money in integer fen, branch funds and their totals, and star ratings (issue 5): exact
// arithmetic, totals equal to the sum of their parts, stars that never fall as a score rises.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Compound, LedgerEntry, Org } from '@domain/collections';
import { branchFunds, fundRate, fundsByCommunity, fundsTotal } from '@domain/funds';
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
