// Duplicate members: the same resident ID number entered on two devices while offline meets after
// sync as two records. They are merged into one, and nothing of either is lost: differing values
// the person did not choose, and the other record's note, are kept in the merged record's note;
// everything that pointed at a dropped record points at the kept one.
import type { Activity, Building, Grid, LedgerEntry, Member, Org } from './collections';
import { deepEqual } from './merge';
import { membersSchema } from './schema/members';

/** The note field's limit in the members schema. */
export const MEMBER_NOTE_MAX = membersSchema.properties.note.maxLength;

/** ID numbers as staff type them: surrounding spaces and a lower-case check digit x do not make a different person. */
export function normaliseIdNumber(value: string | undefined): string {
  return (value ?? '').trim().toUpperCase();
}

type MaybeDeleted<T> = T & { _deleted?: boolean };

export interface DuplicateGroup {
  /** The normalised ID number the records share. */
  idNumber: string;
  /** Two or more records, ordered by id. */
  members: Member[];
}

/** Groups of non-deleted members that share an ID number, ordered by ID number. */
export function findDuplicateGroups(members: readonly MaybeDeleted<Member>[]): DuplicateGroup[] {
  const byNumber = new Map<string, Member[]>();
  for (const member of members) {
    if (member._deleted === true) continue;
    const idNumber = normaliseIdNumber(member.idNumber);
    if (idNumber === '') continue;
    byNumber.set(idNumber, [...(byNumber.get(idNumber) ?? []), member]);
  }
  return [...byNumber.entries()]
    .filter(([, group]) => group.length > 1)
    .map(([idNumber, group]) => ({ idNumber, members: [...group].sort((a, b) => compare(a.id, b.id)) }))
    .sort((a, b) => compare(a.idNumber, b.idNumber));
}

/** Where a person lives: chosen as one, so a building always belongs to the chosen compound. */
export const placeFields = ['compoundId', 'buildingId', 'unitNo', 'room', 'gridId'] as const;
export type Place = Partial<Pick<Member, (typeof placeFields)[number]>>;

/** The parts of a member the person chooses between when records differ. */
export const mergeFields = [
  'name',
  'idNumber',
  'gender',
  'birthDate',
  'mobile',
  'isPartyMember',
  'category',
  'workUnit',
  'unitId',
  'place',
  'report',
] as const;
export type MergeField = (typeof mergeFields)[number];

export interface MergeOption {
  value: unknown;
  /** The records holding this value. */
  memberIds: string[];
}

export interface FieldProposal {
  field: MergeField;
  /** Distinct non-empty values; one when the records agree, none when all are empty. */
  options: MergeOption[];
  /** Index into `options` taken unless the person chooses otherwise; -1 when there are none. */
  defaultChoice: number;
  /**
   * Values that cannot be chosen but are kept in the note: a place in another community than the
   * kept record's (its compound, building and grid belong to that community).
   */
  setAside: MergeOption[];
}

export interface MergeProposal {
  kept: Member;
  dropped: Member[];
  fields: FieldProposal[];
}

/** When each record last changed (ISO instants), when known: the default takes the newest value. */
export type ChangedAt = Readonly<Record<string, string | undefined>>;

function valueOf(member: Member, field: MergeField): unknown {
  if (field === 'idNumber') return normaliseIdNumber(member.idNumber) || undefined;
  if (field === 'place') {
    const place: Record<string, unknown> = {};
    for (const key of placeFields) if (!isEmpty(member[key])) place[key] = member[key];
    return Object.keys(place).length > 0 ? place : undefined;
  }
  return member[field];
}

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Records newest first: known change times before unknown ones, then the kept record, then by id. */
function newestFirst(records: readonly Member[], keptId: string, changedAt: ChangedAt): Member[] {
  return [...records].sort((a, b) => {
    const at = compare(changedAt[b.id] ?? '', changedAt[a.id] ?? '');
    if (at !== 0) return at;
    if (a.id === keptId) return -1;
    if (b.id === keptId) return 1;
    return compare(a.id, b.id);
  });
}

