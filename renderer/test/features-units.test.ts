import { describe, expect, it } from 'vitest';
import type { Community, Compound, Unit } from '@domain/collections';
import { buildSearchIndex, searchIndex } from '../src/lib/search';
import { choiceMatches, compoundGroups } from '../src/features/units/compoundOptions';
import { locales } from '../src/features/units/locales';
import { unitCompounds } from '../src/features/units/unitCompounds';
import { departmentsByCompound, pairingsEndedByDelete, unitBlockers } from '../src/features/units/unitDependants';
import { isValidUnitPhone, nameTakenWithinKind, pairingsFromForm, unitFormValues, unitFromForm, type UnitFormValues } from '../src/features/units/unitDoc';
import { filterUnits, unitSearchSource } from '../src/features/units/unitFilters';
import { serverProblems } from './serverRules';

const department: Unit = {
  id: 'dept-01',
  streetId: 's1',
  kind: 'department',
  name: '灵武市住房和城乡建设局',
  contactName: '张三',
  contactPhone: '0951-4512345',
  address: '灵州大道1号',
  pairedCompoundIds: ['k1', 'k2'],
};
const property: Unit = { id: 'property-01', streetId: 's1', kind: 'propertyCompany', name: '宁夏物业公司', contactPhone: '13812345678' };
const stationed: Unit = { id: 'stationed-01', streetId: 's1', kind: 'stationed', name: '灵武市第一小学', communityId: 'c2' };

const compound = (id: string, name: string, communityId: string, extra: Partial<Compound> = {}): Compound => ({
  id,
  streetId: 's1',
  communityId,
  name,
  propertyManaged: false,
  residentCount: 100,
  pilot: false,
  ...extra,
});
const compounds = [
  compound('k1', '幸福花园', 'c1', { propertyManaged: true, propertyUnitId: 'property-01' }),
  compound('k2', '阳光小区', 'c2'),
  compound('k3', '和平小区', 'c1'),
];
const communities: Community[] = [
  { id: 'c1', streetId: 's1', name: '东塔社区' },
  { id: 'c2', streetId: 's1', name: '北门社区' },
];

const formOf = (unit: Unit) => unitFormValues(unit) as UnitFormValues;

describe('unit phone', () => {
  it('accepts a mainland mobile or a landline with its area code', () => {
    for (const phone of ['13812345678', '0951-1234567', '09511234567', '010-12345678', '0951-4512345-801', ' 0951-123 4567 ']) {
      expect(isValidUnitPhone(phone), phone).toBe(true);
    }
  });

  it('refuses what is neither', () => {
    for (const phone of ['1381234567', '12812345678', '1234567', '951-1234567', '0951-12345', 'abc', '0951—1234567']) {
      expect(isValidUnitPhone(phone), phone).toBe(false);
    }
  });
});

describe('unit name', () => {
  const units = [department, property, stationed];

  it('is taken when a unit of the same kind has it, spaces aside', () => {
    expect(nameTakenWithinKind(units, { kind: 'department', name: ' 灵武市住房和城乡建设局 ' })).toBe(true);
  });

  it('is not taken by a unit of another kind, by the unit itself, or when blank', () => {
    expect(nameTakenWithinKind(units, { kind: 'stationed', name: '灵武市住房和城乡建设局' })).toBe(false);
    expect(nameTakenWithinKind(units, { id: 'dept-01', kind: 'department', name: '灵武市住房和城乡建设局' })).toBe(false);
    expect(nameTakenWithinKind(units, { kind: 'department', name: '  ' })).toBe(false);
  });
});

