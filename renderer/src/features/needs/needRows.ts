// The needs list's rows: each need with the names it shows, whether it is overdue or new to the
// person; the filters (kept in the URL query so other pages can link to a filtered list), the
// search, and the default order — overdue first, then the most urgent, then the newest.
import type { Need } from '@domain/collections';
import { recordedAt } from '@domain/needDeadline';
import type { NeedState } from '@domain/needFlow';
import { needStates, urgencies } from '@domain/schema/needs';
import type { SearchSource } from '../../lib/search';

export interface NeedRow {
  id: string;
  need: Need;
  compoundName: string;
  buildingName?: string | undefined;
  categoryName?: string | undefined;
  departmentName?: string | undefined;
  /** YYYY-MM-DD of the deadline, if its category sets one. */
  dueOn?: string | undefined;
  overdue: boolean;
  /** Came in or moved, by someone else, since the person last looked. */
  isNew: boolean;
}

export interface NeedFilters {
  compoundId?: string | undefined;
  buildingId?: string | undefined;
  /** The claiming department. */
  departmentId?: string | undefined;
  states: NeedState[];
  overdueOnly: boolean;
}

const isState = (value: string): value is NeedState => (needStates as readonly string[]).includes(value);

/** The filters a link gives: `?compound=<id>&building=<id>&department=<unitId>&state=<s>[,<s>]&overdue=1`. */
export function filtersFromQuery(query: URLSearchParams): NeedFilters {
  const value = (key: string) => {
    const given = query.get(key)?.trim();
    return given ? given : undefined;
  };
  const states = [...new Set(query.getAll('state').flatMap((entry) => entry.split(',')).map((entry) => entry.trim()).filter(isState))];
  const compoundId = value('compound');
  return {
    compoundId,
    // A building belongs to a compound: without one it means nothing.
    buildingId: compoundId === undefined ? undefined : value('building'),
    departmentId: value('department'),
    states,
    overdueOnly: query.get('overdue') === '1',
  };
}

const FILTER_KEYS = ['compound', 'building', 'department', 'state', 'overdue'] as const;

/** The query with the filters written into it; other parameters are kept. */
export function queryWithFilters(query: URLSearchParams, filters: NeedFilters): URLSearchParams {
  const next = new URLSearchParams(query);
  for (const key of FILTER_KEYS) next.delete(key);
  if (filters.compoundId) next.set('compound', filters.compoundId);
  if (filters.compoundId && filters.buildingId) next.set('building', filters.buildingId);
  if (filters.departmentId) next.set('department', filters.departmentId);
  if (filters.states.length > 0) next.set('state', filters.states.join(','));
  if (filters.overdueOnly) next.set('overdue', '1');
  return next;
}

export function filterNeedRows(rows: readonly NeedRow[], filters: NeedFilters): NeedRow[] {
  return rows.filter(
    ({ need, overdue }) =>
      (filters.compoundId === undefined || need.compoundId === filters.compoundId) &&
      (filters.buildingId === undefined || need.buildingId === filters.buildingId) &&
      (filters.departmentId === undefined || need.claimedByUnitId === filters.departmentId) &&
      (filters.states.length === 0 || filters.states.includes(need.state)) &&
      (!filters.overdueOnly || overdue),
  );
}

/** high first; a need without an urgency counts as normal. */
export function urgencyRank(need: Pick<Need, 'urgency'>): number {
  return urgencies.length - 1 - urgencies.indexOf(need.urgency ?? 'normal');
}

/** When the need came onto the list, comparable as text: its first step, else the day it was raised. */
const arrivedOn = (need: Need): string => recordedAt(need) ?? '';

/** Overdue first, then by urgency (high first), then the newest first. */
export function compareNeedRows(a: NeedRow, b: NeedRow): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  const urgency = urgencyRank(a.need) - urgencyRank(b.need);
  if (urgency !== 0) return urgency;
  const newer = arrivedOn(b.need).localeCompare(arrivedOn(a.need));
  return newer !== 0 ? newer : a.id.localeCompare(b.id);
}

export function sortNeedRows(rows: readonly NeedRow[]): NeedRow[] {
  return [...rows].sort(compareNeedRows);
}

/** Found by the description, who raised it (by pinyin too), and the compound's name. */
export const needSearchSource = (row: NeedRow): SearchSource => ({
  names: [row.compoundName],
  personNames: [row.need.raisedBy],
  texts: [row.need.description, row.buildingName],
});

/** The rows of one state, for the board's column. */
export function rowsByState(rows: readonly NeedRow[]): Record<NeedState, NeedRow[]> {
  const groups = Object.fromEntries(needStates.map((state) => [state, [] as NeedRow[]])) as Record<NeedState, NeedRow[]>;
  for (const row of rows) groups[row.need.state].push(row);
  return groups;
}
