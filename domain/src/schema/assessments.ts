import { baseProperties, idField, text } from './fields';

export const assessmentDirections = ['departmentToStreet', 'departmentToCommunity', 'streetToDepartment'] as const;

/** A two-way assessment (双向考核) for a year: who assesses whom, scores per criterion. */
export const assessmentsSchema = {
  title: 'assessments',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...baseProperties,
    year: { type: 'integer', minimum: 2000, maximum: 2100 },
    direction: { type: 'string', enum: assessmentDirections },
    assessorId: idField,
    assesseeId: idField,
    scores: {
      type: 'array',
      items: {
        type: 'object',
        properties: { criterionId: idField, score: { type: 'number', minimum: 0, maximum: 100 } },
        required: ['criterionId', 'score'],
        additionalProperties: false,
      },
    },
    note: text(1000),
  },
  required: ['id', 'streetId', 'year', 'direction', 'assessorId', 'assesseeId'],
  additionalProperties: false,
} as const;
