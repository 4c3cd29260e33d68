// Names of the members a building list, a claim history or a conflict refers to, read live: only those ids.
import { useMemo } from 'react';
import { useDocs } from '../../db/hooks';

export interface LeaderNames {
  names: ReadonlyMap<string, string>;
  loading: boolean;
}

export function useBuildingLeaderNames(ids: readonly string[]): LeaderNames {
  const wanted = useMemo(() => [...new Set(ids)].sort(), [ids]);
  const members = useDocs('members', { selector: { id: { $in: wanted } } });
  const names = useMemo(() => new Map(members.docs.map((member) => [member.id, member.name])), [members.docs]);
  return { names, loading: members.loading };
}
