// From the org forms to documents: creating and editing an org, and the actions that write its
// append-only history (moved, upgraded, dissolved). Pure; each returns the whole new document.
import type { Org } from '@domain/collections';
import { dissolveProblems, placementProblems, upgradeProblems, compoundBranchOf, type OrgLevel } from '@domain/orgTree';
import { FieldProblemsError, withoutBlanks } from '../../lib/form';

export type HistoryEntry = NonNullable<Org['history']>[number];
export type HistoryKind = HistoryEntry['kind'];

/** Who writes an entry and when: the signed-in user, this device, now. */
export interface Author {
  by: string;
  deviceId?: string | undefined;
  /** ISO 8601 instant. */
  at: string;
  newId: () => string;
}

export function historyEntry(author: Author, kind: HistoryKind, fields: { date?: string | undefined; docNo?: string | undefined; note?: string | undefined }): HistoryEntry {
  const { date, docNo, note } = withoutBlanks(fields);
  return {
    id: author.newId(),
    at: author.at,
    by: author.by,
    ...(author.deviceId !== undefined && { deviceId: author.deviceId }),
    kind,
    ...(date !== undefined && { date }),
    ...(docNo !== undefined && { docNo }),
    ...(note !== undefined && { note }),
  };
}

/** Who the secretary is: a member, a stationed unit's head (名字 + 单位), someone known by name only, or nobody yet. */
export type SecretaryKind = 'member' | 'unitHead' | 'name' | 'none';

export interface OrgFormValues {
  level: OrgLevel;
  name: string;
  communityId?: string;
  compoundId?: string;
  groupTypeId?: string;
  secretaryKind: SecretaryKind;
  secretaryMemberId?: string;
  secretaryName?: string;
  secretaryUnitId?: string;
  foundedOn?: string;
  memberIds?: string[];
}

export function secretaryKindOf(org: Org | undefined): SecretaryKind {
  if (!org) return 'none';
  if (org.secretaryMemberId !== undefined) return 'member';
  if (org.secretaryUnitId !== undefined) return 'unitHead';
  return org.secretaryName !== undefined ? 'name' : 'none';
}

/** The form's starting values: the org's own, or a new child's under `parent`. */
export function orgFormValues(org: Org | undefined, parent: Org | undefined, level: OrgLevel | undefined, knownMemberIds: ReadonlySet<string>): Partial<OrgFormValues> {
  if (!org) {
    return { level, communityId: parent?.communityId, compoundId: parent?.compoundId, secretaryKind: 'member', memberIds: [] };
  }
  const { name, communityId, compoundId, groupTypeId, secretaryMemberId, secretaryName, secretaryUnitId, foundedOn } = org;
  return {
    level: org.level,
    name,
    communityId,
    compoundId,
    groupTypeId,
    secretaryKind: secretaryKindOf(org),
    secretaryMemberId,
    secretaryName,
    secretaryUnitId,
    foundedOn,
    // The form offers only members it can show; the others are kept by `orgFromForm`.
    memberIds: (org.memberIds ?? []).filter((id) => knownMemberIds.has(id)),
  };
}

export interface OrgFormContext {
  /** Every org the device holds, for the placement rules and "one compound, one branch". */
  orgs: readonly Org[];
  /** Member names by id, to keep the secretary's name with the org. */
  memberName: (id: string) => string | undefined;
  knownMemberIds: ReadonlySet<string>;
  author: Author;
}

/**
 * The document to save from the form. A new org gets a `founded` history entry; an edit keeps its
 * history, its parent, its dissolution. Problems (wrong level, a compound with a branch already,
 * a missing secretary) are thrown as `FieldProblemsError` on the fields concerned.
 */
