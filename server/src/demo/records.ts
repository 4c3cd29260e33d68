// What the people do: needs on the problem list, service activities, the branches' funds and
// allowances, and the year's two-way assessments. A few of each, so every page has something.
import type { WireDoc } from '@domain/collections';
import { COMMUNITIES, DEPARTMENTS } from './names';
import { FUND_RATE_FEN, STREET_ID, communityId, compoundSlots, departmentId, pairedDepartment } from './places';
import { pad, type Random } from './random';

type Need = WireDoc<'needs'>;
type Step = NonNullable<Need['steps']>[number];

export const NEED_TEXTS: readonly [categoryId: string, description: string][] = [
  ['category-sanitation', '小区垃圾清运不及时，楼道堆放杂物'],
  ['category-repair', '单元门禁损坏，夜间照明不足'],
  ['category-property', '无物业管理，车辆乱停乱放'],
  ['category-dispute', '楼上漏水影响楼下住户，双方协商未果'],
  ['category-elderly', '独居老人需要定期上门探望'],
  ['category-repair', '雨水管道堵塞，雨天院内积水'],
  ['category-other', '希望增设健身器材和休息座椅'],
];

/** Each need has gone as far as its state: listed, claimed by the paired department, or resolved. */
export const STATE_PATH = ['submitted', 'listed', 'claimed', 'coordinating', 'resolved'] as const;

export function needDocs(random: Random, compounds: WireDoc<'compounds'>[], members: WireDoc<'members'>[]): Need[] {
  return compoundSlots.flatMap((slot) => {
    const compound = compounds[slot.index];
    if (!compound || (!compound.pilot && slot.index % 3 !== 0)) return [];
    const department = departmentId(pairedDepartment(slot));
    const departmentName = DEPARTMENTS[pairedDepartment(slot)] ?? '';
    const residents = members.filter((m) => m.compoundId === compound.id);
    const resident = residents.length > 0 ? random.pick(residents) : undefined;
    const reach = random.int(1, STATE_PATH.length - 1);
    const id = `need-${pad(slot.index + 1, 3)}-1`;
    const raisedOn = `2026-0${random.int(1, 3)}-${pad(random.int(1, 20), 2)}`;
    const steps: Step[] = STATE_PATH.slice(0, reach + 1).map((toState, s) => ({
      id: `${id}-step-${s + 1}`,
      at: `${raisedOn}T0${s + 1}:00:00.000Z`,
      // Departments claim and report progress through their liaison; only dept-01 has one in the demo.
      ...(s >= 2 && department === 'dept-01'
        ? { by: 'liaison01', byName: `${departmentName}联络员` }
        : { by: `staff${compound.communityId.slice(-2)}`, byName: `${COMMUNITIES[slot.community]?.[0] ?? ''}工作人员` }),
      action: toState === 'submitted' ? 'record' : toState === 'listed' ? 'list' : toState === 'claimed' ? 'claim' : toState === 'coordinating' ? 'coordinate' : 'resolve',
      toState,
      ...(s >= 2 ? { unitId: department, unitName: departmentName } : {}),
    }));
    const [categoryId, description] = random.pick(NEED_TEXTS);
    return [
      {
        id,
        streetId: STREET_ID,
        communityId: compound.communityId,
        compoundId: compound.id,
        ...(resident ? { buildingId: resident.buildingId, raisedBy: resident.name, raisedByPhone: resident.mobile } : {}),
        raisedOn,
        categoryId,
        description,
        urgency: random.pick(['low', 'normal', 'normal', 'high'] as const),
        state: STATE_PATH[reach] ?? 'listed',
        ...(reach >= 2 ? { claimedByUnitId: department } : {}),
        steps,
        _deleted: false,
      },
    ];
  });
}

/** The kinds of service activity, with the title each is recorded under, in turn. */
export const ACTIVITY_KINDS = [
  ['deliberation', '小区议事会：停车管理'],
  ['study', '党员集中学习'],
  ['service', '党员志愿服务进小区'],
  ['meeting', '共建单位联席会'],
] as const;

/**
 * The `index`-th service activity, held in `compound` (at its first venue) on a day of 2026's first
 * `months` months, five of `residents` taking part.
 */
export function activityDoc(random: Random, id: string, index: number, compound: WireDoc<'compounds'>, residents: readonly WireDoc<'members'>[], months: number): WireDoc<'activities'> {
  const [kind, title] = ACTIVITY_KINDS[index % ACTIVITY_KINDS.length] ?? ACTIVITY_KINDS[0];
  return {
    id,
    streetId: STREET_ID,
    communityId: compound.communityId,
    compoundId: compound.id,
    ...(compound.venues?.[0] ? { venueId: compound.venues[0].id } : {}),
    date: `2026-${pad(random.int(1, months), 2)}-${pad(random.int(1, 28), 2)}`,
    kind,
    title,
    participantIds: random.sample(residents, 5).map((m) => m.id),
    hours: random.pick([1, 1.5, 2, 3]),
    _deleted: false,
  };
}

