// The needs at a glance outside the needs pages: the header's count of new items for a liaison,
// a compound's open needs, a department's open items, a liaison's home summary — and the links
// into the needs list with its filters (`?compound=&department=&state=&overdue=1&new=`).
import type { Need, Street, Unit } from '@domain/collections';
import { isOpen, isOverdue, recordedAt } from '@domain/needDeadline';
import type { NeedState } from '@domain/needFlow';
import { needStates } from '@domain/schema/needs';
import { isNewTo } from './needsSeen';
import { paths } from './paths';

type Categories = Street['needCategories'];


export interface NeedsLink {
  compoundId?: string | undefined;
  /** The claiming department. */
  departmentId?: string | undefined;
  states?: readonly NeedState[] | undefined;
  overdue?: boolean | undefined;
  /** Opens the form for a new need of this compound. */
  newFor?: string | undefined;
}

/** The needs list with these filters, as the list reads them from its query. */
export function needsLink(link: NeedsLink = {}): string {
  const query = new URLSearchParams();
  if (link.compoundId) query.set('compound', link.compoundId);
  if (link.departmentId) query.set('department', link.departmentId);
  if (link.states && link.states.length > 0) query.set('state', link.states.join(','));
  if (link.overdue) query.set('overdue', '1');
  if (link.newFor) query.set('new', link.newFor);
  const search = query.toString();
  return search === '' ? paths.needs : `${paths.needs}?${search}`;
}

/** Tag colours of the states, the same everywhere a need's state shows. */
export const needStateColors: Record<NeedState, string> = {
  submitted: 'default',
  listed: 'blue',
  claimed: 'geekblue',
  coordinating: 'purple',
  resolved: 'cyan',
  closed: 'green',
  returned: 'orange',
};

/** States in which a need is in a department's hands: claimed, being coordinated, or returned to it. */
export const inHandStates: readonly NeedState[] = ['claimed', 'coordinating', 'returned'];

/** How many needs are in each state (every state present, 0 when none), in the list's order. */
export function countByState(needs: readonly Pick<Need, 'state'>[]): Record<NeedState, number> {
  const counts = Object.fromEntries(needStates.map((state) => [state, 0])) as Record<NeedState, number>;
  for (const need of needs) counts[need.state] += 1;
  return counts;
}

/**
 * How many of the needs are new to the person: came in or moved, by someone else, since they last
 * looked (`since`), by when each arrived on this device (`arrivals`, ms) where known.
 */
export function newNeedsCount(needs: readonly Pick<Need, 'id' | 'steps'>[], userId: string, since: string | undefined, arrivals?: ReadonlyMap<string, number>): number {
  return needs.filter((need) => isNewTo(need, userId, since, arrivals?.get(need.id))).length;
}

/** Overdue first, then the longest waiting first (by when they entered the list). */
export function byUrgencyOfWait<T extends Need>(needs: readonly T[], categories: Categories, now: Date): T[] {
  const overdue = new Set(needs.filter((need) => isOverdue(need, categories, now)).map((need) => need.id));
  const started = (need: Need) => recordedAt(need) ?? '';
  return [...needs].sort((a, b) => Number(overdue.has(b.id)) - Number(overdue.has(a.id)) || started(a).localeCompare(started(b)) || a.id.localeCompare(b.id));
}

/** A compound's needs still open, overdue and oldest first. */
export function openNeedsOfCompound(needs: readonly Need[], compoundId: string, categories: Categories, now: Date): Need[] {
  return byUrgencyOfWait(
    needs.filter((need) => need.compoundId === compoundId && isOpen(need)),
    categories,
    now,
  );
}

export interface DepartmentItems {
  /** Listed needs of its paired compounds, waiting for a department to claim them. */
  waiting: Need[];
  /** Open needs it claimed. */
  inHand: Need[];
  /** Of both, those past their category's deadline. */
  overdue: number;
}

/** A department's open items: what it claimed and has not resolved, and what its compounds wait to have claimed. */
export function departmentItems(needs: readonly Need[], unit: Pick<Unit, 'id' | 'pairedCompoundIds'>, categories: Categories, now: Date): DepartmentItems {
  const paired = new Set(unit.pairedCompoundIds ?? []);
  const waiting = needs.filter((need) => need.state === 'listed' && paired.has(need.compoundId));
  const inHand = needs.filter((need) => need.claimedByUnitId === unit.id && isOpen(need));
  const overdue = [...waiting, ...inHand].filter((need) => isOverdue(need, categories, now)).length;
  return { waiting: byUrgencyOfWait(waiting, categories, now), inHand: byUrgencyOfWait(inHand, categories, now), overdue };
}

export interface LiaisonNeedSummary {
  waiting: number;
  inHand: number;
  overdue: number;
  fresh: number;
}

/**
 * A liaison's needs at a glance. It holds only the needs of its department's compounds: waiting to
 * be claimed (listed), in its hands, overdue (any it holds, as the list filtered by overdue shows
 * them), and new since it last looked.
 */
export function liaisonNeedSummary(
  needs: readonly Need[],
  user: { id: string; unitId?: string | undefined },
  seen: { since: string | undefined; arrivals?: ReadonlyMap<string, number> | undefined },
  categories: Categories,
  now: Date,
): LiaisonNeedSummary {
  const waiting = needs.filter((need) => need.state === 'listed');
  const inHand = needs.filter((need) => user.unitId !== undefined && need.claimedByUnitId === user.unitId && inHandStates.includes(need.state));
  return {
    waiting: waiting.length,
    inHand: inHand.length,
    overdue: needs.filter((need) => isOverdue(need, categories, now)).length,
    fresh: newNeedsCount(needs, user.id, seen.since, seen.arrivals),
  };
}
