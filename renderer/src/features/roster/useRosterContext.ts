// What a roster's rows are checked against: the communities the person may write in, their
// compounds, buildings and grids, and the ID numbers already recorded.
import { useMemo } from 'react';
import { useDocs } from '../../db/hooks';
import type { RosterContext } from '../../lib/roster/places';
import { today } from '../../lib/dates';
import { writableCommunities } from '../../lib/permissions';
import { useCurrentUser } from '../../session/useSession';

export function useRosterContext(): { context: RosterContext; loading: boolean } {
  const user = useCurrentUser();
  const communities = useDocs('communities');
  const compounds = useDocs('compounds');
  const buildings = useDocs('buildings');
  const grids = useDocs('grids');
  const members = useDocs('members');
  const loading = communities.loading || compounds.loading || buildings.loading || grids.loading || members.loading;
  const context = useMemo((): RosterContext => {
    const writable = writableCommunities(user, communities.docs);
    const ids = new Set(writable.map((c) => c.id));
    return {
      streetId: user.streetId,
      today: today(),
      communities: writable.map(({ id, name }) => ({ id, name })),
      compounds: compounds.docs.filter((c) => ids.has(c.communityId)).map(({ id, name, communityId }) => ({ id, name, communityId })),
      buildings: buildings.docs.filter((b) => ids.has(b.communityId)).map(({ id, name, compoundId }) => ({ id, name, compoundId })),
      grids: grids.docs.filter((g) => ids.has(g.communityId)).map(({ id, name, communityId }) => ({ id, name, communityId })),
      members: members.docs.filter((m) => m.idNumber !== undefined).map(({ idNumber, name }) => ({ idNumber, name })),
    };
  }, [user, communities.docs, compounds.docs, buildings.docs, grids.docs, members.docs]);
  return { context, loading };
}
