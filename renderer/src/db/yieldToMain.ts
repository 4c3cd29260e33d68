// Gives the UI thread back for a moment between pieces of a long job (a first sync's pages and
// writes), so that no single task blocks input and rendering for long.

/**
 * `scheduler.yield()` where there is one (Chromium 129+: no 4 ms clamp of nested timeouts, and the
 * continuation runs ahead of other background tasks), a timeout elsewhere.
 */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
