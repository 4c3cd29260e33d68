// The names a need shows (its compound, building, category, claiming department) and its
// deadline, from the documents this device holds.
import type { Building, Compound, Need, Street, Unit } from '@domain/collections';
import { dueAt, isOverdue } from '@domain/needDeadline';
import { today } from '../../lib/dates';
import { claimingUnitName } from '../../lib/needActor';
import { isNewTo } from '../../lib/needsSeen';
import { sortNeedRows, type NeedRow } from './needRows';

export type NeedCategory = NonNullable<Street['needCategories']>[number];

export interface NeedLookups {
  compounds: ReadonlyMap<string, Compound>;
  buildings: ReadonlyMap<string, Building>;
  units: ReadonlyMap<string, Unit>;
  categories: readonly NeedCategory[];
}

/** The due day (YYYY-MM-DD, local) of a need, if its category sets a deadline. */
export function dueOnOf(need: Need, categories: readonly NeedCategory[]): string | undefined {
  const due = dueAt(need, [...categories]);
  return due === undefined ? undefined : today(due);
}

export function needRowOf(need: Need, lookups: NeedLookups, now: Date, isNew: boolean): NeedRow {
  const categories = [...lookups.categories];
  return {
    id: need.id,
    need,
    compoundName: lookups.compounds.get(need.compoundId)?.name ?? '',
    buildingName: need.buildingId === undefined ? undefined : lookups.buildings.get(need.buildingId)?.name,
    categoryName: categories.find((category) => category.id === need.categoryId)?.name,
    departmentName: claimingUnitName(need, lookups.units),
    dueOn: dueOnOf(need, categories),
    overdue: isOverdue(need, categories, now),
    isNew,
  };
}

/** Who is looking, and since when: a need that came in or moved by someone else since then is new. */
export interface Viewer {
  userId: string;
  /** When the person last looked before opening the list (ISO), or undefined if never on this device. */
  since: string | undefined;
  /** When each need last arrived on this device (ms). */
  arrivals: ReadonlyMap<string, number>;
}

/** The list's rows in its default order. */
export function needRowsOf(needs: readonly Need[], lookups: NeedLookups, viewer: Viewer, now: Date): NeedRow[] {
  return sortNeedRows(needs.map((need) => needRowOf(need, lookups, now, isNewTo(need, viewer.userId, viewer.since, viewer.arrivals.get(need.id)))));
}

/** Departments (包抓部门) first offered to claim a need: those paired with its compound, else all. */
export function claimingCandidates(units: readonly Unit[], compoundId: string): Unit[] {
  const departments = units.filter((unit) => unit.kind === 'department');
  const paired = departments.filter((unit) => unit.pairedCompoundIds?.includes(compoundId));
  return paired.length > 0 ? paired : departments;
}

/** Units a community coordinates with (辖区单位, 驻地单位). */
export function coordinationCandidates(units: readonly Unit[]): Unit[] {
  return units.filter((unit) => unit.kind === 'jurisdiction' || unit.kind === 'stationed');
}
