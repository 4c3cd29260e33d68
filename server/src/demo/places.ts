// The street, its communities, compounds and buildings.
import type { Venue, WireDoc } from '@domain/collections';
import { COMMUNITIES, DEPARTMENTS, MANAGED_COMPOUNDS, PROPERTY_COMPANIES, STREET_NAME, UNMANAGED_COMPOUNDS } from './names';
import { pad, type Random } from './random';

export const STREET_ID = 'street-01';
export const FUND_RATE_FEN = 800;

export const communityId = (index: number) => `community-${pad(index + 1, 2)}`;
export const compoundId = (index: number) => `compound-${pad(index + 1, 3)}`;
export const propertyUnitId = (index: number) => `property-${pad(index + 1, 2)}`;

/** Compounds per community, 45 in all; the first of each is its pilot. */
const COMPOUND_COUNTS = [3, 4, 3, 3, 3, 4, 3, 3, 3, 3, 4, 3, 3, 3];

export function streetDoc(): WireDoc<'streets'> {
  return {
    id: STREET_ID,
    streetId: STREET_ID,
    name: STREET_NAME,
    fundRates: [{ year: 2026, fenPerResident: FUND_RATE_FEN }],
    starThresholds: [60, 70, 80, 90],
    assessmentCriteria: [
      { id: 'criterion-organisation', name: '组织建设', weight: 25 },
      { id: 'criterion-service', name: '服务群众', weight: 25 },
      { id: 'criterion-needs', name: '问题清单办理', weight: 20 },
      { id: 'criterion-venue', name: '阵地建设', weight: 15 },
      { id: 'criterion-team', name: '队伍建设', weight: 15 },
    ],
    needCategories: [
      { id: 'category-sanitation', name: '环境卫生', deadlineDays: 7 },
      { id: 'category-repair', name: '设施维修', deadlineDays: 15 },
      { id: 'category-property', name: '物业管理', deadlineDays: 10 },
      { id: 'category-dispute', name: '邻里纠纷', deadlineDays: 5 },
      { id: 'category-elderly', name: '养老助残', deadlineDays: 10 },
      { id: 'category-other', name: '其他', deadlineDays: 15 },
    ],
    groupTypes: [
      { id: 'group-integrated', name: '综合管理' },
      { id: 'group-medical', name: '医疗服务' },
      { id: 'group-civility', name: '文明创建' },
      { id: 'group-mediation', name: '矛盾调解' },
      { id: 'group-volunteer', name: '志愿服务' },
    ],
    _deleted: false,
  };
}

export function communityDocs(random: Random): WireDoc<'communities'>[] {
  return COMMUNITIES.map(([name, road], i) => ({
    id: communityId(i),
    streetId: STREET_ID,
    name,
    address: `宁夏回族自治区灵武市${STREET_NAME}${road}${random.int(1, 199)}号`,
    phone: `0951-${random.int(40, 49)}${random.digits(5)}`,
    _deleted: false,
  }));
}

/** Where each compound sits: its number in the street and in its community (position 0 is the pilot). */
export interface CompoundSlot {
  index: number;
  community: number;
  position: number;
}

export const compoundSlots: readonly CompoundSlot[] = COMPOUND_COUNTS.flatMap((count, community) =>
  Array.from({ length: count }, (_, position) => ({ community, position })),
).map((slot, index) => ({ ...slot, index }));

/** The department paired with a compound (包抓): a community's pilot goes to "its" department. */
export const pairedDepartment = ({ community, position }: CompoundSlot) => (community + position * 5) % COMMUNITIES.length;
export const departmentId = (index: number) => `dept-${pad(index + 1, 2)}`;

/** Patterns 1 and 3 of every five are managed: 18 of 45, so more than half have no property company. */
const isManaged = (index: number) => index % 5 === 1 || index % 5 === 3;

export interface Places {
  compounds: WireDoc<'compounds'>[];
  buildings: WireDoc<'buildings'>[];
}

