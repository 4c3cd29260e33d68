import { baseProperties, text } from './fields';

/** A community (社区). Its Party branch's level and upgrade history live in `orgs`. */
export const communitiesSchema = {
  title: 'communities',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...baseProperties,
    name: text(50),
    address: text(200),
    phone: text(30),
  },
  required: ['id', 'streetId', 'name'],
  additionalProperties: false,
} as const;