export function orgFromForm(values: OrgFormValues, base: Org | Pick<Org, 'id' | 'streetId' | 'parentId'>, context: OrgFormContext): Org {
  const trimmed = withoutBlanks(values);
  const stored: Partial<Org> = base;
  const isNew = !('level' in base);
  const level = isNew ? values.level : (stored.level ?? values.level);
  const problems: { name: string; errors: string[] }[] = [];
  const problem = (name: string, error: string) => problems.push({ name, errors: [error] });

  const name = trimmed.name ?? '';
  if (name === '') problem('name', '请填写组织名称');
  // Below a community's branch the community (and below a compound branch the compound) is the
  // parent's; a community branch's community is chosen when it is created.
  const parent = base.parentId === undefined ? undefined : context.orgs.find((candidate) => candidate.id === base.parentId);
  const inheritsCommunity = parent !== undefined && parent.level !== 'streetCommittee';
  const communityId = level === 'streetCommittee' ? undefined : inheritsCommunity ? parent.communityId : isNew ? trimmed.communityId : stored.communityId;
  if (level !== 'streetCommittee' && communityId === undefined) problem('communityId', '请选择所属社区');
  const isGroup = level === 'functionalGroup' || level === 'functionalBranch';
  const compoundId =
    level === 'compoundBranch' ? trimmed.compoundId : isGroup ? (parent?.level === 'compoundBranch' ? parent.compoundId : trimmed.compoundId) : undefined;
  if (level === 'compoundBranch') {
    if (compoundId === undefined) problem('compoundId', '请选择党支部所在的小区');
    else {
      const taken = compoundBranchOf(context.orgs, compoundId, base.id);
      if (taken) problem('compoundId', `该小区已有党支部「${taken.name}」，一个小区只建一个党支部`);
    }
  }
  const groupTypeId = level === 'functionalGroup' ? trimmed.groupTypeId : undefined;
  if (level === 'functionalGroup' && groupTypeId === undefined) problem('groupTypeId', '请选择党小组类型');

  const secretary: Partial<Org> = {};
  switch (values.secretaryKind) {
    case 'member': {
      if (trimmed.secretaryMemberId === undefined) {
        problem('secretaryMemberId', '请选择担任书记（组长）的党员');
        break;
      }
      secretary.secretaryMemberId = trimmed.secretaryMemberId;
      const memberName = context.memberName(trimmed.secretaryMemberId) ?? stored.secretaryName;
      if (memberName !== undefined) secretary.secretaryName = memberName;
      break;
    }
    case 'unitHead':
      if (trimmed.secretaryName === undefined) problem('secretaryName', '请填写单位负责人姓名');
      if (trimmed.secretaryUnitId === undefined) problem('secretaryUnitId', '请选择负责人所在的驻区单位');
      if (trimmed.secretaryName !== undefined) secretary.secretaryName = trimmed.secretaryName;
      if (trimmed.secretaryUnitId !== undefined) secretary.secretaryUnitId = trimmed.secretaryUnitId;
      break;
    case 'name':
      if (trimmed.secretaryName === undefined) problem('secretaryName', '请填写书记（组长）姓名');
      else secretary.secretaryName = trimmed.secretaryName;
      break;
    case 'none':
      break;
  }
  if (trimmed.foundedOn !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(trimmed.foundedOn)) problem('foundedOn', '成立日期应为 YYYY-MM-DD');

  // Members the form could not show (outside the person's scope, not pulled yet) are kept; the
  // secretary, when a member, is one of the org's members.
  // A form without the members field (the street committee's) leaves them as they were.
  const chosen = values.memberIds ?? stored.memberIds ?? [];
  const hidden = (stored.memberIds ?? []).filter((id) => !context.knownMemberIds.has(id) && !chosen.includes(id));
  const memberIds = [...new Set([...chosen, ...hidden, ...(secretary.secretaryMemberId !== undefined ? [secretary.secretaryMemberId] : [])])];

  const history = [...(stored.history ?? [])];
  if (isNew) history.push(historyEntry(context.author, 'founded', { date: trimmed.foundedOn }));

  const org: Org = {
    id: base.id,
    streetId: base.streetId,
    ...(communityId !== undefined && { communityId }),
    level,
    name,
    ...(base.parentId !== undefined && { parentId: base.parentId }),
    ...(compoundId !== undefined && { compoundId }),
    ...(groupTypeId !== undefined && { groupTypeId }),
    ...secretary,
    ...(trimmed.foundedOn !== undefined && { foundedOn: trimmed.foundedOn }),
    ...(stored.dissolvedOn !== undefined && { dissolvedOn: stored.dissolvedOn }),
    ...(memberIds.length > 0 && { memberIds }),
    ...(history.length > 0 && { history }),
  };
  // Placement is checked where the org is put: here when it is created, on a move otherwise (an
  // edit does not change the parent, and must stay possible for an org placed under older rules).
  if (problems.length === 0 && isNew) {
    const placement = placementProblems(context.orgs, org);
    if (placement.length > 0) problem(org.level === 'streetCommittee' ? 'name' : 'communityId', placement.join('；'));
  }
  if (problems.length > 0) throw new FieldProblemsError(problems);
  return org;
}