export function compoundsAndBuildings(random: Random): Places {
  const places: Places = { compounds: [], buildings: [] };
  const names = { managed: 0, unmanaged: 0 };
  for (const slot of compoundSlots) {
    const managed = isManaged(slot.index);
    const id = compoundId(slot.index);
    const buildings = buildingsOf(random, id, communityId(slot.community), slot.index, managed);
    const households = buildings.reduce((sum, building) => sum + (building.households ?? 0), 0);
    const company = random.int(0, PROPERTY_COMPANIES.length - 1);
    const road = COMMUNITIES[slot.community]?.[1] ?? '';
    const name = managed ? MANAGED_COMPOUNDS[names.managed++] : UNMANAGED_COMPOUNDS[names.unmanaged++];
    const pilot = slot.position === 0;
    places.compounds.push({
      id,
      streetId: STREET_ID,
      communityId: communityId(slot.community),
      name: name ?? `小区${slot.index + 1}`,
      address: `灵武市${road}${random.int(1, 300)}号`,
      propertyManaged: managed,
      ...(managed ? { propertyCompany: PROPERTY_COMPANIES[company], propertyUnitId: propertyUnitId(company) } : {}),
      ownersCommittee: managed && slot.index % 2 === 1,
      residentCount: Math.max(200, Math.min(3000, Math.round(households * 2.6))),
      pilot,
      ...(pilot ? { venues: [venueOf(random, slot, managed ? company : undefined)] } : {}),
      _deleted: false,
    });
    places.buildings.push(...buildings);
  }
  return places;
}

/** Older compounds with no property company have low blocks and few of them. */
function buildingsOf(random: Random, compound: string, community: string, index: number, managed: boolean) {
  const count = managed ? random.int(6, 15) : random.int(4, 9);
  return Array.from({ length: count }, (_, b): WireDoc<'buildings'> => {
    const floors = managed ? random.pick([6, 11, 18]) : random.int(4, 6);
    const units = random.int(managed ? 2 : 1, managed ? 4 : 3);
    return {
      id: `building-${pad(index + 1, 3)}-${pad(b + 1, 2)}`,
      streetId: STREET_ID,
      communityId: community,
      compoundId: compound,
      name: `${b + 1}号楼`,
      units,
      floors,
      households: units * floors * 2,
      _deleted: false,
    };
  });
}

/**
 * A pilot compound's venue (阵地): managed compounds share or rent the property company's rooms,
 * the others revive an old gatehouse or get a newly built service room from their department.
 */
function venueOf(random: Random, slot: CompoundSlot, company: number | undefined): Venue {
  const id = `venue-${pad(slot.index + 1, 3)}-1`;
  const openedOn = `2020-${pad(random.int(5, 9), 2)}-${pad(random.int(1, 28), 2)}`;
  const hours = '周一至周五 9:00-17:30';
  if (company !== undefined) {
    const contributor = { contributor: PROPERTY_COMPANIES[company], contributorUnitId: propertyUnitId(company) };
    return random.chance(0.5)
      ? { id, kind: 'shared', name: '物业用房党群服务点', areaSquareMeters: random.int(30, 80), openingHours: hours, openedOn, ...contributor }
      : { id, kind: 'rented', name: '空置房党群活动室', areaSquareMeters: random.int(60, 120), openingHours: hours, openedOn, ...contributor };
  }
  const department = pairedDepartment(slot);
  const contributor = { contributor: DEPARTMENTS[department], contributorUnitId: departmentId(department) };
  return random.chance(0.5)
    ? { id, kind: 'revived', name: '老门房改建议事室', areaSquareMeters: random.int(15, 40), openingHours: hours, openedOn, ...contributor }
    : { id, kind: 'newBuilt', name: '小区党支部服务用房', areaSquareMeters: random.int(40, 90), openingHours: hours, openedOn, ...contributor };
}
