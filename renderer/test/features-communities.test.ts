import { describe, expect, it } from 'vitest';
import { communityFormValues, communityFromForm } from '../src/features/communities/communityDoc';
import { deleteBlockers, describeBlockers } from '../src/lib/dependants';
import { serverProblems } from './serverRules';

describe('community form', () => {
  it('saves only what was given, trimmed', () => {
    const doc = communityFromForm({ name: ' 城区社区 ', address: '', phone: ' 0951-4012345 ' }, { id: 'c1', streetId: 's1' });
    expect(doc).toEqual({ id: 'c1', streetId: 's1', name: '城区社区', phone: '0951-4012345' });
    expect(serverProblems('communities', doc)).toEqual([]);
  });

  it('can clear an address that was stored', () => {
    const stored = { id: 'c1', streetId: 's1', name: '城区社区', address: '灵武市' };
    const values = { ...communityFormValues(stored), name: '城区社区', address: '' };
    expect(communityFromForm(values, stored)).toEqual({ id: 'c1', streetId: 's1', name: '城区社区' });
  });
});

describe('deleting a community', () => {
  it('is refused while it has compounds or members, naming each kind with its count', () => {
    const blockers = deleteBlockers({ compounds: 2, members: 0 });
    expect(blockers).toEqual([['compounds', 2]]);
    expect(describeBlockers(deleteBlockers({ compounds: 2, members: 5 }), (kind, n) => `${n} ${kind}`, '、')).toBe('2 compounds、5 members');
    expect(deleteBlockers({ compounds: 0, members: 0 })).toEqual([]);
  });
});
