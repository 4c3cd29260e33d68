// Which org actions the person is offered, from the scope rules the server enforces: community staff
// keep their own community's orgs, the street committee is the street admin's.
import type { Community, Org } from '@domain/collections';
import type { SessionUser } from '@domain/contract';
import { childLevelsOf } from '@domain/orgTree';
import { canCreate, canEdit, writableCommunities } from '../../lib/permissions';

export function mayEditOrg(user: SessionUser, org: Org): boolean {
  return canEdit(user, 'orgs', org);
}

/** Whether the person may add a child under `parent`: a community branch needs a community of theirs. */
export function mayAddChild(user: SessionUser, parent: Org, communities: readonly Community[]): boolean {
  if (childLevelsOf(parent).length === 0 || !canCreate(user, 'orgs')) return false;
  if (parent.level === 'streetCommittee') return writableCommunities(user, communities).length > 0;
  return canEdit(user, 'orgs', { streetId: parent.streetId, communityId: parent.communityId });
}

/** Only a street admin sets up the street committee, and only when there is no live one. */
export function mayCreateStreetCommittee(user: SessionUser, orgs: readonly Org[]): boolean {
  return user.role === 'street_admin' && !orgs.some((org) => org.level === 'streetCommittee' && !org.dissolvedOn);
}
