// The street's functional group types: add, rename, reorder, and removal refused while a group uses one.
import { describe, expect, it } from 'vitest';
import type { Org, Street } from '@domain/collections';
import { addGroupType, moveGroupType, removeGroupType, renameGroupType } from '../src/features/settings/groupTypes';
import { serverProblems } from './serverRules';

const types = [
  { id: 'integrated', name: '综合管理' },
  { id: 'medical', name: '医疗服务' },
];
const group: Org = { id: 'g1', streetId: 's1', communityId: 'c1', level: 'functionalGroup', name: '医疗服务党小组', parentId: 'b1', groupTypeId: 'medical' };

describe('functional group types', () => {
  it('adds a type with its name trimmed, and the street stays valid', () => {
    const result = addGroupType(types, '  文明创建 ', 'civility');
    expect(result.types).toEqual([...types, { id: 'civility', name: '文明创建' }]);
    const street: Street = { id: 's1', streetId: 's1', name: '朔方路街道', groupTypes: result.types ?? [] };
    expect(serverProblems('streets', street)).toEqual([]);
  });

  it('refuses an empty, too long or duplicate name in Chinese', () => {
    expect(addGroupType(types, ' ', 'x').problem).toBe('请填写类型名称');
    expect(addGroupType(types, '医疗服务', 'x').problem).toBe('已有名为“医疗服务”的类型');
    expect(addGroupType(types, '字'.repeat(51), 'x').problem).toBe('类型名称不能超过 50 个字');
  });

  it('renames a type, refusing a name another type has', () => {
    expect(renameGroupType(types, 'medical', '医疗卫生').types).toEqual([types[0], { id: 'medical', name: '医疗卫生' }]);
    expect(renameGroupType(types, 'medical', '医疗服务').types).toEqual(types);
    expect(renameGroupType(types, 'medical', '综合管理').problem).toBe('已有名为“综合管理”的类型');
    expect(renameGroupType(types, 'gone', '新名').problem).toBe('该类型已被删除');
  });

  it('refuses to remove a type a group still uses, even a dissolved one, and says why', () => {
    const used = removeGroupType([group], types, 'medical');
    expect(used.types).toBeUndefined();
    expect(used.problem).toContain('还有 1 个功能型党小组');
    expect(removeGroupType([{ ...group, dissolvedOn: '2024-01-01' }], types, 'medical').problem).toContain('还有 1 个');
    expect(removeGroupType([group], types, 'integrated').types).toEqual([types[1]]);
  });

  it('moves a type up or down, and not past either end', () => {
    expect(moveGroupType(types, 'medical', -1).map((type) => type.id)).toEqual(['medical', 'integrated']);
    expect(moveGroupType(types, 'medical', 1)).toEqual(types);
  });
});
