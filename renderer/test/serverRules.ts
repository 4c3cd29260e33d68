// Test helper: what the server would refuse in a document of a collection (its JSON schema with
// `_deleted`, and the domain's cross-field rules); empty when it would accept it.
import { Ajv } from 'ajv';
import { wireSchemaOf, type CollectionName } from '@domain/collections';
import { documentProblems } from '@domain/rules';

const ajv = new Ajv({ strict: false, allErrors: true });

export function serverProblems(collection: CollectionName, doc: { id: string; streetId: string }): string[] {
  const wire = { ...doc, _deleted: false };
  const validate = ajv.compile(wireSchemaOf(collection));
  const schemaErrors = validate(wire) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);
  const ruleErrors = documentProblems(collection, wire).map((problem) => `${problem.field}: ${problem.message}`);
  return [...schemaErrors, ...ruleErrors];
}
