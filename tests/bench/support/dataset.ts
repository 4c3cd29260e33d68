// The city-sized data set every benchmark uses (owner: server helper). Deterministic for a seed.
//
// One street in the shape of ../shared/domain.md: its communities (up to the demo's 14), the tier's
// compounds, buildings, grids, governance-team members and needs (each with its history of steps),
// plus what they refer to or what a street holds beside them: the street, units (paired departments
// with their compounds, property companies, owners' committees), the Party organisations (street
// committee, a branch per community, a branch and two functional groups per compound), service
// activities, the branches' ledgers and the year's assessments. The full tier is about 100,000
// documents. Every document passes the server's validation and reference checks
// (`checkDataSet` in ./bench-server.ts verifies it before seeding).
//
// People are drawn with the demo generator's `person` (valid GB 11643 ID numbers and mobiles), the
// street with its `streetDoc`/`communityDocs`, the grids with its `cutIntoGrids`/`gridDoc`, the
// activities with its `activityDoc` and the branches' ledgers with its `ledgerDocs`, so the
// documents look like the demo's.
import { collectionNames, type AnyDoc, type CollectionName, type WireDoc } from '@domain/collections';
import { matchesFilter, readFilter } from '@domain/scope';
import { COMMUNITIES, DEPARTMENTS, MANAGED_COMPOUNDS, PROPERTY_COMPANIES, SERVICES, SKILLS, UNMANAGED_COMPOUNDS, WORKPLACES } from '../../../server/src/demo/names';
import { person } from '../../../server/src/demo/persons';
import { cutIntoGrids, gridDoc, groupBy, withLeaders, type GridPlan } from '../../../server/src/demo/people';
import { STREET_ID, communityDocs, streetDoc } from '../../../server/src/demo/places';
import { pad, seededRandom, type Random } from '../../../server/src/demo/random';
import { NEED_TEXTS, STATE_PATH, activityDoc, ledgerDocs } from '../../../server/src/demo/records';
import type { Tier } from './tier';

export interface DataSet {
  byCollection: Partial<Record<CollectionName, WireDoc[]>>;
  total: number;
}

type Doc<C extends CollectionName> = WireDoc<C>;

/** The street every data set lives in (the demo's). */
export const DATASET_STREET_ID = STREET_ID;

/** Per-kind counts beyond the tier's: activities are 40 % of the needs (about 100,000 documents in all at full size). */
const ACTIVITY_SHARE = 0.4;

export function generateDataSet(size: Tier, seed = 1): DataSet {
  const random = seededRandom(seed);
  const communityCount = Math.max(1, Math.min(COMMUNITIES.length, size.compounds, size.grids));
  const street = streetDoc();
  const communities = communityDocs(random).slice(0, communityCount);
  const compounds = compoundDocs(random, size.compounds, communityCount);
  const units = unitDocs(random, compounds);
  const plainBuildings = buildingDocs(random, size.buildings, compounds);
  const grids = gridPlans(size.grids, communityCount, plainBuildings);
  const members = memberDocs(random, size.members, compounds, plainBuildings, grids);
  const buildings = withLeaders(random, plainBuildings, members);
  const orgs = orgDocs(communities, compounds, members);
  const byCollection: { [C in CollectionName]: Doc<C>[] } = {
    streets: [street],
    communities,
    units,
    compounds,
    buildings,
    grids: gridDocs(grids, members),
    orgs,
    members,
    needs: needDocs(random, size.needs, compounds, plainBuildings, members),
    activities: activityDocs(random, Math.round(size.needs * ACTIVITY_SHARE), compounds, members),
    ledger: ledgerDocs(compounds, orgs),
    assessments: assessmentDocs(random, street, units, communities),
  };
  const total = collectionNames.reduce((sum, name) => sum + byCollection[name].length, 0);
  return { byCollection: byCollection, total };
}

/** The data set's communities, in order. */
export function communityIdsOf(data: DataSet): string[] {
  return (data.byCollection.communities ?? []).map((community) => community.id);
}

/**
 * What a community's staff account pulls (the server's read filter): the street-level collections
 * (street, communities, units, assessments, the street committee) and the documents of `communityId`.
 */
export function docsOfCommunity(data: DataSet, communityId: string): { [C in CollectionName]?: WireDoc<C>[] } {
  const out: { [C in CollectionName]?: WireDoc[] } = {};
  for (const name of collectionNames) {
    const filter = readFilter(name, { role: 'community_staff', streetId: DATASET_STREET_ID, communityIds: [communityId], compoundIds: [] });
    out[name] = (data.byCollection[name] ?? []).filter((doc) => matchesFilter(filter, doc as AnyDoc));
  }
  return out as { [C in CollectionName]?: WireDoc<C>[] };
}

