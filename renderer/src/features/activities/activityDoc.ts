// From the activity form to a service activity (共建服务活动) and back. The compound decides the
// community; the venue must be one of that compound's; the participants come from its community.
import { activityKinds } from '@domain/schema/activities';
import type { Activity, Compound, Member } from '@domain/collections';
import { withoutBlanks } from '../../lib/form';

export type ActivityKind = (typeof activityKinds)[number];
export { activityKinds };

export const activityTextLimits = { title: 100, note: 1000 } as const;
export const MAX_HOURS = 24;

export interface ActivityFormValues {
  date: string;
  compoundId: string;
  venueId?: string;
  kind: ActivityKind;
  title: string;
  participantIds?: string[];
  hours?: number | null;
  note?: string;
}

/** Why a value cannot be saved: a text of `form.problems.*`. */
export type ActivityProblemKind =
  | 'dateRequired'
  | 'dateInvalid'
  | 'dateFuture'
  | 'compoundRequired'
  | 'compoundUnknown'
  | 'venueUnknown'
  | 'kindRequired'
  | 'titleRequired'
  | 'titleTooLong'
  | 'noteTooLong'
  | 'hoursRequired'
  | 'hoursInvalid'
  | 'participantsOtherCommunity';

export interface ActivityProblem {
  field: keyof ActivityFormValues;
  kind: ActivityProblemKind;
}

/** A real calendar date written as YYYY-MM-DD. */
export function isDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Hours as recorded: 0 to 24 in half hours. */
export function isValidHours(hours: number): boolean {
  return Number.isFinite(hours) && hours >= 0 && hours <= MAX_HOURS && Number.isInteger(hours * 2);
}

export function activityFormValues(activity: Activity | undefined, preset: Partial<ActivityFormValues>): Partial<ActivityFormValues> {
  if (!activity) return { kind: 'service', ...preset };
  const { date, compoundId, venueId, kind, title, participantIds, hours, note } = activity;
  return { date, compoundId, venueId, kind, title, participantIds: participantIds ?? [], hours, note };
}

/**
 * What is wrong with the values, by field; empty when the activity can be saved. Activities are
 * recorded once held, so the date may not be after `today`. Members of another community than the
 * compound's cannot take part (they would not be counted where they belong).
 */
export function activityProblems(
  values: Partial<ActivityFormValues>,
  today: string,
  compounds: readonly Compound[],
  members: readonly Pick<Member, 'id' | 'communityId'>[],
): ActivityProblem[] {
  const problems: ActivityProblem[] = [];
  const date = values.date?.trim() ?? '';
  if (date === '') problems.push({ field: 'date', kind: 'dateRequired' });
  else if (!isDate(date)) problems.push({ field: 'date', kind: 'dateInvalid' });
  else if (date > today) problems.push({ field: 'date', kind: 'dateFuture' });

  const compound = values.compoundId === undefined ? undefined : compounds.find((candidate) => candidate.id === values.compoundId);
  if (values.compoundId === undefined || values.compoundId === '') problems.push({ field: 'compoundId', kind: 'compoundRequired' });
  else if (!compound) problems.push({ field: 'compoundId', kind: 'compoundUnknown' });
  if (compound && values.venueId !== undefined && values.venueId !== '' && !(compound.venues ?? []).some((venue) => venue.id === values.venueId)) {
    problems.push({ field: 'venueId', kind: 'venueUnknown' });
  }

  if (values.kind === undefined || !(activityKinds as readonly string[]).includes(values.kind)) problems.push({ field: 'kind', kind: 'kindRequired' });
  const title = values.title?.trim() ?? '';
  if (title === '') problems.push({ field: 'title', kind: 'titleRequired' });
  else if (title.length > activityTextLimits.title) problems.push({ field: 'title', kind: 'titleTooLong' });
  if ((values.note?.trim().length ?? 0) > activityTextLimits.note) problems.push({ field: 'note', kind: 'noteTooLong' });

  const participants = values.participantIds ?? [];
  const hours = values.hours;
  if (hours === undefined || hours === null) {
    if (participants.length > 0) problems.push({ field: 'hours', kind: 'hoursRequired' });
  } else if (!isValidHours(hours)) problems.push({ field: 'hours', kind: 'hoursInvalid' });
  if (compound) {
    const communityOf = new Map(members.map((member) => [member.id, member.communityId]));
    // A participant this device no longer holds (deleted, moved away) stays as recorded.
    if (participants.some((id) => communityOf.has(id) && communityOf.get(id) !== compound.communityId)) {
      problems.push({ field: 'participantIds', kind: 'participantsOtherCommunity' });
    }
  }
  return problems;
}

/** The activity the (valid) form describes; community and street come from the compound. */
export function activityFromForm(values: ActivityFormValues, id: string, compound: Pick<Compound, 'id' | 'streetId' | 'communityId'>): Activity {
  const { date, venueId, kind, title, hours, note } = withoutBlanks(values);
  const participantIds = [...new Set(values.participantIds ?? [])];
  return {
    id,
    streetId: compound.streetId,
    communityId: compound.communityId,
    compoundId: compound.id,
    date: date ?? '',
    kind: kind ?? 'service',
    title: title ?? '',
    ...(venueId !== undefined && { venueId }),
    ...(participantIds.length > 0 && { participantIds }),
    ...(hours != null && { hours }),
    ...(note !== undefined && { note }),
  };
}

/** Person-hours (人次·小时) of an activity: its hours times its participants. */
export function personHours(activity: Pick<Activity, 'hours' | 'participantIds'>): number {
  return (activity.hours ?? 0) * (activity.participantIds ?? []).length;
}
