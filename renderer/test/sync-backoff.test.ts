import { describe, expect, it } from 'vitest';
import { backoffDelay, WakeableWait } from '../src/sync/backoff';

describe('backoffDelay', () => {
  it('doubles from one second and stops at the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((failures) => backoffDelay(failures))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    expect(backoffDelay(0)).toBe(0);
    expect(backoffDelay(1000, 1000, 60_000)).toBe(60_000);
  });
});

describe('WakeableWait', () => {
  it('ends a long wait at once when woken ("sync now")', async () => {
    const wait = new WakeableWait();
    const started = Date.now();
    const waiting = wait.wait(60_000);
    wait.wake();
    await waiting;
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('never waits again once closed (sync stopped)', async () => {
    const wait = new WakeableWait();
    wait.close();
    const started = Date.now();
    await wait.wait(60_000);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
