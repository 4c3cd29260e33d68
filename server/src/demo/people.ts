// The governance team (治理队伍) and the 129 grids it serves: every member lives in a building of
// their community and belongs to the grid covering that building.
import type { WireDoc } from '@domain/collections';
import { missingCase } from '@domain/scope';
import { COMMUNITIES, DEPARTMENTS, SERVICES, SKILLS, STATIONED_UNITS, WORKPLACES } from './names';
import { person } from './persons';
import { STREET_ID, communityId, compoundSlots, departmentId, pairedDepartment } from './places';
import { pad, type Random } from './random';

type Member = WireDoc<'members'>;
type Building = WireDoc<'buildings'>;
type Category = NonNullable<Member['category']>;

export const GRID_COUNT = 129;
const MEMBERS_PER_COMMUNITY = 30;
/** In-service Party members who have reported to the community where they live (在职党员报到). */
export const REPORTED_MEMBERS = 3654;
/** The reported members of a community: REPORTED_MEMBERS spread evenly over the 14 (261 each). */
const reportedIn = (community: number) =>
  Math.floor(((community + 1) * REPORTED_MEMBERS) / COMMUNITIES.length) - Math.floor((community * REPORTED_MEMBERS) / COMMUNITIES.length);
/** Communities with four compounds get one grid more: 3 × 10 + 11 × 9 = 129. */
const gridsIn = (community: number) => (compoundSlots.filter((slot) => slot.community === community).length > 3 ? 10 : 9);

/** A grid before its team is known: the community (its index) and the buildings it covers. */
export interface GridPlan {
  id: string;
  community: number;
  buildings: Building[];
}

/** A community's buildings (`own`, in order) cut into `count` runs, one grid each. */
export function cutIntoGrids(community: number, count: number, own: readonly Building[]): GridPlan[] {
  return Array.from({ length: count }, (_, g) => ({
    id: `grid-${pad(community + 1, 2)}-${pad(g + 1, 2)}`,
    community,
    buildings: own.slice(Math.floor((g * own.length) / count), Math.floor(((g + 1) * own.length) / count)),
  }));
}

/** Each community's buildings, in order, cut into as many runs as it has grids. */
function planGrids(buildings: Building[]): GridPlan[] {
  return COMMUNITIES.flatMap((_, community) =>
    cutIntoGrids(
      community,
      gridsIn(community),
      buildings.filter((building) => building.communityId === communityId(community)),
    ),
  );
}

export interface People {
  members: Member[];
  grids: WireDoc<'grids'>[];
}

export function peopleAndGrids(random: Random, compounds: WireDoc<'compounds'>[], buildings: Building[]): People {
  const plans = planGrids(buildings);
  const members: Member[] = [];
  const gridOf = new Map(plans.flatMap((plan) => plan.buildings.map((building) => [building.id, plan.id] as const)));
  const compoundsById = new Map(compounds.map((compound) => [compound.id, compound]));
  const taken = new Set<string>();
  const add = (home: Building, kind: Kind) => {
    const compound = compoundsById.get(home.compoundId);
    if (!compound) throw new Error(`no compound ${home.compoundId}`);
    members.push(memberAt(random, members.length, compound, home, gridOf.get(home.id) ?? '', kind, taken));
  };
  COMMUNITIES.forEach((_, community) => {
    const own = plans.filter((plan) => plan.community === community);
    const homes = own.flatMap((plan) => plan.buildings);
    for (const plan of own) add(random.pick(plan.buildings), 'gridWorker');
    add(random.pick(homes), 'communityWorker');
    add(random.pick(homes), 'communityWorker');
    for (let n = own.length + 2; n < MEMBERS_PER_COMMUNITY; n++) add(random.pick(homes), 'other');
    for (let n = 0; n < reportedIn(community); n++) add(random.pick(homes), 'reported');
  });
  const byGrid = groupBy(members, (m) => m.gridId ?? '');
  const byCommunity = groupBy(members, (m) => m.communityId);
  return { members, grids: plans.map((plan) => gridDoc(plan, byGrid.get(plan.id) ?? [], byCommunity.get(communityId(plan.community)) ?? [])) };
}

export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/**
 * A grid's document: its buildings and compounds, its grid workers and volunteers (of `inGrid`, the
 * members living in it) and one community worker of `inCommunity` (the community's members).
 */
export function gridDoc(plan: GridPlan, inGrid: readonly Member[], inCommunity: readonly Member[]): WireDoc<'grids'> {
  const community = communityId(plan.community);
  const workers = inCommunity.filter((m) => m.teamRoles?.includes('communityWorker'));
  const worker = workers[Number(plan.id.slice(-2)) % Math.max(1, workers.length)];
  return {
    id: plan.id,
    streetId: STREET_ID,
    communityId: community,
    name: `${COMMUNITIES[plan.community]?.[0] ?? ''}第${Number(plan.id.slice(-2))}网格`,
    code: plan.id.slice('grid-'.length),
    compoundIds: [...new Set(plan.buildings.map((building) => building.compoundId))],
    buildingIds: plan.buildings.map((building) => building.id),
    gridWorkerIds: inGrid.filter((m) => m.teamRoles?.includes('gridWorker')).map((m) => m.id),
    communityWorkerIds: worker ? [worker.id] : [],
    volunteerIds: inGrid.filter((m) => m.teamRoles?.includes('volunteer')).map((m) => m.id),
    _deleted: false,
  };
}

