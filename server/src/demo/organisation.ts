// The Party organisation at four levels (强组织): the street committee, one branch per community
// (4 already upgraded to general branches), 5 new compound branches in pilot compounds, and
// functional groups under them.
import type { WireDoc } from '@domain/collections';
import { COMMUNITIES, STATIONED_UNITS, STREET_NAME } from './names';
import { STREET_ID, communityId } from './places';
import { pad } from './random';

type Org = WireDoc<'orgs'>;
type Member = WireDoc<'members'>;
type HistoryEntry = NonNullable<Org['history']>[number];

export const STREET_ORG_ID = 'org-street';
/** Communities whose branch has been upgraded to a general branch (升格为党总支). */
export const UPGRADED_COMMUNITIES = [0, 3, 6, 9];
/** Communities whose pilot compound has a new compound branch. */
export const BRANCH_COMMUNITIES = [0, 1, 2, 4, 7];

const entry = (id: string, kind: HistoryEntry['kind'], date: string, extra: Partial<HistoryEntry> = {}): HistoryEntry => ({
  id,
  at: `${date}T02:00:00.000Z`,
  by: 'admin',
  kind,
  date,
  ...extra,
});

export function orgDocs(compounds: WireDoc<'compounds'>[], members: Member[]): Org[] {
  const street: Org = {
    id: STREET_ORG_ID,
    streetId: STREET_ID,
    level: 'streetCommittee',
    name: `中共灵武市${STREET_NAME}工作委员会`,
    foundedOn: '2002-03-01',
    history: [entry('org-street-h1', 'founded', '2002-03-01')],
    _deleted: false,
  };
  const communities = COMMUNITIES.map(([name], c) => communityOrg(name, c, members));
  const branches = BRANCH_COMMUNITIES.flatMap((c) => {
    const pilot = compounds.find((compound) => compound.communityId === communityId(c) && compound.pilot);
    return pilot ? compoundBranch(pilot, members) : [];
  });
  return [street, ...communities, ...branches];
}

function communityOrg(name: string, c: number, members: Member[]): Org {
  const id = `org-community-${pad(c + 1, 2)}`;
  const upgraded = UPGRADED_COMMUNITIES.includes(c);
  const secretary = members.find((m) => m.communityId === communityId(c) && m.teamRoles?.includes('communityWorker'));
  const founded = entry(`${id}-h1`, 'founded', '2005-07-01');
  const upgrade = entry(`${id}-h2`, 'upgraded', `2020-06-${pad(10 + c, 2)}`, {
    docNo: `灵朔党工发〔2020〕${c + 11}号`,
    note: '社区党支部升格为党总支',
  });
  return {
    id,
    streetId: STREET_ID,
    communityId: communityId(c),
    level: upgraded ? 'communityGeneralBranch' : 'communityBranch',
    name: `中共${name}${upgraded ? '总支部委员会' : '支部委员会'}`,
    parentId: STREET_ORG_ID,
    ...(secretary ? { secretaryMemberId: secretary.id, secretaryName: secretary.name } : {}),
    foundedOn: '2005-07-01',
    history: upgraded ? [founded, upgrade] : [founded],
    _deleted: false,
  };
}

/** "One compound, one branch, several groups" (一区一支多小组). */
function compoundBranch(compound: WireDoc<'compounds'>, members: Member[]): Org[] {
  const number = compound.id.slice(-3);
  const id = `org-compound-${number}`;
  // Reported in-service members keep their Party relationship with their work unit's branch.
  const residents = members.filter((m) => m.compoundId === compound.id && m.isPartyMember && m.category !== 'inServiceReported');
  // Small compounds fill their groups from the rest of the community (整合资源就便).
  const neighbours = members.filter((m) => m.communityId === compound.communityId && m.compoundId !== compound.id && m.isPartyMember);
  const team = [...residents, ...neighbours];
  const secretary = residents[0];
  const foundedOn = `2020-05-${pad(Number(number) % 28 + 1, 2)}`;
  const base = { streetId: STREET_ID, communityId: compound.communityId, compoundId: compound.id, foundedOn, _deleted: false };
  const branch: Org = {
    ...base,
    id,
    level: 'compoundBranch',
    name: `中共${compound.name}支部委员会`,
    parentId: `org-community-${compound.communityId.slice(-2)}`,
    ...(secretary ? { secretaryMemberId: secretary.id, secretaryName: secretary.name } : {}),
    memberIds: residents.map((m) => m.id),
    history: [entry(`${id}-h1`, 'founded', foundedOn, { note: '试点小区新建党支部' })],
  };
  const group = (n: number, groupTypeId: string, label: string, picked: Member[]): Org => ({
    ...base,
    id: `org-group-${number}-${n}`,
    level: 'functionalGroup',
    name: `${compound.name}${label}党小组`,
    parentId: id,
    groupTypeId,
    ...(picked[0] ? { secretaryMemberId: picked[0].id, secretaryName: picked[0].name } : {}),
    memberIds: picked.map((m) => m.id),
    history: [entry(`org-group-${number}-${n}-h1`, 'founded', foundedOn)],
  });
  const orgs = [
    branch,
    group(1, 'group-integrated', '综合管理', team.slice(1, 4)),
    group(2, Number(number) % 2 === 0 ? 'group-medical' : 'group-mediation', Number(number) % 2 === 0 ? '医疗服务' : '矛盾调解', team.slice(4, 7)),
  ];
  // The head of a stationed unit serves as secretary of a functional branch (兼任功能型党支部书记).
  if (compound.id === 'compound-001') {
    orgs.push({
      ...base,
      id: `org-functional-${number}`,
      level: 'functionalBranch',
      name: `${compound.name}共建功能型党支部`,
      // Beside the compound branch, under the community's (general) branch, as the tree rules place it.
      parentId: branch.parentId,
      secretaryName: '周振华',
      secretaryUnitId: 'stationed-01',
      history: [entry(`org-functional-${number}-h1`, 'founded', foundedOn, { note: `${STATIONED_UNITS[0] ?? ''}负责人兼任书记` })],
    });
  }
  return orgs;
}