describe('unit form', () => {
  const known = new Set(compounds.map((c) => c.id));

  it('creates a document the server accepts, with no empty strings', () => {
    const doc = unitFromForm(
      { kind: 'enterprise', name: ' 塞上建材公司 ', communityId: 'c1', contactName: '', contactPhone: ' 0951-123 4567 ', address: '  ', pairedCompoundIds: ['k1'] },
      { id: 'u1', streetId: 's1' },
      known,
    );
    // Only a department is paired with compounds.
    expect(doc).toEqual({ id: 'u1', streetId: 's1', kind: 'enterprise', name: '塞上建材公司', communityId: 'c1', contactPhone: '0951-1234567' });
    expect(serverProblems('units', doc)).toEqual([]);
  });

  it('round-trips a department unchanged', () => {
    const doc = unitFromForm(formOf(department), department, known);
    expect(doc).toEqual(department);
    expect(serverProblems('units', doc)).toEqual([]);
  });

  it('changes the pairings to what was chosen', () => {
    const doc = unitFromForm({ ...formOf(department), pairedCompoundIds: ['k3'] }, department, known);
    expect(doc.pairedCompoundIds).toEqual(['k3']);
    const none = unitFromForm({ ...formOf(department), pairedCompoundIds: [] }, department, known);
    expect(none.pairedCompoundIds).toBeUndefined();
  });

  it('keeps pairings with compounds the device cannot show, which the form could not offer', () => {
    const stored = { ...department, pairedCompoundIds: ['k1', 'elsewhere'] };
    const doc = unitFromForm({ ...formOf(stored), pairedCompoundIds: ['k3'] }, stored, known);
    expect(doc.pairedCompoundIds).toEqual(['k3', 'elsewhere']);
    expect(pairingsFromForm(['k1', 'k1'], ['x'], known)).toEqual(['k1', 'x']);
  });

  it('ends the pairings when a department becomes another kind', () => {
    const doc = unitFromForm({ ...formOf(department), kind: 'stationed' }, department, known);
    expect(doc.pairedCompoundIds).toBeUndefined();
    expect(doc.kind).toBe('stationed');
  });

  it('starts a new unit with the list filter’s kind and community', () => {
    expect(unitFormValues(undefined, { kind: 'ownersCommittee', communityId: 'c2' })).toMatchObject({ kind: 'ownersCommittee', communityId: 'c2' });
    expect(unitFormValues(undefined)).toMatchObject({ kind: 'department' });
  });
});

describe('unit list', () => {
  const units = [department, property, stationed];
  const compoundById = new Map(compounds.map((c) => [c.id, c]));
  const ids = (filters: Parameters<typeof filterUnits>[1]) => filterUnits(units, filters, compoundById).map((u) => u.id);

  it('narrows by kind', () => {
    expect(ids({})).toEqual(['dept-01', 'property-01', 'stationed-01']);
    expect(ids({ kind: 'propertyCompany' })).toEqual(['property-01']);
  });

  it('narrows by community: units sitting there, and departments paired with a compound there', () => {
    expect(ids({ communityId: 'c2' })).toEqual(['dept-01', 'stationed-01']);
    expect(ids({ communityId: 'c1' })).toEqual(['dept-01']);
    expect(ids({ communityId: 'c1', kind: 'stationed' })).toEqual([]);
  });

  it('finds a unit by pinyin initials, its contact, or the last digits of its phone', () => {
    const index = buildSearchIndex(units, unitSearchSource);
    const found = (query: string) => searchIndex(index, query).map((u) => u.id);
    expect(found('nxwy')).toEqual(['property-01']);
    expect(found('zs')).toContain('dept-01');
    expect(found('5678')).toEqual(['property-01']);
    expect(found('小学')).toEqual(['stationed-01']);
  });
});

describe('deleting a unit', () => {
  const dependants = {
    propertyCompounds: new Map([['property-01', 1]]),
    venues: new Map([['dept-01', 2]]),
    members: new Map([['dept-01', 5]]),
    orgs: new Map<string, number>(),
    needs: new Map([['dept-01', 0]]),
  };

  it('is refused while compounds, venues, members, orgs or needs refer to it, saying which', () => {
    expect(unitBlockers(dependants, department)).toEqual([['venues', 2], ['members', 5]]);
    expect(unitBlockers(dependants, property)).toEqual([['propertyCompounds', 1]]);
    expect(unitBlockers(dependants, stationed)).toEqual([]);
  });

  it('asks first about the pairings a department’s delete ends', () => {
    expect(pairingsEndedByDelete(department)).toBe(2);
    expect(pairingsEndedByDelete({ ...department, pairedCompoundIds: [] })).toBe(0);
    expect(pairingsEndedByDelete(stationed)).toBe(0);
  });
});

