// Finding the community, compound, building and grid a roster row names, among those the person
// may write in. Names are matched as written (spaces ignored); buildings also loosely (3号楼 = 3栋).
import type { RosterProblem } from './problems';
import { buildingKey } from './values';

export interface NamedPlace {
  id: string;
  name: string;
}

export interface RosterContext {
  streetId: string;
  /** YYYY-MM-DD: bounds birth dates read from ID numbers. */
  today: string;
  /** The communities the person may write in. */
  communities: NamedPlace[];
  compounds: (NamedPlace & { communityId: string })[];
  buildings: (NamedPlace & { compoundId: string })[];
  grids: (NamedPlace & { communityId: string })[];
  /** Members already recorded that the person can see: for duplicate ID numbers. */
  members: { idNumber?: string | undefined; name: string }[];
}

const key = (name: string) => name.replace(/\s+/g, '');

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = keyOf(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

export interface ResolvedPlace {
  communityId?: string;
  compoundId?: string;
  buildingId?: string;
  gridId?: string;
}

export class Places {
  private readonly communityIds: Set<string>;
  private readonly communitiesByName: Map<string, NamedPlace[]>;
  private readonly compoundsByName: Map<string, RosterContext['compounds']>;
  private readonly buildingsByCompound: Map<string, RosterContext['buildings']>;
  private readonly gridsByName: Map<string, RosterContext['grids']>;

  constructor(private readonly context: RosterContext) {
    this.communityIds = new Set(context.communities.map((c) => c.id));
    this.communitiesByName = groupBy(context.communities, (c) => key(c.name));
    this.compoundsByName = groupBy(
      context.compounds.filter((c) => this.communityIds.has(c.communityId)),
      (c) => key(c.name),
    );
    this.buildingsByCompound = groupBy(context.buildings, (b) => b.compoundId);
    this.gridsByName = groupBy(context.grids, (g) => key(g.name));
  }

  communityName(id: string): string {
    return this.context.communities.find((c) => c.id === id)?.name ?? '';
  }

  /** The community, compound, building and grid named in a row; problems name the cell at fault. */
  resolve(names: { community?: string; compound?: string; building?: string; grid?: string }, problems: RosterProblem[]): ResolvedPlace {
    const place: ResolvedPlace = {};
    if (names.community) {
      const found = this.communitiesByName.get(key(names.community));
      if (!found?.[0]) problems.push({ field: 'community', code: 'communityUnknown', params: { name: names.community } });
      else place.communityId = found[0].id;
    }
    if (names.compound) {
      const candidates = (this.compoundsByName.get(key(names.compound)) ?? []).filter(
        (c) => place.communityId === undefined || c.communityId === place.communityId,
      );
      if (candidates.length === 0) {
        if (!problems.some((p) => p.field === 'community')) problems.push({ field: 'compound', code: 'compoundUnknown', params: { name: names.compound } });
      } else if (candidates.length > 1) {
        problems.push({ field: 'compound', code: 'compoundAmbiguous', params: { name: names.compound } });
      } else if (candidates[0]) {
        place.compoundId = candidates[0].id;
        place.communityId = candidates[0].communityId;
      }
    }
    if (place.communityId === undefined && !problems.some((p) => p.field === 'community' || p.field === 'compound')) {
      const [only, ...others] = this.context.communities;
      if (only && others.length === 0) place.communityId = only.id;
      else problems.push({ field: 'community', code: 'communityRequired' });
    }
    if (names.building) {
      if (place.compoundId === undefined) {
        if (!names.compound) problems.push({ field: 'building', code: 'buildingWithoutCompound' });
      } else {
        const buildings = this.buildingsByCompound.get(place.compoundId) ?? [];
        const exact = buildings.find((b) => key(b.name) === key(names.building ?? ''));
        const loose = exact ?? buildings.find((b) => buildingKey(b.name) === buildingKey(names.building ?? ''));
        if (loose) place.buildingId = loose.id;
        else problems.push({ field: 'building', code: 'buildingUnknown', params: { name: names.building, compound: names.compound ?? '' } });
      }
    }
    if (names.grid && place.communityId !== undefined) {
      const grid = (this.gridsByName.get(key(names.grid)) ?? []).find((g) => g.communityId === place.communityId);
      if (grid) place.gridId = grid.id;
      else problems.push({ field: 'grid', code: 'gridUnknown', params: { name: names.grid } });
    }
    return place;
  }

  /** Whether a compound of this name already exists in the community. */
  compoundExists(communityId: string, name: string): boolean {
    return (this.compoundsByName.get(key(name)) ?? []).some((c) => c.communityId === communityId);
  }

  buildingExists(compoundId: string, name: string): boolean {
    return (this.buildingsByCompound.get(compoundId) ?? []).some((b) => buildingKey(b.name) === buildingKey(name));
  }
}
