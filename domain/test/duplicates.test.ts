// Duplicate members: found by their shared ID number, merged into one record with every value
// either kept as chosen or written into the note, and every reference moved to the kept record.
import { describe, expect, it } from 'vitest';
import type { Activity, Building, Grid, LedgerEntry, Member, Org } from '@domain/collections';
import {
  applyMerge,
  findDuplicateGroups,
  normaliseIdNumber,
  proposeMerge,
  type MemberReferrers,
  type MergeContext,
} from '@domain/duplicates';

const ID = '11010519491231002X';

const member = (fields: Partial<Member> & { id: string }): Member => ({
  streetId: 'street-01',
  communityId: 'community-01',
  name: '张秀英',
  isPartyMember: true,
  idNumber: ID,
  ...fields,
});

const noReferrers: MemberReferrers = { buildings: [], grids: [], orgs: [], ledger: [], activities: [] };
const context: MergeContext = { today: '2026-11-27', describe: (_field, value) => (typeof value === 'string' ? value : JSON.stringify(value)) };

function merged(result: ReturnType<typeof applyMerge>) {
  if (!result.ok) throw new Error(`merge refused: ${result.problem}`);
  return result.writes;
}

describe('findDuplicateGroups', () => {
  it('groups live members sharing an ID number, however it was typed', () => {
    const groups = findDuplicateGroups([
      member({ id: 'b', idNumber: ` ${ID.toLowerCase()} ` }),
      member({ id: 'a' }),
      member({ id: 'c', idNumber: '110105194912310038' }),
      member({ id: 'd', idNumber: '' }),
      member({ id: 'e', idNumber: undefined }),
    ]);
    expect(groups).toEqual([{ idNumber: ID, members: [expect.objectContaining({ id: 'a' }), expect.objectContaining({ id: 'b' })] }]);
  });

  it('ignores deleted records and records without an ID number', () => {
    expect(findDuplicateGroups([member({ id: 'a' }), { ...member({ id: 'b' }), _deleted: true }])).toEqual([]);
    expect(findDuplicateGroups([member({ id: 'a', idNumber: '' }), member({ id: 'b', idNumber: ' ' })])).toEqual([]);
  });

  it('normalises spaces and a lower-case x', () => {
    expect(normaliseIdNumber(' 11010519491231002x\t')).toBe(ID);
  });
});

describe('proposeMerge', () => {
  const older = member({ id: 'a', mobile: '13800000001', workUnit: '市财政局', teamRoles: ['volunteer'] });
  const newer = member({ id: 'b', mobile: '13900000002', category: 'retired', teamRoles: ['gridWorker'] });

  it('offers one value where the records agree and every value where they differ', () => {
    const proposal = proposeMerge([older, newer], 'a');
    const field = (name: string) => proposal.fields.find((f) => f.field === name);
    expect(field('name')?.options).toEqual([{ value: '张秀英', memberIds: ['a', 'b'] }]);
    expect(field('mobile')?.options.map((o) => o.value).sort()).toEqual(['13800000001', '13900000002']);
    // An empty value is no choice: the one value there is stands.
    expect(field('workUnit')?.options).toEqual([{ value: '市财政局', memberIds: ['a'] }]);
    expect(field('gender')?.options).toEqual([]);
    expect(field('gender')?.defaultChoice).toBe(-1);
  });

  it('defaults to the value of the most recently changed record', () => {
    const proposal = proposeMerge([older, newer], 'a', { a: '2026-11-01T08:00:00Z', b: '2026-11-02T08:00:00Z' });
    const mobile = proposal.fields.find((f) => f.field === 'mobile');
    expect(mobile?.options[mobile.defaultChoice]?.value).toBe('13900000002');
    const reversed = proposeMerge([older, newer], 'a', { a: '2026-11-03T08:00:00Z', b: '2026-11-02T08:00:00Z' });
    const mobile2 = reversed.fields.find((f) => f.field === 'mobile');
    expect(mobile2?.options[mobile2.defaultChoice]?.value).toBe('13800000001');
  });

  it('without change times, defaults to the kept record', () => {
    const proposal = proposeMerge([older, newer], 'b');
    const mobile = proposal.fields.find((f) => f.field === 'mobile');
    expect(mobile?.options[mobile.defaultChoice]?.value).toBe('13900000002');
    expect(proposal.dropped.map((d) => d.id)).toEqual(['a']);
  });

  it('offers only places in the kept record’s community and sets the others aside', () => {
    const here = member({ id: 'a', compoundId: 'compound-1', buildingId: 'building-1', room: '301' });
    const there = member({ id: 'b', communityId: 'community-02', compoundId: 'compound-9', room: '502' });
    const place = proposeMerge([here, there], 'a').fields.find((f) => f.field === 'place');
    expect(place?.options).toEqual([{ value: { compoundId: 'compound-1', buildingId: 'building-1', room: '301' }, memberIds: ['a'] }]);
    expect(place?.setAside).toEqual([{ value: { compoundId: 'compound-9', room: '502' }, memberIds: ['b'] }]);
  });

  it('refuses a group without the kept record', () => {
    expect(() => proposeMerge([older, newer], 'x')).toThrow();
  });
});

