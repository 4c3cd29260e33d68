// The street's need categories (问题类别) and the days a need of each may take from being recorded
// to being resolved (`@domain/needDeadline`). Pure; each returns the whole new list.
import type { Need, Street } from '@domain/collections';

export type NeedCategory = NonNullable<Street['needCategories']>[number];

export type NeedCategoryResult = { categories: NeedCategory[]; problem?: undefined } | { categories?: undefined; problem: NeedCategoryProblem };

export type NeedCategoryProblem =
  | { field: 'name'; code: 'nameRequired' | 'nameTooLong' | 'nameTaken'; name?: string }
  | { field: 'deadlineDays'; code: 'daysRange' }
  | { field: 'id'; code: 'gone' };

const MAX_NAME = 50;
export const MAX_DEADLINE_DAYS = 365;

function problemOf(categories: readonly NeedCategory[], name: string, days: number, exceptId?: string): NeedCategoryProblem | undefined {
  if (name === '') return { field: 'name', code: 'nameRequired' };
  if (name.length > MAX_NAME) return { field: 'name', code: 'nameTooLong' };
  if (categories.some((category) => category.id !== exceptId && category.name.trim() === name)) return { field: 'name', code: 'nameTaken', name };
  if (!Number.isInteger(days) || days < 1 || days > MAX_DEADLINE_DAYS) return { field: 'deadlineDays', code: 'daysRange' };
  return undefined;
}

export function addNeedCategory(categories: readonly NeedCategory[], name: string, deadlineDays: number, id: string): NeedCategoryResult {
  const trimmed = name.trim();
  const problem = problemOf(categories, trimmed, deadlineDays);
  return problem ? { problem } : { categories: [...categories, { id, name: trimmed, deadlineDays }] };
}

export function editNeedCategory(categories: readonly NeedCategory[], id: string, name: string, deadlineDays: number): NeedCategoryResult {
  if (!categories.some((category) => category.id === id)) return { problem: { field: 'id', code: 'gone' } };
  const trimmed = name.trim();
  const problem = problemOf(categories, trimmed, deadlineDays, id);
  return problem ? { problem } : { categories: categories.map((category) => (category.id === id ? { id, name: trimmed, deadlineDays } : category)) };
}

/** How many needs (closed ones too) are of the category: such a category is kept. */
export function needCategoryUsage(needs: readonly Pick<Need, 'categoryId'>[], id: string): number {
  return needs.filter((need) => need.categoryId === id).length;
}

export function removeNeedCategory(categories: readonly NeedCategory[], id: string): NeedCategory[] {
  return categories.filter((category) => category.id !== id);
}
