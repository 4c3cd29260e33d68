// Heavy pieces of work (a chart's first drawing) run one per task, in order, and can be called off.
import { describe, expect, it } from 'vitest';
import { inOwnTask } from '../src/lib/ownTasks';

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('work in tasks of its own', () => {
  it('runs one job per task, in the order asked, never in the caller’s task', async () => {
    const ran: string[] = [];
    inOwnTask(() => ran.push('a'));
    inOwnTask(() => ran.push('b'));
    inOwnTask(() => ran.push('c'));
    expect(ran).toEqual([]);
    // Each task boundary lets exactly one more job run: other work (input, rendering) gets between them.
    await nextTask();
    expect(ran).toEqual(['a']);
    await nextTask();
    expect(ran).toEqual(['a', 'b']);
    await nextTask();
    expect(ran).toEqual(['a', 'b', 'c']);
  });

  it('skips a job cancelled before its turn', async () => {
    const ran: string[] = [];
    inOwnTask(() => ran.push('kept'));
    const cancel = inOwnTask(() => ran.push('cancelled'));
    cancel();
    for (let i = 0; i < 3; i++) await nextTask();
    expect(ran).toEqual(['kept']);
  });
});