// --- places ----------------------------------------------------------------------------------

const compoundIdAt = (index: number) => `compound-${pad(index + 1, 4)}`;
const communityIdAt = (index: number) => `community-${pad(index + 1, 2)}`;
const departmentIdAt = (index: number) => `dept-${pad(index + 1, 2)}`;
const propertyIdAt = (index: number) => `property-${pad(index + 1, 2)}`;
/** Compounds spread evenly over the communities, in runs (a community's compounds are neighbours). */
const communityOfCompound = (index: number, compounds: number, communities: number) => Math.floor((index * communities) / compounds);
const isManaged = (index: number) => index % 5 === 1 || index % 5 === 3;
const CHINESE_NUMBERS = ['', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

function compoundName(index: number, managed: boolean): string {
  const names = managed ? MANAGED_COMPOUNDS : UNMANAGED_COMPOUNDS;
  const serial = managed ? Math.floor(index / 5) * 2 + (index % 5 === 3 ? 1 : 0) : Math.floor(index / 5) * 3 + [0, 0, 1, 1, 2][index % 5]!;
  const base = names[serial % names.length] ?? `小区${index + 1}`;
  const round = Math.floor(serial / names.length);
  return round === 0 ? base : `${base}${CHINESE_NUMBERS[round % CHINESE_NUMBERS.length] ?? ''}${round >= CHINESE_NUMBERS.length ? round + 1 : ''}期`;
}

function compoundDocs(random: Random, count: number, communities: number): Doc<'compounds'>[] {
  let previousCommunity = -1;
  return Array.from({ length: count }, (_, index): Doc<'compounds'> => {
    const community = communityOfCompound(index, count, communities);
    const pilot = community !== previousCommunity;
    previousCommunity = community;
    const managed = isManaged(index);
    const company = index % PROPERTY_COMPANIES.length;
    const road = COMMUNITIES[community]?.[1] ?? '';
    return {
      id: compoundIdAt(index),
      streetId: STREET_ID,
      communityId: communityIdAt(community),
      name: compoundName(index, managed),
      address: `灵武市${road}${random.int(1, 300)}号`,
      propertyManaged: managed,
      ...(managed ? { propertyCompany: PROPERTY_COMPANIES[company], propertyUnitId: propertyIdAt(company) } : {}),
      ownersCommittee: managed && index % 2 === 1,
      residentCount: random.int(200, 3000),
      pilot,
      ...(pilot
        ? {
            venues: [
              {
                id: `venue-${pad(index + 1, 4)}-1`,
                kind: managed ? 'shared' : 'newBuilt',
                name: managed ? '物业用房党群服务点' : '小区党支部服务用房',
                areaSquareMeters: random.int(30, 90),
                openingHours: '周一至周五 9:00-17:30',
                openedOn: `2020-${pad(random.int(5, 9), 2)}-${pad(random.int(1, 28), 2)}`,
              },
            ],
          }
        : {}),
      _deleted: false,
    };
  });
}

function unitDocs(random: Random, compounds: Doc<'compounds'>[]): Doc<'units'>[] {
  const phone = () => `0951-${random.int(40, 49)}${random.digits(5)}`;
  const departments = DEPARTMENTS.map(
    (name, d): Doc<'units'> => ({
      id: departmentIdAt(d),
      streetId: STREET_ID,
      kind: 'department',
      name,
      contactPhone: phone(),
      address: `灵武市灵州大道${random.int(1, 200)}号`,
      pairedCompoundIds: compounds.filter((_, c) => c % DEPARTMENTS.length === d).map((compound) => compound.id),
      _deleted: false,
    }),
  );
  const properties = PROPERTY_COMPANIES.map(
    (name, p): Doc<'units'> => ({ id: propertyIdAt(p), streetId: STREET_ID, kind: 'propertyCompany', name, contactPhone: phone(), _deleted: false }),
  );
  const owners = compounds
    .filter((compound) => compound.ownersCommittee === true)
    .map(
      (compound): Doc<'units'> => ({
        id: `owners-${compound.id.slice('compound-'.length)}`,
        streetId: STREET_ID,
        communityId: compound.communityId,
        kind: 'ownersCommittee',
        name: `${compound.name}业主委员会`,
        _deleted: false,
      }),
    );
  return [...departments, ...properties, ...owners];
}

/** Buildings spread evenly over the compounds; managed compounds have the taller blocks. */
function buildingDocs(random: Random, count: number, compounds: Doc<'compounds'>[]): Doc<'buildings'>[] {
  const perCompound = new Map<string, number>();
  return Array.from({ length: count }, (_, b): Doc<'buildings'> => {
    const compound = compounds[Math.floor((b * compounds.length) / count)]!;
    const number = (perCompound.get(compound.id) ?? 0) + 1;
    perCompound.set(compound.id, number);
    const floors = compound.propertyManaged ? random.pick([6, 11, 18]) : random.int(4, 6);
    const units = random.int(1, 4);
    return {
      id: `building-${compound.id.slice('compound-'.length)}-${pad(number, 3)}`,
      streetId: STREET_ID,
      communityId: compound.communityId,
      compoundId: compound.id,
      name: `${number}号楼`,
      units,
      floors,
      households: units * floors * 2,
      _deleted: false,
    };
  });
}

// --- people and grids ------------------------------------------------------------------------

/** The grids spread over the communities; each community's buildings cut into runs, one per grid (as the demo cuts them). */
function gridPlans(count: number, communities: number, buildings: Doc<'buildings'>[]): GridPlan[] {
  const byCommunity = groupBy(buildings, (building) => building.communityId);
  return Array.from({ length: communities }, (_, community) => {
    const first = Math.floor((community * count) / communities);
    const inCommunity = Math.floor(((community + 1) * count) / communities) - first;
    return cutIntoGrids(community, inCommunity, byCommunity.get(communityIdAt(community)) ?? []);
  }).flat();
}

type Member = Doc<'members'>;
type Category = NonNullable<Member['category']>;
const CATEGORIES: readonly Category[] = ['retired', 'pairedDepartment', 'communityManaged', 'inServiceReported', 'inServiceReported'];

function memberDocs(random: Random, count: number, compounds: Doc<'compounds'>[], buildings: Doc<'buildings'>[], plans: GridPlan[]): Member[] {
  const gridOf = new Map(plans.flatMap((plan) => plan.buildings.map((building) => [building.id, plan.id] as const)));
  const compoundsById = new Map(compounds.map((compound) => [compound.id, compound]));
  // The first member of each grid is its grid worker, the second of each community a community worker.
  const firstInGrid = new Set<string>();
  const workersIn = new Map<string, number>();
  const taken = new Set<string>();
  return Array.from({ length: count }, (_, m): Member => {
    const home = buildings[Math.floor((m * buildings.length) / count)]!;
    const compound = compoundsById.get(home.compoundId)!;
    const gridId = gridOf.get(home.id);
    const gridWorker = gridId !== undefined && !firstInGrid.has(gridId);
    if (gridId !== undefined) firstInGrid.add(gridId);
    const workers = workersIn.get(compound.communityId) ?? 0;
    const communityWorker = !gridWorker && workers < 2;
    if (communityWorker) workersIn.set(compound.communityId, workers + 1);
    const staff = gridWorker || communityWorker;
    const partyMember = staff || random.chance(0.85);
    let category: Category | undefined = staff ? 'communityManaged' : partyMember ? random.pick(CATEGORIES) : undefined;
    if (category === 'pairedDepartment' && !compound.propertyManaged && random.chance(0.3)) category = 'communityManaged';
    const retired = category === 'retired';
    const who = person(random, m, retired ? 1946 : 1965, retired ? 1964 : 2001, taken);
    const teamRoles: NonNullable<Member['teamRoles']> = gridWorker ? ['gridWorker'] : communityWorker ? ['communityWorker'] : random.chance(0.3) ? ['volunteer'] : [];
    return {
      id: `member-${pad(m + 1, 6)}`,
      streetId: STREET_ID,
      communityId: compound.communityId,
      ...who,
      isPartyMember: partyMember,
      ...(category ? { category, ...workOf(random, category, compound) } : {}),
      compoundId: compound.id,
      buildingId: home.id,
      unitNo: String(random.int(1, home.units ?? 1)),
      room: `${random.int(1, home.floors ?? 6)}0${random.int(1, 2)}`,
      ...(gridId !== undefined ? { gridId } : {}),
      ...(teamRoles.length > 0 ? { teamRoles } : {}),
      ...(category === 'inServiceReported'
        ? { report: { date: `${random.pick(['2020', '2021', '2022'])}-${pad(random.int(1, 12), 2)}-${pad(random.int(1, 28), 2)}`, skills: random.sample(SKILLS, 2), services: random.sample(SERVICES, 2) } }
        : {}),
      _deleted: false,
    };
  });
}

function workOf(random: Random, category: Category, compound: Doc<'compounds'>): Pick<Member, 'workUnit' | 'unitId'> {
  switch (category) {
    case 'pairedDepartment': {
      const department = Number(compound.id.slice(-4)) % DEPARTMENTS.length;
      return { workUnit: `灵武${DEPARTMENTS[(department + DEPARTMENTS.length - 1) % DEPARTMENTS.length] ?? ''}`, unitId: departmentIdAt((department + DEPARTMENTS.length - 1) % DEPARTMENTS.length) };
    }
    case 'retired':
      return { workUnit: `原${random.pick(WORKPLACES)}（退休）` };
    case 'inServiceReported':
      return { workUnit: random.pick(WORKPLACES) };
    case 'communityManaged':
    case 'propertyCompany':
      return { workUnit: `${COMMUNITIES[Number(compound.communityId.slice(-2)) - 1]?.[0] ?? ''}居民委员会` };
  }
}

function gridDocs(plans: GridPlan[], members: Member[]): Doc<'grids'>[] {
  const byGrid = groupBy(members, (member) => member.gridId ?? '');
  const byCommunity = groupBy(members, (member) => member.communityId);
  return plans.map((plan) => gridDoc(plan, byGrid.get(plan.id) ?? [], byCommunity.get(communityIdAt(plan.community)) ?? []));
}

// --- organisation ----------------------------------------------------------------------------

type Org = Doc<'orgs'>;

function orgDocs(communities: Doc<'communities'>[], compounds: Doc<'compounds'>[], members: Member[]): Org[] {
  const founded = (id: string, date: string) => [{ id: `${id}-h1`, at: `${date}T02:00:00.000Z`, by: 'admin', kind: 'founded' as const, date }];
  const partyByCompound = new Map<string, Member[]>();
  for (const member of members) {
    if (!member.isPartyMember || member.compoundId === undefined) continue;
    const list = partyByCompound.get(member.compoundId) ?? [];
    if (list.length < 12) list.push(member);
    partyByCompound.set(member.compoundId, list);
  }
  const street: Org = {
    id: 'org-street',
    streetId: STREET_ID,
    level: 'streetCommittee',
    name: '中共灵武市朔方街道工作委员会',
    foundedOn: '2002-03-01',
    history: founded('org-street', '2002-03-01'),
    _deleted: false,
  };
  const communityOrgs = communities.map(
    (community, c): Org => ({
      id: `org-community-${pad(c + 1, 2)}`,
      streetId: STREET_ID,
      communityId: community.id,
      level: c % 3 === 0 ? 'communityGeneralBranch' : 'communityBranch',
      name: `中共${community.name}${c % 3 === 0 ? '总支部委员会' : '支部委员会'}`,
      parentId: 'org-street',
      foundedOn: '2005-07-01',
      history: founded(`org-community-${pad(c + 1, 2)}`, '2005-07-01'),
      _deleted: false,
    }),
  );
  const compoundOrgs = compounds.flatMap((compound): Org[] => {
    const number = compound.id.slice('compound-'.length);
    const party = partyByCompound.get(compound.id) ?? [];
    const secretary = party[0];
    const foundedOn = `2020-05-${pad((Number(number) % 28) + 1, 2)}`;
    const base = { streetId: STREET_ID, communityId: compound.communityId, compoundId: compound.id, foundedOn, _deleted: false };
    const branchId = `org-compound-${number}`;
    const group = (n: number, groupTypeId: string, label: string, picked: Member[]): Org => ({
      ...base,
      id: `org-group-${number}-${n}`,
      level: 'functionalGroup',
      name: `${compound.name}${label}党小组`,
      parentId: branchId,
      groupTypeId,
      ...(picked[0] ? { secretaryMemberId: picked[0].id, secretaryName: picked[0].name } : {}),
      memberIds: picked.map((m) => m.id),
      history: founded(`org-group-${number}-${n}`, foundedOn),
    });
    return [
      {
        ...base,
        id: branchId,
        level: 'compoundBranch',
        name: `中共${compound.name}支部委员会`,
        parentId: `org-community-${compound.communityId.slice(-2)}`,
        ...(secretary ? { secretaryMemberId: secretary.id, secretaryName: secretary.name } : {}),
        memberIds: party.map((m) => m.id),
        history: founded(branchId, foundedOn),
      },
      group(1, 'group-integrated', '综合管理', party.slice(1, 5)),
      group(2, 'group-medical', '医疗服务', party.slice(5, 9)),
    ];
  });
  return [street, ...communityOrgs, ...compoundOrgs];
}

// --- records ---------------------------------------------------------------------------------

type Need = Doc<'needs'>;
type Step = NonNullable<Need['steps']>[number];

const ACTIONS = ['record', 'list', 'claim', 'coordinate', 'resolve'] as const;

function needDocs(random: Random, count: number, compounds: Doc<'compounds'>[], buildings: Doc<'buildings'>[], members: Member[]): Need[] {
  const buildingsOf = groupBy(buildings, (building) => building.compoundId);
  const residentsOf = groupBy(members, (member) => member.compoundId ?? '');
  return Array.from({ length: count }, (_, n): Need => {
    const c = Math.floor((n * compounds.length) / count);
    const compound = compounds[c]!;
    const department = c % DEPARTMENTS.length;
    const residents = residentsOf.get(compound.id) ?? [];
    const resident = residents.length > 0 ? random.pick(residents) : undefined;
    const homes = buildingsOf.get(compound.id) ?? [];
    const building = resident?.buildingId ?? (homes.length > 0 ? random.pick(homes).id : undefined);
    const reach = random.int(0, STATE_PATH.length - 1);
    const id = `need-${pad(n + 1, 6)}`;
    const raisedOn = `2026-${pad(random.int(1, 10), 2)}-${pad(random.int(1, 20), 2)}`;
    const staff = `staff${compound.communityId.slice(-2)}`;
    const steps = STATE_PATH.slice(0, reach + 1).map(
      (toState, s): Step => ({
        id: `${id}-step-${s + 1}`,
        at: `${raisedOn}T0${s + 1}:00:00.000Z`,
        by: staff,
        byName: `${COMMUNITIES[Number(compound.communityId.slice(-2)) - 1]?.[0] ?? ''}工作人员`,
        action: ACTIONS[s] ?? 'record',
        toState,
        ...(s >= 2 ? { unitId: departmentIdAt(department), unitName: DEPARTMENTS[department] ?? '' } : {}),
      }),
    );
    const [categoryId, description] = random.pick(NEED_TEXTS);
    return {
      id,
      streetId: STREET_ID,
      communityId: compound.communityId,
      compoundId: compound.id,
      ...(building !== undefined ? { buildingId: building } : {}),
      ...(resident ? { raisedBy: resident.name, ...(resident.mobile !== undefined ? { raisedByPhone: resident.mobile } : {}) } : {}),
      raisedOn,
      categoryId,
      description,
      urgency: random.pick(['low', 'normal', 'normal', 'high'] as const),
      state: STATE_PATH[reach] ?? 'submitted',
      ...(reach >= 2 ? { claimedByUnitId: departmentIdAt(department) } : {}),
      steps,
      _deleted: false,
    };
  });
}

/** `count` activities spread evenly over the compounds, in the year's first ten months. */
function activityDocs(random: Random, count: number, compounds: Doc<'compounds'>[], members: Member[]): Doc<'activities'>[] {
  const residentsOf = groupBy(members, (member) => member.compoundId ?? '');
  return Array.from({ length: count }, (_, a): Doc<'activities'> => {
    const compound = compounds[Math.floor((a * compounds.length) / count)]!;
    return activityDoc(random, `activity-${pad(a + 1, 6)}`, a, compound, residentsOf.get(compound.id) ?? [], 10);
  });
}

function assessmentDocs(random: Random, street: Doc<'streets'>, units: Doc<'units'>[], communities: Doc<'communities'>[]): Doc<'assessments'>[] {
  const criteria = street.assessmentCriteria ?? [];
  const scores = () => criteria.map((criterion) => ({ criterionId: criterion.id, score: random.int(60, 100) }));
  const departments = units.filter((unit) => unit.kind === 'department');
  return departments
    .flatMap((department, d) => [
      { id: `assessment-2025-street-${department.id}`, direction: 'streetToDepartment' as const, assessorId: STREET_ID, assesseeId: department.id },
      { id: `assessment-2025-${department.id}-street`, direction: 'departmentToStreet' as const, assessorId: department.id, assesseeId: STREET_ID },
      ...communities
        .filter((_, c) => c % departments.length === d)
        .map((community) => ({
          id: `assessment-2025-${department.id}-${community.id}`,
          direction: 'departmentToCommunity' as const,
          assessorId: department.id,
          assesseeId: community.id,
        })),
    ])
    .map((head): Doc<'assessments'> => ({ ...head, streetId: STREET_ID, year: 2025, scores: scores(), _deleted: false }));
}
