// When a need on the list is due and whether it is overdue, per its category's deadline.
import { describe, expect, it } from 'vitest';
import type { Need } from '../src/collections';
import { dueAt, isOpen, isOverdue, openStates, recordedAt } from '../src/needDeadline';
import { needStates } from '../src/schema/needs';

const categories = [
  { id: 'repair', name: '设施维修', deadlineDays: 15 },
  { id: 'dispute', name: '邻里纠纷', deadlineDays: 5 },
  { id: 'none', name: '其他', deadlineDays: 0 },
];

type Timed = Pick<Need, 'state' | 'steps' | 'raisedOn' | 'categoryId'>;
const need = (extra: Partial<Timed> = {}): Timed => ({
  state: 'listed',
  categoryId: 'dispute',
  raisedOn: '2026-04-28',
  steps: [{ id: 'r', at: '2026-05-01T08:00:00.000Z', by: 'u', action: 'record', toState: 'submitted' }],
  ...extra,
});

describe('isOpen', () => {
  it('is open until resolved or closed; a returned need is open again', () => {
    expect(needStates.filter((state) => isOpen({ state }))).toEqual(['submitted', 'listed', 'claimed', 'coordinating', 'returned']);
    expect(openStates).not.toContain('resolved');
    expect(openStates).not.toContain('closed');
  });
});

describe('dueAt', () => {
  it('counts the deadline from when the need was recorded, not from when it was raised', () => {
    expect(recordedAt(need())).toBe('2026-05-01T08:00:00.000Z');
    expect(dueAt(need(), categories)?.toISOString()).toBe('2026-05-06T08:00:00.000Z');
  });

  it('falls back to the day it was raised when the need has no steps', () => {
    expect(dueAt(need({ steps: [] }), categories)?.toISOString()).toBe('2026-05-03T00:00:00.000Z');
    expect(dueAt(need({ steps: undefined, categoryId: 'repair' }), categories)?.toISOString()).toBe('2026-05-13T00:00:00.000Z');
  });

  it('has no due date without a category, with an unknown one, with no deadline, or with nothing to count from', () => {
    expect(dueAt(need({ categoryId: undefined }), categories)).toBeUndefined();
    expect(dueAt(need({ categoryId: 'gone' }), categories)).toBeUndefined();
    expect(dueAt(need({ categoryId: 'none' }), categories)).toBeUndefined();
    expect(dueAt(need(), undefined)).toBeUndefined();
    expect(dueAt(need({ steps: [], raisedOn: undefined }), categories)).toBeUndefined();
    expect(dueAt(need({ steps: [{ id: 'r', at: 'not a date', by: 'u', action: 'record' }] }), categories)).toBeUndefined();
  });

  it('crosses month ends', () => {
    const late = need({ categoryId: 'repair', steps: [{ id: 'r', at: '2026-01-20T08:00:00.000Z', by: 'u', action: 'record' }] });
    expect(dueAt(late, categories)?.toISOString()).toBe('2026-02-04T08:00:00.000Z');
  });
});

describe('isOverdue', () => {
  const due = new Date('2026-05-06T08:00:00.000Z');
  const after = new Date(due.getTime() + 1);

  it('is overdue only after the due instant', () => {
    expect(isOverdue(need(), categories, due)).toBe(false);
    expect(isOverdue(need(), categories, after)).toBe(true);
  });

  it('keeps the clock running for a returned need, and stops it once resolved or closed', () => {
    expect(isOverdue(need({ state: 'returned' }), categories, after)).toBe(true);
    expect(isOverdue(need({ state: 'coordinating' }), categories, after)).toBe(true);
    expect(isOverdue(need({ state: 'resolved' }), categories, after)).toBe(false);
    expect(isOverdue(need({ state: 'closed' }), categories, after)).toBe(false);
  });

  it('is never overdue without a deadline', () => {
    expect(isOverdue(need({ categoryId: 'none' }), categories, new Date('2030-01-01T00:00:00.000Z'))).toBe(false);
  });
});
