// The activities list: each activity with the names of where it was held, the list's filters and
// what its search finds; the participants offered in the form; the rows of the hours tab.
import type { Activity, Community, Compound, Member } from '@domain/collections';
import { activityYear, hoursByMember, membersWithoutActivity } from '@domain/serviceHours';
import type { SearchSource } from '../../lib/search';
import { personHours, type ActivityKind } from './activityDoc';

export type ActivityRow = Activity & {
  communityName: string;
  compoundName: string;
  /** The venue's name; empty when none was chosen, or it has no name or is gone. */
  venueName: string;
  participantCount: number;
  personHours: number;
};

export function activityRows(
  activities: readonly Activity[],
  communities: ReadonlyMap<string, Pick<Community, 'name'>>,
  compounds: ReadonlyMap<string, Compound>,
): ActivityRow[] {
  return activities
    .map((activity) => {
      const compound = activity.compoundId === undefined ? undefined : compounds.get(activity.compoundId);
      const venue = activity.venueId === undefined ? undefined : compound?.venues?.find((candidate) => candidate.id === activity.venueId);
      return {
        ...activity,
        communityName: communities.get(activity.communityId)?.name ?? '',
        compoundName: compound?.name ?? '',
        venueName: venue?.name ?? '',
        participantCount: (activity.participantIds ?? []).length,
        personHours: personHours(activity),
      };
    })
    .sort((a, b) => b.date.localeCompare(a.date) || a.title.localeCompare(b.title));
}

export const activitySearchSource = (row: ActivityRow): SearchSource => ({
  names: [row.compoundName],
  texts: [row.title, row.venueName, row.note],
});

export interface ActivityFilters {
  communityId?: string | undefined;
  compoundId?: string | undefined;
  kind?: ActivityKind | undefined;
  year?: number | undefined;
  /** Inclusive YYYY-MM-DD bounds. */
  from?: string | undefined;
  to?: string | undefined;
}

export function filterActivities<T extends Activity>(rows: readonly T[], filters: ActivityFilters): T[] {
  return rows.filter(
    (row) =>
      (filters.communityId === undefined || row.communityId === filters.communityId) &&
      (filters.compoundId === undefined || row.compoundId === filters.compoundId) &&
      (filters.kind === undefined || row.kind === filters.kind) &&
      (filters.year === undefined || activityYear(row) === filters.year) &&
      (filters.from === undefined || row.date >= filters.from) &&
      (filters.to === undefined || row.date <= filters.to),
  );
}

/** Totals of the rows shown: activities, participations (人次) and person-hours. */
export function activityTotals(rows: readonly ActivityRow[]): { activities: number; participations: number; personHours: number } {
  return rows.reduce(
    (sum, row) => ({ activities: sum.activities + 1, participations: sum.participations + row.participantCount, personHours: sum.personHours + row.personHours }),
    { activities: 0, participations: 0, personHours: 0 },
  );
}

/** The years to choose from: this year and every year an activity was held in, latest first. */
export function activityYears(activities: readonly Pick<Activity, 'date'>[], thisYear: number): number[] {
  return [...new Set([thisYear, ...activities.map(activityYear).filter(Number.isFinite)])].sort((a, b) => b - a);
}

/** Reported Party members first, then other Party members, other reported members, the rest; by name within each. */
export function participantOrder(members: readonly Member[], compare: (a: string, b: string) => number): Member[] {
  const rank = (member: Member) => (member.isPartyMember ? 0 : 2) + (member.category === 'inServiceReported' || member.report !== undefined ? 0 : 1);
  return [...members].sort((a, b) => rank(a) - rank(b) || compare(a.name, b.name));
}

export interface HourRow {
  /** The member's id. */
  id: string;
  /** Undefined when the member is not on this device (deleted or out of scope). */
  member: Member | undefined;
  name: string;
  communityName: string;
  compoundName: string;
  category: Member['category'];
  activities: number;
  hours: number;
}

/** Each member who took part in the year's activities, most hours first. */
export function hourRows(
  activities: readonly Activity[],
  year: number,
  members: ReadonlyMap<string, Member>,
  communities: ReadonlyMap<string, Pick<Community, 'name'>>,
  compounds: ReadonlyMap<string, Pick<Compound, 'name'>>,
  compare: (a: string, b: string) => number,
): HourRow[] {
  return [...hoursByMember(activities, year)]
    .map(([id, total]): HourRow => {
      const member = members.get(id);
      return {
        id,
        member,
        name: member?.name ?? '',
        communityName: member ? (communities.get(member.communityId)?.name ?? '') : '',
        compoundName: member?.compoundId === undefined ? '' : (compounds.get(member.compoundId)?.name ?? ''),
        category: member?.category,
        ...total,
      };
    })
    .sort((a, b) => b.hours - a.hours || b.activities - a.activities || compare(a.name, b.name));
}

export type IdleRow = Member & { communityName: string; compoundName: string };

/** The reported members who took part in nothing in the year, by community and name. */
export function idleRows(
  members: readonly Member[],
  activities: readonly Activity[],
  year: number,
  communities: ReadonlyMap<string, Pick<Community, 'name'>>,
  compounds: ReadonlyMap<string, Pick<Compound, 'name'>>,
  compare: (a: string, b: string) => number,
): IdleRow[] {
  return membersWithoutActivity(members, activities, year)
    .map((member) => ({
      ...member,
      communityName: communities.get(member.communityId)?.name ?? '',
      compoundName: member.compoundId === undefined ? '' : (compounds.get(member.compoundId)?.name ?? ''),
    }))
    .sort((a, b) => compare(a.communityName, b.communityName) || compare(a.name, b.name));
}
