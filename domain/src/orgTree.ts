// Rules of the organisation tree (组织体系): which level sits under which, same community as the
// parent, no cycles, no children under a dissolved org, and counts per node. Pure; problems are
// Chinese messages a form can show.
import type { Org } from './collections';

export type OrgLevel = Org['level'];

export const orgLevelNames: Record<OrgLevel, string> = {
  streetCommittee: '街道党工委',
  communityGeneralBranch: '社区党总支',
  communityBranch: '社区党支部',
  compoundBranch: '小区党支部',
  functionalGroup: '功能型党小组',
  functionalBranch: '功能型党支部',
};

/**
 * The parent levels each level may have; an empty list means it is a root. A functional branch
 * (功能型党支部, e.g. led by a stationed unit's head) sits where a compound branch does.
 */
export const allowedParentLevels: Record<OrgLevel, readonly OrgLevel[]> = {
  streetCommittee: [],
  communityGeneralBranch: ['streetCommittee'],
  communityBranch: ['streetCommittee'],
  compoundBranch: ['communityGeneralBranch', 'communityBranch'],
  functionalBranch: ['communityGeneralBranch', 'communityBranch'],
  functionalGroup: ['compoundBranch', 'communityGeneralBranch', 'communityBranch', 'functionalBranch'],
};

/** Levels a new child of `parent` may have. */
export function childLevelsOf(parent: Pick<Org, 'level' | 'dissolvedOn'>): OrgLevel[] {
  if (parent.dissolvedOn) return [];
  return (Object.keys(allowedParentLevels) as OrgLevel[]).filter((level) => allowedParentLevels[level].includes(parent.level));
}

/** True when `ancestorId` is `org` itself or above it in the tree. */
export function isSelfOrAncestor(orgs: readonly Org[], ancestorId: string, orgId: string): boolean {
  const byId = new Map(orgs.map((org) => [org.id, org]));
  const seen = new Set<string>();
  let current: string | undefined = orgId;
  while (current && !seen.has(current)) {
    if (current === ancestorId) return true;
    seen.add(current);
    current = byId.get(current)?.parentId;
  }
  return false;
}

/**
 * Problems with placing `org` (as it would be saved) under its `parentId` among `orgs`; an empty
 * list means the placement is valid. Used both for creating and for moving.
 */
export function placementProblems(orgs: readonly Org[], org: Org): string[] {
  const problems: string[] = [];
  const allowed = allowedParentLevels[org.level];
  if (!org.parentId) {
    if (allowed.length > 0) problems.push(`${orgLevelNames[org.level]}必须有上级组织`);
    if (org.level === 'streetCommittee' && org.communityId) problems.push('街道党工委不属于任何社区');
    if (org.level !== 'streetCommittee' && !org.communityId) problems.push('请选择所属社区');
    return problems;
  }
  const parent = orgs.find((candidate) => candidate.id === org.parentId);
  if (!parent) return ['上级组织不存在'];
  if (allowed.length === 0) return [`${orgLevelNames[org.level]}不能有上级组织`];
  if (!allowed.includes(parent.level)) {
    problems.push(
      `${orgLevelNames[org.level]}的上级只能是${allowed.map((level) => orgLevelNames[level]).join('或')}，不能是${orgLevelNames[parent.level]}`,
    );
  }
  if (parent.level !== 'streetCommittee' && parent.communityId !== org.communityId) {
    problems.push('下级组织必须与上级组织属于同一社区');
  }
  if (org.level !== 'streetCommittee' && !org.communityId) problems.push('请选择所属社区');
  if (parent.streetId !== org.streetId) problems.push('上级组织不属于本街道');
  if (parent.dissolvedOn) {
    const before = orgs.find((candidate) => candidate.id === org.id);
    if (before?.parentId !== parent.id) problems.push(`上级组织「${parent.name}」已撤销，不能再设下级组织`);
  }
  if (isSelfOrAncestor(orgs, org.id, parent.id)) problems.push('不能移到自身或其下级组织之下');
  return problems;
}

/** Orgs that `org` could be moved under: valid parents other than its current one. */
export function validNewParents(orgs: readonly Org[], org: Org): Org[] {
  return orgs.filter(
    (candidate) => candidate.id !== org.parentId && placementProblems(orgs, { ...org, parentId: candidate.id }).length === 0,
  );
}

export interface OrgCounts {
  /** Live (not dissolved) direct child orgs by level. */
  children: Partial<Record<OrgLevel, number>>;
  /** The org's own members. */
  members: number;
  /** Live orgs anywhere below this one. */
  descendants: number;
}

