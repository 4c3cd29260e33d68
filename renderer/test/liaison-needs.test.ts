// The needs at a glance outside the needs pages: the liaison's header count of new items, a
// compound's open needs, a department's open items, the liaison's home summary, and the links into
// the needs list — read back through the list's own filter parser, so the two cannot drift apart.
import { describe, expect, it } from 'vitest';
import type { Need, Street } from '@domain/collections';
import type { NeedState } from '@domain/needFlow';
import { filtersFromQuery } from '../src/features/needs/needRows';
import { countByState, departmentItems, liaisonNeedSummary, needsLink, newNeedsCount, openNeedsOfCompound } from '../src/lib/needSummary';
import { paths } from '../src/lib/paths';

const categories: Street['needCategories'] = [
  { id: 'repair', name: '维修', deadlineDays: 3 },
  { id: 'advice', name: '咨询', deadlineDays: 0 },
];
const now = new Date('2026-05-20T08:00:00.000Z');
const looked = '2026-05-15T08:00:00.000Z';

let counter = 0;
/** A need whose steps start on `recordedOn` (taken by `by`) and end in `state`. */
function need(state: NeedState, fields: Partial<Need> & { recordedOn?: string; by?: string } = {}): Need {
  counter += 1;
  const { recordedOn = '2026-05-19', by = 'worker', ...rest } = fields;
  return {
    id: `n${counter}`,
    streetId: 's1',
    communityId: 'c1',
    compoundId: 'k1',
    description: `需求${counter}`,
    state,
    categoryId: 'repair',
    steps: [{ id: `step${counter}`, at: `${recordedOn}T08:00:00.000Z`, by, action: 'record', toState: state }],
    ...rest,
  };
}

describe('the header count of new items', () => {
  it('counts needs moved by others since the liaison looked, by when they arrived on this device', () => {
    const mine = need('claimed', { by: 'liaison', recordedOn: '2026-05-18' });
    const recordedOfflineArrivedLate = need('listed', { recordedOn: '2026-05-10' });
    const seenBefore = need('listed', { recordedOn: '2026-05-10' });
    const arrivals = new Map([
      [mine.id, Date.parse('2026-05-18T09:00:00.000Z')],
      [recordedOfflineArrivedLate.id, Date.parse('2026-05-16T09:00:00.000Z')],
      [seenBefore.id, Date.parse('2026-05-11T09:00:00.000Z')],
    ]);
    expect(newNeedsCount([mine, recordedOfflineArrivedLate, seenBefore], 'liaison', looked, arrivals)).toBe(1);
  });

  it('counts everything by others for a liaison who has never looked on this device, and nothing when nothing is held', () => {
    const needs = [need('listed'), need('claimed', { by: 'liaison' }), need('listed', { steps: [] })];
    expect(newNeedsCount(needs, 'liaison', undefined)).toBe(1);
    expect(newNeedsCount([], 'liaison', undefined)).toBe(0);
  });
});

describe("a compound's needs", () => {
  it('lists only its open needs, overdue first, then the longest waiting', () => {
    const fresh = need('listed', { recordedOn: '2026-05-19' });
    const overdue = need('claimed', { recordedOn: '2026-05-12' });
    const olderNoDeadline = need('coordinating', { recordedOn: '2026-05-01', categoryId: 'advice' });
    const closed = need('closed', { recordedOn: '2026-05-01' });
    const resolved = need('resolved', { recordedOn: '2026-05-01' });
    const elsewhere = need('listed', { compoundId: 'k2', recordedOn: '2026-05-01' });
    const open = openNeedsOfCompound([fresh, overdue, olderNoDeadline, closed, resolved, elsewhere], 'k1', categories, now);
    expect(open.map((entry) => entry.id)).toEqual([overdue.id, olderNoDeadline.id, fresh.id]);
  });

  it('counts its needs by state, every state present', () => {
    const counts = countByState([need('listed'), need('listed'), need('closed')]);
    expect(counts).toEqual({ submitted: 0, listed: 2, claimed: 0, coordinating: 0, resolved: 0, closed: 1, returned: 0 });
  });
});

describe("a department's open items", () => {
  const department = { id: 'u1', pairedCompoundIds: ['k1', 'k2'] };

  it('holds what it claimed and has not resolved, and the listed needs of its paired compounds', () => {
    const claimed = need('claimed', { claimedByUnitId: 'u1' });
    const returned = need('returned', { claimedByUnitId: 'u1', compoundId: 'k9' });
    const resolved = need('resolved', { claimedByUnitId: 'u1' });
    const otherUnit = need('coordinating', { claimedByUnitId: 'u2' });
    const waiting = need('listed', { compoundId: 'k2' });
    const notYetListed = need('submitted');
    const unpaired = need('listed', { compoundId: 'k3' });
    const items = departmentItems([claimed, returned, resolved, otherUnit, waiting, notYetListed, unpaired], department, categories, now);
    expect(items.inHand.map((entry) => entry.id).sort()).toEqual([claimed.id, returned.id].sort());
    expect(items.waiting.map((entry) => entry.id)).toEqual([waiting.id]);
    expect(items.overdue).toBe(0);
  });

  it('counts as overdue the open items past their category deadline', () => {
    const late = need('claimed', { claimedByUnitId: 'u1', recordedOn: '2026-05-10' });
    const lateWaiting = need('listed', { recordedOn: '2026-05-10' });
    const lateElsewhere = need('claimed', { claimedByUnitId: 'u2', recordedOn: '2026-05-10' });
    const items = departmentItems([late, lateWaiting, lateElsewhere], department, categories, now);
    expect(items.overdue).toBe(2);
  });
});

describe("a liaison's home summary", () => {
  it('counts waiting, in its hands, overdue and new, from the needs it holds', () => {
    const user = { id: 'liaison', unitId: 'u1' };
    const waiting = need('listed', { recordedOn: '2026-05-10' });
    const inHand = need('coordinating', { claimedByUnitId: 'u1', by: 'liaison' });
    const returned = need('returned', { claimedByUnitId: 'u1', by: 'liaison' });
    const otherDepartment = need('claimed', { claimedByUnitId: 'u2', recordedOn: '2026-05-10' });
    const done = need('closed', { claimedByUnitId: 'u1' });
    const summary = liaisonNeedSummary([waiting, inHand, returned, otherDepartment, done], user, { since: '2026-05-18T00:00:00.000Z' }, categories, now);
    expect(summary).toEqual({ waiting: 1, inHand: 2, overdue: 2, fresh: 1 });
  });

  it('has nothing in hand for a liaison without a department', () => {
    const summary = liaisonNeedSummary([need('claimed', { claimedByUnitId: 'u1' })], { id: 'liaison' }, { since: undefined }, categories, now);
    expect(summary.inHand).toBe(0);
  });
});

describe('links into the needs list', () => {
  it('write the filters the list reads', () => {
    const link = needsLink({ departmentId: 'u 1', states: ['claimed', 'coordinating'], overdue: true, compoundId: 'k1' });
    const query = new URLSearchParams(link.split('?')[1]);
    expect(link.startsWith('/needs?')).toBe(true);
    expect(filtersFromQuery(query)).toEqual({ compoundId: 'k1', buildingId: undefined, departmentId: 'u 1', states: ['claimed', 'coordinating'], overdueOnly: true });
  });

  it('open the new-need form for a compound, the plain list, and one need', () => {
    expect(needsLink({ newFor: 'k1' })).toBe('/needs?new=k1');
    expect(needsLink()).toBe('/needs');
    expect(paths.need('a/b')).toBe('/needs/a%2Fb');
  });
});
