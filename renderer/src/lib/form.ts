// Between an antd form and a document: optional fields stay absent rather than empty, and the
// problems the domain finds are shown on the fields they concern.
import type { FieldProblem } from '@domain/rules';
import { fieldMessages, idNumberMessages } from '@domain/messages';

/** Empty as a form leaves it: nothing typed, a cleared select, only spaces. */
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/**
 * A copy without blank values and with strings trimmed, so a document never stores `''` where
 * "not given" is meant (the schemas' optional fields are absent, not empty).
 */
export function withoutBlanks<T extends object>(values: T): Partial<T> {
  const kept: Partial<T> = {};
  for (const key of Object.keys(values) as (keyof T)[]) {
    const value = values[key];
    if (isBlank(value)) continue;
    kept[key] = (typeof value === 'string' ? value.trim() : value) as T[keyof T];
  }
  return kept;
}

export interface FieldErrors {
  name: string;
  errors: string[];
}

/** Domain problems grouped per field, in the shape antd's `form.setFields` takes. */
export function fieldErrorsOf(problems: readonly FieldProblem[], translate: (message: string) => string = (m) => m): FieldErrors[] {
  const byField = new Map<string, string[]>();
  for (const problem of problems) {
    const errors = byField.get(problem.field) ?? [];
    errors.push(translate(problem.message));
    byField.set(problem.field, errors);
  }
  return [...byField].map(([name, errors]) => ({ name, errors }));
}

const messageKeys = new Map<string, string>([
  ...Object.entries(idNumberMessages).map(([key, message]): [string, string] => [message, `idNumber.${key}`]),
  ...Object.entries(fieldMessages).map(([key, message]): [string, string] => [message, key]),
]);

/**
 * The locale key of a Chinese message from `@domain/messages` (`idNumber.checkDigit`, `mobile`, …),
 * so a page can show it in the person's language; undefined for a message the domain did not write.
 */
export function domainMessageKey(message: string): string | undefined {
  return messageKeys.get(message);
}

/** Thrown by a save that found problems in what was typed: the form shows them on their fields. */
export class FieldProblemsError extends Error {
  constructor(readonly fields: FieldErrors[]) {
    super(fields.flatMap((field) => field.errors).join('；'));
    this.name = 'FieldProblemsError';
  }
}
