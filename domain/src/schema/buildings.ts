import { communityProperties, count, idField, logEntryProperties, text } from './fields';

/** A building (楼栋) of a compound, with its red building leader (红色楼栋长). */
export const buildingsSchema = {
  title: 'buildings',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...communityProperties,
    compoundId: idField,
    /** Number or name as written on the building, e.g. "3号楼". */
    name: text(50),
    units: { ...count, maximum: 100 },
    households: { ...count, maximum: 10000 },
    floors: { ...count, maximum: 200 },
    leaderMemberId: idField,
    /** Append-only: every claim and release of the building, merged by entry id. */
    leaderClaims: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          ...logEntryProperties,
          action: { type: 'string', enum: ['claim', 'release'] },
          memberId: idField,
        },
        required: ['id', 'at', 'by', 'action', 'memberId'],
        additionalProperties: false,
      },
    },
  },
  required: ['id', 'streetId', 'communityId', 'compoundId', 'name'],
  indexes: ['communityId', 'compoundId'],
  additionalProperties: false,
} as const;