describe('applyMerge', () => {
  const a = member({ id: 'aaaaaaaa-1', mobile: '13800000001', teamRoles: ['volunteer'], note: '腿脚不便', idNumber: ID.toLowerCase() });
  const b = member({ id: 'bbbbbbbb-2', mobile: '13900000002', teamRoles: ['gridWorker', 'volunteer'], workUnit: '市财政局', note: '周末可服务' });

  it('keeps the chosen values, unions team roles and deletes the other record', () => {
    const proposal = proposeMerge([a, b], a.id);
    const mobile = proposal.fields.find((f) => f.field === 'mobile');
    const other = mobile?.options.findIndex((o) => o.value === '13900000002');
    const writes = merged(applyMerge(proposal, { mobile: other }, noReferrers, context));
    expect(writes.members).toHaveLength(1);
    const kept = writes.members[0];
    expect(kept?.id).toBe(a.id);
    expect(kept?.mobile).toBe('13900000002');
    expect(kept?.workUnit).toBe('市财政局');
    expect(kept?.idNumber).toBe(ID);
    expect(kept?.teamRoles?.sort()).toEqual(['gridWorker', 'volunteer']);
    expect(writes.removeMembers).toEqual([b.id]);
  });

  it('keeps every value not chosen, and both notes, in the kept record’s note', () => {
    const writes = merged(applyMerge(proposeMerge([a, b], a.id), {}, noReferrers, context));
    const note = writes.members[0]?.note ?? '';
    expect(note).toContain('腿脚不便');
    expect(note).toContain('周末可服务');
    expect(note).toContain('2026-11-27');
    expect(note).toContain('bbbbbbbb');
    // The kept record's mobile was taken by default: the other one is in the note.
    expect(writes.members[0]?.mobile).toBe('13800000001');
    expect(note).toContain('手机号：13900000002');
  });

  it('keeps a place from another community in the note', () => {
    const here = member({ id: 'a', room: '301', compoundId: 'compound-1' });
    const there = member({ id: 'b', communityId: 'community-02', compoundId: 'compound-9', room: '502' });
    const writes = merged(applyMerge(proposeMerge([here, there], 'a'), {}, noReferrers, context));
    expect(writes.members[0]).toMatchObject({ communityId: 'community-01', compoundId: 'compound-1', room: '301' });
    expect(writes.members[0]?.note).toContain('compound-9');
    expect(writes.members[0]?.note).toContain('502');
  });

  it('refuses, changing nothing, when the merged note would be too long', () => {
    const long = member({ id: 'b', note: '长'.repeat(450) });
    const result = applyMerge(proposeMerge([member({ id: 'a', note: '短'.repeat(100) }), long], 'a'), {}, noReferrers, context);
    expect(result).toMatchObject({ ok: false, problem: 'noteTooLong' });
    if (!result.ok) expect(result.length).toBeGreaterThan(500);
  });

  it('moves every reference to the dropped record to the kept one', () => {
    const base = { streetId: 'street-01', communityId: 'community-01' };
    const referrers: MemberReferrers = {
      buildings: [
        { ...base, id: 'b1', compoundId: 'c1', name: '1号楼', leaderMemberId: 'drop' },
        { ...base, id: 'b2', compoundId: 'c1', name: '2号楼', leaderMemberId: 'other' },
      ] satisfies Building[],
      grids: [
        { ...base, id: 'g1', name: '一网格', gridWorkerIds: ['drop'], volunteerIds: ['keep', 'drop', 'other'] },
        { ...base, id: 'g2', name: '二网格', gridWorkerIds: ['other'] },
      ] satisfies Grid[],
      orgs: [
        { ...base, id: 'o1', level: 'compoundBranch', name: '支部', secretaryMemberId: 'drop', memberIds: ['drop', 'keep'] },
        { ...base, id: 'o2', level: 'functionalGroup', name: '小组', memberIds: ['drop'] },
      ] satisfies Org[],
      ledger: [{ ...base, id: 'l1', kind: 'allowance', amountFen: 20000, memberId: 'drop' }] satisfies LedgerEntry[],
      activities: [
        { ...base, id: 'a1', date: '2026-11-01', kind: 'service', title: '义诊', participantIds: ['drop', 'x'] },
        { ...base, id: 'a2', date: '2026-11-02', kind: 'study', title: '学习', participantIds: ['x'] },
      ] satisfies Activity[],
    };
    const proposal = proposeMerge([member({ id: 'keep' }), member({ id: 'drop' })], 'keep');
    const writes = merged(applyMerge(proposal, {}, referrers, context));
    expect(writes.buildings).toEqual([expect.objectContaining({ id: 'b1', leaderMemberId: 'keep' })]);
    expect(writes.grids).toEqual([expect.objectContaining({ id: 'g1', gridWorkerIds: ['keep'], volunteerIds: ['keep', 'other'] })]);
    expect(writes.orgs).toEqual([
      expect.objectContaining({ id: 'o1', secretaryMemberId: 'keep', memberIds: ['keep'] }),
      expect.objectContaining({ id: 'o2', memberIds: ['keep'] }),
    ]);
    expect(writes.ledger).toEqual([expect.objectContaining({ id: 'l1', memberId: 'keep' })]);
    expect(writes.activities).toEqual([expect.objectContaining({ id: 'a1', participantIds: ['keep', 'x'] })]);
    expect(writes.removeMembers).toEqual(['drop']);
  });

  it('merges three records into one', () => {
    const records = [member({ id: 'a', mobile: '13800000001' }), member({ id: 'b', mobile: '13800000002' }), member({ id: 'c', mobile: '13800000003' })];
    const writes = merged(applyMerge(proposeMerge(records, 'b'), {}, noReferrers, context));
    expect(writes.members[0]?.mobile).toBe('13800000002');
    expect(writes.removeMembers.sort()).toEqual(['a', 'c']);
    expect(writes.members[0]?.note).toContain('13800000001');
    expect(writes.members[0]?.note).toContain('13800000003');
  });
});
