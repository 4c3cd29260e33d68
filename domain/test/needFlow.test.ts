// The needs-list state machine: the table's invariants as properties (no path skips a required
// step, every state is reachable, illegal transitions are refused), and the server's check.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Need } from '@domain/collections';
import { needStates } from '@domain/schema/needs';
import {
  actionBetween,
  allowedActions,
  applyAction,
  needActions,
  needFlow,
  startStates,
  terminalStates,
  transitionProblem,
  type NeedAction,
  type NeedActor,
  type NeedState,
} from '@domain/needFlow';

const staff: NeedActor = { role: 'community_staff' };
const admin: NeedActor = { role: 'street_admin' };
const liaison: NeedActor = { role: 'department_liaison', unitId: 'dept-01', compoundIds: ['compound-01'] };
const otherLiaison: NeedActor = { role: 'department_liaison', unitId: 'dept-02', compoundIds: ['compound-01'] };
const unpairedLiaison: NeedActor = { role: 'department_liaison', unitId: 'dept-03', compoundIds: ['compound-09'] };
const actors = [staff, admin, liaison, otherLiaison, unpairedLiaison];

const draft = (fields: Partial<Need> = {}): Need => ({
  id: 'need-01',
  streetId: 'street-01',
  communityId: 'community-01',
  compoundId: 'compound-01',
  description: '单元门禁损坏',
  state: 'submitted',
  ...fields,
});

let entries = 0;
const ctx = (fields: { note?: string; unitId?: string } = {}) => {
  entries += 1;
  return { entryId: `step-${entries}`, at: '2026-03-01T08:00:00.000Z', by: 'user-01', deviceId: 'device-01', ...fields };
};
/** Inputs that satisfy every action's requirements. */
const inputsFor = (action: NeedAction, actor: NeedActor) =>
  ctx({ note: '已与物业公司协调', ...(action === 'claim' || action === 'coordinate' ? { unitId: actor.unitId ?? 'dept-01' } : {}) });

function walk(need: Need, ...path: [NeedAction, NeedActor][]): Need {
  return path.reduce((current, [action, actor]) => {
    const result = applyAction(current, action, actor, inputsFor(action, actor));
    if (!result.ok) throw new Error(`${action}: ${result.problem.message}`);
    return result.need;
  }, need);
}

describe('applyAction', () => {
  it('takes a need from recorded to closed, one step per action, in order', () => {
    const need = walk(draft(), ['record', staff], ['list', staff], ['claim', liaison], ['coordinate', staff], ['resolve', liaison], ['confirm', staff]);
    expect(need.state).toBe('closed');
    expect(need.claimedByUnitId).toBe('dept-01');
    expect(need.steps?.map((step) => [step.action, step.toState])).toEqual([
      ['record', 'submitted'],
      ['list', 'listed'],
      ['claim', 'claimed'],
      ['coordinate', 'coordinating'],
      ['resolve', 'resolved'],
      ['confirm', 'closed'],
    ]);
    const { id, ...first } = need.steps?.[0] ?? { id: '' };
    expect(id).toMatch(/^step-\d+$/);
    expect(first).toEqual({ at: '2026-03-01T08:00:00.000Z', by: 'user-01', deviceId: 'device-01', action: 'record', toState: 'submitted', note: '已与物业公司协调' });
  });

  it('lets staff claim on behalf of a department, naming it', () => {
    const listed = walk(draft(), ['record', staff], ['list', staff]);
    const refused = applyAction(listed, 'claim', staff, ctx());
    expect(refused).toMatchObject({ ok: false, problem: { code: 'unitRequired', message: '认领问题须选择认领的包抓部门' } });
    const claimed = applyAction(listed, 'claim', staff, ctx({ unitId: 'dept-02' }));
    expect(claimed.ok && claimed.need.claimedByUnitId).toBe('dept-02');
  });

  it('refuses a liaison claiming for another department, or a need of an unpaired compound', () => {
    const listed = walk(draft(), ['record', staff], ['list', staff]);
    expect(applyAction(listed, 'claim', liaison, ctx({ unitId: 'dept-02' }))).toMatchObject({ ok: false, problem: { code: 'ownUnitOnly' } });
    expect(applyAction(listed, 'claim', unpairedLiaison, ctx())).toMatchObject({
      ok: false,
      problem: { code: 'notPaired', message: '该问题所在小区不是本部门包抓的小区，不能认领' },
    });
  });

  it('lets only the claiming department resolve among liaisons', () => {
    const claimed = walk(draft(), ['record', staff], ['list', staff], ['claim', liaison]);
    expect(applyAction(claimed, 'resolve', otherLiaison, ctx())).toMatchObject({ ok: false, problem: { code: 'otherUnit', message: '该问题由其他部门认领，本部门不能办结' } });
    expect(applyAction(claimed, 'resolve', liaison, ctx()).ok).toBe(true);
  });

  it('keeps the resident’s confirmation and returns with staff; a return needs a reason', () => {
    const resolved = walk(draft(), ['record', staff], ['list', staff], ['claim', liaison], ['resolve', liaison]);
    expect(applyAction(resolved, 'confirm', liaison, ctx())).toMatchObject({
      ok: false,
      problem: { code: 'roleNotAllowed', message: '包抓部门联络员不能对问题执行“确认办结”' },
    });
    expect(applyAction(resolved, 'return', staff, ctx({ note: '  ' }))).toMatchObject({ ok: false, problem: { code: 'reasonRequired' } });
    const returned = applyAction(resolved, 'return', staff, ctx({ note: '居民反映门禁仍未修好' }));
    expect(returned.ok && returned.need.steps?.at(-1)).toMatchObject({ action: 'return', toState: 'returned', note: '居民反映门禁仍未修好' });
  });

  it('reopens a returned need to the department that claimed it', () => {
    const returned = walk(draft(), ['record', staff], ['list', staff], ['claim', liaison], ['resolve', liaison], ['return', staff]);
    expect(allowedActions(returned, liaison)).toEqual(['reopen']);
    expect(allowedActions(returned, otherLiaison)).toEqual([]);
    const reopened = walk(returned, ['reopen', liaison]);
    expect(reopened).toMatchObject({ state: 'claimed', claimedByUnitId: 'dept-01' });
  });

  it('names both states when refusing an action from the wrong state', () => {
    const listed = walk(draft(), ['record', staff], ['list', staff]);
    expect(applyAction(listed, 'confirm', staff, ctx())).toMatchObject({ ok: false, problem: { code: 'notFromState', message: '“已列入清单”的问题不能确认办结' } });
    expect(applyAction(listed, 'record', staff, ctx())).toMatchObject({ ok: false, problem: { code: 'notFromState' } });
  });

  it('offers a liaison nothing on a need only staff can move', () => {
    expect(allowedActions(draft(), liaison)).toEqual([]);
    expect(allowedActions(draft(), staff)).toEqual(['record']);
  });
});

