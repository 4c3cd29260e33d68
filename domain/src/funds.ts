// Branch working funds (工作经费): each compound branch's year = its compound's residents × the
// street's rate for that year (fen per resident, 5–10 yuan); disbursements are `ledger` entries of
// the branch. Exact in integer fen; a community's and the street's totals are sums of the branches'.
import type { Compound, LedgerEntry, Org, Street } from './collections';
import { parseYuan, sumFen } from './money';

export interface BranchFunds {
  orgId: string;
  communityId: string | undefined;
  compoundId: string | undefined;
  residents: number;
  budgetFen: number;
  spentFen: number;
  balanceFen: number;
}

export interface FundsTotal {
  budgetFen: number;
  spentFen: number;
  balanceFen: number;
}

/** The street's rate for the year in fen per resident, or undefined when it has not set one. */
export function fundRate(street: Pick<Street, 'fundRates'> | undefined, year: number): number | undefined {
  return street?.fundRates?.find((rate) => rate.year === year)?.fenPerResident;
}

/** Whether the branch existed at some point of the year. */
function liveIn(org: Org, year: number): boolean {
  const founded = org.foundedOn ? Number(org.foundedOn.slice(0, 4)) : -Infinity;
  const dissolved = org.dissolvedOn ? Number(org.dissolvedOn.slice(0, 4)) : Infinity;
  return founded <= year && year <= dissolved;
}

/** One row per compound branch of the year, in the order of `orgs`. */
export function branchFunds(orgs: readonly Org[], compounds: readonly Compound[], ledger: readonly LedgerEntry[], year: number, rateFen: number): BranchFunds[] {
  const residents = new Map(compounds.map((compound) => [compound.id, compound.residentCount]));
  const spent = new Map<string, number[]>();
  for (const entry of ledger) {
    if (entry.kind !== 'disbursement' || !entry.orgId || !entry.date?.startsWith(`${year}-`)) continue;
    spent.set(entry.orgId, [...(spent.get(entry.orgId) ?? []), entry.amountFen]);
  }
  return orgs
    .filter((org) => org.level === 'compoundBranch' && liveIn(org, year))
    .map((org) => {
      const count = (org.compoundId && residents.get(org.compoundId)) || 0;
      const budgetFen = count * rateFen;
      const spentFen = sumFen(spent.get(org.id) ?? []);
      return { orgId: org.id, communityId: org.communityId, compoundId: org.compoundId, residents: count, budgetFen, spentFen, balanceFen: budgetFen - spentFen };
    });
}

/** Totals of any set of branches: a community's, the street's. */
export function fundsTotal(rows: readonly BranchFunds[]): FundsTotal {
  const budgetFen = sumFen(rows.map((row) => row.budgetFen));
  const spentFen = sumFen(rows.map((row) => row.spentFen));
  return { budgetFen, spentFen, balanceFen: budgetFen - spentFen };
}

/** Totals per community, keyed by community id. */
export function fundsByCommunity(rows: readonly BranchFunds[]): Map<string, FundsTotal> {
  const groups = new Map<string, BranchFunds[]>();
  for (const row of rows) {
    const key = row.communityId ?? '';
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return new Map([...groups].map(([community, group]) => [community, fundsTotal(group)]));
}

// The street's yearly rates (街道设置): one per year, each 5–10 yuan per resident.

export type FundRateEntry = NonNullable<Street['fundRates']>[number];

export const MIN_RATE_FEN = 500;
export const MAX_RATE_FEN = 1000;
export const MIN_RATE_YEAR = 2000;
export const MAX_RATE_YEAR = 2100;

export type FundRateProblem = 'empty' | 'format' | 'tooManyDecimals' | 'range' | 'year' | 'yearTaken' | 'gone';

/** A rate typed in yuan ("7.5") as fen per resident, refused outside 5–10 yuan. */
export function parseFundRate(text: string): { ok: true; fen: number } | { ok: false; problem: FundRateProblem } {
  const parsed = parseYuan(text);
  if (!parsed.ok) return { ok: false, problem: parsed.reason === 'tooLarge' ? 'range' : parsed.reason };
  if (parsed.fen < MIN_RATE_FEN || parsed.fen > MAX_RATE_FEN) return { ok: false, problem: 'range' };
  return { ok: true, fen: parsed.fen };
}

export type FundRatesResult = { rates: FundRateEntry[]; problem?: undefined } | { rates?: undefined; problem: FundRateProblem };

/**
 * Sets the rate of `year` (replacing the row of `editingYear` when editing, which may change its
 * year); the rows come back in year order. One row per year.
 */
export function setFundRate(rates: readonly FundRateEntry[], year: number, fenPerResident: number, editingYear?: number): FundRatesResult {
  if (!Number.isInteger(year) || year < MIN_RATE_YEAR || year > MAX_RATE_YEAR) return { problem: 'year' };
  if (!Number.isInteger(fenPerResident) || fenPerResident < MIN_RATE_FEN || fenPerResident > MAX_RATE_FEN) return { problem: 'range' };
  if (editingYear !== undefined && !rates.some((rate) => rate.year === editingYear)) return { problem: 'gone' };
  if (year !== editingYear && rates.some((rate) => rate.year === year)) return { problem: 'yearTaken' };
  const kept = rates.filter((rate) => rate.year !== editingYear);
  return { rates: [...kept, { year, fenPerResident }].sort((a, b) => a.year - b.year) };
}

export function removeFundRate(rates: readonly FundRateEntry[], year: number): FundRateEntry[] {
  return rates.filter((rate) => rate.year !== year);
}

// Post allowances (任职补贴): monthly entries per person; a month's sheet per community.

/** "2026-03" → "2026-02"; "2026-01" → "2025-12". */
export function previousMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const number = Number(month.slice(5, 7));
  return number <= 1 ? `${year - 1}-12` : `${year}-${String(number - 1).padStart(2, '0')}`;
}

/** The allowances of one community and month. */
export function allowancesOf(ledger: readonly LedgerEntry[], communityId: string, month: string): LedgerEntry[] {
  return ledger.filter((entry) => entry.kind === 'allowance' && entry.communityId === communityId && entry.month === month);
}

export interface PayrollTotals {
  count: number;
  paidFen: number;
  unpaidFen: number;
  totalFen: number;
}

export function payrollTotals(entries: readonly LedgerEntry[]): PayrollTotals {
  const paidFen = sumFen(entries.filter((entry) => entry.paid === true).map((entry) => entry.amountFen));
  const unpaidFen = sumFen(entries.filter((entry) => entry.paid !== true).map((entry) => entry.amountFen));
  return { count: entries.length, paidFen, unpaidFen, totalFen: paidFen + unpaidFen };
}

/** The same person for the same post: what "already there" means when a month is copied. */
const allowanceKey = (entry: LedgerEntry) => `${entry.memberId ?? ''}\u0000${(entry.purpose ?? '').trim()}`;

/**
 * 复制上月: last month's allowances as new unpaid entries of `month`, leaving out those the month
 * already has (same person, same post), so copying twice adds nothing the second time.
 */
export function copyAllowances(lastMonth: readonly LedgerEntry[], thisMonth: readonly LedgerEntry[], month: string, newId: () => string): LedgerEntry[] {
  const present = new Set(thisMonth.map(allowanceKey));
  const copies: LedgerEntry[] = [];
  for (const entry of lastMonth) {
    const key = allowanceKey(entry);
    if (entry.kind !== 'allowance' || present.has(key)) continue;
    present.add(key);
    const { date: _paidOn, ...rest } = entry;
    copies.push({ ...rest, id: newId(), month, paid: false });
  }
  return copies;
}
