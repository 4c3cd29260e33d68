// Rules a document must keep beyond its JSON schema: the same checks for the form a person types
// into and for the server that accepts the push.
import type { AnyDoc, CollectionName } from './collections';
import { idNumberProblem, identityFromIdNumber, isValidDate, isValidMobile } from './identity';
import { fieldMessages, idNumberMessages } from './messages';

export interface FieldProblem {
  field: string;
  message: string;
}

type Rule = (doc: AnyDoc, today: string | undefined) => FieldProblem[];

const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

const mobileRule =
  (field: string): Rule =>
  (doc) => {
    const mobile = str(doc[field]);
    return mobile !== undefined && !isValidMobile(mobile) ? [{ field, message: fieldMessages.mobile }] : [];
  };

const dateRule =
  (...fieldNames: string[]): Rule =>
  (doc) =>
    fieldNames.flatMap((field) => {
      const date = str(doc[field]);
      return date !== undefined && !isValidDate(date) ? [{ field, message: fieldMessages.invalidDate }] : [];
    });

const memberIdentity: Rule = (doc, today) => {
  const idNumber = str(doc.idNumber);
  if (idNumber === undefined) return [];
  const problem = idNumberProblem(idNumber, today);
  if (problem) return [{ field: 'idNumber', message: idNumberMessages[problem] }];
  const stated = identityFromIdNumber(idNumber);
  const problems: FieldProblem[] = [];
  if (doc.gender !== undefined && doc.gender !== stated.gender) problems.push({ field: 'gender', message: fieldMessages.genderMismatch });
  if (doc.birthDate !== undefined && doc.birthDate !== stated.birthDate) {
    problems.push({ field: 'birthDate', message: fieldMessages.birthDateMismatch });
  }
  return problems;
};

const compoundProperty: Rule = (doc) =>
  doc.propertyManaged === false && str(doc.propertyCompany) !== undefined
    ? [{ field: 'propertyCompany', message: fieldMessages.propertyCompanyWithoutManagement }]
    : [];

const rules: Partial<Record<CollectionName, Rule[]>> = {
  compounds: [compoundProperty],
  members: [memberIdentity, mobileRule('mobile'), dateRule('birthDate')],
  needs: [mobileRule('raisedByPhone'), dateRule('raisedOn')],
  activities: [dateRule('date')],
  ledger: [dateRule('date')],
  orgs: [dateRule('foundedOn', 'dissolvedOn')],
};

/**
 * Problems with a document that its schema cannot express. Tombstones are not checked: a deletion
 * must always be possible. `today` (YYYY-MM-DD) bounds birth dates read from ID numbers.
 */
export function documentProblems(collection: CollectionName, doc: AnyDoc, today?: string): FieldProblem[] {
  if (doc._deleted) return [];
  return (rules[collection] ?? []).flatMap((rule) => rule(doc, today));
}
