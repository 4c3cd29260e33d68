// The person taking a step of the needs list, as `@domain/needFlow` sees them, and the context a
// step records (who, when, on which device). Shared by the needs pages and the compound and
// department pages' needs sections.
import type { Need, Unit } from '@domain/collections';
import type { SessionUser } from '@domain/contract';
import type { NeedActor, NeedStep, NeedStepContext } from '@domain/needFlow';
import { newId } from '../db/write';

/**
 * The actor from the session user. A liaison acts only on needs of the compounds it holds on this
 * device (the server sends it exactly its paired compounds); staff are checked by scope instead.
 */
export function needActorOf(user: SessionUser, heldCompoundIds: readonly string[]): NeedActor {
  if (user.role !== 'department_liaison') return { role: user.role };
  return { role: user.role, unitId: user.unitId, compoundIds: heldCompoundIds };
}

/** What one step records beside its action: a fresh entry id, now, the person and the device. */
export function stepContext(user: SessionUser, deviceId: string | undefined, extra: Partial<NeedStepContext> = {}, now: Date = new Date()): NeedStepContext {
  return {
    entryId: newId(),
    at: now.toISOString(),
    by: user.id,
    byName: user.displayName,
    ...(deviceId ? { deviceId } : {}),
    ...extra,
  };
}

/** A liaison's own department's name, as the server tells it at sign-in (absent on older servers). */
export function ownUnitName(user: SessionUser): string | undefined {
  const name = user.unitName;
  return typeof name === 'string' && name !== '' ? name : undefined;
}

/** A step's unit by name: from the units this device holds, else as the step recorded it. */
export function stepUnitName(step: Pick<NeedStep, 'unitId' | 'unitName'>, units: ReadonlyMap<string, Pick<Unit, 'name'>>): string | undefined {
  if (step.unitId === undefined) return undefined;
  return units.get(step.unitId)?.name ?? step.unitName;
}

/**
 * The claiming department's name: from `units` when the device holds them (staff), else from the
 * steps (a liaison holds no units): the latest step naming that unit.
 */
export function claimingUnitName(need: Pick<Need, 'claimedByUnitId' | 'steps'>, units: ReadonlyMap<string, Pick<Unit, 'name'>>): string | undefined {
  const unitId = need.claimedByUnitId;
  if (unitId === undefined) return undefined;
  const held = units.get(unitId)?.name;
  if (held !== undefined) return held;
  const steps = need.steps ?? [];
  const claim = [...steps].reverse().find((step) => step.unitId === unitId && step.unitName !== undefined && step.action === 'claim');
  return (claim ?? [...steps].reverse().find((step) => step.unitId === unitId && step.unitName !== undefined))?.unitName;
}

/** The steps in the order they were taken (two devices' steps merged), oldest first. */
export function stepsInOrder(need: Pick<Need, 'steps'>): NeedStep[] {
  return [...(need.steps ?? [])].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}