// The core team; in-service reported members are added per community on top (REPORTED_MEMBERS).
const CATEGORY_WEIGHTS: readonly [Category, number][] = [
  ['retired', 0.35],
  ['pairedDepartment', 0.25],
  ['propertyCompany', 0.15],
  ['communityManaged', 0.25],
];

function drawCategory(random: Random, managed: boolean): Category {
  let roll = random.next();
  for (const [category, weight] of CATEGORY_WEIGHTS) {
    if (roll < weight) return category === 'propertyCompany' && !managed ? 'communityManaged' : category;
    roll -= weight;
  }
  return 'communityManaged';
}

type Kind = 'gridWorker' | 'communityWorker' | 'other' | 'reported';

function memberAt(random: Random, index: number, compound: WireDoc<'compounds'>, home: Building, gridId: string, kind: Kind, taken: Set<string>): Member {
  const staff = kind === 'gridWorker' || kind === 'communityWorker';
  const reported = kind === 'reported';
  const partyMember = staff || reported || random.chance(0.9);
  const category = reported ? 'inServiceReported' : staff ? 'communityManaged' : partyMember ? drawCategory(random, compound.propertyManaged) : undefined;
  const retired = category === 'retired';
  const who = person(random, index, retired ? 1946 : 1965, retired ? 1964 : 2001, taken);
  const floor = random.int(1, home.floors ?? 6);
  const teamRoles: NonNullable<Member['teamRoles']> =
    kind === 'gridWorker' ? ['gridWorker'] : kind === 'communityWorker' ? ['communityWorker'] : random.chance(reported ? 0.2 : 0.5) ? ['volunteer'] : [];
  return {
    id: `member-${pad(index + 1, 4)}`,
    streetId: STREET_ID,
    communityId: compound.communityId,
    ...who,
    isPartyMember: partyMember,
    ...(category ? { category, ...work(random, category, compound, staff) } : {}),
    compoundId: compound.id,
    buildingId: home.id,
    unitNo: String(random.int(1, home.units ?? 1)),
    room: `${floor}0${random.int(1, 2)}`,
    gridId,
    ...(teamRoles.length > 0 ? { teamRoles } : {}),
    ...(category === 'inServiceReported'
      ? { report: { date: `${random.pick(['2020', '2020', '2021'])}-${pad(random.int(2, 12), 2)}-${pad(random.int(1, 28), 2)}`, skills: random.sample(SKILLS, 2), services: random.sample(SERVICES, 2) } }
      : {}),
    _deleted: false,
  };
}

/** Where a member works, by category; the unit is recorded when it is one of the street's units. */
function work(random: Random, category: Category, compound: WireDoc<'compounds'>, staff: boolean): Pick<Member, 'workUnit' | 'unitId'> {
  switch (category) {
    case 'pairedDepartment': {
      const slot = compoundSlots[Number(compound.id.slice(-3)) - 1];
      const department = slot ? pairedDepartment(slot) : 0;
      return { workUnit: `灵武${DEPARTMENTS[department] ?? ''}`, unitId: departmentId(department) };
    }
    case 'propertyCompany':
      return { workUnit: compound.propertyCompany, unitId: compound.propertyUnitId };
    case 'retired':
      return { workUnit: `原${random.pick(WORKPLACES)}（退休）` };
    case 'inServiceReported': {
      const stationed = random.int(0, STATIONED_UNITS.length + WORKPLACES.length - 1);
      return stationed < STATIONED_UNITS.length
        ? { workUnit: STATIONED_UNITS[stationed], unitId: `stationed-${pad(stationed + 1, 2)}` }
        : { workUnit: WORKPLACES[stationed - STATIONED_UNITS.length] };
    }
    case 'communityManaged':
      return { workUnit: staff ? `${COMMUNITIES[Number(compound.communityId.slice(-2)) - 1]?.[0] ?? ''}居民委员会` : '个体经营' };
    default:
      return missingCase(category);
  }
}

/** Red building leaders (红色楼栋长): some Party members claim the building they live in. */
export function withLeaders(random: Random, buildings: Building[], members: Member[]): Building[] {
  const residents = groupBy(members.filter((m) => m.isPartyMember), (m) => m.buildingId ?? '');
  return buildings.map((building) => {
    const candidates = residents.get(building.id) ?? [];
    if (candidates.length === 0 || !random.chance(0.6)) return building;
    const leader = random.pick(candidates);
    const at = `2020-${pad(random.int(4, 9), 2)}-${pad(random.int(1, 28), 2)}T02:00:00.000Z`;
    return {
      ...building,
      leaderMemberId: leader.id,
      leaderClaims: [{ id: `${building.id}-claim-1`, at, by: 'admin', action: 'claim', memberId: leader.id }],
    };
  });
}
