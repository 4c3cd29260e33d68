import { communityProperties, dateField, idField, logEntryProperties, text } from './fields';

export const needStates = ['submitted', 'listed', 'claimed', 'coordinating', 'resolved', 'closed', 'returned'] as const;
export const urgencies = ['low', 'normal', 'high'] as const;

/** A resident's need on the problem list (问题清单). */
export const needsSchema = {
  title: 'needs',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...communityProperties,
    compoundId: idField,
    buildingId: idField,
    raisedBy: text(50),
    raisedByPhone: { type: 'string', maxLength: 11 },
    raisedOn: dateField,
    categoryId: idField,
    description: text(2000),
    urgency: { type: 'string', enum: urgencies },
    state: { type: 'string', enum: needStates },
    claimedByUnitId: idField,
    /** Append-only: every step of the need's way through the list, merged by entry id. */
    steps: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          ...logEntryProperties,
          /** The person's display name when they took the step: history reads without a user list. */
          byName: text(50),
          action: text(30),
          toState: { type: 'string', enum: needStates },
          unitId: idField,
          /** The unit's name at the time, for devices that do not hold units (a liaison's). */
          unitName: text(100),
          note: text(2000),
        },
        required: ['id', 'at', 'by', 'action'],
        additionalProperties: false,
      },
    },
  },
  required: ['id', 'streetId', 'communityId', 'compoundId', 'description', 'state'],
  indexes: ['communityId', 'compoundId'],
  additionalProperties: false,
} as const;
