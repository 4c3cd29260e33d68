import { dateField, baseProperties, idField, logEntryProperties, text } from './fields';

export const orgLevels = [
  'streetCommittee',
  'communityGeneralBranch',
  'communityBranch',
  'compoundBranch',
  'functionalGroup',
  'functionalBranch',
] as const;

/**
 * A Party organisation at any level. Community-scoped except the street committee, which has no
 * `communityId` and is written by street admins only.
 */
export const orgsSchema = {
  title: 'orgs',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...baseProperties,
    communityId: idField,
    level: { type: 'string', enum: orgLevels },
    name: text(100),
    parentId: idField,
    compoundId: idField,
    groupTypeId: idField,
    secretaryMemberId: idField,
    secretaryName: text(50),
    secretaryUnitId: idField,
    foundedOn: dateField,
    dissolvedOn: dateField,
    memberIds: { type: 'array', items: idField, uniqueItems: true },
    /** Append-only: founding, upgrades (升格) and other milestones, merged by entry id. */
    history: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          ...logEntryProperties,
          kind: { type: 'string', enum: ['founded', 'upgraded', 'moved', 'dissolved', 'note'] },
          date: dateField,
          docNo: text(100),
          note: text(500),
        },
        required: ['id', 'at', 'by', 'kind'],
        additionalProperties: false,
      },
    },
  },
  required: ['id', 'streetId', 'level', 'name'],
  additionalProperties: false,
} as const;
