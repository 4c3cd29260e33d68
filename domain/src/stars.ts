// Two-way assessment scores and star ratings (星级): a score is the weighted mean of the criteria's
// scores (0–100) by the street's weights; the stars follow from the street's thresholds, the
// minimum total for 2, 3, 4 and 5 stars (1 star below the first). A higher score never gives
// fewer stars, and thresholds out of order are refused, not guessed at.
import type { Assessment, Street } from './collections';

type Criteria = NonNullable<Street['assessmentCriteria']>;

/** The weighted mean of the scores given, over the criteria that carry weight; undefined with none scored. */
export function weightedScore(scores: Assessment['scores'], criteria: Criteria): number | undefined {
  let weighted = 0;
  let weights = 0;
  for (const criterion of criteria) {
    const score = scores?.find((entry) => entry.criterionId === criterion.id)?.score;
    if (score === undefined || criterion.weight <= 0) continue;
    weighted += score * criterion.weight;
    weights += criterion.weight;
  }
  // Rounded to one decimal, as the score sheets show it.
  return weights === 0 ? undefined : Math.round((weighted / weights) * 10) / 10;
}

/** Why the thresholds cannot rate anyone, or null: four (or fewer) minimums in rising order. */
export function thresholdProblem(thresholds: readonly number[]): 'notRising' | 'tooMany' | null {
  if (thresholds.length > 4) return 'tooMany';
  return thresholds.every((value, i) => i === 0 || value >= (thresholds[i - 1] ?? value)) ? null : 'notRising';
}

/** Stars 1–5 for a total score. */
export function starsFor(score: number, thresholds: readonly number[]): number {
  if (thresholdProblem(thresholds)) throw new RangeError(`star thresholds must rise: ${thresholds.join(', ')}`);
  return 1 + thresholds.filter((minimum) => score >= minimum).length;
}

/** Stars for a total, or undefined when there is no total or the thresholds cannot rate anyone. */
export function starsOrNone(score: number | undefined, thresholds: readonly number[]): number | undefined {
  if (score === undefined || thresholdProblem(thresholds) !== null) return undefined;
  return starsFor(score, thresholds);
}

/** The mean of several totals (e.g. every department's sheet on the street), one decimal; undefined with none. */
export function meanScore(totals: readonly (number | undefined)[]): number | undefined {
  const given = totals.filter((total): total is number => total !== undefined);
  if (given.length === 0) return undefined;
  return Math.round((given.reduce((sum, total) => sum + total, 0) / given.length) * 10) / 10;
}

// ---- The street's criteria (考核指标) and thresholds, as the settings page edits them. ----

export type Criterion = Criteria[number];

export type CriterionProblem =
  | { field: 'name'; code: 'nameRequired' | 'nameTooLong' | 'nameTaken' }
  | { field: 'weight'; code: 'weightRange' }
  | { field: 'id'; code: 'gone' };

export type CriteriaResult = { criteria: Criterion[]; problem?: undefined } | { criteria?: undefined; problem: CriterionProblem };

const MAX_CRITERION_NAME = 100;

/** The weights' sum; the street means them as percentages, so anything but 100 deserves a warning. */
export function weightSum(criteria: readonly Pick<Criterion, 'weight'>[]): number {
  // Weights may carry decimals: sum in hundredths so 33.3 + 33.3 + 33.4 is exactly 100.
  return criteria.reduce((sum, criterion) => sum + Math.round(criterion.weight * 100), 0) / 100;
}

function criterionProblem(criteria: readonly Criterion[], name: string, weight: number, exceptId?: string): CriterionProblem | undefined {
  if (name === '') return { field: 'name', code: 'nameRequired' };
  if (name.length > MAX_CRITERION_NAME) return { field: 'name', code: 'nameTooLong' };
  if (criteria.some((criterion) => criterion.id !== exceptId && criterion.name.trim() === name)) return { field: 'name', code: 'nameTaken' };
  if (!Number.isFinite(weight) || weight < 0 || weight > 100) return { field: 'weight', code: 'weightRange' };
  return undefined;
}

