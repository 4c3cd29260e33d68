// When a need on the list is due, and whether it is overdue: each category of the street's list
// (`streets.needCategories`) gives the days a need of that category may take from being recorded
// to being resolved. A need the resident returned is open again and its clock keeps running.
import type { Need, Street } from './collections';
import type { NeedState } from './needFlow';

/** States in which a need still waits for someone: neither resolved nor closed. */
export const openStates: readonly NeedState[] = ['submitted', 'listed', 'claimed', 'coordinating', 'returned'];

export const isOpen = (need: Pick<Need, 'state'>): boolean => openStates.includes(need.state);

type Categories = NonNullable<Street['needCategories']>;

/** When the need entered the list: its first step, or the day it was raised. ISO instant or date. */
export function recordedAt(need: Pick<Need, 'steps' | 'raisedOn'>): string | undefined {
  return need.steps?.[0]?.at ?? need.raisedOn;
}

/** The instant by which the need must be resolved, or undefined when its category sets no deadline. */
export function dueAt(need: Pick<Need, 'steps' | 'raisedOn' | 'categoryId'>, categories: Categories | undefined): Date | undefined {
  const category = categories?.find((entry) => entry.id === need.categoryId);
  const start = recordedAt(need);
  if (!category || category.deadlineDays <= 0 || !start) return undefined;
  const due = new Date(start);
  if (Number.isNaN(due.getTime())) return undefined;
  due.setUTCDate(due.getUTCDate() + category.deadlineDays);
  return due;
}

/** Whether the need is still open past its category's deadline. */
export function isOverdue(need: Pick<Need, 'state' | 'steps' | 'raisedOn' | 'categoryId'>, categories: Categories | undefined, now: Date): boolean {
  if (!isOpen(need)) return false;
  const due = dueAt(need, categories);
  return due !== undefined && now.getTime() > due.getTime();
}
