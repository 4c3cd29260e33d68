// How a field of a record and its value read to a person, wherever a record's raw values are shown
// (the conflict log, a record's history): the feature's own field label, 是/否 for booleans, enum
// names from the feature's locales, dates as YYYY-MM-DD, ID numbers and mobiles masked.
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { collectionInfo, type CollectionName } from '@domain/collections';
import { maskIdNumber, maskMobile } from '@domain/identity';

/** The feature (locale namespace) that names each collection's fields. */
const namespaceOf: Record<CollectionName, string> = {
  streets: 'settings',
  communities: 'communities',
  units: 'units',
  compounds: 'compounds',
  buildings: 'compounds',
  grids: 'grids',
  orgs: 'orgs',
  members: 'members',
  needs: 'needs',
  activities: 'activities',
  ledger: 'funds',
  assessments: 'assessment',
};

/** Where features keep the names of an enum field's values. */
const enumGroups: Record<string, string[]> = {
  kind: ['kinds'],
  level: ['levels'],
  category: ['categories'],
  gender: ['genders'],
  state: ['states', 'problems.needStates', 'liaison.states'],
  role: ['roles'],
};

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const ENUM_LIKE = /^[a-z][A-Za-z]*$/;

/** `communityId` → `community`, `participantIds` → `participant`: how form labels are keyed. */
function withoutIdSuffix(field: string): string | undefined {
  const match = /^(.+?)Ids?$/.exec(field);
  return match?.[1];
}

function lookup(t: TFunction, keys: string[]): string | undefined {
  for (const key of keys) {
    const text: unknown = t(key, { defaultValue: '', returnObjects: true });
    if (typeof text === 'string' && text !== '') return text;
  }
  return undefined;
}

export interface RecordText {
  fieldLabel(field: string): string;
  /** The value as a person reads it; `absent` for no value. */
  value(field: string, value: unknown): string;
}

export function recordText(t: TFunction, collection: CollectionName): RecordText {
  const ns = namespaceOf[collection];
  const prefixes = collection === 'buildings' ? ['buildings.', 'leaders.', ''] : [''];
  const personal = new Set(collectionInfo[collection].personalFields);
  const fieldLabel = (field: string): string => {
    const names = [field, withoutIdSuffix(field)].filter((name): name is string => name !== undefined);
    const keys = prefixes.flatMap((prefix) =>
      names.flatMap((name) => [`${ns}:${prefix}fields.${name}`, `${ns}:${prefix}form.${name}`, `${ns}:${prefix}columns.${name}`]),
    );
    return lookup(t, keys) ?? lookup(t, [`recordValues:fields.${field}`]) ?? field;
  };
  const scalar = (field: string, value: unknown): string => {
    if (value === undefined || value === null || value === '') return t('recordValues:absent');
    if (typeof value === 'boolean') return t(value ? 'recordValues:yes' : 'recordValues:no');
    if (typeof value === 'number') return String(value);
    if (typeof value !== 'string') return JSON.stringify(value);
    if (personal.has(field) && field === 'idNumber') return maskIdNumber(value);
    if (personal.has(field) && /phone|mobile/i.test(field)) return maskMobile(value);
    if (ISO_INSTANT.test(value)) return dayjs(value).format('YYYY-MM-DD HH:mm');
    if (ENUM_LIKE.test(value)) {
      const groups = enumGroups[field] ?? [];
      const named = lookup(
        t,
        groups.map((group) => `${ns}:${group}.${value}`),
      );
      if (named) return named;
    }
    return value;
  };
  return {
    fieldLabel,
    value(field, value) {
      if (Array.isArray(value)) {
        if (value.length === 0) return t('recordValues:absent');
        if (value.every((item) => typeof item !== 'object' || item === null)) return value.map((item) => scalar(field, item)).join('、');
        return t('recordValues:items', { count: value.length });
      }
      if (typeof value === 'object' && value !== null) return t('recordValues:object');
      return scalar(field, value);
    },
  };
}

const locales = {
  'zh-CN': {
    absent: '（无）',
    yes: '是',
    no: '否',
    items: '{{count}} 项',
    object: '（详细内容）',
    fields: { name: '名称', title: '标题', note: '备注', communityId: '所属社区', compoundId: '小区', buildingId: '楼栋' },
  },
  en: {
    absent: '(none)',
    yes: 'Yes',
    no: 'No',
    items: '{{count}} item(s)',
    object: '(details)',
    fields: { name: 'Name', title: 'Title', note: 'Note', communityId: 'Community', compoundId: 'Compound', buildingId: 'Building' },
  },
};

/** The field labels and value texts of a collection's records. */
export function useRecordText(collection: CollectionName): RecordText {
  const { t, i18n } = useTranslation();
  for (const [language, resources] of Object.entries(locales)) {
    if (!i18n.hasResourceBundle(language, 'recordValues')) i18n.addResourceBundle(language, 'recordValues', resources);
  }
  return recordText(t, collection);
}
