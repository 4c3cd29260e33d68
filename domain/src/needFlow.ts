// The needs list (问题清单) as one state machine, used by the forms and by the server alike: a
// resident's need is recorded, listed, claimed by a paired department (认领), coordinated with
// jurisdiction units, resolved, and confirmed by the resident (closed) or returned with a reason.
//
// A returned need goes back to `claimed`, to the department that claimed it: the resident objects
// to how it was resolved, and that department knows the case best. It keeps `claimedByUnitId`.
// `coordinate` may repeat (coordinating → coordinating): each step names one jurisdiction unit.
import type { Need } from './collections';
import type { Role } from './contract';
import { needActionNames, needFlowMessageTemplates, needStateNames, roleNames } from './messages';
import { needStates } from './schema/needs';

export type NeedState = (typeof needStates)[number];
export type NeedAction = keyof typeof needActionNames;
export type NeedStep = NonNullable<Need['steps']>[number];

/**
 * Who may take an action: `staff` is a street admin or community worker (their scope is checked
 * by `@domain/scope`); `pairedDepartment` a liaison of a department paired with the need's
 * compound; `claimingDepartment` a liaison of the department that claimed the need.
 */
export type NeedTaker = 'staff' | 'pairedDepartment' | 'claimingDepartment';

export interface NeedTransition {
  /** States the action is taken from; `new` is a need not yet recorded (no steps). */
  from: readonly (NeedState | 'new')[];
  to: NeedState;
  who: readonly NeedTaker[];
  /** What the step must carry: the claiming unit, a note of what was done, or a reason. */
  requires?: 'unit' | 'note' | 'reason';
}

/** The one table: every action, the states it moves between, and who may take it. */
export const needFlow = {
  record: { from: ['new'], to: 'submitted', who: ['staff'] },
  list: { from: ['submitted'], to: 'listed', who: ['staff'] },
  claim: { from: ['listed'], to: 'claimed', who: ['staff', 'pairedDepartment'], requires: 'unit' },
  coordinate: { from: ['claimed', 'coordinating'], to: 'coordinating', who: ['staff'], requires: 'note' },
  resolve: { from: ['claimed', 'coordinating'], to: 'resolved', who: ['staff', 'claimingDepartment'] },
  confirm: { from: ['resolved'], to: 'closed', who: ['staff'] },
  return: { from: ['resolved'], to: 'returned', who: ['staff'], requires: 'reason' },
  reopen: { from: ['returned'], to: 'claimed', who: ['staff', 'claimingDepartment'] },
} as const satisfies Record<NeedAction, NeedTransition>;

/** The table seen through its general shape, where a row's optional parts may be absent. */
const table: Readonly<Record<NeedAction, NeedTransition>> = needFlow;

export const needActions = Object.keys(needFlow) as NeedAction[];

/** States no action leaves. */
export const terminalStates: NeedState[] = needStates.filter((state) => !needActions.some((a) => fromStates(a).includes(state)));

/** The states a need may have when it first reaches the server: recorded, and perhaps listed at once. */
export const startStates: NeedState[] = [needFlow.record.to, needFlow.list.to];

/** Who takes an action: a role, and for a liaison its department and the compounds paired with it. */
export interface NeedActor {
  role: Role;
  unitId?: string | undefined;
  /** A liaison's paired compounds; when given, a liaison may act only on needs of these compounds. */
  compoundIds?: readonly string[] | undefined;
}

export interface NeedStepContext {
  entryId: string;
  /** ISO instant of the step. */
  at: string;
  /** User id taking the step, and their display name. */
  by: string;
  byName?: string | undefined;
  deviceId?: string | undefined;
  note?: string | undefined;
  /** The claiming department (claim), the jurisdiction unit coordinated with (coordinate). */
  unitId?: string | undefined;
  /** The unit's name, kept in the step for devices that do not hold units. */
  unitName?: string | undefined;
}

export type NeedFlowProblemCode = keyof typeof needFlowMessageTemplates;

export interface NeedFlowProblem {
  code: NeedFlowProblemCode;
  /** Chinese, with the names filled in. */
  message: string;
  /** Codes of what the message names, for a translation of it. */
  params: { from?: NeedState; to?: NeedState; action?: NeedAction; role?: Role };
}

export type NeedFlowResult = { ok: true; need: Need } | { ok: false; problem: NeedFlowProblem };

export function problem(code: NeedFlowProblemCode, params: NeedFlowProblem['params'] = {}): NeedFlowProblem {
  const names: Record<string, string> = {
    from: params.from ? needStateNames[params.from] : '',
    to: params.to ? needStateNames[params.to] : '',
    action: params.action ? needActionNames[params.action] : '',
    role: params.role ? roleNames[params.role] : '',
  };
  const message = needFlowMessageTemplates[code].replace(/\{\{(\w+)\}\}/g, (_, key: string) => names[key] ?? '');
  return { code, message, params };
}

export function fromStates(action: NeedAction): readonly (NeedState | 'new')[] {
  return table[action].from;
}

/** The action that moves a need from one state to another, if the table has one. */
export function actionBetween(from: NeedState, to: NeedState): NeedAction | undefined {
  return needActions.find((action) => needFlow[action].to === to && fromStates(action).includes(from));
}

/** A need not yet recorded: a draft, with no steps. (A stepless need stored in a later state moves by its state.) */
const isNew = (need: Need): boolean => (need.steps ?? []).length === 0 && need.state === needFlow.record.to;

function startsFrom(action: NeedAction, need: Need): boolean {
  if (isNew(need)) return action === 'record';
  return action !== 'record' && fromStates(action).includes(need.state);
}

