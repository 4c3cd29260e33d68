import type { FromSchema } from 'json-schema-to-ts';
import { activitiesSchema } from './schema/activities';
import { assessmentsSchema } from './schema/assessments';
import { buildingsSchema } from './schema/buildings';
import { communitiesSchema } from './schema/communities';
import { compoundsSchema } from './schema/compounds';
import { gridsSchema } from './schema/grids';
import { ledgerSchema } from './schema/ledger';
import { membersSchema } from './schema/members';
import { needsSchema } from './schema/needs';
import { orgsSchema } from './schema/orgs';
import { streetsSchema } from './schema/streets';
import { unitsSchema } from './schema/units';

/**
 * The twelve synced collections. References only point to collections listed earlier, so pushing
 * in this order never sends a document before the one it refers to.
 */
export const schemas = {
  streets: streetsSchema,
  communities: communitiesSchema,
  units: unitsSchema,
  compounds: compoundsSchema,
  buildings: buildingsSchema,
  grids: gridsSchema,
  orgs: orgsSchema,
  members: membersSchema,
  needs: needsSchema,
  activities: activitiesSchema,
  ledger: ledgerSchema,
  assessments: assessmentsSchema,
} as const;

export type CollectionName = keyof typeof schemas;
export const collectionNames = Object.keys(schemas) as CollectionName[];

export function isCollectionName(name: string): name is CollectionName {
  return Object.hasOwn(schemas, name);
}

export type Street = FromSchema<typeof streetsSchema>;
export type Community = FromSchema<typeof communitiesSchema>;
export type Unit = FromSchema<typeof unitsSchema>;
export type Compound = FromSchema<typeof compoundsSchema>;
export type Venue = NonNullable<Compound['venues']>[number];
export type Building = FromSchema<typeof buildingsSchema>;
export type Grid = FromSchema<typeof gridsSchema>;
export type Org = FromSchema<typeof orgsSchema>;
export type Member = FromSchema<typeof membersSchema>;
export type Need = FromSchema<typeof needsSchema>;
export type Activity = FromSchema<typeof activitiesSchema>;
export type LedgerEntry = FromSchema<typeof ledgerSchema>;
export type Assessment = FromSchema<typeof assessmentsSchema>;

export interface DocTypes {
  streets: Street;
  communities: Community;
  units: Unit;
  compounds: Compound;
  buildings: Building;
  grids: Grid;
  orgs: Org;
  members: Member;
  needs: Need;
  activities: Activity;
  ledger: LedgerEntry;
  assessments: Assessment;
}

/** A document as it travels between device and server: tombstones are full documents. */
export type WireDoc<C extends CollectionName = CollectionName> = DocTypes[C] & { _deleted: boolean };

/** Any document's shape as the sync layer sees it, before its collection is known. */
export interface AnyDoc {
  id: string;
  streetId: string;
  communityId?: string;
  compoundId?: string;
  _deleted: boolean;
  [field: string]: unknown;
}

/**
 * Who may read and write a collection: `street` documents are read by everyone in the street and
 * written by street admins; `community` documents by their community's staff; `orgs` are
 * community documents except the street committee, which has no `communityId`.
 */
export type CollectionScope = 'street' | 'community' | 'communityOrStreet';

export interface CollectionInfo {
  scope: CollectionScope;
  /** Array fields that are append-only logs: merged as the union of their entries by `id`. */
  logFields: readonly string[];
  /** Personal information: masked in lists and exports, encrypted at rest (issue 6). */
  personalFields: readonly string[];
  /** References the server checks on every write. */
  references: readonly Reference[];
}

/**
 * `field` holds the id (or a list of ids) of documents of `collection`; each must exist, not be
 * deleted, and sit in the same community. `sameAs` names further fields that must agree, e.g. a member's building
 * must belong to the member's compound.
 */
export interface Reference {
  field: string;
  collection: CollectionName;
  sameAs?: Readonly<Record<string, string>>;
}

const compoundRef: Reference = { field: 'compoundId', collection: 'compounds' };

export const collectionInfo: Record<CollectionName, CollectionInfo> = {
  streets: { scope: 'street', logFields: [], personalFields: [], references: [] },
  communities: { scope: 'street', logFields: [], personalFields: ['phone'], references: [] },
  units: { scope: 'street', logFields: [], personalFields: ['contactPhone'], references: [] },
  compounds: { scope: 'community', logFields: [], personalFields: [], references: [] },
  buildings: {
    scope: 'community',
    logFields: ['leaderClaims'],
    personalFields: [],
    // The leader is not checked as a reference: a member and the building they claim are often
    // created together offline, and members refer to buildings, so the order could not be kept.
    references: [compoundRef],
  },
  grids: {
    scope: 'community',
    logFields: [],
    personalFields: [],
    // The people are not checked, as with a building's leader: members refer to grids, so a grid
    // and its people created together offline could not be pushed in an order that keeps both.
    references: [
      { field: 'compoundIds', collection: 'compounds' },
      { field: 'buildingIds', collection: 'buildings' },
    ],
  },
  orgs: { scope: 'communityOrStreet', logFields: ['history'], personalFields: [], references: [] },
  members: {
    scope: 'community',
    logFields: [],
    personalFields: ['idNumber', 'mobile', 'birthDate', 'room', 'note'],
    references: [
      compoundRef,
      { field: 'buildingId', collection: 'buildings', sameAs: { compoundId: 'compoundId' } },
      { field: 'gridId', collection: 'grids' },
    ],
  },
  needs: {
    scope: 'community',
    logFields: ['steps'],
    personalFields: ['raisedBy', 'raisedByPhone'],
    references: [compoundRef, { field: 'buildingId', collection: 'buildings', sameAs: { compoundId: 'compoundId' } }],
  },
  activities: {
    scope: 'community',
    logFields: [],
    personalFields: [],
    // Members come before activities in the push order, so people met offline are on the server first.
    references: [compoundRef, { field: 'participantIds', collection: 'members' }],
  },
  ledger: { scope: 'community', logFields: [], personalFields: [], references: [] },
  assessments: { scope: 'street', logFields: [], personalFields: [], references: [] },
};

/** The schema the server validates a pushed document against: the collection's, plus `_deleted`. */
export function wireSchemaOf(name: CollectionName) {
  const schema = schemas[name];
  return {
    ...schema,
    properties: { ...schema.properties, _deleted: { type: 'boolean' } },
    required: [...schema.required, '_deleted'],
  };
}
