// A monthly or yearly report (月报 / 年报) of a community or of the whole street, assembled from the
// documents on the device: the scope's figures now, what happened in the period (needs, service
// hours, funds), and the lists of what is still missing.
import type { Activity, Assessment, Building, Community, Compound, Grid, LedgerEntry, Member, Need, Org, Street, Unit } from '@domain/collections';
import { branchFunds, fundRate, fundsByCommunity, fundsTotal, type FundsTotal } from '@domain/funds';
import { isOpen, isOverdue, recordedAt } from '@domain/needDeadline';
import { headlineFigures } from '@domain/figures';
import { departmentRatings } from '@domain/stars';
import { compareText } from '../../lib/collate';

/** A calendar year, or one month (1–12) of it. */
export interface Period {
  year: number;
  month?: number;
}

/** "2026" or "2026-03", as the page's address carries it. */
export function parsePeriod(text: string | null | undefined): Period | undefined {
  const match = /^(\d{4})(?:-(\d{2}))?$/.exec(text ?? '');
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = match[2] === undefined ? undefined : Number(match[2]);
  if (year < 2000 || year > 2100 || (month !== undefined && (month < 1 || month > 12))) return undefined;
  return month === undefined ? { year } : { year, month };
}

export const periodKey = (period: Period): string => (period.month === undefined ? String(period.year) : `${period.year}-${String(period.month).padStart(2, '0')}`);

/** Whether an ISO date or instant falls in the period. */
export const inPeriod = (date: string | undefined, period: Period): boolean => date !== undefined && date.startsWith(`${periodKey(period)}-`);