/** Why this actor may not take this action on this need (in the state it is taken from), or null. */
export function takerProblem(action: NeedAction, need: Need, actor: NeedActor): NeedFlowProblem | null {
  const { who } = table[action];
  if (actor.role !== 'department_liaison') return who.includes('staff') ? null : problem('roleNotAllowed', { action, role: actor.role });
  const department = who.includes('pairedDepartment') || who.includes('claimingDepartment');
  if (!department || actor.unitId === undefined) return problem('roleNotAllowed', { action, role: actor.role });
  if (actor.compoundIds && !actor.compoundIds.includes(need.compoundId)) return problem('notPaired', { action });
  if (!who.includes('pairedDepartment') && need.claimedByUnitId !== actor.unitId) return problem('otherUnit', { action });
  return null;
}

/** The actions this actor may take on this need now. */
export function allowedActions(need: Need, actor: NeedActor): NeedAction[] {
  return needActions.filter((action) => startsFrom(action, need) && takerProblem(action, need, actor) === null);
}

/** Why a step's inputs fall short: the claiming unit, a note or a reason. */
function inputProblem(action: NeedAction, actor: NeedActor, unitId: string | undefined, note: string | undefined): NeedFlowProblem | null {
  const { requires } = table[action];
  if (requires === 'unit') {
    if (!unitId) return problem('unitRequired');
    if (actor.role === 'department_liaison' && unitId !== actor.unitId) return problem('ownUnitOnly');
  }
  const written = (note ?? '').trim() !== '';
  if (requires === 'note' && !written) return problem('noteRequired');
  if (requires === 'reason' && !written) return problem('reasonRequired');
  return null;
}

/** The need after the actor takes the action, with one step appended to its log. */
export function applyAction(need: Need, action: NeedAction, actor: NeedActor, ctx: NeedStepContext): NeedFlowResult {
  if (!startsFrom(action, need)) return { ok: false, problem: problem('notFromState', { from: need.state, action }) };
  const refused = takerProblem(action, need, actor);
  if (refused) return { ok: false, problem: refused };
  const liaison = actor.role === 'department_liaison';
  const unitId = ctx.unitId ?? (liaison ? actor.unitId : undefined);
  const missing = inputProblem(action, actor, unitId, ctx.note);
  if (missing) return { ok: false, problem: missing };
  const to = needFlow[action].to;
  const note = ctx.note?.trim();
  const step: NeedStep = {
    id: ctx.entryId,
    at: ctx.at,
    by: ctx.by,
    ...(ctx.byName ? { byName: ctx.byName } : {}),
    ...(ctx.deviceId ? { deviceId: ctx.deviceId } : {}),
    action,
    toState: to,
    ...(unitId ? { unitId } : {}),
    ...(unitId && ctx.unitName ? { unitName: ctx.unitName } : {}),
    ...(note ? { note } : {}),
  };
  const claimed = action === 'claim' && unitId ? { claimedByUnitId: unitId } : {};
  return { ok: true, need: { ...need, ...claimed, state: to, steps: [...(need.steps ?? []), step] } };
}

/**
 * Why the server must refuse storing `next` over `stored` (undefined for a new need), or null.
 * Robust to merges of two offline devices: an unchanged state is accepted whatever steps arrive
 * (steps merged from elsewhere are history). A changed state must be a transition of the table
 * the actor may take, and the last step new to the server must lead to it. Deletions pass.
 */
export function transitionProblem(stored: Need | undefined, next: Need & { _deleted?: boolean }, actor: NeedActor): NeedFlowProblem | null {
  const liaison = actor.role === 'department_liaison';
  if (next._deleted) return liaison ? problem('liaisonCannotDelete') : null;
  if (stored && liaison && recordChanged(stored, next)) return problem('liaisonFieldsOnly');
  if (!stored) {
    if (!startStates.includes(next.state)) return problem('illegalStart', { to: next.state });
    const steps: NeedAction[] = next.state === needFlow.list.to ? ['record', 'list'] : ['record'];
    for (const action of steps) {
      const refused = takerProblem(action, next, actor);
      if (refused) return refused;
    }
    return null;
  }
  const action = stored.state === next.state ? undefined : actionBetween(stored.state, next.state);
  // Who claimed a need changes only with the claim itself.
  if (next.claimedByUnitId !== stored.claimedByUnitId && action !== 'claim') return problem('claimChanged');
  if (stored.state === next.state) return null;
  if (!action) return problem('illegalTransition', { from: stored.state, to: next.state });
  const known = new Set((stored.steps ?? []).map((step) => step.id));
  const last = (next.steps ?? []).filter((step) => !known.has(step.id)).at(-1);
  if (!last || last.toState !== next.state) return problem('stepMissing', { to: next.state });
  return takerProblem(action, stored, actor) ?? inputProblem(action, actor, action === 'claim' ? next.claimedByUnitId : last.unitId, last.note);
}

/** Fields a step moves; everything else is what was recorded about the need. */
const movedBySteps: ReadonlySet<string> = new Set(['state', 'claimedByUnitId', 'steps', '_deleted']);

/** Whether anything recorded about the need (not its way through the list) differs. */
function recordChanged(stored: Need, next: Need): boolean {
  const recorded = (need: Need) =>
    JSON.stringify(
      Object.entries(need)
        .filter(([key, value]) => !movedBySteps.has(key) && value !== undefined)
        .sort(([a], [b]) => a.localeCompare(b)),
    );
  return recorded(stored) !== recorded(next);
}
