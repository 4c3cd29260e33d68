// Red building leaders on the device: whom the claim dialog offers first, what became of each
// entry of the claim log after two devices claimed one building, and how the conflict the sync
// merge records is read back to tell the person whose claim lost.
import { describe, expect, it } from 'vitest';
import type { AnyDoc, Building, Member } from '@domain/collections';
import { claimLeader, claimOutcomes, leaderMessageTemplates, releaseLeader, type LeaderClaim } from '@domain/leaders';
import { resolveConflict, type ConflictEntry } from '../src/sync/conflicts';
import { leaderCandidates, leaderConflictMessageKey, leaderConflicts, memberIdsOf } from '../src/features/compounds/buildingLeaders';
import { locales } from '../src/features/compounds/locales';

const building: Building = { id: 'b3', streetId: 's1', communityId: 'c1', compoundId: 'k1', name: '3号楼' };

const member = (id: string, name: string, fields: Partial<Member> = {}): Member => ({
  id,
  streetId: 's1',
  communityId: 'c1',
  name,
  isPartyMember: true,
  ...fields,
});

const zhang = member('m1', '张三', { compoundId: 'k2' });
const li = member('m2', '李四', { compoundId: 'k1', buildingId: 'b3' });
const wang = member('m3', '王五', { compoundId: 'k1', buildingId: 'b4' });

const ctx = (entryId: string, at: string, by = 'staff01') => ({ entryId, at, by });

function claimed(start: Building, who: Member, entryId: string, at: string, by?: string): Building {
  const result = claimLeader(start, who, ctx(entryId, at, by));
  if (!result.ok) throw new Error(result.error);
  return result.building;
}

const wire = (doc: Building): AnyDoc => ({ ...doc, _deleted: false });

/** The sync merge of one device's offline claim with the server's, as the replication runs it. */
async function mergeOfflineClaims(): Promise<{ merged: Building; recorded: ConflictEntry[] }> {
  const server = claimed(building, zhang, 'e-a', '2026-03-01T08:00:00.000Z', 'staff01');
  const local = claimed(building, li, 'e-b', '2026-03-01T09:00:00.000Z', 'staff01b');
  const recorded: ConflictEntry[] = [];
  const merged = await resolveConflict(
    'buildings',
    { assumedMasterState: wire(building), realMasterState: wire(server), newDocumentState: wire(local) },
    { record: (entry) => Promise.resolve(void recorded.push(entry)), isRemovedFromScope: () => false },
  );
  const { _deleted, ...doc } = merged;
  void _deleted;
  return { merged: doc as Building, recorded };
}

describe('leaderCandidates', () => {
  it('offers the community’s Party members only: the building’s residents, then the compound’s, then the rest, each by name', () => {
    const others = [
      member('m4', '赵六', { isPartyMember: false, buildingId: 'b3', compoundId: 'k1' }),
      member('m5', '孙七', { communityId: 'c2' }),
      member('m6', '阿明', { compoundId: 'k9' }),
    ];
    expect(leaderCandidates([zhang, wang, ...others, li], building).map((m) => m.name)).toEqual(['李四', '王五', '阿明', '张三']);
  });
});

