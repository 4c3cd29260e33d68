// The grids (网格) of a community: what each covers, who serves in it, and the gaps a community
// office closes (buildings with no red building leader, people in no grid, buildings in no grid).
// Pure: pages pass in the documents they read.
import type { Building, Grid, Member } from '@domain/collections';
import { compareText } from '../../lib/collate';
import { withoutBlanks } from '../../lib/form';
import type { SearchSource } from '../../lib/search';

/** How a person serves a grid: a role the grid gives them, or living in it (gridId). */
export type GridRole = 'gridWorker' | 'communityWorker' | 'volunteer' | 'resident';

const roleLists = [
  ['gridWorker', 'gridWorkerIds'],
  ['communityWorker', 'communityWorkerIds'],
  ['volunteer', 'volunteerIds'],
] as const;

export interface GridPerson {
  member: Member;
  /** In the order gridWorker, communityWorker, volunteer, resident; never empty. */
  roles: GridRole[];
}

/**
 * The people of a grid: its grid workers, community workers and volunteers, and the members placed
 * in it (gridId). Ids of members that no longer exist are skipped. Sorted by name.
 */
export function gridPeople(grid: Grid, members: ReadonlyMap<string, Member>): GridPerson[] {
  const roles = new Map<string, GridRole[]>();
  const add = (id: string, role: GridRole) => {
    const list = roles.get(id) ?? [];
    if (!list.includes(role)) list.push(role);
    roles.set(id, list);
  };
  for (const [role, field] of roleLists) for (const id of grid[field] ?? []) add(id, role);
  for (const member of members.values()) if (member.gridId === grid.id) add(member.id, 'resident');
  const people: GridPerson[] = [];
  for (const [id, list] of roles) {
    const member = members.get(id);
    if (member) people.push({ member, roles: list });
  }
  return people.sort((a, b) => compareText(a.member.name, b.member.name));
}

export interface GridCounts {
  compounds: number;
  buildings: number;
  people: number;
}

/** People per grid id: members placed in it plus its workers and volunteers, each counted once. */
export function peopleCounts(grids: readonly Grid[], members: readonly Member[]): ReadonlyMap<string, number> {
  const ids = new Map<string, Set<string>>(grids.map((grid) => [grid.id, new Set(roleLists.flatMap(([, field]) => grid[field] ?? []))]));
  const existing = new Set(members.map((member) => member.id));
  for (const member of members) if (member.gridId !== undefined) ids.get(member.gridId)?.add(member.id);
  return new Map([...ids].map(([id, set]) => [id, [...set].filter((memberId) => existing.has(memberId)).length]));
}

export function gridCounts(grid: Grid, people: ReadonlyMap<string, number>): GridCounts {
  return { compounds: grid.compoundIds?.length ?? 0, buildings: grid.buildingIds?.length ?? 0, people: people.get(grid.id) ?? 0 };
}

export interface GridGaps {
  /** Buildings of the grid with no red building leader. */
  buildingsWithoutLeader: Building[];
  /** Members of the grid's community placed in no grid. */
  peopleWithoutGrid: Member[];
  /** Buildings of the grid's compounds that no grid of the community covers. */
  buildingsWithoutGrid: Building[];
}

/**
 * The gaps of one grid. `grids`, `buildings` and `members` may hold other communities' documents;
 * only the grid's community counts. A member whose grid no longer exists is in no grid.
 */
export function gridGaps(grid: Grid, grids: readonly Grid[], buildings: readonly Building[], members: readonly Member[]): GridGaps {
  const ownGrids = grids.filter((other) => other.communityId === grid.communityId);
  const gridIds = new Set(ownGrids.map((other) => other.id));
  const covered = new Set(ownGrids.flatMap((other) => other.buildingIds ?? []));
  const inGrid = new Set(grid.buildingIds ?? []);
  const compounds = new Set(grid.compoundIds ?? []);
  const byName = <T extends { name: string }>(docs: T[]) => docs.sort((a, b) => compareText(a.name, b.name));
  return {
    buildingsWithoutLeader: byName(buildings.filter((building) => inGrid.has(building.id) && building.leaderMemberId === undefined)),
    peopleWithoutGrid: byName(
      members.filter((member) => member.communityId === grid.communityId && (member.gridId === undefined || !gridIds.has(member.gridId))),
    ),
    buildingsWithoutGrid: byName(
      buildings.filter((building) => building.communityId === grid.communityId && compounds.has(building.compoundId) && !covered.has(building.id)),
    ),
  };
}