/** The period's last day, YYYY-MM-DD. */
export function periodEnd(period: Period): string {
  const month = period.month ?? 12;
  const day = new Date(Date.UTC(period.year, month, 0)).getUTCDate();
  return `${period.year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Everything the report reads; documents outside the scope are left out here. */
export interface ReportData {
  street: Street | undefined;
  communities: readonly Community[];
  compounds: readonly Compound[];
  buildings: readonly Building[];
  members: readonly Member[];
  grids: readonly Grid[];
  orgs: readonly Org[];
  needs: readonly Need[];
  activities: readonly Activity[];
  ledger: readonly LedgerEntry[];
  assessments: readonly Assessment[];
  units: readonly Unit[];
}

export interface ScopeFigures {
  communities: number;
  grids: number;
  compounds: number;
  pilotCompounds: number;
  unmanagedCompounds: number;
  buildings: number;
  members: number;
  /** Reported in-service Party members, as the headline figures count them. */
  reportedMembers: number;
  /** Of them, those whose report is dated in the period. */
  reportedInPeriod: number;
  compoundBranches: number;
  /** Community branches upgraded to general branches (升格), out of all community branches. */
  upgradedBranches: number;
  communityBranches: number;
  /** Live compound branches in pilot compounds. */
  pilotCompoundBranches: number;
}

export interface NeedFigures {
  /** Recorded in the period, and of those the ones closed. */
  recorded: number;
  closed: number;
  closureRate: number | undefined;
  /** Open now, and open past their deadline now. */
  open: number;
  overdue: number;
}

export interface FundsRow extends FundsTotal {
  communityName: string;
  compoundName: string;
  branchName: string;
  residents: number;
}

export interface ReportFunds {
  year: number;
  rateFen: number | undefined;
  /** Disbursements counted up to this day (the period's end). */
  through: string;
  branches: FundsRow[];
  communities: (FundsTotal & { communityName: string })[];
  total: FundsTotal;
}

export interface OpenNeedRow {
  communityName: string;
  compoundName: string;
  recordedOn: string;
  description: string;
  state: Need['state'];
  overdue: boolean;
}

export interface PlaceRow {
  communityName: string;
  compoundName: string;
  buildingName?: string;
}

export interface StarRow {
  name: string;
  score: number;
  stars: number;
}

export interface Report {
  period: Period;
  /** The communities covered, by name. */
  communityNames: string[];
  figures: ScopeFigures;
  needs: NeedFigures;
  funds: ReportFunds;
  service: { activities: number; hours: number; participants: number };
  /** The street's ratings of its departments for the year: yearly reports only. */
  stars: StarRow[] | undefined;
  openNeeds: OpenNeedRow[];
  compoundsWithoutBranch: PlaceRow[];
  compoundsWithoutVenue: PlaceRow[];
  buildingsWithoutLeader: PlaceRow[];
}

const hoursOf = (activity: Pick<Activity, 'hours'>) => (typeof activity.hours === 'number' && activity.hours > 0 ? activity.hours : 0);

const byPlace = (a: PlaceRow, b: PlaceRow) =>
  compareText(a.communityName, b.communityName) || compareText(a.compoundName, b.compoundName) || compareText(a.buildingName, b.buildingName);

/** The report of `scope` (the communities covered) for `period`, as of `now`. */
export function assembleReport(data: ReportData, scope: readonly Community[], period: Period, now: Date): Report {
  const ids = new Set(scope.map((community) => community.id));
  const own = <T extends { communityId?: string | undefined }>(docs: readonly T[]) => docs.filter((doc) => doc.communityId !== undefined && ids.has(doc.communityId));
  const communityName = new Map(scope.map((community) => [community.id, community.name]));
  const compounds = own(data.compounds);
  const compoundName = new Map(compounds.map((compound) => [compound.id, compound.name]));
  const placeOf = (communityId: string | undefined, compoundId: string | undefined): PlaceRow => ({
    communityName: communityName.get(communityId ?? '') ?? '',
    compoundName: compoundName.get(compoundId ?? '') ?? '',
  });
  const orgs = own(data.orgs);
  const liveBranches = orgs.filter((org) => org.level === 'compoundBranch' && org.dissolvedOn === undefined);
  const reported = own(data.members).filter((m) => m.isPartyMember && m.category === 'inServiceReported' && m.report !== undefined);
  const buildings = own(data.buildings);

  const needs = own(data.needs);
  const end = periodEnd(period);
  const ofPeriod = needs.filter((need) => inPeriod(recordedAt(need), period));
  const closed = ofPeriod.filter((need) => need.state === 'closed').length;
  const openNeeds = needs.filter((need) => isOpen(need) && (recordedAt(need) ?? '').slice(0, 10) <= end);

  const rateFen = fundRate(data.street, period.year);
  const ledger = own(data.ledger).filter((entry) => (entry.date ?? '') <= end);
  const branchRows = branchFunds(orgs, compounds, ledger, period.year, rateFen ?? 0);
  const orgName = new Map(orgs.map((org) => [org.id, org.name]));
  const perCommunity = fundsByCommunity(branchRows);

  const activities = own(data.activities).filter((activity) => inPeriod(activity.date, period));
  const participants = new Set(activities.flatMap((activity) => activity.participantIds ?? []));

  return {
    period,
    communityNames: scope.map((community) => community.name),
    figures: {
      ...headlineFigures(scope, data.compounds, data.grids, data.members, data.orgs),
      communities: scope.length,
      buildings: buildings.length,
      members: own(data.members).length,
      reportedInPeriod: reported.filter((member) => inPeriod(member.report?.date, period)).length,
      compoundBranches: liveBranches.length,
    },
    needs: {
      recorded: ofPeriod.length,
      closed,
      closureRate: ofPeriod.length === 0 ? undefined : closed / ofPeriod.length,
      open: openNeeds.length,
      overdue: openNeeds.filter((need) => isOverdue(need, data.street?.needCategories, now)).length,
    },
    funds: {
      year: period.year,
      rateFen,
      through: end,
      branches: branchRows
        .map((row) => ({
          ...placeOf(row.communityId, row.compoundId),
          branchName: orgName.get(row.orgId) ?? '',
          residents: row.residents,
          budgetFen: row.budgetFen,
          spentFen: row.spentFen,
          balanceFen: row.balanceFen,
        }))
        .sort(byPlace),
      communities: scope.map((community) => ({ communityName: community.name, ...(perCommunity.get(community.id) ?? { budgetFen: 0, spentFen: 0, balanceFen: 0 }) })),
      total: fundsTotal(branchRows),
    },
    service: {
      activities: activities.length,
      hours: activities.reduce((sum, activity) => sum + hoursOf(activity) * new Set(activity.participantIds ?? []).size, 0),
      participants: participants.size,
    },
    stars: period.month === undefined ? yearStars(data, period.year) : undefined,
    openNeeds: openNeeds
      .map((need) => ({
        ...placeOf(need.communityId, need.compoundId),
        recordedOn: (recordedAt(need) ?? '').slice(0, 10),
        description: need.description,
        state: need.state,
        overdue: isOverdue(need, data.street?.needCategories, now),
      }))
      .sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.recordedOn.localeCompare(b.recordedOn) || byPlace(a, b)),
    compoundsWithoutBranch: compounds.filter((compound) => !liveBranches.some((org) => org.compoundId === compound.id)).map((compound) => placeOf(compound.communityId, compound.id)).sort(byPlace),
    compoundsWithoutVenue: compounds.filter((compound) => (compound.venues ?? []).length === 0).map((compound) => placeOf(compound.communityId, compound.id)).sort(byPlace),
    buildingsWithoutLeader: buildings
      .filter((building) => building.leaderMemberId === undefined)
      .map((building) => ({ ...placeOf(building.communityId, building.compoundId), buildingName: building.name }))
      .sort(byPlace),
  };
}

/** The street's ratings of its departments in `year`, best first; empty when it rated none. */
function yearStars(data: ReportData, year: number): StarRow[] {
  const names = new Map(data.units.map((unit) => [unit.id, unit.name]));
  return departmentRatings(data.assessments, data.street, year)
    .map(({ assesseeId, score, stars }) => ({ name: names.get(assesseeId) ?? assesseeId, score, stars }))
    .sort((a, b) => b.score - a.score || compareText(a.name, b.name));
}
