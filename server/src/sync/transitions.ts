// Step 3b of a push: a need moves through the needs list only as `@domain/needFlow` allows, and
// only by someone who may take that step. Checked against the stored state of the rows that will
// be written (not conflicts), so a merged push from a device that was offline passes.
import type { AnyDoc, CollectionName, Need } from '@domain/collections';
import type { ErrorDetail } from '@domain/errors';
import { transitionProblem, type NeedActor } from '@domain/needFlow';
import type { Caller } from '../http/caller';
import { ApiError } from '../http/errors';
import type { RowToWrite } from './references';

export function checkTransitions(collection: CollectionName, caller: Caller, rows: readonly RowToWrite[], stored: ReadonlyMap<string, AnyDoc>): void {
  if (collection !== 'needs') return;
  const actor: NeedActor = { role: caller.scope.role, unitId: caller.user.unit_id ?? undefined, compoundIds: caller.scope.compoundIds };
  const details: ErrorDetail[] = [];
  for (const { row, doc } of rows) {
    // The schema has been checked: these are needs.
    const problem = transitionProblem(stored.get(doc.id) as Need | undefined, doc as Need & AnyDoc, actor);
    if (problem) details.push({ row, id: doc.id, field: 'state', message: problem.message });
  }
  const first = details[0];
  if (first) throw new ApiError('invalid_transition', first.message, details);
}
