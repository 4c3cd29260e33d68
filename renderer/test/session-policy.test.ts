// The street's offline-login grace period and inactivity lock, as pure rules.
import { describe, expect, it } from 'vitest';
import type { Street } from '@domain/collections';
import { streetsSchema } from '@domain/schema/streets';
import { idleTooLong, offlineLoginAllowed, streetSecurity } from '../src/session/policy';
import { serverProblems } from './serverRules';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('street security settings', () => {
  it('default to 30 days and 15 minutes, and ignore values out of bounds', () => {
    expect(streetSecurity(undefined)).toEqual({ offlineLoginDays: 30, lockMinutes: 15 });
    expect(streetSecurity({ offlineLoginDays: 7, lockMinutes: 5 })).toEqual({ offlineLoginDays: 7, lockMinutes: 5 });
    expect(streetSecurity({ offlineLoginDays: 91, lockMinutes: 0 })).toEqual({ offlineLoginDays: 30, lockMinutes: 15 });
    expect(streetSecurity({ offlineLoginDays: 2.5 })).toEqual({ offlineLoginDays: 30, lockMinutes: 15 });
  });

  it('are optional and bounded in the schema the server validates pushes against', () => {
    const street: Street = { id: 's1', streetId: 's1', name: '朔方路街道' };
    expect(streetsSchema.required).not.toContain('offlineLoginDays');
    expect(serverProblems('streets', street)).toEqual([]);
    const bounds: Street = { ...street, offlineLoginDays: 90, lockMinutes: 1 };
    expect(serverProblems('streets', bounds)).toEqual([]);
    const wrongs: Partial<Street>[] = [{ offlineLoginDays: 0 }, { offlineLoginDays: 91 }, { offlineLoginDays: 7.5 }, { lockMinutes: 0 }, { lockMinutes: 241 }];
    for (const wrong of wrongs) {
      expect(serverProblems('streets', { ...street, ...wrong }), JSON.stringify(wrong)).not.toEqual([]);
    }
  });
});

describe('offline login grace period', () => {
  const last = '2026-11-01T08:00:00.000Z';
  const at = (days: number) => Date.parse(last) + days * DAY_MS;

  it('runs for the street\'s days from the last online login, and not a moment longer', () => {
    expect(offlineLoginAllowed(last, 30, at(29.99))).toBe(true);
    expect(offlineLoginAllowed(last, 30, at(30))).toBe(false);
    expect(offlineLoginAllowed(last, 1, at(1.01))).toBe(false);
  });

  it('allows nothing from an unreadable date', () => {
    expect(offlineLoginAllowed('not a date', 30, at(0))).toBe(false);
  });
});

describe('inactivity lock', () => {
  it('comes after the street\'s minutes without input', () => {
    const minute = 60 * 1000;
    expect(idleTooLong(0, 15, 14 * minute)).toBe(false);
    expect(idleTooLong(0, 15, 15 * minute)).toBe(true);
    expect(idleTooLong(0, 5, 5 * minute)).toBe(true);
  });
});
