// The roster page's texts and its column mapping: every problem the checks can report has words in
// both languages, and a person's mapping keeps one column per field.
import { describe, expect, it } from 'vitest';
import { idNumberMessages } from '@domain/messages';
import { locales } from '../src/features/roster/locales';
import { remap, rosterFields, rosterKinds } from '../src/lib/roster/fields';
import { rosterProblemCodes } from '../src/lib/roster/problems';

function lookup(node: object, path: string): unknown {
  return path.split('.').reduce<unknown>((at, part) => (typeof at === 'object' && at !== null ? (at as Record<string, unknown>)[part] : undefined), node);
}

describe('roster texts', () => {
  const codes = [...rosterProblemCodes, ...Object.keys(idNumberMessages).map((problem) => `idNumber.${problem}`)];

  it.each(['zh-CN', 'en'] as const)('%s words every problem and names every field', (language) => {
    const texts = locales[language];
    for (const code of codes) expect(lookup(texts.problems, code), code).toEqual(expect.any(String));
    for (const kind of rosterKinds) {
      for (const field of rosterFields[kind]) expect(lookup(texts.fields, `${kind}.${field.key}`), `${kind}.${field.key}`).toEqual(expect.any(String));
    }
  });

  it('shows the domain’s own Chinese for an ID number’s check digit', () => {
    expect(locales['zh-CN'].problems.idNumber.checkDigit).toBe(idNumberMessages.checkDigit);
  });
});

describe('mapping columns by hand', () => {
  it('moves a field to the column chosen and frees the column it held', () => {
    expect(remap({ name: 0, mobile: 1 }, 2, 'name')).toEqual({ name: 2, mobile: 1 });
  });

  it('replaces what a column held, and can leave a column out', () => {
    expect(remap({ name: 0, mobile: 1 }, 1, 'idNumber')).toEqual({ name: 0, idNumber: 1 });
    expect(remap({ name: 0, mobile: 1 }, 1, undefined)).toEqual({ name: 0 });
  });
});
