import { baseProperties, count, idField, text } from './fields';

export const streetsSchema = {
  title: 'streets',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...baseProperties,
    name: text(100),
    /** Branch working funds per resident per year, in fen (5–10 yuan = 500–1000), by year. */
    fundRates: {
      type: 'array',
      items: {
        type: 'object',
        properties: { year: { type: 'integer', minimum: 2000, maximum: 2100 }, fenPerResident: { type: 'integer', minimum: 500, maximum: 1000 } },
        required: ['year', 'fenPerResident'],
        additionalProperties: false,
      },
    },
    /** Minimum total score for 2, 3, 4 and 5 stars (1 star below the first). */
    starThresholds: { type: 'array', items: { type: 'number', minimum: 0, maximum: 1000 }, maxItems: 4 },
    assessmentCriteria: {
      type: 'array',
      items: {
        type: 'object',
        properties: { id: idField, name: text(100), weight: { type: 'number', minimum: 0, maximum: 100 } },
        required: ['id', 'name', 'weight'],
        additionalProperties: false,
      },
    },
    needCategories: {
      type: 'array',
      items: {
        type: 'object',
        properties: { id: idField, name: text(50), deadlineDays: { ...count, maximum: 365 } },
        required: ['id', 'name', 'deadlineDays'],
        additionalProperties: false,
      },
    },
    /** Days an offline login stays possible after the last online login on a device (default 30). */
    offlineLoginDays: { type: 'integer', minimum: 1, maximum: 90 },
    /** Minutes without input after which the app locks (default 15). */
    lockMinutes: { type: 'integer', minimum: 1, maximum: 240 },
    groupTypes: {
      type: 'array',
      items: {
        type: 'object',
        properties: { id: idField, name: text(50) },
        required: ['id', 'name'],
        additionalProperties: false,
      },
    },
  },
  required: ['id', 'streetId', 'name'],
  additionalProperties: false,
} as const;
