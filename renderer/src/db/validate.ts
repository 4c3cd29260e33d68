// Checks a document against its collection's schema before it is written, so a page learns at
// once what the server would refuse later (a refused push blocks the whole collection's sync).
// z-schema needs no `eval`, which the Content-Security-Policy forbids.
import { getValidator } from 'rxdb/plugins/validate-z-schema';
import { schemas, type CollectionName } from '@domain/collections';

export interface SchemaProblem {
  /** e.g. `#/residentCount` */
  path: string;
  message: string;
}

type Validate = (doc: unknown) => SchemaProblem[];

const validators = new Map<CollectionName, Validate>();

function toProblem(raw: unknown): SchemaProblem {
  const record = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const path = Array.isArray(record.path) ? `#/${record.path.join('/')}` : typeof record.path === 'string' ? record.path : '#/';
  return { path, message: typeof record.message === 'string' ? record.message : JSON.stringify(raw) };
}

function validatorOf(collection: CollectionName): Validate {
  let validate = validators.get(collection);
  if (!validate) {
    const check = getValidator(structuredClone(schemas[collection])) as (doc: unknown) => unknown;
    validate = (doc) => {
      const problems = check(doc);
      return Array.isArray(problems) ? problems.map(toProblem) : [];
    };
    validators.set(collection, validate);
  }
  return validate;
}

/** The schema problems of a document (without `_deleted`), empty when it is valid. */
export function schemaProblems(collection: CollectionName, doc: object): SchemaProblem[] {
  return validatorOf(collection)(doc);
}
