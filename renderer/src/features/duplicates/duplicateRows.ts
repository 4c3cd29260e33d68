// The duplicate groups a person is shown, and whether they may merge each: only someone who may
// change every record of a group (and everything that refers to them) merges it.
import type { Building, Community, Compound, Grid, Member, Unit } from '@domain/collections';
import type { SessionUser } from '@domain/contract';
import { findDuplicateGroups, type MergeField, type MergeWrites, type Place } from '@domain/duplicates';
import { memberLocales } from '../../lib/memberLocales';
import { canEdit } from '../../lib/permissions';
import { missingCase } from '@domain/scope';

export interface DuplicateRow {
  idNumber: string;
  members: Member[];
  /** The communities of the records, by name where known. */
  communityNames: string[];
  /** Communities of records the person may not change; merging needs none. */
  lockedCommunityNames: string[];
}

/** Groups with at least one record the person may change; the others are not theirs to see here. */
export function duplicateRows(members: readonly Member[], user: SessionUser, communities: ReadonlyMap<string, Community>): DuplicateRow[] {
  const nameOf = (id: string) => communities.get(id)?.name ?? id;
  return findDuplicateGroups(members)
    .filter((group) => group.members.some((member) => canEdit(user, 'members', member)))
    .map((group) => ({
      idNumber: group.idNumber,
      members: group.members,
      communityNames: unique(group.members.map((member) => nameOf(member.communityId))),
      lockedCommunityNames: unique(group.members.filter((member) => !canEdit(user, 'members', member)).map((member) => nameOf(member.communityId))),
    }));
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** The documents of a merge the person may not change, as `collection/id`: the merge waits for someone who may. */
export function forbiddenWrites(writes: MergeWrites, members: readonly Member[], user: SessionUser): string[] {
  const changed = [
    ...writes.members.map((doc) => ['members', doc] as const),
    ...members.filter((doc) => writes.removeMembers.includes(doc.id)).map((doc) => ['members', doc] as const),
    ...writes.buildings.map((doc) => ['buildings', doc] as const),
    ...writes.grids.map((doc) => ['grids', doc] as const),
    ...writes.orgs.map((doc) => ['orgs', doc] as const),
    ...writes.ledger.map((doc) => ['ledger', doc] as const),
    ...writes.activities.map((doc) => ['activities', doc] as const),
  ];
  return changed.filter(([collection, doc]) => !canEdit(user, collection, doc)).map(([collection, doc]) => `${collection}/${doc.id}`);
}

export interface NameSources {
  compounds: ReadonlyMap<string, Compound>;
  buildings: ReadonlyMap<string, Building>;
  grids: ReadonlyMap<string, Grid>;
  units: ReadonlyMap<string, Unit>;
}

/** The words a value is described with; the note always uses the Chinese ones. */
export interface ValueTexts {
  empty: string;
  partyYes: string;
  partyNo: string;
  genders: Record<'male' | 'female', string>;
  categories: Record<NonNullable<Member['category']>, string>;
  /** "{{unitNo}}单元" */
  unitNo: (unitNo: string) => string;
  grid: (name: string) => string;
  reportDate: (date: string) => string;
  skills: (list: string) => string;
  services: (list: string) => string;
  listSeparator: string;
  partSeparator: string;
}

export const noteTexts: ValueTexts = {
  empty: '（空）',
  partyYes: '党员',
  partyNo: '非党员',
  genders: memberLocales['zh-CN'].genders,
  categories: memberLocales['zh-CN'].categories,
  unitNo: (unitNo) => `${unitNo}单元`,
  grid: (name) => `网格 ${name}`,
  reportDate: (date) => `报到日期 ${date}`,
  skills: (list) => `特长 ${list}`,
  services: (list) => `服务 ${list}`,
  listSeparator: '、',
  partSeparator: '，',
};

/**
 * A value as a person reads it: names instead of ids. The merged record's note always takes the
 * Chinese texts (the note is data, read by staff whichever language they chose) and keeps ID
 * numbers and mobiles in full — the note is personal data like the fields it keeps.
 */
export function describeValue(field: MergeField, value: unknown, names: NameSources, texts: ValueTexts = noteTexts): string {
  if (value === undefined) return texts.empty;
  switch (field) {
    case 'isPartyMember':
      return value === true ? texts.partyYes : texts.partyNo;
    case 'gender':
      return texts.genders[value as 'male' | 'female'];
    case 'category':
      return texts.categories[value as keyof ValueTexts['categories']];
    case 'unitId':
      return names.units.get(text(value))?.name ?? text(value);
    case 'place':
      return describePlace(value as Place, names, texts);
    case 'report': {
      const report = value as NonNullable<Member['report']>;
      const parts = [texts.reportDate(report.date)];
      if (report.skills?.length) parts.push(texts.skills(report.skills.join(texts.listSeparator)));
      if (report.services?.length) parts.push(texts.services(report.services.join(texts.listSeparator)));
      return parts.join(texts.partSeparator);
    }
    case 'name':
    case 'idNumber':
    case 'birthDate':
    case 'mobile':
    case 'workUnit':
      return text(value);
    default:
      return missingCase(field);
  }
}

const text = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

function describePlace(place: Place, names: NameSources, texts: ValueTexts): string {
  const parts: string[] = [];
  if (place.compoundId) parts.push(names.compounds.get(place.compoundId)?.name ?? place.compoundId);
  if (place.buildingId) parts.push(names.buildings.get(place.buildingId)?.name ?? place.buildingId);
  if (place.unitNo) parts.push(texts.unitNo(place.unitNo));
  if (place.room) parts.push(place.room);
  if (place.gridId) parts.push(texts.grid(names.grids.get(place.gridId)?.name ?? place.gridId));
  return parts.join(' ');
}