/** Counts for every org, keyed by id. */
export function orgCounts(orgs: readonly Org[]): Map<string, OrgCounts> {
  const counts = new Map<string, OrgCounts>();
  for (const org of orgs) counts.set(org.id, { children: {}, members: org.memberIds?.length ?? 0, descendants: 0 });
  const byId = new Map(orgs.map((org) => [org.id, org]));
  for (const org of orgs) {
    if (org.dissolvedOn || !org.parentId) continue;
    const parentCounts = counts.get(org.parentId);
    if (parentCounts) parentCounts.children[org.level] = (parentCounts.children[org.level] ?? 0) + 1;
    const seen = new Set<string>([org.id]);
    let ancestor = byId.get(org.parentId);
    while (ancestor && !seen.has(ancestor.id)) {
      seen.add(ancestor.id);
      const ancestorCounts = counts.get(ancestor.id);
      if (ancestorCounts) ancestorCounts.descendants += 1;
      ancestor = ancestor.parentId ? byId.get(ancestor.parentId) : undefined;
    }
  }
  return counts;
}

/** Live orgs directly under `org`. */
export function liveChildrenOf(orgs: readonly Org[], orgId: string): Org[] {
  return orgs.filter((candidate) => candidate.parentId === orgId && !candidate.dissolvedOn);
}

/**
 * Why `org` cannot be dissolved (撤销) now; an empty list means it can. Its live sub-organisations
 * must be dissolved or moved first, so that no live org hangs under a dissolved one.
 */
export function dissolveProblems(orgs: readonly Org[], org: Org): string[] {
  if (org.dissolvedOn) return [`「${org.name}」已于${org.dissolvedOn}撤销`];
  const children = liveChildrenOf(orgs, org.id);
  if (children.length > 0) return [`「${org.name}」还有 ${children.length} 个下级组织未撤销，请先撤销或移走它们`];
  return [];
}

/** Why a community branch cannot be upgraded (升格) to a general branch with this date and approving document. */
export function upgradeProblems(org: Org, upgrade: { date?: string | undefined; docNo?: string | undefined }): string[] {
  const problems: string[] = [];
  if (org.level !== 'communityBranch') problems.push(`只有社区党支部可以升格为社区党总支，「${org.name}」是${orgLevelNames[org.level]}`);
  if (org.dissolvedOn) problems.push(`「${org.name}」已撤销，不能升格`);
  if (!upgrade.date || !/^\d{4}-\d{2}-\d{2}$/.test(upgrade.date)) problems.push('请填写升格日期');
  if (!upgrade.docNo || upgrade.docNo.trim() === '') problems.push('请填写批复文号');
  return problems;
}

/** The live compound branch of a compound, if there is one (一区一支). */
export function compoundBranchOf(orgs: readonly Org[], compoundId: string, exceptOrgId?: string): Org | undefined {
  return orgs.find(
    (org) => org.level === 'compoundBranch' && org.compoundId === compoundId && !org.dissolvedOn && org.id !== exceptOrgId,
  );
}

export interface CompoundOrgStatus {
  /** The compound's live branch; undefined when it has none yet (尚未建立小区党支部). */
  branch: Org | undefined;
  /** Its live functional groups and functional branches (多小组). */
  groups: Org[];
}

/** "One compound, one branch, several groups" (一区一支多小组) for one compound. */
export function compoundOrgStatus(orgs: readonly Org[], compoundId: string): CompoundOrgStatus {
  const branch = compoundBranchOf(orgs, compoundId);
  const groups = orgs.filter(
    (org) =>
      !org.dissolvedOn &&
      (org.level === 'functionalGroup' || org.level === 'functionalBranch') &&
      (org.compoundId === compoundId || (branch !== undefined && org.parentId === branch.id)),
  );
  return { branch, groups };
}

/** How many functional groups (dissolved ones too: their record names the type) use a group type. */
export function groupTypeUsage(orgs: readonly Org[], groupTypeId: string): number {
  return orgs.filter((org) => org.groupTypeId === groupTypeId).length;
}

/** The compounds that have a live compound branch (the rest are flagged "无支部"). */
export function compoundIdsWithBranch(orgs: readonly Org[]): ReadonlySet<string> {
  return new Set(orgs.flatMap((org) => (org.level === 'compoundBranch' && !org.dissolvedOn && org.compoundId !== undefined ? [org.compoundId] : [])));
}
