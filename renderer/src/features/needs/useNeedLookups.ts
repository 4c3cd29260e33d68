// The documents the needs pages look names up in. A liaison holds only its compounds (no
// buildings, no units): names it lacks come from the need's steps.
import { useMemo } from 'react';
import { useDocs } from '../../db/hooks';
import { byId } from '../../lib/counts';
import { needActorOf } from '../../lib/needActor';
import { useCurrentUser } from '../../session/useSession';
import { useSessionStore } from '../../session/store';
import type { NeedLookups } from './needLookups';

export function useNeedLookups() {
  const user = useCurrentUser();
  const compounds = useDocs('compounds');
  const buildings = useDocs('buildings');
  const units = useDocs('units');
  const streets = useDocs('streets');
  const communities = useDocs('communities');
  const lookups = useMemo(
    (): NeedLookups => ({
      compounds: byId(compounds.docs),
      buildings: byId(buildings.docs),
      units: byId(units.docs),
      categories: streets.docs.find((street) => street.id === user.streetId)?.needCategories ?? [],
    }),
    [compounds.docs, buildings.docs, units.docs, streets.docs, user.streetId],
  );
  const actor = useMemo(() => needActorOf(user, compounds.docs.map((compound) => compound.id)), [user, compounds.docs]);
  return { user, lookups, actor, compounds, buildings, units, communities, loading: compounds.loading || streets.loading };
}

/** The device id the server gave this device at sign-in: steps record it. */
export function useDeviceId(): string | undefined {
  return useSessionStore((state) => state.session?.deviceId);
}
