// A large part of the screen mounted in pieces, one per task: React commits a new tree and the
// browser lays it out in one piece, so the signed-in layout mounted at once (side menu, header,
// page) held the main thread for 250–350 ms right after sign-in (tests/bench/app.bench.ts, long
// tasks). Each later piece renders as a transition, so its render also yields to the browser.
import { startTransition, useEffect, useState } from 'react';
import { inOwnTask } from './ownTasks';

/** How many of `pieces` parts to show: 1 at first, one more per task until all are shown. */
export function useStagedMount(pieces: number): number {
  const [shown, setShown] = useState(1);
  useEffect(() => {
    if (shown >= pieces) return;
    return inOwnTask(() => startTransition(() => setShown((count) => count + 1)));
  }, [shown, pieces]);
  return Math.min(shown, pieces);
}
