// fast-check generators for the merge properties: a need (plain fields plus the `steps` log) and
// two independent edits of it, as a server and a device would make them while apart.
import fc from 'fast-check';
import type { AnyDoc } from '@domain/collections';

/** Fields the properties edit; `steps` is the collection's log field. */
export const requiredFields = ['description', 'state'] as const;
export const optionalFields = ['urgency', 'raisedBy', 'claimedByUnitId', 'categoryId'] as const;
export const plainFields = [...requiredFields, ...optionalFields] as const;
type PlainField = (typeof plainFields)[number];

const states = ['submitted', 'listed', 'claimed', 'coordinating', 'resolved', 'closed', 'returned'] as const;
const valueOf: Record<PlainField, fc.Arbitrary<string>> = {
  description: fc.string({ maxLength: 8 }),
  state: fc.constantFrom(...states),
  urgency: fc.constantFrom('low', 'normal', 'high'),
  raisedBy: fc.constantFrom('张秀英', '马建国', '李玉兰', ''),
  claimedByUnitId: fc.constantFrom('dept-01', 'dept-02', 'dept-03'),
  categoryId: fc.constantFrom('category-repair', 'category-other'),
};

/** A log entry's content follows from its id, as it does once an entry has been written anywhere. */
export const step = (n: number) => ({ id: `step-${n}`, at: `2026-01-01T00:00:${String(n % 60).padStart(2, '0')}.000Z`, by: `user-${n % 3}`, action: `a${n}` });

export const needArb: fc.Arbitrary<AnyDoc> = fc
  .record(
    {
      description: valueOf.description,
      state: valueOf.state,
      urgency: valueOf.urgency,
      raisedBy: valueOf.raisedBy,
      claimedByUnitId: valueOf.claimedByUnitId,
      categoryId: valueOf.categoryId,
      steps: fc.uniqueArray(fc.nat({ max: 20 }), { maxLength: 4 }).map((ns) => ns.map(step)),
    },
    { requiredKeys: ['description', 'state'] },
  )
  .map((fields) => ({ id: 'need-1', streetId: 'street-01', communityId: 'community-01', compoundId: 'compound-001', _deleted: false, ...fields }));

type FieldEdit = { kind: 'keep' } | { kind: 'set'; value: string } | { kind: 'remove' };

const editOf = (field: PlainField): fc.Arbitrary<FieldEdit> => {
  const keep = fc.constant<FieldEdit>({ kind: 'keep' });
  const set = valueOf[field].map((value): FieldEdit => ({ kind: 'set', value }));
  const removable = (optionalFields as readonly string[]).includes(field);
  return removable ? fc.oneof(keep, set, fc.constant<FieldEdit>({ kind: 'remove' })) : fc.oneof(keep, set);
};

/** An edit of a document: per-field changes, and entries appended to its log (ids 10..30). */
export interface Edit {
  fields: Record<PlainField, FieldEdit>;
  appended: number[];
}

export const editArb: fc.Arbitrary<Edit> = fc.record({
  fields: fc.record({
    description: editOf('description'),
    state: editOf('state'),
    urgency: editOf('urgency'),
    raisedBy: editOf('raisedBy'),
    claimedByUnitId: editOf('claimedByUnitId'),
    categoryId: editOf('categoryId'),
  }),
  appended: fc.uniqueArray(fc.integer({ min: 10, max: 30 }), { maxLength: 3 }),
});

/** A deep copy of a JSON value (the domain compiles without DOM or Node, so no structuredClone). */
export const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** The edited copy; the original is left as it was. Appended entries already in the log are skipped. */
export function applyEdit(doc: AnyDoc, edit: Edit): AnyDoc {
  const next = clone(doc);
  for (const field of plainFields) {
    const change = edit.fields[field];
    if (change.kind === 'set') next[field] = change.value;
    if (change.kind === 'remove') delete next[field];
  }
  const steps = Array.isArray(doc.steps) ? (doc.steps as { id: string }[]) : [];
  const known = new Set(steps.map((entry) => entry.id));
  const added = edit.appended.map(step).filter((entry) => !known.has(entry.id));
  if (added.length > 0) next.steps = [...clone(steps), ...added];
  return next;
}
