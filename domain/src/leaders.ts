// Red building leaders (红色楼栋长): claiming and releasing a building. Each change sets the
// building's leaderMemberId and appends one entry to its append-only leaderClaims log, which
// the sync merge keeps as a union by entry id — so two offline claims both stay in the history.
import type { Building, Member } from './collections';

export type LeaderClaim = NonNullable<Building['leaderClaims']>[number];

/** Who makes the change, and when. */
export interface LeaderChangeContext {
  /** Id of the new log entry. */
  entryId: string;
  /** ISO instant of the change. */
  at: string;
  /** Staff member (user) id making the change. */
  by: string;
  deviceId?: string;
}

export type LeaderChangeResult = { ok: true; building: Building } | { ok: false; error: string };

/** Why a member may not lead a building (or why a change is not needed), as a code the renderer translates. */
export type LeaderProblem = 'deletedMember' | 'otherCommunity' | 'notPartyMember' | 'alreadyLeader' | 'noLeader';

/** The Chinese texts, with `{{name}}` for the member's name (the renderer's locales use them as they are). */
export const leaderMessageTemplates: Record<LeaderProblem, string> = {
  notPartyMember: '{{name}}不是党员，不能认领红色楼栋长',
  otherCommunity: '{{name}}不属于本楼栋所在社区，不能认领该楼栋',
  deletedMember: '该成员已删除，不能认领楼栋长',
  alreadyLeader: '{{name}}已经是该楼栋的楼栋长',
  noLeader: '该楼栋目前没有楼栋长，无需卸任',
};

function fill(problem: LeaderProblem, name = ''): string {
  return leaderMessageTemplates[problem].replace('{{name}}', name);
}

export const leaderMessages = {
  notPartyMember: (name: string) => fill('notPartyMember', name),
  otherCommunity: (name: string) => fill('otherCommunity', name),
  deletedMember: fill('deletedMember'),
  alreadyLeader: (name: string) => fill('alreadyLeader', name),
  noLeader: fill('noLeader'),
} as const;

function entry(ctx: LeaderChangeContext, action: LeaderClaim['action'], memberId: string): LeaderClaim {
  return {
    id: ctx.entryId,
    at: ctx.at,
    by: ctx.by,
    ...(ctx.deviceId ? { deviceId: ctx.deviceId } : {}),
    action,
    memberId,
  };
}

/** Why this member may not lead this building, as a code, or null when they may. */
export function leaderProblemCode(building: Building, member: Member & { _deleted?: boolean }): LeaderProblem | null {
  if (member._deleted) return 'deletedMember';
  if (member.communityId !== building.communityId) return 'otherCommunity';
  if (!member.isPartyMember) return 'notPartyMember';
  return null;
}

/** Why this member may not lead this building, or null when they may. */
export function leaderProblem(building: Building, member: Member & { _deleted?: boolean }): string | null {
  const problem = leaderProblemCode(building, member);
  return problem === null ? null : fill(problem, member.name);
}

/** The building after `member` claims it (replacing any current leader). */
export function claimLeader(building: Building, member: Member, ctx: LeaderChangeContext): LeaderChangeResult {
  const problem = leaderProblem(building, member);
  if (problem) return { ok: false, error: problem };
  if (building.leaderMemberId === member.id) return { ok: false, error: leaderMessages.alreadyLeader(member.name) };
  return {
    ok: true,
    building: {
      ...building,
      leaderMemberId: member.id,
      leaderClaims: [...(building.leaderClaims ?? []), entry(ctx, 'claim', member.id)],
    },
  };
}

/** The building after its current leader steps down (卸任). */
export function releaseLeader(building: Building, ctx: LeaderChangeContext): LeaderChangeResult {
  const current = building.leaderMemberId;
  if (!current) return { ok: false, error: leaderMessages.noLeader };
  const { leaderMemberId: _dropped, ...rest } = building;
  void _dropped;
  return {
    ok: true,
    building: { ...rest, leaderClaims: [...(building.leaderClaims ?? []), entry(ctx, 'release', current)] },
  };
}

/** The claim history, newest first. */
export function claimHistory(building: Building): LeaderClaim[] {
  return [...(building.leaderClaims ?? [])].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.id < b.id ? 1 : -1));
}

/**
 * What became of each entry of the claim log: the one the building's state rests on now
 * (`current`), earlier ones that stood and were later replaced (`past`), and ones that never took
 * effect (`lost`): two devices claimed the building offline and the other claim reached the server
 * first. The log's order is the order entries reached the server (the merge appends a device's new
 * entries after the server's), so walking it backwards from the building's state shows which
 * entries that state could have come from. A claim does not record whom it replaced, so before a
 * standing claim every entry is taken to have stood; a release names whom it released, so before
 * it only a claim of that member can have stood.
 */
export type ClaimOutcome = 'current' | 'past' | 'lost';

export function claimOutcomes(building: Pick<Building, 'leaderMemberId' | 'leaderClaims'>): Map<string, ClaimOutcome> {
  const log = building.leaderClaims ?? [];
  const outcomes = new Map<string, ClaimOutcome>();
  // The leader after entry i, when known: `null` is "no leader"; undefined is "unknown".
  let expected: string | null | undefined = building.leaderMemberId ?? null;
  let currentFound = false;
  const fits = (claim: LeaderClaim, leader: string | null) =>
    claim.action === 'claim' ? claim.memberId === leader : leader === null;
  for (let i = log.length - 1; i >= 0; i--) {
    const claim = log[i];
    if (!claim) continue;
    const wanted = expected;
    // A state no earlier entry explains (a leader from before the log began) constrains nothing.
    const explained = wanted === undefined || log.slice(0, i + 1).some((earlier) => fits(earlier, wanted));
    if (wanted !== undefined && explained && !fits(claim, wanted)) {
      outcomes.set(claim.id, 'lost');
      continue;
    }
    outcomes.set(claim.id, currentFound ? 'past' : 'current');
    currentFound = true;
    expected = claim.action === 'release' ? claim.memberId : undefined;
  }
  return outcomes;
}
