// What can be wrong with a roster's cell. Codes, not texts: the page words them in the person's
// language (features/roster/locales.ts `problems`, where the ID number's come from the domain).
import type { IdNumberProblem } from '@domain/identity';

export const rosterProblemCodes = [
  'required',
  'tooLong',
  'exampleRow',
  'idNumberAsNumber',
  'masked',
  'mobile',
  'genderInvalid',
  'genderMismatch',
  'birthDateMismatch',
  'invalidDate',
  'partyInvalid',
  'yesNoInvalid',
  'categoryUnknown',
  'categoryNotParty',
  'countInvalid',
  'propertyCompanyWithoutManagement',
  'communityUnknown',
  'communityRequired',
  'compoundUnknown',
  'compoundAmbiguous',
  'buildingUnknown',
  'buildingWithoutCompound',
  'gridUnknown',
  'duplicateInFile',
  'duplicateExisting',
  'nameInFile',
  'nameExists',
] as const;

export type RosterProblemCode = (typeof rosterProblemCodes)[number] | `idNumber.${IdNumberProblem}`;

export interface RosterProblem {
  /** The field (column) at fault. */
  field: string;
  code: RosterProblemCode;
  params?: Record<string, string | number>;
}