describe('the table', () => {
  const edges = needActions.flatMap((action) => needFlow[action].from.map((from) => [from, needFlow[action].to] as const));
  const reachable = (from: NeedState | 'new', without?: NeedState): Set<NeedState | 'new'> => {
    const seen = new Set<NeedState | 'new'>([from]);
    const queue = [from];
    for (let state = queue.shift(); state !== undefined; state = queue.shift()) {
      for (const [a, b] of edges) {
        if (a === state && b !== without && !seen.has(b)) {
          seen.add(b);
          queue.push(b);
        }
      }
    }
    return seen;
  };

  it('reaches every state, and so every terminal state, from a new need', () => {
    expect(terminalStates).toEqual(['closed']);
    for (const state of needStates) expect(reachable('new').has(state)).toBe(true);
  });

  it('reaches closed only through resolved, and resolved only through claimed', () => {
    expect(reachable('new', 'resolved').has('closed')).toBe(false);
    expect(reachable('new', 'claimed').has('resolved')).toBe(false);
    expect(reachable('new', 'listed').has('claimed')).toBe(false);
  });

  it('has at most one action between two states', () => {
    const pairs = edges.map(([a, b]) => `${a}>${b}`);
    expect(new Set(pairs).size).toBe(pairs.length);
  });
});

const actionArb = fc.constantFrom(...needActions);

/** The spec, written apart from the table: the states a need may be in just before each state. */
const comesAfter: Record<NeedState, NeedState[]> = {
  submitted: [],
  listed: ['submitted'],
  claimed: ['listed', 'returned'],
  coordinating: ['claimed', 'coordinating'],
  resolved: ['claimed', 'coordinating'],
  closed: ['resolved'],
  returned: ['resolved'],
};
const actorArb = fc.constantFrom(...actors);