/** Thrown by an action the rules refuse; the message is for the person. */
export class OrgActionError extends Error {
  constructor(problems: readonly string[]) {
    super(problems.join('；'));
    this.name = 'OrgActionError';
  }
}

/** The org moved under `parentId`, with a `moved` entry naming the old and new parent. */
export function movedOrg(orgs: readonly Org[], org: Org, parentId: string, change: { date?: string | undefined; note?: string | undefined }, author: Author): Org {
  if (org.parentId === parentId) throw new OrgActionError(['请选择新的上级组织']);
  const moved: Org = { ...org, parentId };
  const problems = placementProblems(orgs, moved);
  if (problems.length > 0) throw new OrgActionError(problems);
  const from = orgs.find((candidate) => candidate.id === org.parentId)?.name ?? '—';
  const to = orgs.find((candidate) => candidate.id === parentId)?.name ?? '—';
  const note = [`由「${from}」移至「${to}」`, change.note?.trim()].filter(Boolean).join('。');
  return { ...moved, history: [...(org.history ?? []), historyEntry(author, 'moved', { date: change.date, note })] };
}

/** The community branch upgraded to a general branch (升格为党总支), optionally renamed. */
export function upgradedOrg(org: Org, upgrade: { date?: string | undefined; docNo?: string | undefined; name?: string | undefined; note?: string | undefined }, author: Author): Org {
  const problems = upgradeProblems(org, upgrade);
  if (problems.length > 0) throw new OrgActionError(problems);
  const name = upgrade.name?.trim() || org.name;
  const note = [`由社区党支部升格为社区党总支`, name !== org.name ? `更名为「${name}」（原「${org.name}」）` : '', upgrade.note?.trim()].filter(Boolean).join('。');
  return {
    ...org,
    level: 'communityGeneralBranch',
    name,
    history: [...(org.history ?? []), historyEntry(author, 'upgraded', { date: upgrade.date, docNo: upgrade.docNo, note })],
  };
}

/** The usual name after an upgrade: 支部委员会 becomes 总支部委员会. */
export function upgradedName(name: string): string {
  return name.includes('总支部') ? name : name.replace(/支部委员会$/, '总支部委员会').replace(/党支部$/, '党总支');
}

/** The org dissolved (撤销): it stays, greyed, with its history; never deleted. */
export function dissolvedOrg(orgs: readonly Org[], org: Org, change: { date?: string | undefined; docNo?: string | undefined; note?: string | undefined }, author: Author): Org {
  const problems = dissolveProblems(orgs, org);
  const date = change.date ?? '';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) problems.push('请填写撤销日期');
  else if (org.foundedOn !== undefined && date < org.foundedOn) problems.push(`撤销日期不能早于成立日期（${org.foundedOn}）`);
  if (problems.length > 0) throw new OrgActionError(problems);
  return { ...org, dissolvedOn: date, history: [...(org.history ?? []), historyEntry(author, 'dissolved', change)] };
}

/** A note (备注) in the history: a milestone that is none of the others. */
export function notedOrg(org: Org, change: { date?: string | undefined; note?: string | undefined }, author: Author): Org {
  if (!change.note || change.note.trim() === '') throw new OrgActionError(['请填写记事内容']);
  return { ...org, history: [...(org.history ?? []), historyEntry(author, 'note', change)] };
}