function optionsOf(records: readonly Member[], field: MergeField): MergeOption[] {
  const options: MergeOption[] = [];
  for (const record of records) {
    const value = valueOf(record, field);
    if (isEmpty(value)) continue;
    const same = options.find((option) => deepEqual(option.value, value));
    if (same) same.memberIds.push(record.id);
    else options.push({ value, memberIds: [record.id] });
  }
  return options;
}

/**
 * How the records of a group would merge into `keptId`: per field the distinct values, and the
 * default choice — the value of the most recently changed record that has one.
 */
export function proposeMerge(records: readonly Member[], keptId: string, changedAt: ChangedAt = {}): MergeProposal {
  const kept = records.find((record) => record.id === keptId);
  if (!kept || records.length < 2) throw new Error('proposeMerge: the kept record and at least one other are needed');
  const ordered = newestFirst(records, keptId, changedAt);
  const fields = mergeFields.map((field): FieldProposal => {
    const eligible = field === 'place' ? ordered.filter((record) => record.communityId === kept.communityId) : ordered;
    const options = optionsOf(eligible, field);
    const setAside = field === 'place' ? optionsOf(ordered.filter((record) => record.communityId !== kept.communityId), field) : [];
    return { field, options, defaultChoice: options.length > 0 ? 0 : -1, setAside };
  });
  return { kept, dropped: records.filter((record) => record.id !== keptId).sort((a, b) => compare(a.id, b.id)), fields };
}

/** The documents that may refer to members; each is rewritten when it refers to a dropped record. */
export interface MemberReferrers {
  buildings: readonly Building[];
  grids: readonly Grid[];
  orgs: readonly Org[];
  ledger: readonly LedgerEntry[];
  activities: readonly Activity[];
}

export interface MergeWrites {
  /** The kept record as merged. */
  members: Member[];
  buildings: Building[];
  grids: Grid[];
  orgs: Org[];
  ledger: LedgerEntry[];
  activities: Activity[];
  /** Member ids to delete once everything above is written. */
  removeMembers: string[];
}

export interface MergeContext {
  /** YYYY-MM-DD, written into the note. */
  today: string;
  /** A value as the note shows it (names instead of ids, Chinese enum names). */
  describe: (field: MergeField, value: unknown) => string;
}

export type MergeResult =
  | { ok: true; writes: MergeWrites; note: string }
  | { ok: false; problem: 'noteTooLong'; note: string; length: number };

export const mergeFieldLabels: Record<MergeField, string> = {
  name: '姓名',
  idNumber: '身份证号',
  gender: '性别',
  birthDate: '出生日期',
  mobile: '手机号',
  isPartyMember: '是否党员',
  category: '类别',
  workUnit: '工作单位',
  unitId: '所在单位',
  place: '住址',
  report: '报到信息',
};

/** Choices by field: an index into that field's options. Fields left out take their default. */
export type MergeChoices = Partial<Record<MergeField, number>>;

/**
 * The merged record, the rewritten references and the deletions, or a problem when the merged
 * note would not fit. Nothing of the records is lost: every value not chosen and every note ends up
 * in the kept record's note.
 */
