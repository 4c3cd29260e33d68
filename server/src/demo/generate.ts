// The demo data set: one street of Lingwu City (灵武市) that reproduces the headline figures of
// domain.md — 14 communities, 14 pilot compounds, 4 upgraded general branches, 5 new compound
// branches, 129 grids, 3,654 reported in-service Party members, more than half the compounds
// without property management. Pure and deterministic: the same seed gives the same documents on
// every run.
import type { CollectionName, WireDoc } from '@domain/collections';
import type { CreateUserRequest } from '@domain/contract';
import { COMMUNITIES, DEPARTMENTS } from './names';
import { orgDocs } from './organisation';
import { peopleAndGrids, withLeaders } from './people';
import { STREET_ID, communityDocs, communityId, compoundsAndBuildings, departmentId, streetDoc } from './places';
import { seededRandom, pad } from './random';
import { activityDocs, assessmentDocs, ledgerDocs, needDocs } from './records';
import { unitDocs } from './units';

export type DemoAccount = CreateUserRequest;

export interface DemoData {
  accounts: DemoAccount[];
  documents: { [C in CollectionName]: WireDoc<C>[] };
}

/** The one password of every demo account (README "Demo accounts"). */
export const DEMO_PASSWORD = 'demo1234';
export const DEMO_STREET_ID = STREET_ID;
const SEED = 20200401;

export function generateDemo(): DemoData {
  const random = seededRandom(SEED);
  const street = streetDoc();
  const communities = communityDocs(random);
  const { compounds, buildings } = compoundsAndBuildings(random);
  const units = unitDocs(random, compounds);
  const { members, grids } = peopleAndGrids(random, compounds, buildings);
  const orgs = orgDocs(compounds, members);
  return {
    accounts: demoAccounts(),
    documents: {
      streets: [street],
      communities,
      units,
      compounds,
      buildings: withLeaders(random, buildings, members),
      grids,
      orgs,
      members,
      needs: needDocs(random, compounds, members),
      activities: activityDocs(random, compounds, members),
      ledger: ledgerDocs(compounds, orgs),
      assessments: assessmentDocs(random, street),
    },
  };
}

function demoAccounts(): DemoAccount[] {
  const staff = COMMUNITIES.map(([name], c): DemoAccount => ({
    username: `staff${pad(c + 1, 2)}`,
    password: DEMO_PASSWORD,
    displayName: `${name}工作人员`,
    role: 'community_staff',
    communityIds: [communityId(c)],
  }));
  return [
    { username: 'admin', password: DEMO_PASSWORD, displayName: '街道管理员', role: 'street_admin', communityIds: [] },
    ...staff,
    {
      username: 'liaison01',
      password: DEMO_PASSWORD,
      displayName: `${DEPARTMENTS[0] ?? ''}联络员`,
      role: 'department_liaison',
      communityIds: [],
      unitId: departmentId(0),
    },
  ];
}
