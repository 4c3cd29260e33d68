// The duplicates page: who sees and may merge which group, what a merge would change that the
// person may not, how values read in the note, and that a merged record is one the server accepts.
import { describe, expect, it } from 'vitest';
import type { Building, Community, Compound, Grid, Member, Org } from '@domain/collections';
import type { HistoryEntry, SessionUser } from '@domain/contract';
import { applyMerge, proposeMerge, type MemberReferrers } from '@domain/duplicates';
import { describeValue, duplicateRows, forbiddenWrites, type NameSources } from '../src/features/duplicates/duplicateRows';
import { lastChangeOf } from '../src/features/duplicates/useLastChanges';
import { byId } from '../src/lib/counts';
import { serverProblems } from './serverRules';

const ID = '11010519491231002X';
const communities = byId<Community>([
  { id: 'c1', streetId: 's1', name: '城区社区' },
  { id: 'c2', streetId: 's1', name: '东塔社区' },
]);
const user = (role: SessionUser['role'], communityIds: string[] = []): SessionUser => ({
  id: 'u',
  username: 'u',
  displayName: '用户',
  role,
  streetId: 's1',
  communityIds,
});
const member = (fields: Partial<Member> & { id: string }): Member => ({ streetId: 's1', communityId: 'c1', name: '张秀英', isPartyMember: true, idNumber: ID, ...fields });

const names: NameSources = {
  compounds: byId<Compound>([{ id: 'k1', streetId: 's1', communityId: 'c1', name: '幸福花园', propertyManaged: false, residentCount: 300, pilot: false }]),
  buildings: byId<Building>([{ id: 'b1', streetId: 's1', communityId: 'c1', compoundId: 'k1', name: '3号楼' }]),
  grids: byId<Grid>([{ id: 'g1', streetId: 's1', communityId: 'c1', name: '第一网格' }]),
  units: new Map(),
};
const noReferrers: MemberReferrers = { buildings: [], grids: [], orgs: [], ledger: [], activities: [] };

describe('duplicate groups a person sees', () => {
  const members = [member({ id: 'a' }), member({ id: 'b', idNumber: ID.toLowerCase() }), member({ id: 'c', communityId: 'c2' })];

  it('lets a street admin merge records of two communities', () => {
    const [row] = duplicateRows(members, user('street_admin'), communities);
    expect(row?.members.map((m) => m.id)).toEqual(['a', 'b', 'c']);
    expect(row?.communityNames).toEqual(['城区社区', '东塔社区']);
    expect(row?.lockedCommunityNames).toEqual([]);
  });

  it('shows staff a group reaching into another community as locked, with that community named', () => {
    const [row] = duplicateRows(members, user('community_staff', ['c1']), communities);
    expect(row?.lockedCommunityNames).toEqual(['东塔社区']);
  });

  it('hides groups of which the person may change no record', () => {
    expect(duplicateRows(members, user('community_staff', ['c3']), communities)).toEqual([]);
  });
});

describe('a merge the person may not fully write', () => {
  it('names the documents outside their scope, such as the street committee', () => {
    const committee: Org = { id: 'o-street', streetId: 's1', level: 'streetCommittee', name: '街道党工委', memberIds: ['b'] };
    const result = applyMerge(proposeMerge([member({ id: 'a' }), member({ id: 'b' })], 'a'), {}, { ...noReferrers, orgs: [committee] }, { today: '2026-11-27', describe: String });
    if (!result.ok) throw new Error('merge refused');
    const records = [member({ id: 'a' }), member({ id: 'b' })];
    expect(forbiddenWrites(result.writes, records, user('community_staff', ['c1']))).toEqual(['orgs/o-street']);
    expect(forbiddenWrites(result.writes, records, user('street_admin'))).toEqual([]);
  });
});

describe('values in the note', () => {
  it('reads names, not ids, and Chinese names of choices', () => {
    expect(describeValue('place', { compoundId: 'k1', buildingId: 'b1', unitNo: '2', room: '301', gridId: 'g1' }, names)).toBe('幸福花园 3号楼 2单元 301 网格 第一网格');
    expect(describeValue('category', 'retired', names)).toBe('离退休党员');
    expect(describeValue('isPartyMember', false, names)).toBe('非党员');
    expect(describeValue('report', { date: '2026-03-01', skills: ['电工', '理发'] }, names)).toBe('报到日期 2026-03-01，特长 电工、理发');
    expect(describeValue('mobile', '13800000001', names)).toBe('13800000001');
  });
});

describe('the merged record', () => {
  it('is accepted by the server, with the other record’s values in its note', () => {
    const a = member({ id: 'a', gender: 'female', birthDate: '1949-12-31', mobile: '13800000001', compoundId: 'k1', buildingId: 'b1', room: '301', category: 'retired' });
    const b = member({ id: 'b', idNumber: ID.toLowerCase(), mobile: '13900000002', room: '502', compoundId: 'k1', workUnit: '市财政局', note: '周末可服务', teamRoles: ['volunteer'] });
    const result = applyMerge(proposeMerge([a, b], 'a'), {}, noReferrers, { today: '2026-11-27', describe: (field, value) => describeValue(field, value, names) });
    if (!result.ok) throw new Error('merge refused');
    const [kept] = result.writes.members;
    expect(kept && serverProblems('members', kept)).toEqual([]);
    expect(kept?.note).toContain('13900000002');
    expect(kept?.note).toContain('幸福花园 502');
    expect(kept?.note).toContain('周末可服务');
    expect(kept).toMatchObject({ workUnit: '市财政局', teamRoles: ['volunteer'], room: '301', buildingId: 'b1' });
  });
});

describe('who last changed a record', () => {
  it('is the newest entry of its audit trail', () => {
    const entry = (seq: number, at: string, username: string): HistoryEntry => ({
      seq,
      at,
      username,
      userId: username,
      deviceId: null,
      before: null,
      after: { id: 'a', streetId: 's1', _deleted: false },
    });
    expect(lastChangeOf([entry(1, '2026-11-01T08:00:00Z', 'li'), entry(7, '2026-11-02T08:00:00Z', 'wang')])).toEqual({ at: '2026-11-02T08:00:00Z', username: 'wang' });
    expect(lastChangeOf([])).toBeUndefined();
  });
});
