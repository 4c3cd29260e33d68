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
