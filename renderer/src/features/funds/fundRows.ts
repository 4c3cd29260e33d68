// The 工作经费 table: one row per compound branch of the year, grouped by community (pinyin order)
// with a subtotal row after each community's branches, and the street's total. Pure; the totals
// come from `@domain/funds`, so they are exactly the sums of the rows shown.
import type { Community, Compound, LedgerEntry, Org } from '@domain/collections';
import { branchFunds, fundsTotal, type BranchFunds, type FundsTotal } from '@domain/funds';
import { compareText } from '../../lib/collate';

export interface BranchRow extends BranchFunds {
  key: string;
  kind: 'branch';
  communityName: string;
  compoundName: string;
  branchName: string;
  rateFen: number;
}

export interface SubtotalRow extends FundsTotal {
  key: string;
  kind: 'community';
  communityId: string;
  communityName: string;
  residents: number;
  branches: number;
}

export interface TotalRow extends FundsTotal {
  key: 'total';
  kind: 'total';
  residents: number;
  branches: number;
}

export type FundsRow = BranchRow | SubtotalRow | TotalRow;

export interface FundsTableInput {
  orgs: readonly Org[];
  compounds: readonly Compound[];
  communities: readonly Community[];
  ledger: readonly LedgerEntry[];
  year: number;
  rateFen: number;
  /** Only this community's branches (an admin's filter); all when undefined. */
  communityId?: string | undefined;
}

function totalOf(rows: readonly BranchRow[]): FundsTotal & { residents: number; branches: number } {
  return { ...fundsTotal(rows), residents: rows.reduce((sum, row) => sum + row.residents, 0), branches: rows.length };
}

/** Branch rows and community subtotals in display order, then the total of all of them. */
export function fundsTable(input: FundsTableInput): { rows: FundsRow[]; total: TotalRow } {
  const communityName = new Map(input.communities.map((community) => [community.id, community.name]));
  const compoundName = new Map(input.compounds.map((compound) => [compound.id, compound.name]));
  const orgs = input.communityId === undefined ? input.orgs : input.orgs.filter((org) => org.communityId === input.communityId);
  const names = new Map(orgs.map((org) => [org.id, org.name]));
  const branches: BranchRow[] = branchFunds(orgs, input.compounds, input.ledger, input.year, input.rateFen).map((funds) => ({
    ...funds,
    key: funds.orgId,
    kind: 'branch',
    communityName: communityName.get(funds.communityId ?? '') ?? '',
    compoundName: compoundName.get(funds.compoundId ?? '') ?? '',
    branchName: names.get(funds.orgId) ?? '',
    rateFen: input.rateFen,
  }));
  branches.sort((a, b) => compareText(a.communityName, b.communityName) || compareText(a.compoundName, b.compoundName) || compareText(a.branchName, b.branchName));

  const rows: FundsRow[] = [];
  let group: BranchRow[] = [];
  const closeGroup = () => {
    const first = group[0];
    if (!first) return;
    rows.push(...group, { ...totalOf(group), key: `community-${first.communityId ?? ''}`, kind: 'community', communityId: first.communityId ?? '', communityName: first.communityName });
    group = [];
  };
  for (const row of branches) {
    if (group[0] && group[0].communityId !== row.communityId) closeGroup();
    group.push(row);
  }
  closeGroup();
  return { rows, total: { ...totalOf(branches), key: 'total', kind: 'total' } };
}

/** The disbursements of one branch in the year, newest first. */
export function disbursementsOf(ledger: readonly LedgerEntry[], orgId: string, year: number): LedgerEntry[] {
  return ledger
    .filter((entry) => entry.kind === 'disbursement' && entry.orgId === orgId && entry.date?.startsWith(`${year}-`) === true)
    .sort((a, b) => compareText(b.date, a.date) || compareText(a.id, b.id));
}

/** The years the year select offers, newest first: those with a rate, this year and its neighbours, and the one shown. */
export function yearOptions(rateYears: readonly number[], thisYear: number, shown: number): number[] {
  return [...new Set([...rateYears, thisYear - 1, thisYear, thisYear + 1, shown])].sort((a, b) => b - a);
}
