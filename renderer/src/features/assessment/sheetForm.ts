// Between the score-sheet form and an `assessments` document: who may rate whom in each direction,
// and a sheet only when every field is sound (one score per criterion, 0–100). Pure.
import type { Assessment, Street } from '@domain/collections';
import { assessmentDirections } from '@domain/schema/assessments';
import type { Direction } from './sheetRows';

export { assessmentDirections };

export interface SheetFormValues {
  direction?: Direction | undefined;
  assessorId?: string | undefined;
  assesseeId?: string | undefined;
  scores?: Record<string, number | null | undefined> | undefined;
  note?: string | undefined;
}

export interface Choice {
  value: string;
  label: string;
}

/** Who rates and who is rated in a direction: the street on one side, departments or communities on the other. */
export function partyChoices(direction: Direction | undefined, street: Choice, departments: readonly Choice[], communities: readonly Choice[]): { assessors: Choice[]; assessees: Choice[] } {
  switch (direction) {
    case 'streetToDepartment':
      return { assessors: [street], assessees: [...departments] };
    case 'departmentToStreet':
      return { assessors: [...departments], assessees: [street] };
    case 'departmentToCommunity':
      return { assessors: [...departments], assessees: [...communities] };
    case undefined:
      return { assessors: [], assessees: [] };
  }
}

/** Keeps a chosen party that is still among the choices; otherwise the only choice, or none. */
export function keptChoice(current: string | undefined, choices: readonly Choice[]): string | undefined {
  if (current !== undefined && choices.some((choice) => choice.value === current)) return current;
  return choices.length === 1 ? choices[0]?.value : undefined;
}

export function sheetFormValues(sheet: Assessment | undefined, preset?: Partial<Pick<Assessment, 'direction' | 'assessorId' | 'assesseeId'>>): SheetFormValues {
  return {
    direction: sheet?.direction ?? preset?.direction,
    assessorId: sheet?.assessorId ?? preset?.assessorId,
    assesseeId: sheet?.assesseeId ?? preset?.assesseeId,
    scores: scoresOf(sheet),
    note: sheet?.note,
  };
}

/** A sheet's scores keyed by criterion, as the form holds them. */
export function scoresOf(sheet: Pick<Assessment, 'scores'> | undefined): Record<string, number> {
  return Object.fromEntries((sheet?.scores ?? []).map((entry) => [entry.criterionId, entry.score]));
}

export type SheetProblem =
  | { field: 'direction' | 'assessorId' | 'assesseeId' | 'criteria'; code: 'direction' | 'assessor' | 'assessee' | 'noCriteria' }
  | { field: 'score'; code: 'score' | 'scoreRange'; criterionId: string; name: string };

type Criteria = NonNullable<Street['assessmentCriteria']>;

/**
 * The document the form describes, on top of `base` (the sheet being edited, or a new id, street
 * and year). Scores are kept in the criteria's order; a score of a criterion no longer on the
 * street's list is dropped. Problems, when there are any, instead of a half-right sheet.
 */
export function sheetFromForm(
  values: SheetFormValues,
  criteria: Criteria,
  base: Pick<Assessment, 'id' | 'streetId' | 'year'> & Partial<Assessment>,
): { sheet: Assessment; problems?: undefined } | { sheet?: undefined; problems: SheetProblem[] } {
  const problems: SheetProblem[] = [];
  if (!values.direction || !assessmentDirections.includes(values.direction)) problems.push({ field: 'direction', code: 'direction' });
  if (!values.assessorId) problems.push({ field: 'assessorId', code: 'assessor' });
  if (!values.assesseeId) problems.push({ field: 'assesseeId', code: 'assessee' });
  if (criteria.length === 0) problems.push({ field: 'criteria', code: 'noCriteria' });
  const scores: { criterionId: string; score: number }[] = [];
  for (const criterion of criteria) {
    const score = values.scores?.[criterion.id];
    if (score === undefined || score === null || Number.isNaN(score)) problems.push({ field: 'score', code: 'score', criterionId: criterion.id, name: criterion.name });
    else if (score < 0 || score > 100) problems.push({ field: 'score', code: 'scoreRange', criterionId: criterion.id, name: criterion.name });
    else scores.push({ criterionId: criterion.id, score });
  }
  if (problems.length > 0 || !values.direction || !values.assessorId || !values.assesseeId) return { problems };
  const note = values.note?.trim();
  const { note: _oldNote, ...rest } = base;
  return {
    sheet: {
      ...rest,
      direction: values.direction,
      assessorId: values.assessorId,
      assesseeId: values.assesseeId,
      scores,
      ...(note ? { note } : {}),
    },
  };
}
