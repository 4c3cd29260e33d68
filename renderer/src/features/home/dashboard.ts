// The dashboard's charts (工作台), aggregated from the documents of the communities shown: needs by
// state with the year's closure rate and the overdue count, reports and service hours per month,
// branch funds per community, and the departments' stars of the latest assessed year.
import type { Activity, Assessment, Compound, LedgerEntry, Member, Need, Org, Street } from '@domain/collections';
import { branchFunds, fundRate, fundsByCommunity, fundsTotal, type FundsTotal } from '@domain/funds';
import { isOverdue, recordedAt } from '@domain/needDeadline';
import { needStates } from '@domain/schema/needs';
import { departmentRatings, type StarRating } from '@domain/stars';

export type NeedState = (typeof needStates)[number];

export interface NeedsOverview {
  byState: { state: NeedState; count: number }[];
  /** Needs recorded in the year, and how many of them are closed. */
  recorded: number;
  closed: number;
  /** closed ÷ recorded, or undefined when none was recorded in the year. */
  closureRate: number | undefined;
  /** Open needs past their category's deadline, now. */
  overdue: number;
}

const inCommunities = <T extends { communityId?: string | undefined }>(docs: readonly T[], communityIds: ReadonlySet<string>) =>
  docs.filter((doc) => doc.communityId !== undefined && communityIds.has(doc.communityId));

/** The year of an ISO date or instant, or undefined. */
const yearOf = (value: string | undefined): number | undefined => (value && /^\d{4}-/.test(value) ? Number(value.slice(0, 4)) : undefined);
/** The month 1–12 of an ISO date or instant, or undefined. */
const monthOf = (value: string | undefined): number | undefined => (value && /^\d{4}-\d{2}/.test(value) ? Number(value.slice(5, 7)) : undefined);

export function needsOverview(
  needs: readonly Need[],
  communityIds: ReadonlySet<string>,
  categories: Street['needCategories'],
  year: number,
  now: Date,
): NeedsOverview {
  const own = inCommunities(needs, communityIds);
  const ofYear = own.filter((need) => yearOf(recordedAt(need)) === year);
  const closed = ofYear.filter((need) => need.state === 'closed').length;
  return {
    byState: needStates.map((state) => ({ state, count: own.filter((need) => need.state === state).length })),
    recorded: ofYear.length,
    closed,
    closureRate: ofYear.length === 0 ? undefined : closed / ofYear.length,
    overdue: own.filter((need) => isOverdue(need, categories, now)).length,
  };
}

/** A reported in-service Party member, as the headline figures count them. */
export const isReportedMember = (member: Member): boolean => member.isPartyMember && member.category === 'inServiceReported' && member.report !== undefined;

export interface MonthPoint {
  /** 1–12. */
  month: number;
  value: number;
}

export interface ReportingSeries {
  /** Members who reported in each month of the year. */
  monthly: MonthPoint[];
  /** All members reported by the end of each month, earlier years included. */
  cumulative: MonthPoint[];
}

/** Months 1..`lastMonth` of the year. */
const monthsUpTo = (lastMonth: number) => Array.from({ length: lastMonth }, (_, i) => i + 1);

export function reportingSeries(members: readonly Member[], communityIds: ReadonlySet<string>, year: number, lastMonth = 12): ReportingSeries {
  const dates = inCommunities(members, communityIds)
    .filter(isReportedMember)
    .map((member) => member.report?.date ?? '');
  const before = dates.filter((date) => (yearOf(date) ?? Infinity) < year).length;
  const monthly = monthsUpTo(lastMonth).map((month) => ({
    month,
    value: dates.filter((date) => yearOf(date) === year && monthOf(date) === month).length,
  }));
  let running = before;
  const cumulative = monthly.map(({ month, value }) => {
    running += value;
    return { month, value: running };
  });
  return { monthly, cumulative };
}

/** An activity's hours as counted: absent or negative count as 0. */
const hoursOf = (activity: Pick<Activity, 'hours'>) => (typeof activity.hours === 'number' && activity.hours > 0 ? activity.hours : 0);

/** Service hours per month: every participant is credited the activity's hours (as domain/serviceHours counts them). */
export function serviceHoursByMonth(activities: readonly Activity[], communityIds: ReadonlySet<string>, year: number, lastMonth = 12): MonthPoint[] {
  const own = inCommunities(activities, communityIds).filter((activity) => yearOf(activity.date) === year);
  return monthsUpTo(lastMonth).map((month) => ({
    month,
    value: own
      .filter((activity) => monthOf(activity.date) === month)
      .reduce((sum, activity) => sum + hoursOf(activity) * new Set(activity.participantIds ?? []).size, 0),
  }));
}

export interface CommunityFunds extends FundsTotal {
  communityId: string;
}

export interface FundsOverview {
  /** The year's rate in fen per resident, undefined when the street has set none. */
  rateFen: number | undefined;
  communities: CommunityFunds[];
  total: FundsTotal;
}

/** Budget, spent and balance per community of `communityIds` (in their order), sums of their branches'. */
export function fundsOverview(
  street: Street | undefined,
  communityIds: readonly string[],
  orgs: readonly Org[],
  compounds: readonly Compound[],
  ledger: readonly LedgerEntry[],
  year: number,
): FundsOverview {
  const rateFen = fundRate(street, year);
  const ids = new Set(communityIds);
  const rows = branchFunds(orgs, compounds, ledger, year, rateFen ?? 0).filter((row) => row.communityId !== undefined && ids.has(row.communityId));
  const byCommunity = fundsByCommunity(rows);
  const zero: FundsTotal = { budgetFen: 0, spentFen: 0, balanceFen: 0 };
  return {
    rateFen,
    communities: communityIds.map((communityId) => ({ communityId, ...(byCommunity.get(communityId) ?? zero) })),
    total: fundsTotal(rows),
  };
}

export interface StarsOverview {
  year: number | undefined;
  ratings: StarRating[];
}

/** The street's ratings of its departments in the latest year it assessed any, best first. */
export function departmentStars(assessments: readonly Assessment[], street: Street | undefined): StarsOverview {
  const rated = assessments.filter((entry) => entry.direction === 'streetToDepartment');
  if (rated.length === 0) return { year: undefined, ratings: [] };
  const year = Math.max(...rated.map((entry) => entry.year));
  const ratings = departmentRatings(rated, street, year);
  return ratings.length === 0 ? { year: undefined, ratings } : { year, ratings };
}