describe('properties', () => {
  it('every sequence of attempted actions keeps the need on the table’s paths', () => {
    fc.assert(
      // Half the attempts take an action the need offers, so walks get far; the rest are arbitrary.
      fc.property(fc.array(fc.tuple(actionArb, actorArb, fc.boolean(), fc.nat()), { maxLength: 30 }), (attempts) => {
        let need = draft();
        for (const [attempted, actor, guided, pick] of attempts) {
          const offered = allowedActions(need, actor);
          const action = guided && offered.length > 0 ? (offered[pick % offered.length] ?? attempted) : attempted;
          const before = need;
          const result = applyAction(need, action, actor, inputsFor(action, actor));
          const allowed = allowedActions(need, actor).includes(action);
          expect(result.ok).toBe(allowed);
          if (!result.ok) continue;
          need = result.need;
          // An allowed action yields the state the table says, from a state the table lists.
          expect(need.state).toBe(needFlow[action].to);
          expect(action === 'record' || (needFlow[action].from as readonly string[]).includes(before.state)).toBe(true);
          expect(need.steps).toEqual([...(before.steps ?? []), expect.objectContaining({ action, toState: need.state })]);
          // No step is skipped: each state is entered only from the one the issue puts before it.
          if (action !== 'record') expect(comesAfter[need.state]).toContain(before.state);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the server refuses every state change the table does not have', () => {
    const stateArb = fc.constantFrom(...needStates);
    fc.assert(
      fc.property(stateArb, stateArb, (from, to) => {
        fc.pre(from !== to);
        const stored = draft({ state: from, claimedByUnitId: 'dept-01', steps: [] });
        const next = { ...stored, state: to, steps: [{ id: 's1', at: '2026-03-01T08:00:00.000Z', by: 'user-01', action: 'x', toState: to, note: '说明', unitId: 'dept-01' }] };
        const problem = transitionProblem(stored, next, admin);
        if (actionBetween(from, to) === undefined) expect(problem?.code).toBe('illegalTransition');
        else expect(problem).toBeNull();
      }),
    );
  });
});

describe('transitionProblem', () => {
  const listed = walk(draft(), ['record', staff], ['list', staff]);

  it('refuses a jump from listed to closed, naming both states', () => {
    const jumped = { ...listed, state: 'closed' as const, steps: [...(listed.steps ?? []), { id: 'x', at: '2026-03-01T09:00:00.000Z', by: 'u', action: 'confirm', toState: 'closed' as const }] };
    expect(transitionProblem(listed, jumped, admin)?.message).toBe('问题状态不能从“已列入清单”直接变为“已确认关闭”');
  });

  it('accepts a step the actor may take, and refuses it to one who may not', () => {
    const claimed = walk(listed, ['claim', liaison]);
    expect(transitionProblem(listed, claimed, liaison)).toBeNull();
    expect(transitionProblem(listed, claimed, unpairedLiaison)?.code).toBe('notPaired');
    expect(transitionProblem(listed, claimed, otherLiaison)?.code).toBe('ownUnitOnly');
  });

  it('requires the last new step to lead to the new state', () => {
    expect(transitionProblem(listed, { ...listed, state: 'claimed', claimedByUnitId: 'dept-01' }, staff)?.code).toBe('stepMissing');
  });

  it("accepts an unchanged state whatever steps arrive, and staff's deletions", () => {
    const merged = { ...listed, steps: [...(listed.steps ?? []), { id: 'y', at: '2026-03-01T09:00:00.000Z', by: 'u', action: 'resolve', toState: 'resolved' as const }] };
    expect(transitionProblem(listed, merged, liaison)).toBeNull();
    expect(transitionProblem(listed, { ...listed, state: 'closed', _deleted: true }, staff)).toBeNull();
  });

  it('lets a claim change hands only by the claim step, whatever the state', () => {
    const claimed = walk(listed, ['claim', liaison]);
    // Another department paired with the compound rewrites the claim, leaving the state as it is.
    const takenOver = { ...claimed, claimedByUnitId: 'dept-02', steps: [...(claimed.steps ?? []), { id: 'z', at: '2026-03-02T08:00:00.000Z', by: 'u2', action: 'claim', toState: 'claimed' as const, unitId: 'dept-02' }] };
    expect(transitionProblem(claimed, takenOver, otherLiaison)?.code).toBe('claimChanged');
    expect(transitionProblem(claimed, takenOver, staff)?.code).toBe('claimChanged');
    expect(transitionProblem(claimed, { ...claimed, claimedByUnitId: undefined }, staff)?.code).toBe('claimChanged');
  });

  it('lets a liaison take steps but neither change what was recorded nor delete the need', () => {
    expect(transitionProblem(listed, { ...listed, description: '已改写' }, liaison)?.code).toBe('liaisonFieldsOnly');
    expect(transitionProblem(listed, { ...listed, compoundId: 'compound-02' }, liaison)?.code).toBe('liaisonFieldsOnly');
    expect(transitionProblem(listed, { ...listed, _deleted: true }, liaison)?.code).toBe('liaisonCannotDelete');
    expect(transitionProblem(listed, { ...listed, description: '补充说明' }, staff)).toBeNull();
  });

  it('lets staff start a need recorded or listed, and nobody start it further on', () => {
    for (const state of startStates) expect(transitionProblem(undefined, draft({ state }), staff)).toBeNull();
    expect(transitionProblem(undefined, draft({ state: 'claimed' }), staff)?.code).toBe('illegalStart');
    expect(transitionProblem(undefined, draft(), liaison)?.code).toBe('roleNotAllowed');
  });
});
