// Who takes a step of the needs list, and what the step records: the actor the state machine
// checks, the step's context, and the names of units a device may not hold.
import { describe, expect, it } from 'vitest';
import type { Need, Unit } from '@domain/collections';
import type { SessionUser } from '@domain/contract';
import { allowedActions, applyAction } from '@domain/needFlow';
import { claimingUnitName, needActorOf, ownUnitName, stepContext, stepsInOrder, stepUnitName } from '../src/lib/needActor';

const staff: SessionUser = { id: 'u-staff', username: 'staff01', displayName: '李社工', role: 'community_staff', streetId: 's1', communityIds: ['c1'] };
const liaison: SessionUser & { unitName?: string } = {
  id: 'u-liaison',
  username: 'liaison01',
  displayName: '住建局联络员',
  role: 'department_liaison',
  streetId: 's1',
  communityIds: [],
  unitId: 'dept-01',
  unitName: '灵武市住房和城乡建设局',
};

const listed: Need = {
  id: 'n1',
  streetId: 's1',
  communityId: 'c1',
  compoundId: 'k1',
  description: '楼道灯坏了',
  state: 'listed',
  steps: [
    { id: 'a', at: '2026-05-01T08:00:00.000Z', by: 'u-staff', action: 'record', toState: 'submitted' },
    { id: 'b', at: '2026-05-01T08:00:00.000Z', by: 'u-staff', action: 'list', toState: 'listed' },
  ],
};

const units = new Map<string, Unit>([['dept-01', { id: 'dept-01', streetId: 's1', kind: 'department', name: '住建局' }]]);

describe('needActorOf', () => {
  it('gives a liaison its department and the compounds it holds, so it may claim only needs of those', () => {
    const actor = needActorOf(liaison, ['k1']);
    expect(actor).toEqual({ role: 'department_liaison', unitId: 'dept-01', compoundIds: ['k1'] });
    expect(allowedActions(listed, actor)).toEqual(['claim']);
    expect(allowedActions(listed, needActorOf(liaison, ['k2']))).toEqual([]);
  });

  it('gives staff their role only: their scope is checked by community', () => {
    expect(needActorOf(staff, ['k1', 'k9'])).toEqual({ role: 'community_staff' });
    expect(allowedActions(listed, needActorOf(staff, []))).toEqual(['claim']);
  });
});

describe('stepContext', () => {
  it('records a fresh entry id, the time, the person by id and name, and the device', () => {
    const now = new Date('2026-05-02T09:30:00.000Z');
    const first = stepContext(staff, 'device-1', { note: '已联系' }, now);
    const second = stepContext(staff, 'device-1', {}, now);
    expect(first).toMatchObject({ at: '2026-05-02T09:30:00.000Z', by: 'u-staff', byName: '李社工', deviceId: 'device-1', note: '已联系' });
    expect(first.entryId).not.toBe(second.entryId);
    expect(stepContext(staff, undefined)).not.toHaveProperty('deviceId');
  });

  it('makes a step the state machine accepts, with the liaison’s department by name', () => {
    const result = applyAction(listed, 'claim', needActorOf(liaison, ['k1']), stepContext(liaison, 'd2', { unitName: ownUnitName(liaison) }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.need.claimedByUnitId).toBe('dept-01');
    expect(result.need.steps?.at(-1)).toMatchObject({ action: 'claim', by: 'u-liaison', byName: '住建局联络员', unitId: 'dept-01', unitName: '灵武市住房和城乡建设局', deviceId: 'd2' });
  });
});

describe('unit names', () => {
  it('reads a liaison’s own unit name when the server gave one', () => {
    expect(ownUnitName(liaison)).toBe('灵武市住房和城乡建设局');
    expect(ownUnitName(staff)).toBeUndefined();
  });

  const claimed: Need = {
    ...listed,
    state: 'claimed',
    claimedByUnitId: 'dept-01',
    steps: [...(listed.steps ?? []), { id: 'c', at: '2026-05-02T08:00:00.000Z', by: 'u-liaison', action: 'claim', toState: 'claimed', unitId: 'dept-01', unitName: '住建局（认领时）' }],
  };

  it('names the claiming department from the units held, else from the claim step', () => {
    expect(claimingUnitName(claimed, units)).toBe('住建局');
    expect(claimingUnitName(claimed, new Map())).toBe('住建局（认领时）');
    expect(claimingUnitName(listed, units)).toBeUndefined();
  });

  it('names a step’s unit the same way', () => {
    const step = { unitId: 'dept-01', unitName: '旧名' };
    expect(stepUnitName(step, units)).toBe('住建局');
    expect(stepUnitName(step, new Map())).toBe('旧名');
    expect(stepUnitName({}, units)).toBeUndefined();
  });
});

describe('stepsInOrder', () => {
  it('orders steps merged from two devices by when they were taken, keeping the order of equal times', () => {
    const merged: Need = {
      ...listed,
      steps: [
        { id: 'x', at: '2026-05-03T08:00:00.000Z', by: 'u', action: 'resolve' },
        { id: 'a', at: '2026-05-01T08:00:00.000Z', by: 'u', action: 'record' },
        { id: 'b', at: '2026-05-01T08:00:00.000Z', by: 'u', action: 'list' },
        { id: 'c', at: '2026-05-02T08:00:00.000Z', by: 'u', action: 'claim' },
      ],
    };
    expect(stepsInOrder(merged).map((step) => step.id)).toEqual(['a', 'b', 'c', 'x']);
  });
});
