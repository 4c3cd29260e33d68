// The organisation tree's rules: levels under their allowed parents, one community per branch,
// no cycles, no new children under a dissolved org, and the counts shown at each node.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Org } from '@domain/collections';
import { childLevelsOf, isSelfOrAncestor, orgCounts, placementProblems, validNewParents } from '@domain/orgTree';

const org = (id: string, level: Org['level'], fields: Partial<Org> = {}): Org => ({
  id,
  streetId: 'street-01',
  communityId: level === 'streetCommittee' ? undefined : 'community-01',
  level,
  name: id,
  ...fields,
});

const street = org('street', 'streetCommittee');
const general = org('general', 'communityGeneralBranch', { parentId: 'street' });
const branch = org('branch', 'communityBranch', { parentId: 'street', communityId: 'community-02' });
const compound = org('compound', 'compoundBranch', { parentId: 'general', memberIds: ['m1', 'm2'] });
const group = org('group', 'functionalGroup', { parentId: 'compound' });
const tree = [street, general, branch, compound, group];

describe('placement of an org', () => {
  it('accepts each level under an allowed parent', () => {
    for (const item of tree) expect(placementProblems(tree, item), item.id).toEqual([]);
    expect(placementProblems(tree, org('g2', 'functionalGroup', { parentId: 'general' }))).toEqual([]);
  });

  it('refuses a level under a parent it may not have, naming the allowed levels', () => {
    expect(placementProblems(tree, org('x', 'compoundBranch', { parentId: 'street' }))).toEqual([
      '小区党支部的上级只能是社区党总支或社区党支部，不能是街道党工委',
    ]);
    expect(placementProblems(tree, org('x', 'functionalGroup', { parentId: 'street' }))[0]).toContain('不能是街道党工委');
    expect(placementProblems(tree, org('x', 'functionalGroup'))).toEqual(['功能型党小组必须有上级组织']);
  });

  it('refuses a child in another community than its parent', () => {
    expect(placementProblems(tree, org('x', 'compoundBranch', { parentId: 'branch' }))).toEqual(['下级组织必须与上级组织属于同一社区']);
  });

  it('refuses new children under a dissolved org but keeps the ones it had', () => {
    const dissolved = { ...compound, dissolvedOn: '2026-01-01' };
    const orgs = [street, general, dissolved, group];
    expect(placementProblems(orgs, org('x', 'functionalGroup', { parentId: 'compound' }))).toEqual([
      '上级组织「compound」已撤销，不能再设下级组织',
    ]);
    expect(placementProblems(orgs, group)).toEqual([]);
    expect(childLevelsOf(dissolved)).toEqual([]);
  });

  it('refuses moving an org under itself or its descendants', () => {
    const twoGenerals = [...tree, org('g2', 'functionalGroup', { parentId: 'general' })];
    expect(placementProblems(twoGenerals, { ...compound, parentId: 'compound' })).toContain('不能移到自身或其下级组织之下');
    expect(validNewParents(tree, group).map((item) => item.id)).toEqual(['general']);
  });

  it('offers only the levels a parent may have as children', () => {
    expect(childLevelsOf(street)).toEqual(['communityGeneralBranch', 'communityBranch']);
    expect(childLevelsOf(compound)).toEqual(['functionalGroup']);
    expect(childLevelsOf(group)).toEqual([]);
  });
});

describe('counts per node', () => {
  it('counts live children by level, members and descendants', () => {
    const orgs = [...tree, org('old', 'functionalGroup', { parentId: 'compound', dissolvedOn: '2025-01-01' })];
    const counts = orgCounts(orgs);
    expect(counts.get('compound')).toEqual({ children: { functionalGroup: 1 }, members: 2, descendants: 1 });
    expect(counts.get('street')).toEqual({ children: { communityGeneralBranch: 1, communityBranch: 1 }, members: 0, descendants: 4 });
  });
});

describe('moves', () => {
  // A pool of orgs in one community where many moves are allowed: general branches, branches,
  // compound branches and groups.
  const levels: Org['level'][] = ['communityGeneralBranch', 'communityBranch', 'compoundBranch', 'compoundBranch', 'functionalGroup', 'functionalGroup', 'functionalGroup'];
  const start: Org[] = [
    street,
    ...levels.map((level, index) =>
      org(`o${index}`, level, {
        parentId: level.startsWith('community') ? 'street' : level === 'compoundBranch' ? 'o0' : 'o2',
      }),
    ),
  ];

  it('no sequence of allowed moves creates a cycle or an invalid placement', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(start.length - 1), fc.nat(start.length - 1)), { maxLength: 40 }), (moves) => {
        let orgs = start;
        for (const [childIndex, parentIndex] of moves) {
          const child = orgs[childIndex];
          const parent = orgs[parentIndex];
          if (!child || !parent) continue;
          const moved: Org = { ...child, parentId: parent.id };
          if (placementProblems(orgs, moved).length > 0) continue;
          orgs = orgs.map((item) => (item.id === moved.id ? moved : item));
        }
        for (const item of orgs) {
          expect(placementProblems(orgs, item)).toEqual([]);
          if (item.parentId) expect(isSelfOrAncestor(orgs, item.id, item.parentId)).toBe(false);
        }
      }),
    );
  });
});
