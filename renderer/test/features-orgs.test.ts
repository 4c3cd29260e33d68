// The organisation tree page: the tree as drawn (levels, dissolved orgs, search paths), the org
// form's documents, and the changes that write the history (move, upgrade, dissolve, note); and the
// compound's "one compound, one branch, several groups" status.
import { describe, expect, it } from 'vitest';
import type { Org } from '@domain/collections';
import { compoundIdsWithBranch, compoundOrgStatus, dissolveProblems, groupTypeUsage, upgradeProblems } from '@domain/orgTree';
import { FieldProblemsError } from '../src/lib/form';
import {
  dissolvedOrg,
  movedOrg,
  notedOrg,
  orgFormValues,
  orgFromForm,
  upgradedName,
  upgradedOrg,
  type Author,
  type OrgFormContext,
  type OrgFormValues,
} from '../src/features/orgs/orgDoc';
import { ancestorIds, filterForest, forestIds, orgForest, type OrgNode } from '../src/features/orgs/orgTreeData';
import { serverProblems } from './serverRules';

const org = (id: string, level: Org['level'], fields: Partial<Org> = {}): Org => ({
  id,
  streetId: 's1',
  ...(level !== 'streetCommittee' && { communityId: 'c1' }),
  level,
  name: id,
  ...fields,
});

const street = org('street', 'streetCommittee', { name: '街道党工委' });
const community = org('community', 'communityBranch', { parentId: 'street', name: '幸福社区党支部委员会' });
const other = org('other', 'communityGeneralBranch', { parentId: 'street', communityId: 'c2', name: '和平社区党总支' });
const branch = org('branch', 'compoundBranch', { parentId: 'community', compoundId: 'k1', name: '幸福花园小区党支部', memberIds: ['m1', 'm2'] });
const group = org('group', 'functionalGroup', { parentId: 'branch', compoundId: 'k1', groupTypeId: 'type-medical', name: '医疗服务党小组' });
const oldGroup = org('old', 'functionalGroup', { parentId: 'branch', compoundId: 'k1', groupTypeId: 'type-old', dissolvedOn: '2023-01-01', name: '旧党小组' });
const tree = [group, branch, other, oldGroup, street, community];

let counter = 0;
const author: Author = { by: 'user-1', deviceId: 'device-1', at: '2025-03-01T08:00:00.000Z', newId: () => `entry-${++counter}` };

const names = (nodes: readonly OrgNode[]): unknown => nodes.map((node) => (node.children.length > 0 ? { [node.org.id]: names(node.children) } : node.org.id));

describe('the tree as drawn', () => {
  it('nests orgs under their parents, the street committee on top, general branches before branches', () => {
    expect(names(orgForest(tree, false))).toEqual([{ street: ['other', { community: [{ branch: ['group'] }] }] }]);
  });

  it('hides dissolved orgs unless asked, and keeps them when asked', () => {
    expect(forestIds(orgForest(tree, false))).not.toContain('old');
    expect(names(orgForest(tree, true))).toEqual([{ street: ['other', { community: [{ branch: ['group', 'old'] }] }] }]);
  });

  it('shows a live org whose parent is hidden or not on the device at the top rather than losing it', () => {
    const orphan = org('orphan', 'functionalGroup', { parentId: 'old', name: '孤儿' });
    const foreign = org('foreign', 'compoundBranch', { parentId: 'not-here' });
    expect(forestIds(orgForest([...tree, orphan, foreign], false))).toEqual(expect.arrayContaining(['orphan', 'foreign']));
  });

  it('cuts the tree to the matches and the path to each, keeping what is under a match', () => {
    const forest = orgForest(tree, false);
    expect(names(filterForest(forest, new Set(['group'])))).toEqual([{ street: [{ community: [{ branch: ['group'] }] }] }]);
    expect(names(filterForest(forest, new Set(['community'])))).toEqual([{ street: [{ community: [{ branch: ['group'] }] }] }]);
    expect(filterForest(forest, new Set(['nothing']))).toEqual([]);
  });

  it('gives the path from the top to an org', () => {
    expect(ancestorIds(tree, 'group')).toEqual(['street', 'community', 'branch']);
    expect(ancestorIds(tree, 'street')).toEqual([]);
  });
});

const context = (orgs: readonly Org[] = tree): OrgFormContext => ({
  orgs,
  memberName: (id) => ({ m1: '张三', m2: '李四', m3: '王五' })[id],
  knownMemberIds: new Set(['m1', 'm2', 'm3']),
  author,
});

const values = (fields: Partial<OrgFormValues>): OrgFormValues => ({ level: 'functionalGroup', name: '新党小组', secretaryKind: 'none', ...fields });

