// What the assessment tables show, from the year's score sheets: totals and stars are computed here
// every time, never stored, so a changed score or threshold shows at once. Pure.
import type { Assessment, Street, Unit } from '@domain/collections';
import { meanScore, starsOrNone, weightedScore } from '@domain/stars';

export type Direction = Assessment['direction'];

/** One score sheet with its weighted total (one decimal) and stars; both undefined when they cannot be computed. */
export interface SheetView {
  sheet: Assessment;
  total: number | undefined;
  stars: number | undefined;
}

type Rating = Pick<Street, 'assessmentCriteria' | 'starThresholds'>;

export function viewOf(sheet: Assessment, street: Rating): SheetView {
  const total = weightedScore(sheet.scores, street.assessmentCriteria ?? []);
  return { sheet, total, stars: starsOrNone(total, street.starThresholds ?? []) };
}

/** The sheets of a year in these directions (the local database holds live documents only). */
export function sheetsOf(sheets: readonly Assessment[], year: number, directions: readonly Direction[]): Assessment[] {
  return sheets.filter((sheet) => sheet.year === year && directions.includes(sheet.direction));
}

/** A department's line: the street's sheet on it, and its own sheet on the street, side by side. */
export interface DepartmentRow {
  id: string;
  name: string;
  received: SheetView | undefined;
  given: SheetView | undefined;
}

export function departmentRows(year: number, departments: readonly Pick<Unit, 'id' | 'name' | 'kind'>[], sheets: readonly Assessment[], street: Rating & Pick<Street, 'id'>): DepartmentRow[] {
  const ofYear = sheetsOf(sheets, year, ['streetToDepartment', 'departmentToStreet']);
  return departments
    .filter((unit) => unit.kind === 'department')
    .map((unit) => {
      const received = ofYear.find((sheet) => sheet.direction === 'streetToDepartment' && sheet.assessorId === street.id && sheet.assesseeId === unit.id);
      const given = ofYear.find((sheet) => sheet.direction === 'departmentToStreet' && sheet.assessorId === unit.id && sheet.assesseeId === street.id);
      return { id: unit.id, name: unit.name, received: received && viewOf(received, street), given: given && viewOf(given, street) };
    });
}

/** The departments' sheets on the street and its communities, one line each. */
export function streetSheetRows(year: number, sheets: readonly Assessment[], street: Rating): SheetView[] {
  return sheetsOf(sheets, year, ['departmentToStreet', 'departmentToCommunity']).map((sheet) => viewOf(sheet, street));
}

/** The street or a community as the departments rated it: the mean of their sheets' totals. */
export interface AssesseeSummary {
  assesseeId: string;
  direction: Direction;
  sheets: number;
  total: number | undefined;
  stars: number | undefined;
}

export function assesseeSummaries(rows: readonly SheetView[], street: Rating): AssesseeSummary[] {
  const groups = new Map<string, SheetView[]>();
  for (const row of rows) {
    const key = `${row.sheet.direction}|${row.sheet.assesseeId}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups.values()].map((group) => {
    const first = group[0] as SheetView;
    const total = meanScore(group.map((row) => row.total));
    return { assesseeId: first.sheet.assesseeId, direction: first.sheet.direction, sheets: group.length, total, stars: starsOrNone(total, street.starThresholds ?? []) };
  });
}

/** Sorts by total, lines without a total last. */
export function compareTotals(a: number | undefined, b: number | undefined): number {
  return (a ?? -1) - (b ?? -1);
}

/** The years to offer: those with sheets, this year, and the one chosen; newest first. */
export function yearOptions(sheets: readonly Pick<Assessment, 'year'>[], thisYear: number, chosen: number): number[] {
  return [...new Set([...sheets.map((sheet) => sheet.year), thisYear, chosen])].sort((a, b) => b - a);
}

/** The year to open on: the newest with sheets, else this year. */
export function defaultYear(sheets: readonly Pick<Assessment, 'year'>[], thisYear: number): number {
  const years = sheets.map((sheet) => sheet.year);
  return years.length > 0 ? Math.max(...years) : thisYear;
}
