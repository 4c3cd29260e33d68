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
// People are drawn with the demo generator's `person` (valid GB 11643 ID numbers and mobiles) and
// the street with its `streetDoc`/`communityDocs`, so the documents look like the demo's.
import { collectionNames, type AnyDoc, type CollectionName, type WireDoc } from '@domain/collections';
import { matchesFilter, readFilter } from '@domain/scope';
import { COMMUNITIES, DEPARTMENTS, MANAGED_COMPOUNDS, PROPERTY_COMPANIES, SERVICES, SKILLS, UNMANAGED_COMPOUNDS, WORKPLACES } from '../../../server/src/demo/names';
import { person } from '../../../server/src/demo/persons';
import { withLeaders } from '../../../server/src/demo/people';
import { FUND_RATE_FEN, STREET_ID, communityDocs, streetDoc } from '../../../server/src/demo/places';
import { pad, seededRandom, type Random } from '../../../server/src/demo/random';
import { NEED_TEXTS, STATE_PATH } from '../../../server/src/demo/records';
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

interface GridPlan {
  id: string;
  community: number;
  buildings: Doc<'buildings'>[];
}

/** The grids spread over the communities; each community's buildings cut into runs, one per grid. */
function gridPlans(count: number, communities: number, buildings: Doc<'buildings'>[]): GridPlan[] {
  const plans: GridPlan[] = [];
  for (let community = 0; community < communities; community++) {
    const first = Math.floor((community * count) / communities);
    const inCommunity = Math.floor(((community + 1) * count) / communities) - first;
    const own = buildings.filter((building) => building.communityId === communityIdAt(community));
    for (let g = 0; g < inCommunity; g++) {
      plans.push({
        id: `grid-${pad(community + 1, 2)}-${pad(g + 1, 2)}`,
        community,
        buildings: own.slice(Math.floor((g * own.length) / inCommunity), Math.floor(((g + 1) * own.length) / inCommunity)),
      });
    }
  }
  return plans;
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
  const byGrid = new Map<string, Member[]>();
  const workersByCommunity = new Map<string, Member[]>();
  for (const member of members) {
    if (member.gridId !== undefined) byGrid.set(member.gridId, [...(byGrid.get(member.gridId) ?? []), member].slice(0, 40));
    if (member.teamRoles?.includes('communityWorker')) workersByCommunity.set(member.communityId, [...(workersByCommunity.get(member.communityId) ?? []), member]);
  }
  return plans.map((plan, g): Doc<'grids'> => {
    const community = communityIdAt(plan.community);
    const inGrid = byGrid.get(plan.id) ?? [];
    const workers = workersByCommunity.get(community) ?? [];
    const worker = workers[g % Math.max(1, workers.length)];
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
  });
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

function activityDocs(random: Random, count: number, compounds: Doc<'compounds'>[], members: Member[]): Doc<'activities'>[] {
  const kinds = [
    ['deliberation', '小区议事会：停车管理'],
    ['study', '党员集中学习'],
    ['service', '党员志愿服务进小区'],
    ['meeting', '共建单位联席会'],
  ] as const;
  const residentsOf = groupBy(members, (member) => member.compoundId ?? '');
  return Array.from({ length: count }, (_, a): Doc<'activities'> => {
    const compound = compounds[Math.floor((a * compounds.length) / count)]!;
    const [kind, title] = kinds[a % kinds.length]!;
    const venue = compound.venues?.[0];
    return {
      id: `activity-${pad(a + 1, 6)}`,
      streetId: STREET_ID,
      communityId: compound.communityId,
      compoundId: compound.id,
      ...(venue ? { venueId: venue.id } : {}),
      date: `2026-${pad(random.int(1, 10), 2)}-${pad(random.int(1, 28), 2)}`,
      kind,
      title,
      participantIds: random.sample(residentsOf.get(compound.id) ?? [], 5).map((m) => m.id),
      hours: random.pick([1, 1.5, 2, 3]),
      _deleted: false,
    };
  });
}

const SPENDING: readonly [date: string, percent: number, purpose: string][] = [
  ['2026-01-20', 9, '购买党员活动室桌椅'],
  ['2026-03-12', 6, '党员学习资料印制'],
  ['2026-05-08', 8, '小区议事会场地布置及茶水'],
  ['2026-07-01', 12, '“七一”主题党日活动'],
  ['2026-08-15', 7, '党员志愿服务队物资（马甲、袖标）'],
];

/** Each compound branch: a few disbursements of its funds and its secretary's monthly allowances. */
function ledgerDocs(compounds: Doc<'compounds'>[], orgs: Org[]): Doc<'ledger'>[] {
  const compoundsById = new Map(compounds.map((compound) => [compound.id, compound]));
  return orgs
    .filter((org) => org.level === 'compoundBranch')
    .flatMap((branch, b): Doc<'ledger'>[] => {
      const budgetFen = (compoundsById.get(branch.compoundId ?? '')?.residentCount ?? 0) * FUND_RATE_FEN;
      const base = { streetId: STREET_ID, communityId: branch.communityId ?? '', orgId: branch.id, compoundId: branch.compoundId, _deleted: false };
      const spending = SPENDING.map(
        ([date, percent, purpose], i): Doc<'ledger'> => ({
          ...base,
          id: `ledger-${pad(b + 1, 4)}-funds-2026-${pad(i + 1, 2)}`,
          kind: 'disbursement',
          date,
          amountFen: Math.round((budgetFen * percent) / 10_000) * 100,
          purpose,
        }),
      );
      const allowances = branch.secretaryMemberId
        ? Array.from(
            { length: 10 },
            (_, m): Doc<'ledger'> => ({
              ...base,
              id: `ledger-${pad(b + 1, 4)}-allowance-2026-${pad(m + 1, 2)}`,
              kind: 'allowance',
              memberId: branch.secretaryMemberId,
              month: `2026-${pad(m + 1, 2)}`,
              amountFen: 30000,
              purpose: '小区党支部书记任职补贴',
              paid: m < 9,
            }),
          )
        : [];
      return [...spending, ...allowances];
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

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
