// Checks a document against its collection's schema before it is written, so a page learns at
// once what the server would refuse later (a refused push blocks the whole collection's sync).
// z-schema needs no `eval`, which the Content-Security-Policy forbids.
import { ZSchemaClass } from 'rxdb/plugins/validate-z-schema';
import { schemas, type CollectionName } from '@domain/collections';

export interface SchemaProblem {
  /** e.g. `#/residentCount` */
  path: string;
  message: string;
}

type Validate = (doc: unknown) => SchemaProblem[];

const validators = new Map<CollectionName, Validate>();
const zSchema = ZSchemaClass.create({ strictMode: false });

function toProblem(raw: unknown): SchemaProblem {
  const record = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const path = Array.isArray(record.path) ? `#/${record.path.join('/')}` : typeof record.path === 'string' ? record.path : '#/';
  return { path, message: typeof record.message === 'string' ? record.message : JSON.stringify(raw) };
}

function validatorOf(collection: CollectionName): Validate {
  let validate = validators.get(collection);
  if (!validate) {
    // Registered once under an id and validated by that id: given the schema object itself,
    // z-schema compiles and checks the schema again at every call (about ten times the cost).
    const id = `cg-${collection}`;
    zSchema.validateSchema({ ...structuredClone(schemas[collection]), id } as unknown as Parameters<typeof zSchema.validateSchema>[0]);
    validate = (doc) => {
      const result = zSchema.validateSafe(doc, id);
      return result.valid ? [] : (result.err?.details ?? []).map(toProblem);
    };
    validators.set(collection, validate);
  }
  return validate;
}

/** The schema problems of a document (without `_deleted`), empty when it is valid. */
export function schemaProblems(collection: CollectionName, doc: object): SchemaProblem[] {
  return validatorOf(collection)(doc);
}
