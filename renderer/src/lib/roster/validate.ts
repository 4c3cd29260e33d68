// Every row of a roster checked, every cell at fault named, and the documents the valid rows make.
// Nothing is written here: the page writes the documents once the person has seen the preview.
import type { Building, Compound, Member } from '@domain/collections';
import { idNumberProblem, identityFromIdNumber, isValidMobile } from '@domain/identity';
import { rosterFields, type RosterKind, type RosterMapping } from './fields';
import { Places, type RosterContext } from './places';
import type { RosterProblem } from './problems';
import type { RosterSheet, SheetCell } from './sheet';
import {
  newDocId,
  normaliseIdNumber,
  normaliseMobile,
  readCategory,
  readCount,
  readDate,
  readGender,
  isMasked,
  readAddress,
  readPartyMember,
  readPilot,
  readPropertyManaged,
  readYesNo,
} from './values';

export type RosterDoc = Member | Compound | Building;

export interface RosterRow {
  rowNumber: number;
  /** The mapped cells' text, by field. */
  values: Record<string, string>;
  problems: RosterProblem[];
}

export interface RosterResult {
  kind: RosterKind;
  /** The mapped fields, in the template's order: the preview's columns. */
  fields: string[];
  rows: RosterRow[];
  /** The documents of the valid rows, in row order. */
  docs: RosterDoc[];
  valid: number;
  invalid: number;
}

const PROGRESS_EVERY = 250;
const MIN_EXAMPLE_FIELDS = 3;

type Cells = Record<string, SheetCell>;

interface Checker {
  check(values: Cells, rowNumber: number, problems: RosterProblem[]): RosterDoc | undefined;
}

function text(values: Cells, field: string): string | undefined {
  const value = values[field]?.text.trim();
  return value === undefined || value === '' ? undefined : value;
}

function count(values: Cells, field: string, max: number, problems: RosterProblem[]): number | undefined {
  const value = text(values, field);
  if (value === undefined) return undefined;
  const read = readCount(value, max);
  if (read === undefined) problems.push({ field, code: 'countInvalid', params: { max } });
  return read;
}

function yesNo(values: Cells, field: string, problems: RosterProblem[], read = readYesNo): boolean | undefined {
  const value = text(values, field);
  if (value === undefined) return undefined;
  const answer = read(value);
  if (answer === undefined) problems.push({ field, code: 'yesNoInvalid' });
  return answer;
}

