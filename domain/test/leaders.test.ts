// Claiming and releasing a red building leader: the building's leader changes and every change
// is appended to the claim log; a non-Party member or one of another community is refused.
import { describe, expect, it } from 'vitest';
import type { Building, Member } from '@domain/collections';
import { claimHistory, claimLeader, releaseLeader } from '@domain/leaders';

const building = (fields: Partial<Building> = {}): Building => ({
  id: 'building-01',
  streetId: 'street-01',
  communityId: 'community-01',
  compoundId: 'compound-01',
  name: '3号楼',
  ...fields,
});

const member = (fields: Partial<Member> = {}): Member => ({
  id: 'member-01',
  streetId: 'street-01',
  communityId: 'community-01',
  name: '张秀英',
  isPartyMember: true,
  ...fields,
});

const ctx = (entryId: string, at = '2026-01-01T00:00:00.000Z') => ({ entryId, at, by: 'user-01', deviceId: 'device-01' });

describe('claimLeader', () => {
  it('sets the leader and appends a claim entry', () => {
    const result = claimLeader(building(), member(), ctx('e1'));
    expect(result).toEqual({
      ok: true,
      building: {
        ...building(),
        leaderMemberId: 'member-01',
        leaderClaims: [{ id: 'e1', at: '2026-01-01T00:00:00.000Z', by: 'user-01', deviceId: 'device-01', action: 'claim', memberId: 'member-01' }],
      },
    });
  });

  it('replaces a current leader and keeps the earlier entries', () => {
    const first = claimLeader(building(), member(), ctx('e1'));
    if (!first.ok) throw new Error(first.error);
    const second = claimLeader(first.building, member({ id: 'member-02', name: '李建国' }), ctx('e2', '2026-01-02T00:00:00.000Z'));
    if (!second.ok) throw new Error(second.error);
    expect(second.building.leaderMemberId).toBe('member-02');
    expect(second.building.leaderClaims?.map((c) => c.id)).toEqual(['e1', 'e2']);
    expect(claimHistory(second.building).map((c) => c.id)).toEqual(['e2', 'e1']);
  });

  it('refuses a member who is not a Party member', () => {
    const result = claimLeader(building(), member({ isPartyMember: false }), ctx('e1'));
    expect(result).toEqual({ ok: false, error: '张秀英不是党员，不能认领红色楼栋长' });
  });

  it('refuses a member of another community', () => {
    const result = claimLeader(building(), member({ communityId: 'community-02' }), ctx('e1'));
    expect(result).toEqual({ ok: false, error: '张秀英不属于本楼栋所在社区，不能认领该楼栋' });
  });

  it('refuses the member who already leads the building', () => {
    const result = claimLeader(building({ leaderMemberId: 'member-01' }), member(), ctx('e1'));
    expect(result.ok).toBe(false);
  });
});

describe('releaseLeader', () => {
  it('clears the leader and appends a release entry naming who stepped down', () => {
    const result = releaseLeader(building({ leaderMemberId: 'member-01', leaderClaims: [] }), ctx('e2'));
    if (!result.ok) throw new Error(result.error);
    expect(result.building.leaderMemberId).toBeUndefined();
    expect(result.building.leaderClaims).toEqual([
      { id: 'e2', at: '2026-01-01T00:00:00.000Z', by: 'user-01', deviceId: 'device-01', action: 'release', memberId: 'member-01' },
    ]);
  });

  it('refuses when the building has no leader', () => {
    expect(releaseLeader(building(), ctx('e1'))).toEqual({ ok: false, error: '该楼栋目前没有楼栋长，无需卸任' });
  });
});
