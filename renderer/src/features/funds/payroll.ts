// 任职补贴发放表: one community's allowances of a month, with who holds which governance post (so
// the form can offer the people with posts first and suggest what the allowance is for). Pure.
import type { Building, Compound, Grid, LedgerEntry, Org } from '@domain/collections';
import { allowancesOf } from '@domain/funds';
import { compareText } from '../../lib/collate';

export type Post =
  | { kind: 'secretary'; name: string; org: Org }
  | { kind: 'groupLeader'; name: string }
  | { kind: 'gridWorker'; name: string }
  | { kind: 'buildingLeader'; name: string };

const SECRETARY_LEVELS: ReadonlySet<Org['level']> = new Set(['communityGeneralBranch', 'communityBranch', 'compoundBranch', 'functionalBranch']);

/** The governance posts each member holds: branch secretaries, group leaders, grid workers, red building leaders. */
export function postsByMember(orgs: readonly Org[], grids: readonly Grid[], buildings: readonly Building[], compounds: readonly Compound[]): Map<string, Post[]> {
  const posts = new Map<string, Post[]>();
  const add = (memberId: string | undefined, post: Post) => {
    if (memberId === undefined) return;
    posts.set(memberId, [...(posts.get(memberId) ?? []), post]);
  };
  // A compound branch first: its secretary's allowance is booked on it.
  const byLevel = [...orgs].sort((a, b) => Number(b.level === 'compoundBranch') - Number(a.level === 'compoundBranch'));
  for (const org of byLevel) {
    if (org.dissolvedOn !== undefined) continue;
    if (SECRETARY_LEVELS.has(org.level)) add(org.secretaryMemberId, { kind: 'secretary', name: org.name, org });
    // A functional Party group is led by its 组长.
    else if (org.level === 'functionalGroup') add(org.secretaryMemberId, { kind: 'groupLeader', name: org.name });
  }
  for (const grid of grids) for (const id of grid.gridWorkerIds ?? []) add(id, { kind: 'gridWorker', name: grid.name });
  const compoundName = new Map(compounds.map((compound) => [compound.id, compound.name]));
  for (const building of buildings) add(building.leaderMemberId, { kind: 'buildingLeader', name: `${compoundName.get(building.compoundId) ?? ''}${building.name}` });
  return posts;
}

/** The compound branch a member is secretary of, if any. */
export function secretaryBranch(posts: readonly Post[] | undefined): Org | undefined {
  for (const post of posts ?? []) if (post.kind === 'secretary' && post.org.level === 'compoundBranch') return post.org;
  return undefined;
}

export interface PayrollRow {
  entry: LedgerEntry;
  id: string;
  memberName: string;
}

/** The sheet's rows: the community's allowances of the month, by person (pinyin order), then post. */
export function payrollRows(ledger: readonly LedgerEntry[], communityId: string, month: string, memberName: (id: string | undefined) => string): PayrollRow[] {
  return allowancesOf(ledger, communityId, month)
    .map((entry) => ({ entry, id: entry.id, memberName: memberName(entry.memberId) }))
    .sort((a, b) => compareText(a.memberName, b.memberName) || compareText(a.entry.purpose, b.entry.purpose) || compareText(a.id, b.id));
}
