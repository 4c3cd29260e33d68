// From the member form to a document and back. Fields the form does not show (team roles, the
// work unit's record) are kept as they were. The report to the community (报到) is edited in the
// form's flat report fields while the member is an in-service reported one; otherwise it is kept.
import type { Grid, Member } from '@domain/collections';
import type { SessionUser } from '@domain/contract';
import { idNumberProblem, identityFromIdNumber, isValidDate } from '@domain/identity';
import { withoutBlanks } from '../../lib/form';

type Category = NonNullable<Member['category']>;
type Gender = NonNullable<Member['gender']>;

export interface MemberFormValues {
  name: string;
  idNumber?: string;
  gender?: Gender;
  birthDate?: string;
  mobile?: string;
  isPartyMember: boolean;
  category?: Category;
  workUnit?: string;
  communityId: string;
  compoundId?: string;
  buildingId?: string;
  unitNo?: string;
  room?: string;
  gridId?: string;
  /** 报到: the date reported, skills and services offered. */
  reportDate?: string;
  reportSkills?: string[];
  reportServices?: string[];
  note?: string;
}

export interface MemberPreset {
  communityId?: string | undefined;
  compoundId?: string | undefined;
  buildingId?: string | undefined;
}

export function memberFormValues(member: Member | undefined, preset: MemberPreset = {}): Partial<MemberFormValues> {
  if (!member) return { isPartyMember: true, ...withoutBlanks(preset) };
  const { name, idNumber, gender, birthDate, mobile, isPartyMember, category, workUnit, communityId, compoundId, buildingId, unitNo, room, gridId, report, note } = member;
  return {
    ...{ name, idNumber, gender, birthDate, mobile, isPartyMember, category, workUnit },
    ...{ communityId, compoundId, buildingId, unitNo, room, gridId, note },
    reportDate: report?.date,
    reportSkills: report?.skills ?? [],
    reportServices: report?.services ?? [],
  };
}

/** Whether the form's member is an in-service Party member reporting to the community (报到). */
export function isReporting(values: Pick<Partial<MemberFormValues>, 'isPartyMember' | 'category'>): boolean {
  return values.isPartyMember === true && values.category === 'inServiceReported';
}

/** The schema's limit on one skill or service. */
export const REPORT_TAG_MAX = 100;

export type ReportProblem =
  | { field: 'reportDate'; kind: 'dateRequired' | 'dateInvalid' | 'dateFuture' }
  | { field: 'reportSkills' | 'reportServices'; kind: 'tagTooLong' };

/** What keeps a report from being saved: the date is required, real and not in the future. */
export function reportProblems(values: Partial<MemberFormValues>, today: string): ReportProblem[] {
  if (!isReporting(values)) return [];
  const problems: ReportProblem[] = [];
  const date = values.reportDate?.trim();
  if (date === undefined || date === '') problems.push({ field: 'reportDate', kind: 'dateRequired' });
  else if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !isValidDate(date)) problems.push({ field: 'reportDate', kind: 'dateInvalid' });
  else if (date > today) problems.push({ field: 'reportDate', kind: 'dateFuture' });
  for (const field of ['reportSkills', 'reportServices'] as const) {
    if (cleanTags(values[field]).some((tag) => tag.length > REPORT_TAG_MAX)) problems.push({ field, kind: 'tagTooLong' });
  }
  return problems;
}

/** Tags as typed: trimmed, blanks and repeats dropped, in the order given. */
export function cleanTags(tags: readonly string[] | undefined): string[] {
  return [...new Set((tags ?? []).map((tag) => tag.trim()).filter((tag) => tag !== ''))];
}

/** The grid of the community that covers a building, to suggest when a building is chosen. */
export function gridCovering(grids: readonly Grid[], communityId: string | undefined, buildingId: string | undefined): string | undefined {
  if (buildingId === undefined) return undefined;
  return grids.find((grid) => grid.communityId === communityId && (grid.buildingIds ?? []).includes(buildingId))?.id;
}

/** Gender and birth date the ID number states, when it is a valid one: the form locks them. */
export function identityOf(idNumber: string | undefined, today: string): { gender: Gender; birthDate: string } | null {
  if (idNumber === undefined || idNumberProblem(idNumber, today) !== null) return null;
  return identityFromIdNumber(idNumber.toUpperCase());
}

/** How staff type an ID number: spaces dropped, a lower-case x read as X. */
export function normaliseIdNumber(value: string | undefined): string | undefined {
  return value?.replace(/\s+/g, '').toUpperCase();
}

export function normaliseMobile(value: string | undefined): string | undefined {
  return value?.replace(/[\s-]+/g, '');
}

const formFields = [
  'name', 'idNumber', 'gender', 'birthDate', 'mobile', 'isPartyMember', 'category', 'workUnit',
  'communityId', 'compoundId', 'buildingId', 'unitNo', 'room', 'gridId', 'note',
] as const satisfies readonly (keyof MemberFormValues & keyof Member)[];

/** The document to save: the form's fields replace the stored ones; blank ones are dropped. */
export function memberFromForm(values: MemberFormValues, base: Member | { id: string }, user: Pick<SessionUser, 'streetId'>): Member {
  const kept: Partial<Member> = { ...base };
  for (const field of formFields) delete kept[field];
  // The report is the form's for a member reporting now; otherwise a stored one is kept as it was.
  if (isReporting(values)) delete kept.report;
  const typed = withoutBlanks(values);
  const idNumber = normaliseIdNumber(typed.idNumber);
  const mobile = normaliseMobile(typed.mobile);
  // The categories are those of Party members; a building needs its compound.
  const category = values.isPartyMember ? typed.category : undefined;
  const buildingId = typed.compoundId !== undefined ? typed.buildingId : undefined;
  // The form asks for the date of an in-service reported member's report.
  const reportDate = isReporting(values) ? typed.reportDate : undefined;
  const skills = cleanTags(values.reportSkills);
  const services = cleanTags(values.reportServices);
  const report =
    reportDate === undefined
      ? undefined
      : { date: reportDate, ...(skills.length > 0 && { skills }), ...(services.length > 0 && { services }) };
  return {
    ...kept,
    id: base.id,
    streetId: user.streetId,
    communityId: values.communityId,
    name: typed.name ?? '',
    isPartyMember: values.isPartyMember,
    ...(idNumber !== undefined && { idNumber }),
    ...(typed.gender !== undefined && { gender: typed.gender }),
    ...(typed.birthDate !== undefined && { birthDate: typed.birthDate }),
    ...(mobile !== undefined && { mobile }),
    ...(category !== undefined && { category }),
    ...(typed.workUnit !== undefined && { workUnit: typed.workUnit }),
    ...(typed.compoundId !== undefined && { compoundId: typed.compoundId }),
    ...(buildingId !== undefined && { buildingId }),
    ...(typed.unitNo !== undefined && { unitNo: typed.unitNo }),
    ...(typed.room !== undefined && { room: typed.room }),
    ...(typed.gridId !== undefined && { gridId: typed.gridId }),
    ...(report !== undefined && { report }),
    ...(typed.note !== undefined && { note: typed.note }),
  };
}
