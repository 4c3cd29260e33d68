// The organisation tree as the page draws it: orgs nested under their parents, ordered by level
// then name, dissolved ones kept or left out, and a search that keeps the path to each match.
import type { Org } from '@domain/collections';
import { orgLevels } from '@domain/schema/orgs';
import { compareText } from '../../lib/collate';
import type { SearchSource } from '../../lib/search';

export interface OrgNode {
  org: Org;
  children: OrgNode[];
}

const levelRank = new Map<string, number>(orgLevels.map((level, i) => [level, i]));

/** Live before dissolved, then by level, then by name. */
function compareOrgs(a: Org, b: Org): number {
  return Number(a.dissolvedOn !== undefined) - Number(b.dissolvedOn !== undefined) || (levelRank.get(a.level) ?? 0) - (levelRank.get(b.level) ?? 0) || compareText(a.name, b.name);
}

/**
 * The orgs as a forest. Roots are the orgs without a parent, or whose parent is not shown (outside
 * the person's scope, not pulled yet, or dissolved and hidden: a live org is never hidden with it).
 * Dissolved orgs are left out unless `showDissolved`.
 */
export function orgForest(orgs: readonly Org[], showDissolved: boolean): OrgNode[] {
  const shown = showDissolved ? orgs : orgs.filter((org) => !org.dissolvedOn);
  const ids = new Set(shown.map((org) => org.id));
  const childrenOf = new Map<string, Org[]>();
  const roots: Org[] = [];
  for (const org of shown) {
    if (org.parentId !== undefined && ids.has(org.parentId)) {
      const siblings = childrenOf.get(org.parentId) ?? [];
      siblings.push(org);
      childrenOf.set(org.parentId, siblings);
    } else {
      roots.push(org);
    }
  }
  const seen = new Set<string>();
  const build = (org: Org): OrgNode => {
    seen.add(org.id);
    const children = (childrenOf.get(org.id) ?? []).filter((child) => !seen.has(child.id)).sort(compareOrgs);
    return { org, children: children.map(build) };
  };
  return roots.sort(compareOrgs).map(build);
}

/** The forest cut down to the matching orgs, the path to each, and everything under a match. */
export function filterForest(nodes: readonly OrgNode[], matches: ReadonlySet<string>): OrgNode[] {
  const kept: OrgNode[] = [];
  for (const node of nodes) {
    if (matches.has(node.org.id)) {
      kept.push(node);
      continue;
    }
    const children = filterForest(node.children, matches);
    if (children.length > 0) kept.push({ org: node.org, children });
  }
  return kept;
}

/** The ids of every node of the forest (to open the whole tree). */
export function forestIds(nodes: readonly OrgNode[]): string[] {
  return nodes.flatMap((node) => [node.org.id, ...forestIds(node.children)]);
}

/** The ids from a root down to `orgId`'s parent, so a selected org can be shown opened. */
export function ancestorIds(orgs: readonly Org[], orgId: string): string[] {
  const byId = new Map(orgs.map((org) => [org.id, org]));
  const path: string[] = [];
  const seen = new Set<string>([orgId]);
  let parentId = byId.get(orgId)?.parentId;
  while (parentId !== undefined && !seen.has(parentId)) {
    seen.add(parentId);
    path.unshift(parentId);
    parentId = byId.get(parentId)?.parentId;
  }
  return path;
}

/** Found by name (characters, pinyin, initials) and by secretary. */
export const orgSearchSource = (org: Org): SearchSource => ({
  names: [org.name],
  personNames: [org.secretaryName],
});