/** Which grid covers each building (the first by name when several do). */
export function gridOfBuilding(grids: readonly Grid[]): ReadonlyMap<string, Grid> {
  const covering = new Map<string, Grid>();
  for (const grid of [...grids].sort((a, b) => compareText(a.name, b.name))) {
    for (const buildingId of grid.buildingIds ?? []) if (!covering.has(buildingId)) covering.set(buildingId, grid);
  }
  return covering;
}

export interface GridFilters {
  communityId?: string | undefined;
}

export function filterGrids(grids: readonly Grid[], filters: GridFilters): Grid[] {
  return grids.filter((grid) => filters.communityId === undefined || grid.communityId === filters.communityId);
}

/** Found by name (characters, pinyin, initials) and code. */
export const gridSearchSource = (grid: Grid): SearchSource => ({ names: [grid.name], texts: [grid.code] });

/** Grids in community order, then by code (numbers in numeric order), then by name. */
export function sortGrids(grids: readonly Grid[], communityName: (id: string) => string): Grid[] {
  return [...grids].sort(
    (a, b) => compareText(communityName(a.communityId), communityName(b.communityId)) || compareText(a.code, b.code) || compareText(a.name, b.name),
  );
}

// The form ----------------------------------------------------------------------------------------

export interface GridFormValues {
  communityId: string;
  name: string;
  code?: string;
  compoundIds?: string[];
  buildingIds?: string[];
  gridWorkerIds?: string[];
  communityWorkerIds?: string[];
  volunteerIds?: string[];
}

export function gridFormValues(grid: Grid | undefined, communityId: string | undefined): Partial<GridFormValues> {
  if (!grid) return { communityId, compoundIds: [], buildingIds: [], gridWorkerIds: [], communityWorkerIds: [], volunteerIds: [] };
  const { name, code, compoundIds, buildingIds, gridWorkerIds, communityWorkerIds, volunteerIds } = grid;
  return {
    communityId: grid.communityId,
    name,
    code,
    compoundIds: compoundIds ?? [],
    buildingIds: buildingIds ?? [],
    gridWorkerIds: gridWorkerIds ?? [],
    communityWorkerIds: communityWorkerIds ?? [],
    volunteerIds: volunteerIds ?? [],
  };
}

/**
 * The values without ids of documents that no longer exist (a member or building deleted while it
 * was in the grid): there is nothing left to keep, and the form shows them as deleted.
 */
export function withoutMissing(values: GridFormValues, docs: GridCommunityDocs): GridFormValues {
  const exist = (list: readonly { id: string }[]) => {
    const ids = new Set(list.map((doc) => doc.id));
    return (kept: string[] | undefined) => (kept ?? []).filter((id) => ids.has(id));
  };
  const compound = exist(docs.compounds);
  const building = exist(docs.buildings);
  const member = exist(docs.members);
  return {
    ...values,
    compoundIds: compound(values.compoundIds),
    buildingIds: building(values.buildingIds),
    gridWorkerIds: member(values.gridWorkerIds),
    communityWorkerIds: member(values.communityWorkerIds),
    volunteerIds: member(values.volunteerIds),
  };
}

/** What the form's places and people must belong to (all that the device holds, of any community). */
export interface GridCommunityDocs {
  compounds: readonly { id: string; communityId: string }[];
  buildings: readonly Pick<Building, 'id' | 'communityId' | 'compoundId'>[];
  members: readonly Pick<Member, 'id' | 'communityId'>[];
  /** The community's other grids, for a unique code. */
  grids: readonly Pick<Grid, 'id' | 'communityId' | 'code' | 'name'>[];
}

