// Ajv's findings in plain Chinese, naming the field as a person reads it: `venues[0].kind`.
import type { ErrorObject } from 'ajv';
import { fieldErrors } from '../messages';

export interface FieldMessage {
  field: string;
  message: string;
}

export function describeAjvError(error: ErrorObject): FieldMessage {
  const params: Record<string, unknown> = error.params;
  const at = fieldPath(error.instancePath);
  const child = (name: unknown) => (at === '' ? String(name) : `${at}.${String(name)}`);
  const field = at === '' ? '（文档）' : at;
  const limit = Number(params.limit);
  switch (error.keyword) {
    case 'required':
      return { field: child(params.missingProperty), message: fieldErrors.required(child(params.missingProperty)) };
    case 'additionalProperties':
      return { field: child(params.additionalProperty), message: fieldErrors.notAllowed(child(params.additionalProperty)) };
    case 'type':
      return { field, message: fieldErrors.type(field, String(params.type)) };
    case 'enum':
      return { field, message: fieldErrors.oneOf(field, Array.isArray(params.allowedValues) ? params.allowedValues : []) };
    case 'maxLength':
      return { field, message: fieldErrors.maxLength(field, limit) };
    case 'minLength':
      return { field, message: fieldErrors.minLength(field, limit) };
    case 'minimum':
      return { field, message: fieldErrors.minimum(field, limit) };
    case 'maximum':
      return { field, message: fieldErrors.maximum(field, limit) };
    case 'maxItems':
      return { field, message: fieldErrors.maxItems(field, limit) };
    case 'uniqueItems':
      return { field, message: fieldErrors.uniqueItems(field) };
    case 'pattern':
      return { field, message: patternMessage(field, String(params.pattern)) };
    default:
      return { field, message: fieldErrors.invalid(field) };
  }
}

function patternMessage(field: string, pattern: string): string {
  if (pattern.includes('\\d{4}-\\d{2}-\\d{2}')) return fieldErrors.date(field);
  if (pattern.includes('\\d{4}-\\d{2}')) return fieldErrors.month(field);
  return fieldErrors.pattern(field);
}

/** `/venues/0/kind` → `venues[0].kind` (JSON Pointer escapes undone). */
function fieldPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path === '' ? part : `${path}.${part}`), '');
}