function memberChecker(context: RosterContext, places: Places): Checker {
  const existing = new Map<string, string>();
  for (const member of context.members) if (member.idNumber) existing.set(member.idNumber.toUpperCase(), member.name);
  const seen = new Map<string, number>();
  return {
    check(values, rowNumber, problems) {
      const name = text(values, 'name') ?? '';
      let identity: ReturnType<typeof identityFromIdNumber> | undefined;
      const rawId = text(values, 'idNumber');
      const idNumber = rawId === undefined ? undefined : normaliseIdNumber(rawId);
      if (idNumber !== undefined) {
        const problem = values.idNumber?.longNumber ? 'asNumber' : isMasked(idNumber) ? 'masked' : idNumberProblem(idNumber, context.today);
        if (problem === 'asNumber') problems.push({ field: 'idNumber', code: 'idNumberAsNumber' });
        else if (problem === 'masked') problems.push({ field: 'idNumber', code: 'masked' });
        else if (problem) problems.push({ field: 'idNumber', code: `idNumber.${problem}` });
        else {
          identity = identityFromIdNumber(idNumber);
          const first = seen.get(idNumber);
          const known = existing.get(idNumber);
          if (first !== undefined) problems.push({ field: 'idNumber', code: 'duplicateInFile', params: { row: first } });
          else if (known !== undefined) problems.push({ field: 'idNumber', code: 'duplicateExisting', params: { name: known } });
          if (first === undefined) seen.set(idNumber, rowNumber);
        }
      }
      const rawGender = text(values, 'gender');
      const gender = rawGender === undefined ? undefined : readGender(rawGender);
      if (rawGender !== undefined && gender === undefined) problems.push({ field: 'gender', code: 'genderInvalid' });
      if (identity && gender !== undefined && gender !== identity.gender) problems.push({ field: 'gender', code: 'genderMismatch' });
      const rawBirth = text(values, 'birthDate');
      const birthDate = rawBirth === undefined ? undefined : readDate(rawBirth);
      if (rawBirth !== undefined && birthDate === undefined) problems.push({ field: 'birthDate', code: 'invalidDate' });
      if (identity && birthDate !== undefined && birthDate !== identity.birthDate) problems.push({ field: 'birthDate', code: 'birthDateMismatch' });
      const rawMobile = text(values, 'mobile');
      const mobile = rawMobile === undefined ? undefined : normaliseMobile(rawMobile);
      if (mobile !== undefined && isMasked(mobile)) problems.push({ field: 'mobile', code: 'masked' });
      else if (mobile !== undefined && !isValidMobile(mobile)) problems.push({ field: 'mobile', code: 'mobile' });
      const rawParty = text(values, 'isPartyMember');
      // The team is mostly Party members: the member form starts at 是 too.
      const isPartyMember = rawParty === undefined ? true : readPartyMember(rawParty);
      if (isPartyMember === undefined) problems.push({ field: 'isPartyMember', code: 'partyInvalid' });
      const rawCategory = text(values, 'category');
      const category = rawCategory === undefined ? undefined : readCategory(rawCategory);
      if (rawCategory !== undefined && category === undefined) problems.push({ field: 'category', code: 'categoryUnknown' });
      if (category !== undefined && isPartyMember === false) problems.push({ field: 'category', code: 'categoryNotParty' });
      // Separate columns win over the members list's one address column.
      const address = readAddress(text(values, 'address') ?? '');
      const place = places.resolve(
        {
          community: text(values, 'community'),
          compound: text(values, 'compound') ?? address.compound,
          building: text(values, 'building') ?? address.building,
          grid: text(values, 'grid'),
        },
        problems,
      );
      if (problems.length > 0 || place.communityId === undefined) return undefined;
      const optional = {
        workUnit: text(values, 'workUnit'),
        unitNo: text(values, 'unitNo') ?? address.unitNo,
        room: text(values, 'room') ?? address.room,
        note: text(values, 'note'),
      };
      return {
        id: newDocId(),
        streetId: context.streetId,
        communityId: place.communityId,
        name,
        isPartyMember: isPartyMember ?? true,
        ...(idNumber !== undefined && { idNumber }),
        ...(identity ?? {
          ...(gender !== undefined && { gender }),
          ...(birthDate !== undefined && { birthDate }),
        }),
        ...(mobile !== undefined && { mobile }),
        ...(category !== undefined && { category }),
        ...(place.compoundId !== undefined && { compoundId: place.compoundId }),
        ...(place.buildingId !== undefined && { buildingId: place.buildingId }),
        ...(place.gridId !== undefined && { gridId: place.gridId }),
        ...withoutUndefined(optional),
      } satisfies Member;
    },
  };
}

function withoutUndefined<T extends Record<string, string | undefined>>(values: T): Partial<Record<keyof T, string>> {
  const kept: Partial<Record<keyof T, string>> = {};
  for (const [field, value] of Object.entries(values) as [keyof T, string | undefined][]) if (value !== undefined) kept[field] = value;
  return kept;
}

function compoundChecker(context: RosterContext, places: Places): Checker {
  const seen = new Map<string, number>();
  return {
    check(values, rowNumber, problems) {
      const name = text(values, 'name') ?? '';
      const place = places.resolve({ community: text(values, 'community') }, problems);
      if (place.communityId !== undefined && name !== '') {
        const key = `${place.communityId}\u0000${name.replace(/\s+/g, '')}`;
        const first = seen.get(key);
        if (first !== undefined) problems.push({ field: 'name', code: 'nameInFile', params: { row: first } });
        else {
          seen.set(key, rowNumber);
          if (places.compoundExists(place.communityId, name)) problems.push({ field: 'name', code: 'nameExists', params: { place: places.communityName(place.communityId) } });
        }
      }
      // The compounds list's 物业 column holds the company's name where there is one.
      const managedText = text(values, 'propertyManaged');
      const stated = managedText === undefined ? undefined : readPropertyManaged(managedText);
      const company = text(values, 'propertyCompany') ?? (stated === undefined ? managedText : undefined);
      const propertyManaged = stated ?? company !== undefined;
      if (!propertyManaged && company !== undefined) problems.push({ field: 'propertyCompany', code: 'propertyCompanyWithoutManagement' });
      const ownersCommittee = yesNo(values, 'ownersCommittee', problems);
      const pilot = yesNo(values, 'pilot', problems, readPilot) ?? false;
      const residentCount = count(values, 'residentCount', 1_000_000, problems) ?? 0;
      if (problems.length > 0 || place.communityId === undefined) return undefined;
      return {
        id: newDocId(),
        streetId: context.streetId,
        communityId: place.communityId,
        name,
        propertyManaged,
        residentCount,
        pilot,
        ...(ownersCommittee !== undefined && { ownersCommittee }),
        ...(company !== undefined && { propertyCompany: company }),
        ...withoutUndefined({ address: text(values, 'address'), note: text(values, 'note') }),
      } satisfies Compound;
    },
  };
}

