import { describe, expect, it } from 'vitest';
import type { Grid, Member } from '@domain/collections';
import { cleanTags, gridCovering, memberFormValues, memberFromForm, reportProblems, type MemberFormValues } from '../src/features/members/memberDoc';
import { filterMembers } from '../src/features/members/memberRows';
import { serverProblems } from './serverRules';

const TODAY = '2025-06-01';
const user = { streetId: 's1' };
const reporting = (values: Partial<MemberFormValues> = {}): MemberFormValues => ({
  name: '张三',
  isPartyMember: true,
  category: 'inServiceReported',
  communityId: 'c1',
  ...values,
});

describe('reporting to the community (报到)', () => {
  it('saves the report of an in-service reported member, with tags trimmed and repeats dropped', () => {
    const doc = memberFromForm(
      reporting({ workUnit: '灵武市卫健局', reportDate: '2020-03-01', reportSkills: [' 医疗护理 ', '医疗护理', ''], reportServices: ['义诊'], gridId: 'g1' }),
      { id: 'm1' },
      user,
    );
    expect(doc).toMatchObject({ workUnit: '灵武市卫健局', gridId: 'g1', report: { date: '2020-03-01', skills: ['医疗护理'], services: ['义诊'] } });
    expect(serverProblems('members', doc)).toEqual([]);
  });

  it('leaves out empty skills and services rather than storing empty lists', () => {
    const doc = memberFromForm(reporting({ reportDate: '2021-05-04', reportSkills: [], reportServices: ['  '] }), { id: 'm1' }, user);
    expect(doc.report).toEqual({ date: '2021-05-04' });
  });

  it('asks for a real report date that is not in the future, only while reporting', () => {
    expect(reportProblems(reporting(), TODAY)).toEqual([{ field: 'reportDate', kind: 'dateRequired' }]);
    expect(reportProblems(reporting({ reportDate: '2025-02-30' }), TODAY)).toEqual([{ field: 'reportDate', kind: 'dateInvalid' }]);
    expect(reportProblems(reporting({ reportDate: '2025-06-02' }), TODAY)).toEqual([{ field: 'reportDate', kind: 'dateFuture' }]);
    expect(reportProblems(reporting({ reportDate: TODAY }), TODAY)).toEqual([]);
    expect(reportProblems(reporting({ category: 'retired' }), TODAY)).toEqual([]);
    expect(reportProblems(reporting({ isPartyMember: false }), TODAY)).toEqual([]);
    expect(reportProblems(reporting({ reportDate: TODAY, reportServices: ['长'.repeat(101)] }), TODAY)).toEqual([{ field: 'reportServices', kind: 'tagTooLong' }]);
  });

  it('round-trips a stored report through the form, and replaces it with what was edited', () => {
    const stored: Member = { id: 'm1', streetId: 's1', communityId: 'c1', name: '张三', isPartyMember: true, category: 'inServiceReported', report: { date: '2020-03-01', skills: ['法律咨询'] } };
    const values = memberFormValues(stored) as MemberFormValues;
    expect(values).toMatchObject({ reportDate: '2020-03-01', reportSkills: ['法律咨询'], reportServices: [] });
    expect(memberFromForm(values, stored, user)).toEqual(stored);
    expect(memberFromForm({ ...values, reportSkills: [] }, stored, user).report).toEqual({ date: '2020-03-01' });
  });

  it('keeps a stored report untouched when the member is not (or no longer) an in-service reported one', () => {
    const stored: Member = { id: 'm1', streetId: 's1', communityId: 'c1', name: '张三', isPartyMember: true, category: 'inServiceReported', report: { date: '2020-03-01' } };
    const values = { ...(memberFormValues(stored) as MemberFormValues), category: 'retired' as const, reportDate: '2024-01-01' };
    expect(memberFromForm(values, stored, user).report).toEqual({ date: '2020-03-01' });
    expect(memberFromForm(reporting({ category: 'retired', reportDate: '2024-01-01' }), { id: 'm2' }, user).report).toBeUndefined();
  });

  it('places a member in a grid, and out of it when the grid is cleared', () => {
    const stored: Member = { id: 'm1', streetId: 's1', communityId: 'c1', name: '张三', isPartyMember: false, gridId: 'g1' };
    const values = memberFormValues(stored) as MemberFormValues;
    expect(memberFromForm(values, stored, user).gridId).toBe('g1');
    expect(memberFromForm({ ...values, gridId: 'g2' }, stored, user).gridId).toBe('g2');
    expect(memberFromForm({ ...values, gridId: undefined }, stored, user).gridId).toBeUndefined();
  });

  it('suggests the grid of the community covering the chosen building', () => {
    const grids: Grid[] = [
      { id: 'g1', streetId: 's1', communityId: 'c1', name: '第1网格', buildingIds: ['b1', 'b2'] },
      { id: 'g9', streetId: 's1', communityId: 'c2', name: '他社区网格', buildingIds: ['b3'] },
    ];
    expect(gridCovering(grids, 'c1', 'b2')).toBe('g1');
    expect(gridCovering(grids, 'c1', 'b3')).toBeUndefined();
    expect(gridCovering(grids, 'c1', undefined)).toBeUndefined();
  });

  it('cleans typed tags', () => {
    expect(cleanTags([' a', 'a ', 'b', ''])).toEqual(['a', 'b']);
    expect(cleanTags(undefined)).toEqual([]);
  });
});

describe('members list filters', () => {
  const members: Member[] = [
    { id: 'm1', streetId: 's1', communityId: 'c1', name: '甲', isPartyMember: true, category: 'inServiceReported', report: { date: '2020-01-01' }, gridId: 'g1' },
    { id: 'm2', streetId: 's1', communityId: 'c1', name: '乙', isPartyMember: true, category: 'retired' },
    { id: 'm3', streetId: 's1', communityId: 'c1', name: '丙', isPartyMember: false, gridId: 'g1' },
  ];
  it('finds reported and unreported members, and members in no grid', () => {
    expect(filterMembers(members, { reported: true }).map((m) => m.id)).toEqual(['m1']);
    expect(filterMembers(members, { reported: false }).map((m) => m.id)).toEqual(['m2', 'm3']);
    expect(filterMembers(members, { inGrid: false }).map((m) => m.id)).toEqual(['m2']);
    expect(filterMembers(members, { inGrid: true, reported: false }).map((m) => m.id)).toEqual(['m3']);
  });
});
