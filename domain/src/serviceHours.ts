// 服务时长: each member's service hours in a year, counted from the service activities that list
// them as participants, and the reported members (在职党员报到) who took part in none. Every
// participant is credited the activity's full hours; an activity without hours counts as taken
// part in, with 0 hours. Deleted activities and members do not count.
import type { Activity, Member } from './collections';

type CountedActivity = Pick<Activity, 'date' | 'participantIds' | 'hours'> & { _deleted?: boolean };

export interface MemberHours {
  /** Activities the member took part in during the year. */
  activities: number;
  /** Their hours summed. */
  hours: number;
}

/** The year an activity was held in (its date is YYYY-MM-DD). */
export function activityYear(activity: Pick<Activity, 'date'>): number {
  return Number(activity.date.slice(0, 4));
}

/** An activity's hours as counted: absent, negative or not a number count as 0. */
export function countedHours(activity: Pick<Activity, 'hours'>): number {
  const hours = activity.hours;
  return typeof hours === 'number' && Number.isFinite(hours) && hours > 0 ? hours : 0;
}

/** The participants of a live activity, each once. */
function participantsOf(activity: CountedActivity): string[] {
  return activity._deleted === true ? [] : [...new Set(activity.participantIds ?? [])];
}

/** Activities and hours per member id for the activities held in `year`. */
export function hoursByMember(activities: readonly CountedActivity[], year: number): Map<string, MemberHours> {
  const totals = new Map<string, MemberHours>();
  for (const activity of activities) {
    if (activityYear(activity) !== year) continue;
    const hours = countedHours(activity);
    for (const memberId of participantsOf(activity)) {
      const total = totals.get(memberId) ?? { activities: 0, hours: 0 };
      totals.set(memberId, { activities: total.activities + 1, hours: total.hours + hours });
    }
  }
  return totals;
}

/** One member's activities and hours per year, latest year first (years with no activity left out). */
export function memberHoursByYear(activities: readonly CountedActivity[], memberId: string): ({ year: number } & MemberHours)[] {
  const years = new Map<number, MemberHours>();
  for (const activity of activities) {
    if (!participantsOf(activity).includes(memberId)) continue;
    const year = activityYear(activity);
    const total = years.get(year) ?? { activities: 0, hours: 0 };
    years.set(year, { activities: total.activities + 1, hours: total.hours + countedHours(activity) });
  }
  return [...years].map(([year, total]) => ({ year, ...total })).sort((a, b) => b.year - a.year);
}

/** Reported in-service members (category 在职党员报到) who took part in no activity held in `year`. */
export function membersWithoutActivity<M extends Pick<Member, 'id' | 'category'> & { _deleted?: boolean }>(
  members: readonly M[],
  activities: readonly CountedActivity[],
  year: number,
): M[] {
  const active = hoursByMember(activities, year);
  return members.filter((member) => member._deleted !== true && member.category === 'inServiceReported' && !active.has(member.id));
}
