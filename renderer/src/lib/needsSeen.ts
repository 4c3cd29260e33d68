// When a person last looked at the needs list, per user on this device, so that items that came
// in or moved since stand out, and the header counts them (a liaison's new items).
import { create } from 'zustand';
import type { Need } from '@domain/collections';

const keyOf = (userId: string) => `cg.needsLookedAt.${userId}`;

interface NeedsSeenState {
  /** ISO instant per user id; absent until the person first opens the list on this device. */
  lookedAt: Record<string, string | undefined>;
}

export const useNeedsSeen = create<NeedsSeenState>(() => ({ lookedAt: {} }));

/** When this user last looked at the needs list on this device. */
export function lastLooked(userId: string): string | undefined {
  return useNeedsSeen.getState().lookedAt[userId] ?? localStorage.getItem(keyOf(userId)) ?? undefined;
}

/** Records that the user has looked at the list now: what came before is no longer new. */
export function markLooked(userId: string, at: Date = new Date()): void {
  const iso = at.toISOString();
  localStorage.setItem(keyOf(userId), iso);
  useNeedsSeen.setState((state) => ({ lookedAt: { ...state.lookedAt, [userId]: iso } }));
}

/**
 * Whether the need came in or moved, by someone else, since the person last looked (`since`; a
 * person who never looked on this device has everything new). `arrivedAt` is when the document
 * was last written on this device (`useArrivals`): a need recorded offline days ago arrives today
 * and is news today. Without it the last step's own time is used. A step of one's own is never news.
 */
export function isNewTo(need: Pick<Need, 'steps'>, userId: string, since: string | undefined, arrivedAt?: number): boolean {
  const last = need.steps?.at(-1);
  if (!last || last.by === userId) return false;
  if (since === undefined) return true;
  return arrivedAt === undefined ? last.at > since : arrivedAt > Date.parse(since);
}

/** The hook form: the user's last look, re-rendering when it changes. */
export function useLastLooked(userId: string): string | undefined {
  const marked = useNeedsSeen((state) => state.lookedAt[userId]);
  return marked ?? localStorage.getItem(keyOf(userId)) ?? undefined;
}