describe('claimOutcomes', () => {
  it('marks the claim in effect and the ones it replaced', () => {
    const first = claimed(building, zhang, 'e1', '2026-01-01T00:00:00.000Z');
    const second = claimed(first, li, 'e2', '2026-02-01T00:00:00.000Z');
    expect(Object.fromEntries(claimOutcomes(second))).toEqual({ e1: 'past', e2: 'current' });
  });

  it('a step-down is what is in effect once the leader stepped down', () => {
    const first = claimed(building, zhang, 'e1', '2026-01-01T00:00:00.000Z');
    const released = releaseLeader(first, ctx('e2', '2026-02-01T00:00:00.000Z'));
    if (!released.ok) throw new Error(released.error);
    expect(Object.fromEntries(claimOutcomes(released.building))).toEqual({ e1: 'past', e2: 'current' });
  });

  it('after two devices claimed one building offline, the claim that lost the merge did not take effect', async () => {
    const { merged } = await mergeOfflineClaims();
    expect(merged.leaderMemberId).toBe(zhang.id);
    expect(merged.leaderClaims?.map((claim) => claim.id)).toEqual(['e-a', 'e-b']);
    expect(Object.fromEntries(claimOutcomes(merged))).toEqual({ 'e-a': 'current', 'e-b': 'lost' });
  });

  it('a later claim after the lost one is in effect, and the lost one stays lost only until then', async () => {
    const { merged } = await mergeOfflineClaims();
    const next = claimed(merged, wang, 'e-c', '2026-03-02T00:00:00.000Z');
    expect(Object.fromEntries(claimOutcomes(next))).toEqual({ 'e-a': 'past', 'e-b': 'past', 'e-c': 'current' });
  });

  it('a step-down that lost to another device’s claim did not take effect, nor did the claims between', () => {
    const log: LeaderClaim[] = [
      { id: 'e1', at: '2026-01-01T00:00:00.000Z', by: 'a', action: 'claim', memberId: 'm1' },
      { id: 'e2', at: '2026-01-02T00:00:00.000Z', by: 'a', action: 'claim', memberId: 'm2' },
      { id: 'e3', at: '2026-01-03T00:00:00.000Z', by: 'b', action: 'release', memberId: 'm1' },
    ];
    expect(Object.fromEntries(claimOutcomes({ leaderMemberId: 'm2', leaderClaims: log }))).toEqual({ e1: 'past', e2: 'current', e3: 'lost' });
  });

  it('a leader from before the log began does not make every entry look lost', () => {
    const log: LeaderClaim[] = [{ id: 'e1', at: '2026-01-01T00:00:00.000Z', by: 'a', action: 'claim', memberId: 'm1' }];
    expect(Object.fromEntries(claimOutcomes({ leaderMemberId: 'm9', leaderClaims: log }))).toEqual({ e1: 'current' });
    expect(claimOutcomes({}).size).toBe(0);
  });
});

describe('leaderConflicts', () => {
  it('reads the merge’s conflict entry as: whose claim stands, whose did not, on which building', async () => {
    const { recorded } = await mergeOfflineClaims();
    const conflicts = leaderConflicts(recorded);
    expect(conflicts).toEqual([{ key: recorded[0]?.key, buildingId: 'b3', buildingName: '3号楼', standingMemberId: 'm1', lostMemberId: 'm2' }]);
    expect(conflicts.map(leaderConflictMessageKey)).toEqual(['claimLost']);
    expect(memberIdsOf(conflicts)).toEqual(['m1', 'm2']);
  });

  it('tells a lost step-down and a claim lost to a step-down apart, and ignores other conflicts', () => {
    const entry = (fields: ConflictEntry['fields'], extra: Partial<ConflictEntry> = {}): ConflictEntry => ({
      key: JSON.stringify(fields),
      collection: 'buildings',
      docId: 'b3',
      at: '2026-03-01T00:00:00.000Z',
      reason: 'bothChanged',
      label: '3号楼',
      fields,
      ...extra,
    });
    const conflicts = leaderConflicts([
      entry([{ field: 'leaderMemberId', server: 'm1', local: undefined }]),
      entry([{ field: 'leaderMemberId', server: undefined, local: 'm2' }]),
      entry([{ field: 'units', server: 3, local: 4 }]),
      entry([{ field: 'leaderMemberId', server: 'm1', local: 'm2' }], { collection: 'members' }),
    ]);
    expect(conflicts.map(leaderConflictMessageKey)).toEqual(['releaseLost', 'claimLostToRelease']);
  });
});

describe('leader locale texts', () => {
  it('the Chinese problems are the domain’s own, and the sentence names the building and both people', () => {
    const zh = locales['zh-CN'].leaders;
    expect(zh.problems).toEqual(leaderMessageTemplates);
    expect(Object.keys(locales.en.leaders.problems).sort()).toEqual(Object.keys(leaderMessageTemplates).sort());
    for (const text of [zh.conflict.claimLost, locales.en.leaders.conflict.claimLost]) {
      expect(text).toContain('{{building}}');
      expect(text).toContain('{{standing}}');
      expect(text).toContain('{{lost}}');
    }
  });
});