function fieldErrors(run: () => unknown): Record<string, string[]> {
  try {
    run();
  } catch (error) {
    if (error instanceof FieldProblemsError) return Object.fromEntries(error.fields.map((field) => [field.name, field.errors]));
    throw error;
  }
  throw new Error('expected problems');
}

describe('creating and editing an org', () => {
  it('creates a functional group under a compound branch with its compound, type, secretary and a founding entry', () => {
    const doc = orgFromForm(
      values({ groupTypeId: 'type-medical', secretaryKind: 'member', secretaryMemberId: 'm3', memberIds: ['m1'], foundedOn: '2024-05-01' }),
      { id: 'new', streetId: 's1', parentId: 'branch' },
      context(),
    );
    expect(doc).toMatchObject({ communityId: 'c1', compoundId: 'k1', groupTypeId: 'type-medical', secretaryMemberId: 'm3', secretaryName: '王五', foundedOn: '2024-05-01' });
    // The secretary is one of the org's members.
    expect(doc.memberIds).toEqual(['m1', 'm3']);
    expect(doc.history).toEqual([expect.objectContaining({ kind: 'founded', date: '2024-05-01', by: 'user-1', deviceId: 'device-1' })]);
    expect(serverProblems('orgs', doc)).toEqual([]);
  });

  it('records a stationed unit head as secretary by name and unit', () => {
    const doc = orgFromForm(
      values({ level: 'functionalBranch', secretaryKind: 'unitHead', secretaryName: ' 周振华 ', secretaryUnitId: 'unit-1' }),
      { id: 'new', streetId: 's1', parentId: 'community' },
      context(),
    );
    expect(doc).toMatchObject({ level: 'functionalBranch', secretaryName: '周振华', secretaryUnitId: 'unit-1' });
    expect(doc.secretaryMemberId).toBeUndefined();
    expect(serverProblems('orgs', doc)).toEqual([]);
  });

  it('refuses, in Chinese and on the field, a group without a type, a unit head without a unit, a second branch in a compound', () => {
    expect(fieldErrors(() => orgFromForm(values({ name: ' ' }), { id: 'new', streetId: 's1', parentId: 'branch' }, context()))).toEqual({
      name: ['请填写组织名称'],
      groupTypeId: ['请选择党小组类型'],
    });
    expect(
      fieldErrors(() => orgFromForm(values({ level: 'functionalBranch', secretaryKind: 'unitHead', secretaryName: '周振华' }), { id: 'new', streetId: 's1', parentId: 'community' }, context())),
    ).toEqual({ secretaryUnitId: ['请选择负责人所在的驻区单位'] });
    expect(
      fieldErrors(() => orgFromForm(values({ level: 'compoundBranch', compoundId: 'k1' }), { id: 'new', streetId: 's1', parentId: 'community' }, context())),
    ).toEqual({ compoundId: ['该小区已有党支部「幸福花园小区党支部」，一个小区只建一个党支部'] });
  });

  it('refuses a level the parent may not have', () => {
    const errors = fieldErrors(() => orgFromForm(values({ level: 'compoundBranch', communityId: 'c1', compoundId: 'k9' }), { id: 'new', streetId: 's1', parentId: 'street' }, context()));
    expect(Object.values(errors).flat().join()).toContain('小区党支部的上级只能是');
  });

  it('takes the community of a community branch from the form, and refuses none', () => {
    const doc = orgFromForm(values({ level: 'communityBranch', communityId: 'c3' }), { id: 'new', streetId: 's1', parentId: 'street' }, context());
    expect(doc.communityId).toBe('c3');
    expect(fieldErrors(() => orgFromForm(values({ level: 'communityBranch' }), { id: 'new', streetId: 's1', parentId: 'street' }, context()))).toEqual({
      communityId: ['请选择所属社区'],
    });
  });

  it('edits an org keeping its level, parent, history and the members the form could not show', () => {
    const stored: Org = { ...branch, memberIds: ['m1', 'hidden'], history: [{ id: 'h1', at: 'x', by: 'u', kind: 'founded' }] };
    const start = orgFormValues(stored, community, undefined, new Set(['m1', 'm2']));
    expect(start.memberIds).toEqual(['m1']);
    const doc = orgFromForm({ ...(start as OrgFormValues), name: '改名后', memberIds: ['m2'] }, stored, context([stored, street, community]));
    expect(doc).toMatchObject({ level: 'compoundBranch', parentId: 'community', compoundId: 'k1', name: '改名后' });
    expect(doc.memberIds).toEqual(['m2', 'hidden']);
    expect(doc.history).toEqual(stored.history);
  });
});

