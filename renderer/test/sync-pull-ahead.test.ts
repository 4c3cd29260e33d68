import { describe, expect, it } from 'vitest';
import type { Checkpoint } from '@domain/contract';
import { PullAhead } from '../src/sync/pullAhead';

const page = (seq: number): Checkpoint => ({ v: 1, seq, scope: { role: 'staff', communityIds: ['c1'] } });

/** A pull run as RxDB drives it: `before` with the last page's checkpoint, then the page returned. */
function setUp(options: { maxWaitMs?: number } = {}) {
  const state = { stored: undefined as Checkpoint | undefined, stopped: false };
  const ahead = new PullAhead({ stored: () => state.stored, stopped: () => state.stopped, pollMs: 1, ...options });
  /** Whether `before(from)` is still waiting after a while. */
  const held = async (from: Checkpoint | undefined) => {
    let done = false;
    const waiting = ahead.before(from).then(() => (done = true));
    await new Promise((resolve) => setTimeout(resolve, 30));
    return { held: !done, waiting };
  };
  return { state, ahead, held };
}

describe('PullAhead', () => {
  it('fetches the next page while the last is being stored, and waits for the one before it', async () => {
    const { state, ahead, held } = setUp();
    expect((await held(undefined)).held).toBe(false);
    ahead.returned(page(1000));
    expect((await held(page(1000))).held).toBe(false);
    ahead.returned(page(2000));
    const third = await held(page(2000));
    expect(third.held).toBe(true);
    // RxDB stores a checkpoint stacked on the one before: extra keys do not matter.
    state.stored = { ...page(1000), older: true };
    await third.waiting;
    ahead.returned(page(3000));
    expect((await held(page(3000))).held).toBe(true);
  });

  it('counts one write of several pages as storing each of them', async () => {
    const { state, ahead, held } = setUp();
    await ahead.before(undefined);
    for (const seq of [1000, 2000]) ahead.returned(page(seq));
    state.stored = page(2000);
    ahead.returned(page(3000));
    expect((await held(page(3000))).held).toBe(false);
  });

  it('starts a new run for a pull that does not go on from the last page returned', async () => {
    const { ahead, held } = setUp();
    await ahead.before(undefined);
    for (const seq of [1000, 2000]) ahead.returned(page(seq));
    expect((await held(page(500))).held).toBe(false);
    ahead.returned(page(1500));
    expect((await held(page(1500))).held).toBe(false);
  });

  it('stops holding back when the replication stops, or when a page is never stored', async () => {
    const stopping = setUp();
    await stopping.ahead.before(undefined);
    for (const seq of [1000, 2000]) stopping.ahead.returned(page(seq));
    const waiting = await stopping.held(page(2000));
    expect(waiting.held).toBe(true);
    stopping.state.stopped = true;
    await waiting.waiting;

    const failing = setUp({ maxWaitMs: 50 });
    await failing.ahead.before(undefined);
    for (const seq of [1000, 2000]) failing.ahead.returned(page(seq));
    await failing.ahead.before(page(2000));
  });
});
