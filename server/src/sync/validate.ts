// Step 1 of a push: the body's shape, and every new document against its collection's wire
// schema and the domain's cross-field rules, before the database is touched.
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { collectionNames, wireSchemaOf, type AnyDoc, type CollectionName } from '@domain/collections';
import { MAX_PUSH_ROWS } from '@domain/contract';
import type { ErrorDetail } from '@domain/errors';
import { documentProblems } from '@domain/rules';
import { ApiError } from '../http/errors';
import { errorMessages, fieldErrors } from '../messages';
import { describeAjvError } from './ajv-messages';

export interface PushRowIn {
  assumedMasterState: AnyDoc | null;
  newDocumentState: AnyDoc;
}

/** Beyond this many problems the rest are left out: enough to fix the rows, small enough to read. */
const MAX_DETAILS = 200;

// RxDB's own keywords (primaryKey, indexes, version) sit in the schemas: not strict.
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const validators = new Map<CollectionName, ValidateFunction>(collectionNames.map((name) => [name, ajv.compile(wireSchemaOf(name))]));

/** The push body as rows, or 400 for a malformed body and 413 for too many rows. */
export function parsePushBody(body: unknown): PushRowIn[] {
  if (!Array.isArray(body)) throw new ApiError('bad_request', errorMessages.badRequest, [{ message: fieldErrors.bodyNotArray }]);
  if (body.length > MAX_PUSH_ROWS) throw new ApiError('too_large', errorMessages.tooManyRows(MAX_PUSH_ROWS));
  const details: ErrorDetail[] = [];
  const rows: PushRowIn[] = [];
  body.forEach((row: unknown, index) => {
    const problem = rowShapeProblem(row);
    if (problem) details.push({ row: index, ...problem });
    else if (isObject(row)) {
      // Each document's own shape is checked against its schema next.
      rows.push({ newDocumentState: row.newDocumentState as AnyDoc, assumedMasterState: (row.assumedMasterState ?? null) as AnyDoc | null });
    }
  });
  if (details.length > 0) throw new ApiError('bad_request', errorMessages.badRequest, details.slice(0, MAX_DETAILS));
  return rows;
}

/** 422 `invalid_document` with every problem found, or nothing. */
export function validateDocuments(collection: CollectionName, rows: readonly PushRowIn[], today: string): void {
  const validate = validators.get(collection);
  if (!validate) throw new Error(`no validator for ${collection}`);
  const details: ErrorDetail[] = [];
  const firstRowOf = new Map<string, number>();
  rows.forEach(({ newDocumentState: doc }, row) => {
    const id = typeof doc.id === 'string' ? doc.id : undefined;
    const at = (problem: { field?: string; message: string }): ErrorDetail => ({ row, ...(id !== undefined ? { id } : {}), ...problem });
    if (!validate(doc)) {
      details.push(...(validate.errors ?? []).map((error) => at(describeAjvError(error))));
      return;
    }
    // PostgreSQL's jsonb cannot hold NUL characters (looked for without a JSON copy of every document).
    if (hasNul(doc)) details.push(at({ message: fieldErrors.nulChar }));
    details.push(...documentProblems(collection, doc, today).map(at));
    if (id === undefined) return;
    const first = firstRowOf.get(id);
    if (first !== undefined) details.push(at({ field: 'id', message: fieldErrors.duplicateId(first) }));
    else firstRowOf.set(id, row);
  });
  if (details.length > 0) throw new ApiError('invalid_document', errorMessages.invalidDocument, details.slice(0, MAX_DETAILS));
}

/** Whether a NUL character sits in any string of a JSON value, key or value. */
function hasNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return value.some(hasNul);
  for (const key in value) if (key.includes('\u0000') || hasNul((value as Record<string, unknown>)[key])) return true;
  return false;
}

function rowShapeProblem(row: unknown): { field?: string; message: string } | null {
  if (!isObject(row)) return { message: fieldErrors.notAnObject };
  if (!isObject(row.newDocumentState)) return { field: 'newDocumentState', message: fieldErrors.stateNotAnObject };
  const assumed = row.assumedMasterState;
  if (assumed !== undefined && assumed !== null && !isObject(assumed)) return { field: 'assumedMasterState', message: fieldErrors.assumedNotAnObject };
  return null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Today in China (UTC+8), which bounds birth dates read from ID numbers. */
export function todayInChina(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
