// What is new to a person on the needs list: what arrived on this device, by someone else, since
// they last looked — remembered per person, across reloads.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Need } from '@domain/collections';
import { isNewTo, lastLooked, markLooked, useNeedsSeen } from '../src/lib/needsSeen';
import { stubBrowser } from './support/browserGlobals';

const step = (by: string, at: string) => ({ id: `${by}-${at}`, by, at, action: 'record' });
const need = (...steps: ReturnType<typeof step>[]): Pick<Need, 'steps'> => ({ steps });

describe('isNewTo', () => {
  const looked = '2026-05-10T08:00:00.000Z';

  it("never counts a person's own step as news", () => {
    expect(isNewTo(need(step('me', '2026-05-11T08:00:00.000Z')), 'me', looked, Date.parse('2026-05-11T08:00:00.000Z'))).toBe(false);
  });

  it('counts everything by others as new to a person who has never looked on this device', () => {
    expect(isNewTo(need(step('other', '2026-01-01T08:00:00.000Z')), 'me', undefined)).toBe(true);
    expect(isNewTo(need(), 'me', undefined)).toBe(false);
  });

  it('goes by when the need arrived here, not by the clock of the device that took the step', () => {
    // Recorded offline two days before the liaison looked, synced after: news.
    const recordedOffline = need(step('worker', '2026-05-08T08:00:00.000Z'));
    expect(isNewTo(recordedOffline, 'me', looked, Date.parse('2026-05-10T09:00:00.000Z'))).toBe(true);
    // Arrived before the look: seen.
    expect(isNewTo(recordedOffline, 'me', looked, Date.parse('2026-05-10T07:00:00.000Z'))).toBe(false);
  });

  it("falls back to the last step's time when the arrival is unknown", () => {
    expect(isNewTo(need(step('other', '2026-05-11T08:00:00.000Z')), 'me', looked)).toBe(true);
    expect(isNewTo(need(step('other', '2026-05-09T08:00:00.000Z')), 'me', looked)).toBe(false);
  });
});

describe('lastLooked / markLooked', () => {
  beforeEach(() => {
    stubBrowser();
    useNeedsSeen.setState({ lookedAt: {} });
  });

  it('remembers the look per person, and across a reload', () => {
    expect(lastLooked('u1')).toBeUndefined();
    markLooked('u1', new Date('2026-05-10T08:00:00.000Z'));
    expect(lastLooked('u1')).toBe('2026-05-10T08:00:00.000Z');
    expect(lastLooked('u2')).toBeUndefined();
    useNeedsSeen.setState({ lookedAt: {} });
    expect(lastLooked('u1')).toBe('2026-05-10T08:00:00.000Z');
  });
});
