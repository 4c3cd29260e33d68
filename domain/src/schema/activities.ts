import { communityProperties, dateField, idField, idList, text } from './fields';

export const activityKinds = ['deliberation', 'study', 'service', 'meeting'] as const;

/** A service activity (共建服务活动). */
export const activitiesSchema = {
  title: 'activities',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...communityProperties,
    compoundId: idField,
    venueId: idField,
    date: dateField,
    kind: { type: 'string', enum: activityKinds },
    title: text(100),
    participantIds: idList,
    hours: { type: 'number', minimum: 0, maximum: 24 },
    note: text(1000),
  },
  required: ['id', 'streetId', 'communityId', 'date', 'kind', 'title'],
  indexes: ['communityId'],
  additionalProperties: false,
} as const;
