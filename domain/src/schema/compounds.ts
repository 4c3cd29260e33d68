import { communityProperties, count, dateField, idField, text } from './fields';

export const venueKinds = ['shared', 'rented', 'revived', 'newBuilt'] as const;

/** A residential compound (居民小区) with its venues (阵地) kept as a list. */
export const compoundsSchema = {
  title: 'compounds',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...communityProperties,
    name: text(100),
    address: text(200),
    propertyManaged: { type: 'boolean' },
    /** The property service company's name; its `units` record, once issue 3 adds it. */
    propertyCompany: text(100),
    propertyUnitId: idField,
    ownersCommittee: { type: 'boolean' },
    residentCount: count,
    pilot: { type: 'boolean' },
    venues: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: idField,
          kind: { type: 'string', enum: venueKinds },
          name: text(100),
          address: text(200),
          areaSquareMeters: { type: 'number', minimum: 0, maximum: 100000 },
          openingHours: text(100),
          contributor: text(100),
          contributorUnitId: idField,
          openedOn: dateField,
        },
        required: ['id', 'kind'],
        additionalProperties: false,
      },
    },
    note: text(500),
  },
  required: ['id', 'streetId', 'communityId', 'name', 'propertyManaged', 'residentCount', 'pilot'],
  indexes: ['communityId'],
  additionalProperties: false,
} as const;
