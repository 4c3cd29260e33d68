import { describe, expect, it } from 'vitest';
import { locales as components } from '../src/components/locales';
import { locales as accounts } from '../src/features/accounts/locales';
import { locales as activities } from '../src/features/activities/locales';
import { locales as assessment } from '../src/features/assessment/locales';
import { locales as communities } from '../src/features/communities/locales';
import { locales as compounds } from '../src/features/compounds/locales';
import { locales as duplicates } from '../src/features/duplicates/locales';
import { locales as funds } from '../src/features/funds/locales';
import { locales as grids } from '../src/features/grids/locales';
import { locales as home } from '../src/features/home/locales';
import { locales as members } from '../src/features/members/locales';
import { locales as needs } from '../src/features/needs/locales';
import { locales as reports } from '../src/features/reports/locales';
import { locales as roster } from '../src/features/roster/locales';
import { locales as orgs } from '../src/features/orgs/locales';
import { locales as settings } from '../src/features/settings/locales';
import { locales as trash } from '../src/features/trash/locales';
import { locales as units } from '../src/features/units/locales';
import { locales as recordHistory } from '../src/components/RecordHistoryTexts';
import { locales as venues } from '../src/features/venues/locales';

const namespaces: Record<string, { 'zh-CN': object; en: object }> = { accounts, activities, assessment, components, communities, compounds, duplicates, funds, grids, home, members, needs, orgs, reports, roster, settings, trash, units, venues, recordHistory };

/** Every leaf key of a locale, as `a.b.c`. */
function leafKeys(node: object, prefix = ''): string[] {
  return Object.entries(node).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? leafKeys(value as object, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

function lookup(node: object, path: string): unknown {
  return path.split('.').reduce<unknown>((at, part) => (typeof at === 'object' && at !== null ? (at as Record<string, unknown>)[part] : undefined), node);
}

// The sources, to check that every text a page asks for exists.
const sources = import.meta.glob<string>(['../src/features/**/*.tsx', '../src/features/**/*.ts', '../src/components/*.tsx'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

function namespaceOfFile(path: string): string {
  if (path.endsWith('/components/RecordHistory.tsx')) return 'recordHistory';
  return /\/features\/([^/]+)\//.exec(path)?.[1] ?? 'components';
}

describe('locales', () => {
  it.each(Object.keys(namespaces))('%s has the same texts in Chinese and English, none empty', (name) => {
    const { 'zh-CN': zh, en } = namespaces[name] ?? { 'zh-CN': {}, en: {} };
    expect(leafKeys(en).sort()).toEqual(leafKeys(zh).sort());
    for (const key of leafKeys(zh)) {
      expect(String(lookup(zh, key)).trim(), `zh-CN ${key}`).not.toBe('');
      expect(String(lookup(en, key)).trim(), `en ${key}`).not.toBe('');
    }
  });

  it('has every text the pages ask for', () => {
    const missing: string[] = [];
    for (const [path, source] of Object.entries(sources)) {
      const zh = namespaces[namespaceOfFile(path)]?.['zh-CN'] ?? {};
      for (const match of source.matchAll(/\bt\(\s*'([^']+)'/g)) {
        // `duplicates:noticeLink` is a text of another namespace.
        const [namespace, key] = (match[1] ?? '').includes(':') ? (match[1] ?? '').split(':') : [undefined, match[1] ?? ''];
        const texts = namespace === undefined ? zh : namespaces[namespace]?.['zh-CN'] ?? {};
        if (typeof lookup(texts, key ?? '') !== 'string') missing.push(`${path}: ${match[1]}`);
      }
      // t(`categories.${category}`): the prefix must be a group of texts.
      for (const match of source.matchAll(/\bt\(\s*`([\w.]+)\.\$\{/g)) {
        const prefix = match[1] ?? '';
        if (typeof lookup(zh, prefix) !== 'object') missing.push(`${path}: ${prefix}.*`);
      }
    }
    expect(Object.keys(sources).length).toBeGreaterThan(10);
    expect(missing).toEqual([]);
  });
});