/** One activity in each pilot compound, in the year's first four months. */
export function activityDocs(random: Random, compounds: WireDoc<'compounds'>[], members: WireDoc<'members'>[]): WireDoc<'activities'>[] {
  return compounds
    .filter((compound) => compound.pilot)
    .map((compound, i) =>
      activityDoc(
        random,
        `activity-${pad(i + 1, 3)}`,
        i,
        compound,
        members.filter((m) => m.compoundId === compound.id),
        4,
      ),
    );
}

/** What branches spent their funds on in 2026: date, share of the year's budget in percent, purpose. */
export const SPENDING: readonly [date: string, percent: number, purpose: string][] = [
  ['2026-01-20', 9, '购买党员活动室桌椅'],
  ['2026-03-12', 6, '党员学习资料印制'],
  ['2026-05-08', 8, '小区议事会场地布置及茶水'],
  ['2026-07-01', 12, '“七一”主题党日活动'],
  ['2026-08-15', 7, '党员志愿服务队物资（马甲、袖标）'],
  ['2026-09-20', 10, '楼道照明维修材料'],
  ['2026-10-10', 11, '重阳节慰问独居老人'],
];
/** The secretaries' monthly allowance, January to October; October's is not paid yet. */
const ALLOWANCE_MONTHS = 10;
const ALLOWANCE_FEN = 30000;

/**
 * 2026 so far: each compound branch has spent part of its working funds (rate × residents) in a
 * few disbursements, and its secretary has a monthly allowance.
 */
export function ledgerDocs(compounds: WireDoc<'compounds'>[], orgs: WireDoc<'orgs'>[]): WireDoc<'ledger'>[] {
  const branches = orgs.filter((org) => org.level === 'compoundBranch');
  return branches.flatMap((branch, b) => {
    const compound = compounds.find((c) => c.id === branch.compoundId);
    const budgetFen = (compound?.residentCount ?? 0) * FUND_RATE_FEN;
    const base = { streetId: STREET_ID, communityId: branch.communityId ?? '', orgId: branch.id, compoundId: branch.compoundId, _deleted: false };
    // Each branch skips a different few of the year's items, so their balances differ.
    const spending = SPENDING.filter((_, i) => (i + b) % 3 !== 0).map(
      ([date, percent, purpose], i): WireDoc<'ledger'> => ({
        ...base,
        id: `ledger-${pad(b + 1, 2)}-funds-2026-${pad(i + 1, 2)}`,
        kind: 'disbursement',
        date,
        // Whole yuan, as receipts are.
        amountFen: Math.round((budgetFen * percent) / 10_000) * 100,
        purpose,
      }),
    );
    const allowances = branch.secretaryMemberId
      ? Array.from(
          { length: ALLOWANCE_MONTHS },
          (_, m): WireDoc<'ledger'> => ({
            ...base,
            id: `ledger-${pad(b + 1, 2)}-allowance-2026-${pad(m + 1, 2)}`,
            kind: 'allowance',
            memberId: branch.secretaryMemberId,
            month: `2026-${pad(m + 1, 2)}`,
            amountFen: ALLOWANCE_FEN,
            purpose: '小区党支部书记任职补贴',
            paid: m + 1 < ALLOWANCE_MONTHS,
          }),
        )
      : [];
    return [...spending, ...allowances];
  });
}

/**
 * 2025's two-way assessment: the street rates each department, each department rates the street,
 * and each department rates the communities whose compounds it is paired with.
 */
export function assessmentDocs(random: Random, street: WireDoc<'streets'>): WireDoc<'assessments'>[] {
  const criteria = street.assessmentCriteria ?? [];
  const scores = () => criteria.map((criterion) => ({ criterionId: criterion.id, score: random.int(60, 100) }));
  const pairedCommunities = (d: number) => [...new Set(compoundSlots.filter((slot) => pairedDepartment(slot) === d).map((slot) => slot.community))].sort((a, b) => a - b);
  return DEPARTMENTS.flatMap((_, d) => [
    { id: `assessment-2025-street-dept-${pad(d + 1, 2)}`, direction: 'streetToDepartment' as const, assessorId: STREET_ID, assesseeId: departmentId(d) },
    { id: `assessment-2025-dept-${pad(d + 1, 2)}-street`, direction: 'departmentToStreet' as const, assessorId: departmentId(d), assesseeId: STREET_ID },
    ...pairedCommunities(d).map((c) => ({
      id: `assessment-2025-dept-${pad(d + 1, 2)}-community-${pad(c + 1, 2)}`,
      direction: 'departmentToCommunity' as const,
      assessorId: departmentId(d),
      assesseeId: communityId(c),
    })),
  ]).map((head) => ({ ...head, streetId: STREET_ID, year: 2025, scores: scores(), _deleted: false }));
}
