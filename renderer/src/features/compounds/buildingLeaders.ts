// Pure helpers of the red building leader (红色楼栋长) pages: whom to offer when claiming, and what
// the conflict log says about claims that did not stand after sync.
import type { Building, Member } from '@domain/collections';
import type { ConflictEntry } from '../../sync/conflicts';
import { compareText } from '../../lib/collate';

/** How close a member lives to the building: its own residents first, then the compound's, then the community's. */
function closeness(member: Member, building: Building): number {
  if (member.buildingId === building.id) return 0;
  if (member.compoundId === building.compoundId) return 1;
  return 2;
}

/** The Party members of the building's community who may claim it, nearest first, each group by name. */
export function leaderCandidates(members: readonly Member[], building: Building): Member[] {
  return members
    .filter((member) => member.isPartyMember && member.communityId === building.communityId)
    .sort((a, b) => closeness(a, building) - closeness(b, building) || compareText(a.name, b.name));
}

/** A building leader claim made on this device that the server's did not let stand. */
export interface LeaderConflict {
  /** The conflict log entry's key. */
  key: string;
  buildingId: string;
  buildingName: string;
  /** The leader that stands (from the server); undefined when the server's change was a release. */
  standingMemberId: string | undefined;
  /** The leader this device had chosen; undefined when this device's change was a release. */
  lostMemberId: string | undefined;
}

const idOrUndefined = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** The leader conflicts in the log, newest first (the log's order). */
export function leaderConflicts(entries: readonly ConflictEntry[]): LeaderConflict[] {
  const found: LeaderConflict[] = [];
  for (const entry of entries) {
    if (entry.collection !== 'buildings' || entry.reason !== 'bothChanged') continue;
    const field = entry.fields.find((conflict) => conflict.field === 'leaderMemberId');
    if (!field) continue;
    found.push({
      key: entry.key,
      buildingId: entry.docId,
      buildingName: entry.label ?? entry.docId,
      standingMemberId: idOrUndefined(field.server),
      lostMemberId: idOrUndefined(field.local),
    });
  }
  return found;
}

/** Which sentence tells the person about a conflict. */
export function leaderConflictMessageKey(conflict: LeaderConflict): 'claimLost' | 'claimLostToRelease' | 'releaseLost' {
  if (conflict.lostMemberId === undefined) return 'releaseLost';
  return conflict.standingMemberId === undefined ? 'claimLostToRelease' : 'claimLost';
}

/** The member ids a list of conflicts names. */
export function memberIdsOf(conflicts: readonly LeaderConflict[]): string[] {
  const ids = new Set<string>();
  for (const conflict of conflicts) {
    if (conflict.standingMemberId) ids.add(conflict.standingMemberId);
    if (conflict.lostMemberId) ids.add(conflict.lostMemberId);
  }
  return [...ids].sort();
}
