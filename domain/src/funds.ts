// Branch working funds (工作经费): each compound branch's year = its compound's residents × the
// street's rate for that year (fen per resident, 5–10 yuan); disbursements are `ledger` entries of
// the branch. Exact in integer fen; a community's and the street's totals are sums of the branches'.
import type { Compound, LedgerEntry, Org, Street } from './collections';
import { sumFen } from './money';

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