export function addCriterion(criteria: readonly Criterion[], name: string, weight: number, id: string): CriteriaResult {
  const trimmed = name.trim();
  const problem = criterionProblem(criteria, trimmed, weight);
  return problem ? { problem } : { criteria: [...criteria, { id, name: trimmed, weight }] };
}

export function editCriterion(criteria: readonly Criterion[], id: string, name: string, weight: number): CriteriaResult {
  if (!criteria.some((criterion) => criterion.id === id)) return { problem: { field: 'id', code: 'gone' } };
  const trimmed = name.trim();
  const problem = criterionProblem(criteria, trimmed, weight, id);
  return problem ? { problem } : { criteria: criteria.map((criterion) => (criterion.id === id ? { id, name: trimmed, weight } : criterion)) };
}

/** How many score sheets give the criterion a score: such a criterion is kept, or their totals would change. */
export function criterionUsage(sheets: readonly Pick<Assessment, 'scores'>[], id: string): number {
  return sheets.filter((sheet) => sheet.scores?.some((entry) => entry.criterionId === id)).length;
}

export function removeCriterion(criteria: readonly Criterion[], id: string): Criterion[] {
  return criteria.filter((criterion) => criterion.id !== id);
}

export type ThresholdProblem = { index: number; code: 'required' | 'range' | 'notRising' };

/**
 * What is wrong with the four minimums the settings form holds (for 2, 3, 4 and 5 stars): each
 * present, a score from 0 to 100, and each above the one before. Empty when they may be saved.
 */
export function starThresholdProblems(values: readonly (number | null | undefined)[]): ThresholdProblem[] {
  const problems: ThresholdProblem[] = [];
  for (let index = 0; index < 4; index++) {
    const value = values[index];
    if (value === undefined || value === null || Number.isNaN(value)) problems.push({ index, code: 'required' });
    else if (value < 0 || value > 100) problems.push({ index, code: 'range' });
    else {
      const before = values[index - 1];
      // Only against a sound minimum before it, so one typo is reported once.
      if (index > 0 && typeof before === 'number' && before >= 0 && before <= 100 && value <= before) problems.push({ index, code: 'notRising' });
    }
  }
  return problems;
}

// ---- Score sheets: one per (year, direction, assessor, assessee). ----

export type SheetKey = Pick<Assessment, 'year' | 'direction' | 'assessorId' | 'assesseeId'>;

/** The live sheet with this key, other than `exceptId`: saving the same key again edits it rather than adding a second. */
export function findSheet<T extends SheetKey & { id: string; _deleted?: boolean }>(sheets: readonly T[], key: SheetKey, exceptId?: string): T | undefined {
  return sheets.find(
    (sheet) =>
      !sheet._deleted &&
      sheet.id !== exceptId &&
      sheet.year === key.year &&
      sheet.direction === key.direction &&
      sheet.assessorId === key.assessorId &&
      sheet.assesseeId === key.assesseeId,
  );
}

export interface StarRating {
  assesseeId: string;
  score: number;
  stars: number;
}

/** The street's ratings of its departments in a year, best first; none while its thresholds are out of order. */
export function departmentRatings(assessments: readonly Assessment[], street: Pick<Street, 'starThresholds' | 'assessmentCriteria'> | undefined, year: number): StarRating[] {
  const thresholds = street?.starThresholds ?? [];
  if (thresholdProblem(thresholds)) return [];
  return assessments
    .filter((entry) => entry.year === year && entry.direction === 'streetToDepartment')
    .flatMap((entry) => {
      const score = weightedScore(entry.scores, street?.assessmentCriteria ?? []);
      return score === undefined ? [] : [{ assesseeId: entry.assesseeId, score, stars: starsFor(score, thresholds) }];
    })
    .sort((a, b) => b.score - a.score);
}

