import { communityProperties, idList, text } from './fields';

/** A grid (网格): the compounds and buildings it covers and the people who serve it. */
export const gridsSchema = {
  title: 'grids',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...communityProperties,
    name: text(50),
    code: text(20),
    compoundIds: idList,
    buildingIds: idList,
    gridWorkerIds: idList,
    communityWorkerIds: idList,
    volunteerIds: idList,
  },
  required: ['id', 'streetId', 'communityId', 'name'],
  indexes: ['communityId'],
  additionalProperties: false,
} as const;