export type GridProblem =
  | { field: 'name'; kind: 'required' }
  | { field: 'code'; kind: 'codeTaken'; other: string }
  | { field: 'compoundIds' | 'buildingIds' | 'gridWorkerIds' | 'communityWorkerIds' | 'volunteerIds'; kind: 'otherCommunity' }
  | { field: 'buildingIds'; kind: 'compoundNotChosen' };

/**
 * What keeps the form from being saved: places and people of another community (they moved while
 * the form was open), a building whose compound is not chosen, and a code another grid of the
 * community already has. Run it on `withoutMissing` values.
 */
export function gridProblems(id: string, values: GridFormValues, docs: GridCommunityDocs): GridProblem[] {
  const problems: GridProblem[] = [];
  const typed = withoutBlanks(values);
  if (typed.name === undefined) problems.push({ field: 'name', kind: 'required' });
  const inCommunity = (list: readonly { id: string; communityId: string }[]) =>
    new Set(list.filter((doc) => doc.communityId === values.communityId).map((doc) => doc.id));
  const compounds = inCommunity(docs.compounds);
  const buildings = inCommunity(docs.buildings);
  const members = inCommunity(docs.members);
  if ((values.compoundIds ?? []).some((compoundId) => !compounds.has(compoundId))) problems.push({ field: 'compoundIds', kind: 'otherCommunity' });
  if ((values.buildingIds ?? []).some((buildingId) => !buildings.has(buildingId))) {
    problems.push({ field: 'buildingIds', kind: 'otherCommunity' });
  } else {
    const chosen = new Set(values.compoundIds ?? []);
    const compoundOf = new Map(docs.buildings.map((building) => [building.id, building.compoundId]));
    if ((values.buildingIds ?? []).some((buildingId) => !chosen.has(compoundOf.get(buildingId) ?? ''))) {
      problems.push({ field: 'buildingIds', kind: 'compoundNotChosen' });
    }
  }
  for (const field of ['gridWorkerIds', 'communityWorkerIds', 'volunteerIds'] as const) {
    if ((values[field] ?? []).some((memberId) => !members.has(memberId))) problems.push({ field, kind: 'otherCommunity' });
  }
  const code = typed.code;
  if (code !== undefined) {
    const other = docs.grids.find((grid) => grid.id !== id && grid.communityId === values.communityId && grid.code?.trim() === code);
    if (other) problems.push({ field: 'code', kind: 'codeTaken', other: other.name });
  }
  return problems;
}

const unique = (ids: readonly string[] | undefined) => [...new Set(ids ?? [])];

/** The document to save: the form's fields replace the stored ones; a blank code is dropped. */
export function gridFromForm(values: GridFormValues, base: Pick<Grid, 'id' | 'streetId'>): Grid {
  const { name, code } = withoutBlanks(values);
  return {
    id: base.id,
    streetId: base.streetId,
    communityId: values.communityId,
    name: name ?? '',
    ...(code !== undefined && { code }),
    compoundIds: unique(values.compoundIds),
    buildingIds: unique(values.buildingIds),
    gridWorkerIds: unique(values.gridWorkerIds),
    communityWorkerIds: unique(values.communityWorkerIds),
    volunteerIds: unique(values.volunteerIds),
  };
}

/** Buildings still allowed once the chosen compounds change: those of the chosen compounds. */
export function buildingsOfCompounds(buildingIds: readonly string[] | undefined, compoundIds: readonly string[] | undefined, buildings: readonly Pick<Building, 'id' | 'compoundId'>[]): string[] {
  const chosen = new Set(compoundIds ?? []);
  const allowed = new Set(buildings.filter((building) => chosen.has(building.compoundId)).map((building) => building.id));
  return (buildingIds ?? []).filter((id) => allowed.has(id));
}
