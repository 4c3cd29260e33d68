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

export const leaderMessages = {
  notPartyMember: (name: string) => `${name}不是党员，不能认领红色楼栋长`,
  otherCommunity: (name: string) => `${name}不属于本楼栋所在社区，不能认领该楼栋`,
  deletedMember: '该成员已删除，不能认领楼栋长',
  alreadyLeader: (name: string) => `${name}已经是该楼栋的楼栋长`,
  noLeader: '该楼栋目前没有楼栋长，无需卸任',
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

/** Why this member may not lead this building, or null when they may. */
export function leaderProblem(building: Building, member: Member & { _deleted?: boolean }): string | null {
  if (member._deleted) return leaderMessages.deletedMember;
  if (member.communityId !== building.communityId) return leaderMessages.otherCommunity(member.name);
  if (!member.isPartyMember) return leaderMessages.notPartyMember(member.name);
  return null;
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
