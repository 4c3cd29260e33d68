// From the record form to a need and back. A new need is recorded (and perhaps listed) through
// the state machine, so its steps are those the server expects; an edit changes only the need's
// own fields, never its state or steps.
import type { Need } from '@domain/collections';
import { applyAction, type NeedActor, type NeedFlowResult, type NeedStepContext } from '@domain/needFlow';
import type { urgencies } from '@domain/schema/needs';
import { withoutBlanks } from '../../lib/form';

export type Urgency = (typeof urgencies)[number];

export interface NeedFormValues {
  compoundId: string;
  buildingId?: string;
  raisedBy?: string;
  raisedByPhone?: string;
  raisedOn: string;
  categoryId?: string;
  description: string;
  urgency: Urgency;
  listNow: boolean;
}

export function needFormValues(need: Need | undefined, compoundId: string | undefined, today: string): Partial<NeedFormValues> {
  if (!need) return { compoundId, raisedOn: today, urgency: 'normal', listNow: true };
  const { buildingId, raisedBy, raisedByPhone, raisedOn, categoryId, description, urgency } = need;
  return { compoundId: need.compoundId, buildingId, raisedBy, raisedByPhone, raisedOn, categoryId, description, urgency: urgency ?? 'normal', listNow: false };
}

/** The need's own fields from the form; state, steps and the claim are kept from `base`. */
export function needFromForm(values: NeedFormValues, base: Pick<Need, 'id' | 'streetId' | 'communityId' | 'state'> & Partial<Need>): Need {
  const { buildingId, raisedBy, raisedByPhone, raisedOn, categoryId, description } = withoutBlanks(values);
  return {
    id: base.id,
    streetId: base.streetId,
    communityId: base.communityId,
    compoundId: values.compoundId,
    ...(buildingId !== undefined && { buildingId }),
    ...(raisedBy !== undefined && { raisedBy }),
    ...(raisedByPhone !== undefined && { raisedByPhone }),
    ...(raisedOn !== undefined && { raisedOn }),
    ...(categoryId !== undefined && { categoryId }),
    description: description ?? '',
    urgency: values.urgency,
    state: base.state,
    ...(base.claimedByUnitId !== undefined && { claimedByUnitId: base.claimedByUnitId }),
    ...(base.steps !== undefined && { steps: base.steps }),
  };
}

/**
 * A new need from the form: recorded, then listed when the person asked for it. `contextOf` gives
 * each step its own entry id and time.
 */
export function recordedNeed(
  values: NeedFormValues,
  ids: { id: string; streetId: string; communityId: string },
  actor: NeedActor,
  contextOf: () => NeedStepContext,
): NeedFlowResult {
  const draft = needFromForm(values, { ...ids, state: 'submitted' });
  const recorded = applyAction(draft, 'record', actor, contextOf());
  if (!recorded.ok || !values.listNow) return recorded;
  return applyAction(recorded.need, 'list', actor, contextOf());
}