describe('changes recorded in the history', () => {
  it('moves an org to a valid parent with a moved entry naming both', () => {
    const second = org('second', 'compoundBranch', { parentId: 'community', compoundId: 'k2', name: '第二小区党支部' });
    const moved = movedOrg([...tree, second], group, 'second', { date: '2025-02-01' }, author);
    expect(moved.parentId).toBe('second');
    expect(moved.history?.at(-1)).toMatchObject({ kind: 'moved', date: '2025-02-01', note: '由「幸福花园小区党支部」移至「第二小区党支部」' });
    expect(serverProblems('orgs', moved)).toEqual([]);
  });

  it('refuses a move under its own descendant or into another community', () => {
    expect(() => movedOrg(tree, community, 'branch', {}, author)).toThrow();
    expect(() => movedOrg(tree, branch, 'other', {}, author)).toThrow('下级组织必须与上级组织属于同一社区');
  });

  it('upgrades a community branch to a general branch with date and document number, keeping the history', () => {
    const before: Org = { ...community, history: [{ id: 'h1', at: 'x', by: 'u', kind: 'founded', date: '2005-07-01' }] };
    const upgraded = upgradedOrg(before, { date: '2020-06-10', docNo: '灵朔党工发〔2020〕11号', name: upgradedName('中共幸福社区支部委员会') }, author);
    expect(upgraded.level).toBe('communityGeneralBranch');
    expect(upgraded.name).toBe('中共幸福社区总支部委员会');
    expect(upgraded.history?.[0]).toEqual(before.history?.[0]);
    expect(upgraded.history?.[1]).toMatchObject({ kind: 'upgraded', date: '2020-06-10', docNo: '灵朔党工发〔2020〕11号' });
    expect(serverProblems('orgs', upgraded)).toEqual([]);
  });

  it('refuses an upgrade without a document number, or of anything but a community branch', () => {
    expect(upgradeProblems(community, { date: '2020-06-10', docNo: ' ' })).toEqual(['请填写批复文号']);
    expect(upgradeProblems(other, { date: '2020-06-10', docNo: '1号' })[0]).toContain('只有社区党支部可以升格');
    expect(() => upgradedOrg(community, { date: '', docNo: '1号' }, author)).toThrow('请填写升格日期');
  });

  it('dissolves a leaf org with a date, keeping it; refuses one with live sub-organisations', () => {
    const dissolved = dissolvedOrg(tree, group, { date: '2025-01-02', note: '合并' }, author);
    expect(dissolved).toMatchObject({ id: 'group', dissolvedOn: '2025-01-02' });
    expect(dissolved.history?.at(-1)).toMatchObject({ kind: 'dissolved', date: '2025-01-02', note: '合并' });
    expect(serverProblems('orgs', dissolved)).toEqual([]);
    expect(dissolveProblems(tree, branch)).toEqual(['「幸福花园小区党支部」还有 1 个下级组织未撤销，请先撤销或移走它们']);
    expect(() => dissolvedOrg(tree, group, {}, author)).toThrow('请填写撤销日期');
    expect(() => dissolvedOrg(tree, { ...group, foundedOn: '2025-03-01' }, { date: '2025-01-02' }, author)).toThrow('撤销日期不能早于成立日期（2025-03-01）');
    expect(dissolveProblems(tree, oldGroup)[0]).toContain('已于2023-01-01撤销');
  });

  it('adds a note only with text', () => {
    expect(notedOrg(group, { note: '换届选举' }, author).history?.at(-1)).toMatchObject({ kind: 'note', note: '换届选举' });
    expect(() => notedOrg(group, { note: '  ' }, author)).toThrow('请填写记事内容');
  });
});

describe('one compound, one branch, several groups', () => {
  it('finds the compound branch and its live groups', () => {
    const status = compoundOrgStatus(tree, 'k1');
    expect(status.branch?.id).toBe('branch');
    expect(status.groups.map((g) => g.id)).toEqual(['group']);
  });

  it('reports no branch for a compound without one, or whose branch was dissolved', () => {
    expect(compoundOrgStatus(tree, 'k2')).toEqual({ branch: undefined, groups: [] });
    expect(compoundOrgStatus([{ ...branch, dissolvedOn: '2024-01-01' }], 'k1').branch).toBeUndefined();
  });

  it('lists the compounds with a live branch, for the 无支部 flag of the compound list', () => {
    const dissolved = org('gone', 'compoundBranch', { parentId: 'community', compoundId: 'k3', dissolvedOn: '2024-01-01' });
    expect([...compoundIdsWithBranch([...tree, dissolved])]).toEqual(['k1']);
  });

  it('counts the groups of a type, dissolved ones too', () => {
    expect(groupTypeUsage(tree, 'type-medical')).toBe(1);
    expect(groupTypeUsage(tree, 'type-old')).toBe(1);
    expect(groupTypeUsage(tree, 'type-unused')).toBe(0);
  });
});
