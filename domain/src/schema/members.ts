import { communityProperties, dateField, idField, text, textList } from './fields';

export const memberCategories = [
  'pairedDepartment',
  'communityManaged',
  'propertyCompany',
  'retired',
  'inServiceReported',
] as const;
export const genders = ['male', 'female'] as const;
export const teamRoles = ['gridWorker', 'communityWorker', 'volunteer'] as const;

/** A person on the compound governance team (治理队伍成员). */
export const membersSchema = {
  title: 'members',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...communityProperties,
    name: text(50),
    /** 居民身份证号 (GB 11643): personal, masked in lists. */
    idNumber: { type: 'string', maxLength: 18 },
    gender: { type: 'string', enum: genders },
    birthDate: dateField,
    /** 11-digit mainland mobile: personal, masked in lists. */
    mobile: { type: 'string', maxLength: 11 },
    isPartyMember: { type: 'boolean' },
    category: { type: 'string', enum: memberCategories },
    workUnit: text(100),
    unitId: idField,
    compoundId: idField,
    buildingId: idField,
    /** 单元 and room, as written: "2", "301". */
    unitNo: text(20),
    room: text(20),
    gridId: idField,
    teamRoles: { type: 'array', items: { type: 'string', enum: teamRoles }, uniqueItems: true },
    report: {
      type: 'object',
      properties: { date: dateField, skills: textList, services: textList },
      required: ['date'],
      additionalProperties: false,
    },
    note: text(500),
  },
  required: ['id', 'streetId', 'communityId', 'name', 'isPartyMember'],
  indexes: ['communityId'],
  additionalProperties: false,
} as const;
