// Small readers for JSON request bodies that collect every problem, answered as one 400.
import type { ErrorDetail } from '@domain/errors';
import { errorMessages, fieldErrors } from '../messages';
import { ApiError } from './errors';

export class BodyReader {
  readonly details: ErrorDetail[] = [];
  private readonly fields: Record<string, unknown>;

  constructor(body: unknown) {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new ApiError('bad_request', errorMessages.badRequest, [{ message: '请求体应为 JSON 对象' }]);
    }
    this.fields = body as Record<string, unknown>;
  }

  has(field: string): boolean {
    return this.fields[field] !== undefined && this.fields[field] !== null;
  }

  raw(field: string): unknown {
    return this.fields[field];
  }

  /** A string of `min`–`max` characters; '' for a missing or wrong one (the problem is recorded). */
  text(field: string, min: number, max: number, message = fieldErrors.text(field, min, max)): string {
    const value = this.fields[field];
    if (typeof value === 'string' && [...value].length >= min && [...value].length <= max) return value;
    this.problem(field, value === undefined ? fieldErrors.required(field) : message);
    return '';
  }

  optionalText(field: string, max: number): string | undefined {
    return this.has(field) ? this.text(field, 1, max) : undefined;
  }

  stringList(field: string, message: string): string[] {
    const value = this.fields[field] ?? [];
    if (Array.isArray(value) && value.every((item) => typeof item === 'string' && item.length <= 64)) return value as string[];
    this.problem(field, message);
    return [];
  }

  problem(field: string, message: string): void {
    this.details.push({ field, message });
  }

  /** Throws the 400 when anything was wrong. */
  done(): void {
    if (this.details.length > 0) throw new ApiError('bad_request', errorMessages.badRequest, this.details);
  }
}
