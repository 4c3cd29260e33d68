// The street's functional group types (功能型党小组类型): adding, renaming and removing them, with
// the reasons a change is refused. Pure; each returns the whole new list.
import type { Org, Street } from '@domain/collections';
import { groupTypeUsage } from '@domain/orgTree';

export type GroupType = NonNullable<Street['groupTypes']>[number];

export type GroupTypeResult = { types: GroupType[]; problem?: undefined } | { types?: undefined; problem: string };

const MAX_NAME = 50;

function nameProblem(types: readonly GroupType[], name: string, exceptId?: string): string | undefined {
  if (name === '') return '请填写类型名称';
  if (name.length > MAX_NAME) return `类型名称不能超过 ${MAX_NAME} 个字`;
  if (types.some((type) => type.id !== exceptId && type.name.trim() === name)) return `已有名为“${name}”的类型`;
  return undefined;
}

export function addGroupType(types: readonly GroupType[], name: string, id: string): GroupTypeResult {
  const trimmed = name.trim();
  const problem = nameProblem(types, trimmed);
  return problem !== undefined ? { problem } : { types: [...types, { id, name: trimmed }] };
}

export function renameGroupType(types: readonly GroupType[], id: string, name: string): GroupTypeResult {
  if (!types.some((type) => type.id === id)) return { problem: '该类型已被删除' };
  const trimmed = name.trim();
  const problem = nameProblem(types, trimmed, id);
  return problem !== undefined ? { problem } : { types: types.map((type) => (type.id === id ? { ...type, name: trimmed } : type)) };
}

/** Why the type cannot be removed: groups (dissolved ones too) still name it. */
export function removeGroupTypeProblem(orgs: readonly Org[], type: GroupType): string | undefined {
  const used = groupTypeUsage(orgs, type.id);
  return used > 0 ? `还有 ${used} 个功能型党小组（含已撤销的）属于“${type.name}”类型，删除后它们将没有类型。请先把这些党小组改为其他类型。` : undefined;
}

export function removeGroupType(orgs: readonly Org[], types: readonly GroupType[], id: string): GroupTypeResult {
  const type = types.find((candidate) => candidate.id === id);
  if (!type) return { problem: '该类型已被删除' };
  const problem = removeGroupTypeProblem(orgs, type);
  return problem !== undefined ? { problem } : { types: types.filter((candidate) => candidate.id !== id) };
}

/** Moves a type one place up or down (the order the forms offer them in). */
export function moveGroupType(types: readonly GroupType[], id: string, offset: -1 | 1): GroupType[] {
  const from = types.findIndex((type) => type.id === id);
  const to = from + offset;
  if (from < 0 || to < 0 || to >= types.length) return [...types];
  const moved = [...types];
  const [type] = moved.splice(from, 1);
  if (type) moved.splice(to, 0, type);
  return moved;
}