describe('a unit’s compounds', () => {
  it('lists a department’s paired compounds and counts those the device does not hold', () => {
    const related = unitCompounds({ ...department, pairedCompoundIds: ['k2', 'gone'] }, compounds);
    expect(related.paired.map((c) => c.id)).toEqual(['k2']);
    expect(related.hiddenPaired).toBe(1);
  });

  it('lists the compounds a property company serves', () => {
    expect(unitCompounds(property, compounds).served.map((c) => c.id)).toEqual(['k1']);
    expect(unitCompounds(property, compounds).paired).toEqual([]);
  });
});

describe('choosing paired compounds', () => {
  const other: Unit = { ...department, id: 'dept-02', name: '灵武市民政局', pairedCompoundIds: ['k2'] };
  const groups = compoundGroups(compounds, communities, departmentsByCompound([department, other]), 'dept-01');

  it('groups compounds by community, both in pinyin order', () => {
    expect(groups.map((g) => g.communityName)).toEqual(['北门社区', '东塔社区']);
    expect(groups[1]?.compounds.map((c) => c.name)).toEqual(['和平小区', '幸福花园']);
  });

  it('says which other department already holds a compound, not the one being edited', () => {
    expect(groups[0]?.compounds[0]).toEqual({ value: 'k2', name: '阳光小区', alsoPairedWith: ['灵武市民政局'] });
    expect(groups[1]?.compounds.find((c) => c.value === 'k1')?.alsoPairedWith).toEqual([]);
  });

  it('finds a compound by name, pinyin initials or its community', () => {
    expect(choiceMatches('xfhy', '幸福花园', '东塔社区')).toBe(true);
    expect(choiceMatches('东塔', '幸福花园', '东塔社区')).toBe(true);
    expect(choiceMatches('阳光', '幸福花园', '东塔社区')).toBe(false);
  });
});

// features-locales.test.ts checks the namespaces it lists; this one is checked here too.
function leafKeys(node: object, prefix = ''): string[] {
  return Object.entries(node).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? leafKeys(value as object, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

function lookup(node: object, path: string): unknown {
  return path.split('.').reduce<unknown>((at, part) => (typeof at === 'object' && at !== null ? (at as Record<string, unknown>)[part] : undefined), node);
}

const sources = import.meta.glob<string>(['../src/features/units/*.tsx', '../src/features/units/*.ts'], { query: '?raw', import: 'default', eager: true });

describe('unit locales', () => {
  it('has the same texts in Chinese and English, none empty', () => {
    expect(leafKeys(locales.en).sort()).toEqual(leafKeys(locales['zh-CN']).sort());
    for (const key of leafKeys(locales['zh-CN'])) {
      expect(String(lookup(locales['zh-CN'], key)).trim(), `zh-CN ${key}`).not.toBe('');
      expect(String(lookup(locales.en, key)).trim(), `en ${key}`).not.toBe('');
    }
  });

  it('has every text the pages ask for', () => {
    const missing: string[] = [];
    for (const [path, source] of Object.entries(sources)) {
      for (const match of source.matchAll(/\bt\(\s*'([^']+)'/g)) {
        if (typeof lookup(locales['zh-CN'], match[1] ?? '') !== 'string') missing.push(`${path}: ${match[1] ?? ''}`);
      }
      for (const match of source.matchAll(/\bt\(\s*`([\w.]+)\.\$\{/g)) {
        if (typeof lookup(locales['zh-CN'], match[1] ?? '') !== 'object') missing.push(`${path}: ${match[1] ?? ''}.*`);
      }
    }
    expect(Object.keys(sources).length).toBeGreaterThan(5);
    expect(missing).toEqual([]);
  });
});
