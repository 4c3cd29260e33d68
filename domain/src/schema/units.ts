import { baseProperties, idField, idList, text } from './fields';

export const unitKinds = [
  'department',
  'stationed',
  'jurisdiction',
  'enterprise',
  'propertyCompany',
  'ownersCommittee',
] as const;

/** A unit: paired department (包抓部门), stationed unit, enterprise, property company, owners' committee. */
export const unitsSchema = {
  title: 'units',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...baseProperties,
    kind: { type: 'string', enum: unitKinds },
    name: text(100),
    communityId: idField,
    contactName: text(50),
    contactPhone: text(30),
    address: text(200),
    /** For departments: the compounds they are paired with. */
    pairedCompoundIds: idList,
  },
  required: ['id', 'streetId', 'kind', 'name'],
  additionalProperties: false,
} as const;