function buildingChecker(context: RosterContext, places: Places): Checker {
  const seen = new Map<string, number>();
  return {
    check(values, rowNumber, problems) {
      const name = text(values, 'name') ?? '';
      const place = places.resolve({ community: text(values, 'community'), compound: text(values, 'compound') }, problems);
      if (place.compoundId !== undefined && name !== '') {
        const key = `${place.compoundId}\u0000${name.replace(/\s+/g, '')}`;
        const first = seen.get(key);
        if (first !== undefined) problems.push({ field: 'name', code: 'nameInFile', params: { row: first } });
        else {
          seen.set(key, rowNumber);
          if (places.buildingExists(place.compoundId, name)) problems.push({ field: 'name', code: 'nameExists', params: { place: text(values, 'compound') ?? '' } });
        }
      }
      const units = count(values, 'units', 100, problems);
      const households = count(values, 'households', 10_000, problems);
      const floors = count(values, 'floors', 200, problems);
      if (problems.length > 0 || place.communityId === undefined || place.compoundId === undefined) return undefined;
      return {
        id: newDocId(),
        streetId: context.streetId,
        communityId: place.communityId,
        compoundId: place.compoundId,
        name,
        ...(units !== undefined && { units }),
        ...(households !== undefined && { households }),
        ...(floors !== undefined && { floors }),
      } satisfies Building;
    },
  };
}

const checkers: Record<RosterKind, (context: RosterContext, places: Places) => Checker> = {
  members: memberChecker,
  compounds: compoundChecker,
  buildings: buildingChecker,
};

/** Problems every kind shares: required cells, lengths, and the template's example row left in. */
function commonProblems(kind: RosterKind, values: Cells, problems: RosterProblem[]): void {
  const fields = rosterFields[kind];
  for (const field of fields) {
    const value = text(values, field.key);
    if (value === undefined) {
      if (field.required) problems.push({ field: field.key, code: 'required' });
    } else if (field.maxLength !== undefined && value.length > field.maxLength) {
      problems.push({ field: field.key, code: 'tooLong', params: { max: field.maxLength } });
    }
  }
  const examples = fields.filter((field) => field.example !== '' && values[field.key] !== undefined);
  // Several columns must match: one person may well be called 张三.
  if (examples.length >= MIN_EXAMPLE_FIELDS && examples.every((field) => text(values, field.key) === field.example)) {
    problems.push({ field: fields[0]?.key ?? 'name', code: 'exampleRow' });
  }
}

/**
 * Checks every row of the sheet read with `mapping`. `onProgress(done, total)` is called as rows
 * are checked, so a worker can report how far it got on a large file.
 */
export function validateRoster(
  kind: RosterKind,
  sheet: RosterSheet,
  mapping: RosterMapping,
  context: RosterContext,
  onProgress?: (done: number, total: number) => void,
): RosterResult {
  const fields = rosterFields[kind].map((field) => field.key).filter((key) => mapping[key] !== undefined);
  const checker = checkers[kind](context, new Places(context));
  const rows: RosterRow[] = [];
  const docs: RosterDoc[] = [];
  sheet.rows.forEach((row, index) => {
    const cells: Cells = {};
    const values: Record<string, string> = {};
    for (const field of fields) {
      const cell = row.cells[mapping[field] ?? -1] ?? { text: '' };
      cells[field] = cell;
      values[field] = cell.text;
    }
    const problems: RosterProblem[] = [];
    commonProblems(kind, cells, problems);
    const doc = checker.check(cells, row.rowNumber, problems);
    rows.push({ rowNumber: row.rowNumber, values, problems });
    if (doc && problems.length === 0) docs.push(doc);
    if (onProgress && (index + 1) % PROGRESS_EVERY === 0) onProgress(index + 1, sheet.rows.length);
  });
  onProgress?.(sheet.rows.length, sheet.rows.length);
  const invalid = rows.filter((row) => row.problems.length > 0).length;
  return { kind, fields, rows, docs, valid: rows.length - invalid, invalid };
}