export function applyMerge(proposal: MergeProposal, choices: MergeChoices, referrers: MemberReferrers, context: MergeContext): MergeResult {
  const { kept, dropped } = proposal;
  const merged: Record<string, unknown> = { ...kept };
  const unchosen: string[] = [];
  for (const field of proposal.fields) {
    const choice = choices[field.field] ?? field.defaultChoice;
    const chosen = field.options[choice] ?? field.options[field.defaultChoice];
    const keys = field.field === 'place' ? placeFields : [field.field];
    for (const key of keys) delete merged[key];
    if (chosen) {
      if (field.field === 'place') Object.assign(merged, chosen.value);
      else merged[field.field] = chosen.value;
    }
    for (const option of [...field.options, ...field.setAside]) {
      if (option !== chosen) unchosen.push(`${mergeFieldLabels[field.field]}：${context.describe(field.field, option.value)}`);
    }
  }
  const roles = [...new Set([kept, ...dropped].flatMap((record) => record.teamRoles ?? []))];
  if (roles.length > 0) merged.teamRoles = roles;
  else delete merged.teamRoles;

  const note = mergedNote(kept, dropped, unchosen, context.today);
  if (note.length > MEMBER_NOTE_MAX) return { ok: false, problem: 'noteTooLong', note, length: note.length };
  if (note === '') delete merged.note;
  else merged.note = note;

  const droppedIds = new Set(dropped.map((record) => record.id));
  return {
    ok: true,
    note,
    writes: { members: [merged as Member], ...repointReferences(referrers, droppedIds, kept.id), removeMembers: [...droppedIds] },
  };
}

function mergedNote(kept: Member, dropped: readonly Member[], unchosen: readonly string[], today: string): string {
  const parts: string[] = [];
  if (!isEmpty(kept.note)) parts.push(kept.note ?? '');
  const merged = dropped.map((record) => `“${record.name}”（记录 ${record.id.slice(0, 8)}）`).join('、');
  let line = `【${today} 合并重复记录】并入${merged}`;
  if (unchosen.length > 0) line += `；未采用的值 — ${unchosen.join('；')}`;
  for (const record of dropped) {
    if (!isEmpty(record.note) && record.note !== kept.note) line += `；原备注（${record.id.slice(0, 8)}）：${record.note ?? ''}`;
  }
  parts.push(`${line}。`);
  return parts.join('\n');
}

const replaceIn = (ids: readonly string[] | undefined, dropped: ReadonlySet<string>, keptId: string): string[] | undefined =>
  ids === undefined ? undefined : [...new Set(ids.map((id) => (dropped.has(id) ? keptId : id)))];

const mentions = (ids: readonly string[] | undefined, dropped: ReadonlySet<string>): boolean => (ids ?? []).some((id) => dropped.has(id));

/**
 * Every building, grid, org, ledger entry and activity that refers to a dropped record, rewritten
 * to refer to the kept one. A building's claim history is a log and stays as it was written.
 */
export function repointReferences(
  referrers: MemberReferrers,
  dropped: ReadonlySet<string>,
  keptId: string,
): Omit<MergeWrites, 'members' | 'removeMembers'> {
  const has = (id: string | undefined) => id !== undefined && dropped.has(id);
  const gridLists = ['gridWorkerIds', 'communityWorkerIds', 'volunteerIds'] as const;
  return {
    buildings: referrers.buildings.filter((b) => has(b.leaderMemberId)).map((b) => ({ ...b, leaderMemberId: keptId })),
    grids: referrers.grids
      .filter((grid) => gridLists.some((list) => mentions(grid[list], dropped)))
      .map((grid) => {
        const next: Grid = { ...grid };
        for (const list of gridLists) {
          const ids = replaceIn(grid[list], dropped, keptId);
          if (ids !== undefined) next[list] = ids;
        }
        return next;
      }),
    orgs: referrers.orgs
      .filter((org) => has(org.secretaryMemberId) || mentions(org.memberIds, dropped))
      .map((org) => {
        const next: Org = { ...org };
        if (has(org.secretaryMemberId)) next.secretaryMemberId = keptId;
        const ids = replaceIn(org.memberIds, dropped, keptId);
        if (ids !== undefined) next.memberIds = ids;
        return next;
      }),
    ledger: referrers.ledger.filter((entry) => has(entry.memberId)).map((entry) => ({ ...entry, memberId: keptId })),
    activities: referrers.activities
      .filter((activity) => mentions(activity.participantIds, dropped))
      .map((activity) => ({ ...activity, participantIds: replaceIn(activity.participantIds, dropped, keptId) ?? [] })),
  };
}
