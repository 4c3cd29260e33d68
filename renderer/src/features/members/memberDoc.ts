// From the member form to a document and back. Fields the form does not show (grid, team roles,
// the report to the community, the work unit's record) are kept as they were.
import type { Member } from '@domain/collections';
import type { SessionUser } from '@domain/contract';
import { idNumberProblem, identityFromIdNumber } from '@domain/identity';
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
  note?: string;
}

export interface MemberPreset {
  communityId?: string | undefined;
  compoundId?: string | undefined;
  buildingId?: string | undefined;
}

export function memberFormValues(member: Member | undefined, preset: MemberPreset = {}): Partial<MemberFormValues> {
  if (!member) return { isPartyMember: true, ...withoutBlanks(preset) };
  const { name, idNumber, gender, birthDate, mobile, isPartyMember, category, workUnit, communityId, compoundId, buildingId, unitNo, room, note } = member;
  return { name, idNumber, gender, birthDate, mobile, isPartyMember, category, workUnit, communityId, compoundId, buildingId, unitNo, room, note };
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
  'communityId', 'compoundId', 'buildingId', 'unitNo', 'room', 'note',
] as const satisfies readonly (keyof MemberFormValues & keyof Member)[];

/** The document to save: the form's fields replace the stored ones; blank ones are dropped. */
export function memberFromForm(values: MemberFormValues, base: Member | { id: string }, user: Pick<SessionUser, 'streetId'>): Member {
  const kept: Partial<Member> = { ...base };
  for (const field of formFields) delete kept[field];
  const typed = withoutBlanks(values);
  const idNumber = normaliseIdNumber(typed.idNumber);
  const mobile = normaliseMobile(typed.mobile);
  // The categories are those of Party members; a building needs its compound.
  const category = values.isPartyMember ? typed.category : undefined;
  const buildingId = typed.compoundId !== undefined ? typed.buildingId : undefined;
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
    ...(typed.note !== undefined && { note: typed.note }),
  };
}
